"""The glossary: term pages in both languages, the shipped terms, and guides linking the first
use of each term through the one Markdown pipeline."""

import io
import json
import re

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from reversion.models import Version

from editorial.content import ContentLoader
from editorial.models import LoadedContent
from editorial.translations import content_po
from editorial.translations import status as ts
from freelanceguide.markdown import GlossaryLink, link_glossary_terms, render_document, render_markdown
from glossary import content as glossary_content
from glossary.models import Term
from guides.models import Guide
from tests import factories

ESCROW = GlossaryLink("/bn/glossary/escrow/", ("Escrow", "এসক্রো", "escrow account"))
PROPOSAL = GlossaryLink("/bn/glossary/proposal/", ("Proposal", "প্রপোজাল"))
BID = GlossaryLink("/bn/glossary/bid/", ("Bid",))


def term_links(html):
    return re.findall(r'<a class="term" href="([^"]+)">([^<]+)</a>', html)


# --- the pipeline step --------------------------------------------------------------------


def test_only_the_first_use_of_each_term_is_linked():
    html = render_document("Escrow keeps money safe.\n\nThe escrow is released later. Escrow again.", "en", [ESCROW])
    assert term_links(html.html) == [("/bn/glossary/escrow/", "Escrow")]
    text = re.sub(r"<[^>]+>", "", html.html)
    assert text == "Escrow keeps money safe.\nThe escrow is released later. Escrow again.", "the words are kept"


def test_terms_are_never_linked_in_headings_links_or_code():
    text = (
        "## Escrow explained\n\n"
        "Read [about escrow](https://example.org/) and `escrow` and\n\n"
        "    escrow in a code block\n\n"
        "<kbd>escrow</kbd> then at last escrow here."
    )
    html = render_document(text, "en", [ESCROW]).html
    assert term_links(html) == [("/bn/glossary/escrow/", "escrow")]
    assert html.index('class="term"') > html.index("at last")
    assert '<h2 id="h-escrow-explained">Escrow explained</h2>' in html


def test_whole_words_only_and_a_plural_or_bangla_ending_still_counts():
    html = render_markdown("Forbid it. Bidder no.")
    assert link_glossary_terms(html, [BID]) == html, "a term inside another word is not linked"
    linked = link_glossary_terms("<p>Two bids came in.</p>", [BID])
    assert term_links(linked) == [("/bn/glossary/bid/", "bids")]
    bangla = link_glossary_terms("<p>প্রপোজালে লিখুন, এসক্রোতে টাকা থাকে। প্রপোজালটি ছোট।</p>", [PROPOSAL, ESCROW])
    assert term_links(bangla) == [("/bn/glossary/proposal/", "প্রপোজালে"), ("/bn/glossary/escrow/", "এসক্রোতে")]
    assert term_links(link_glossary_terms("<p>কাপ্রপোজাল</p>", [PROPOSAL])) == [], "not inside a Bangla word"


def test_the_longest_spelling_wins_and_case_does_not_matter():
    html = link_glossary_terms("<p>An ESCROW ACCOUNT holds it.</p>", [ESCROW])
    assert term_links(html) == [("/bn/glossary/escrow/", "ESCROW ACCOUNT")]


def test_text_with_entities_stays_escaped_around_a_link():
    html = render_markdown("Tom & Jerry <3 an escrow & more")
    linked = link_glossary_terms(html, [ESCROW])
    assert linked == html.replace("escrow", '<a class="term" href="/bn/glossary/escrow/">escrow</a>')
    assert "&amp;" in linked and "&lt;3" in linked


def test_without_terms_the_pipeline_output_is_unchanged():
    text = "## Part\n\nEscrow and proposal."
    assert render_document(text, "en").html == render_markdown(text)
    assert 'class="term"' not in render_markdown(text)


def test_the_sanitiser_still_strips_a_class_an_editor_writes():
    html = render_markdown('<a class="term" href="/x">x</a> <span class="term">y</span>')
    # A span survives (editors mark English with <span lang="en">), but never with a class.
    assert "class=" not in html
    assert "<span>y</span>" in html


# --- guides link terms when saved -----------------------------------------------------------


@pytest.fixture
def escrow(db):
    return factories.term(slug="escrow", name_en="Escrow", name_bn="এসক্রো", search_aliases="এস্ক্রো\nescrow account")


def test_a_saved_guide_links_the_first_use_in_both_languages(escrow):
    guide = factories.guide(
        body_bn="## এসক্রো কী\n\nটাকা এসক্রোতে থাকে। আবার এসক্রো।",
        body_en="## What is escrow\n\nThe money waits in escrow. Escrow again.",
    )
    assert term_links(guide.body_html_bn) == [("/bn/glossary/escrow/", "এসক্রোতে")]
    assert term_links(guide.body_html_en) == [("/en/glossary/escrow/", "escrow")]


def test_the_guide_page_shows_the_links(client, escrow):
    guide = factories.guide(body_en="Money waits in escrow.")
    page = client.get(f"/en/guides/{guide.slug}/").content.decode()
    assert '<a class="term" href="/en/glossary/escrow/">escrow</a>' in page


def test_editors_can_switch_linking_off_per_guide(escrow):
    guide = factories.guide(body_en="Money in escrow.", body_bn="টাকা এসক্রোতে।", link_glossary_terms=False)
    assert term_links(guide.body_html_en) == [] and term_links(guide.body_html_bn) == []
    guide.link_glossary_terms = True
    guide.save()
    assert term_links(guide.body_html_en) == [("/en/glossary/escrow/", "escrow")]


def test_an_unpublished_term_is_not_linked(db):
    factories.term(slug="escrow", name_en="Escrow", name_bn="এসক্রো", published=False)
    assert term_links(factories.guide(body_en="Money in escrow.").body_html_en) == []


def test_adding_a_term_links_it_in_guides_that_use_it_without_touching_their_dates(db):
    using = factories.guide(body_en="Send a proposal first.", body_bn="আগে প্রপোজাল পাঠান।")
    other = factories.guide(body_en="Nothing here.", body_bn="কিছু নেই।")
    updated, other_html = using.updated, other.body_html_en
    factories.term(slug="proposal", name_en="Proposal", name_bn="প্রপোজাল")
    using.refresh_from_db()
    other.refresh_from_db()
    assert term_links(using.body_html_en) == [("/en/glossary/proposal/", "proposal")]
    assert term_links(using.body_html_bn) == [("/bn/glossary/proposal/", "প্রপোজাল")]
    assert using.updated == updated, "a link is not new content"
    assert other.body_html_en == other_html


def test_renaming_or_respelling_a_term_re_renders_the_guides(escrow):
    guide = factories.guide(body_en="Money waits in escrow, then a holding account pays.", body_bn="টাকা এসক্রোতে থাকে।")
    escrow.name_en = "Holding account"
    escrow.save()
    guide.refresh_from_db()
    assert term_links(guide.body_html_en) == [("/en/glossary/escrow/", "holding account")]
    escrow.search_aliases = "এসক্রোতে"
    escrow.name_bn = "জমা"
    escrow.save()
    guide.refresh_from_db()
    assert term_links(guide.body_html_bn) == [("/bn/glossary/escrow/", "এসক্রোতে")]
    escrow.slug = "holding"
    escrow.save()
    guide.refresh_from_db()
    assert term_links(guide.body_html_bn) == [("/bn/glossary/holding/", "এসক্রোতে")]


def test_unpublishing_or_deleting_a_term_removes_its_links(escrow):
    guide = factories.guide(body_en="Money in escrow.", body_bn="টাকা এসক্রোতে।")
    escrow.published = False
    escrow.save()
    guide.refresh_from_db()
    assert term_links(guide.body_html_en) == []
    escrow.published = True
    escrow.save()
    guide.refresh_from_db()
    assert term_links(guide.body_html_en) == [("/en/glossary/escrow/", "escrow")]
    escrow.delete()
    guide.refresh_from_db()
    assert term_links(guide.body_html_en) == [] and term_links(guide.body_html_bn) == []


def test_saving_a_term_without_link_changes_renders_no_guide(escrow):
    factories.guide(body_en="Money in escrow.")
    escrow.summary_en = "Changed meaning."
    with CaptureQueriesContext(connection) as queries:
        escrow.save()
    assert not any('"guides_guide"' in q["sql"] and "LIKE" in q["sql"] for q in queries.captured_queries)


# --- pages --------------------------------------------------------------------------------


@pytest.fixture
def glossary(db):
    topic = factories.term_topic(name_bn="টাকা", name_en="Money")
    guide = factories.guide(slug="getting-paid", title_bn="টাকা পাওয়া", title_en="Getting paid")
    milestone = factories.term(slug="milestone", name_en="Milestone", name_bn="মাইলস্টোন", topic=topic)
    escrow = factories.term(
        slug="escrow",
        name_en="Escrow",
        name_bn="এসক্রো",
        topic=topic,
        summary_bn="মাঝখানে জমা রাখা টাকা।",
        summary_en="Money held in the middle.",
        example="The money is safe in escrow.",
        example_meaning="টাকাটি এসক্রোতে নিরাপদে আছে।",
        guide_slug=guide.slug,
    )
    escrow.related.add(milestone)
    factories.term(slug="bid", name_en="Bid", name_bn="বিড")
    return escrow


@pytest.mark.parametrize("lang", ["bn", "en"])
def test_the_term_page_shows_everything_a_reader_needs(client, glossary, lang):
    page = client.get(f"/{lang}/glossary/escrow/").content.decode()
    assert '<h1 lang="en">Escrow</h1>' in page
    assert '<span lang="bn">এসক্রো</span>' in page
    summary = "মাঝখানে জমা রাখা টাকা।" if lang == "bn" else "Money held in the middle."
    assert f'<p class="lead" lang="{lang}">{summary}</p>' in page
    assert '<blockquote class="example" lang="en"><p>The money is safe in escrow.</p></blockquote>' in page
    assert '<span lang="bn">টাকাটি এসক্রোতে নিরাপদে আছে।</span>' in page
    assert f'href="/{lang}/glossary/milestone/"' in page, "related terms"
    assert f'href="/{lang}/guides/getting-paid/"' in page, "the guide to read"
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/glossary/escrow/">' in page


def test_the_term_page_describes_the_term_for_search_engines(client, glossary):
    page = client.get("/bn/glossary/escrow/").content.decode()
    blocks = [json.loads(b) for b in re.findall(r'<script type="application/ld\+json">(.*?)</script>', page)]
    term = next(block for block in blocks if block["@type"] == "DefinedTerm")
    assert term["name"] == "Escrow" and term["alternateName"] == "এসক্রো"
    assert term["description"] == "মাঝখানে জমা রাখা টাকা।"
    assert term["inDefinedTermSet"]["url"] == "http://testserver/bn/glossary/"
    crumbs = next(block for block in blocks if block["@type"] == "BreadcrumbList")
    assert [item["item"] for item in crumbs["itemListElement"]][1:] == [
        "http://testserver/bn/glossary/",
        "http://testserver/bn/glossary/escrow/",
    ]


def test_a_missing_or_unpublished_guide_to_read_is_left_out(client, glossary):
    Guide.objects.filter(slug="getting-paid").update(published=False)
    page = client.get("/en/glossary/escrow/").content.decode()
    assert "/guides/getting-paid/" not in page and "guide-heading" not in page
    glossary.guide_slug = "not-written-yet"
    glossary.save()
    assert client.get("/en/glossary/escrow/").status_code == 200


@pytest.mark.parametrize("lang", ["bn", "en"])
def test_the_glossary_lists_terms_a_to_z_and_by_topic(client, glossary, lang):
    page = client.get(f"/{lang}/glossary/").content.decode()
    letters = re.findall(r'<h3 id="letter-([A-Z#])"', page)
    assert letters == ["B", "E", "M"]
    topic_section = page[page.index('<h2 id="by-topic">') :]
    money = "টাকা" if lang == "bn" else "Money"
    assert f">{money}</h3>" in topic_section
    after_money = topic_section[topic_section.index(f">{money}</h3>") :]
    assert after_money.index("Escrow") < after_money.index("Milestone")
    assert page.count(f'href="/{lang}/glossary/escrow/"') == 2, "once A to Z, once by topic"
    assert '<a href="#letter-E">E</a>' in page


def test_unknown_and_unpublished_terms_are_404(client, glossary):
    Term.objects.filter(slug="bid").update(published=False)
    assert client.get("/bn/glossary/bid/").status_code == 404
    assert client.get("/en/glossary/no-such-term/").status_code == 404
    assert "/glossary/bid/" not in client.get("/bn/glossary/").content.decode()


def count_queries(client, url):
    for cache in caches.all():
        cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def add_terms(count, guide_slug):
    topics = [factories.term_topic() for _ in range(3)]
    made = [factories.term(topic=topics[n % 3], guide_slug=guide_slug) for n in range(count)]
    for index, term in enumerate(made):
        term.related.add(made[index - 1], made[index - 2])
    return made


@pytest.mark.parametrize("lang", ["bn", "en"])
@pytest.mark.parametrize("path", ["/{lang}/glossary/", "/{lang}/glossary/{slug}/"])
def test_glossary_pages_stay_within_the_query_budget(client, db, lang, path):
    guide = factories.guide()
    measured = factories.term(guide_slug=guide.slug)
    measured.related.add(*add_terms(17, guide.slug)[:5])
    url = path.format(lang=lang, slug=measured.slug)
    with_n = count_queries(client, url)
    measured.related.add(*add_terms(34, guide.slug))
    with_3n = count_queries(client, url)
    assert with_3n <= 4 and with_3n == with_n, (url, with_n, with_3n)


def test_the_glossary_is_in_the_header_of_every_page(client, db):
    page = client.get("/bn/").content.decode()
    assert 'href="/bn/glossary/"' in page


# --- search -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "query"), [("bn", "escrow"), ("bn", "এসক্রো"), ("en", "Escrow"), ("en", "এস্ক্রো"), ("bn", "escrow account")]
)
def test_search_finds_a_term_by_its_english_word_and_bangla_spellings(client, escrow, lang, query):
    page = client.get(f"/{lang}/search/", {"q": query}).content.decode()
    assert f'href="/{lang}/glossary/escrow/"' in page


def test_an_unpublished_term_is_not_found(client, escrow):
    escrow.published = False
    escrow.save()
    assert "/glossary/escrow/" not in client.get("/en/search/", {"q": "escrow"}).content.decode()


# --- the shipped glossary and the loader ----------------------------------------------------


def test_the_shipped_glossary_has_at_least_sixty_complete_terms(shipped_content):
    terms = list(Term.objects.published().prefetch_related("related"))
    assert len(terms) >= 60
    for term in terms:
        for field in ("name_bn", "name_en", "summary_bn", "summary_en", "example", "example_meaning"):
            assert getattr(term, field), (term.slug, field)
        assert term.guide_slug and term.related.exists(), term.slug
        # A link's address (/bn/account-check/) is no text a reader sees; its words are.
        body_text = re.sub(r"\]\([^)\s]*\)", "]", term.body_bn)
        assert not re.search(r"[0-9A-Za-z]", term.name_bn + term.summary_bn + body_text + term.example_meaning), (
            f"{term.slug}: Bangla text with Latin letters or ASCII digits"
        )
    required = {"proposal", "bid", "connects", "milestone", "escrow", "clearance", "pending", "dispute", "mediation"}
    required |= {"job-success-score", "rising-talent", "top-rated", "gig", "package", "brief-and-match", "kyc"}
    required |= {"seller-level", "buyer", "revision", "deliverable", "scope", "invoice", "withdrawal"}
    assert required <= {term.slug for term in terms}


def test_every_related_term_in_the_files_is_linked_on_the_first_load(shipped_content):
    for item in glossary_content.shipped_terms():
        term = Term.objects.get(slug=item["slug"])
        assert sorted(term.related.values_list("slug", flat=True)) == sorted(item.get("related", [])), item["slug"]


def test_loading_again_changes_nothing_and_keeps_an_editors_change(shipped_content):
    term = Term.objects.get(slug="escrow")
    term.summary_en = "Edited by an editor."
    term.save()
    out = io.StringIO()
    call_command("load_content", stdout=out)
    assert "glossary.term:escrow: kept: changed by an editor" in out.getvalue()
    assert "created" not in out.getvalue() and "updated" not in out.getvalue()
    assert Term.objects.get(slug="escrow").summary_en == "Edited by an editor."


def test_a_first_load_counts_each_term_once_and_warns_about_missing_guides(db):
    loader = ContentLoader()
    glossary_content.load(loader)
    assert loader.counts == {
        "created": Term.objects.count() + len(glossary_content.CONTENT.table("_topics.toml", "topic"))
    }
    assert Version.objects.get_for_model(Term).exists(), "loaded terms keep a revision"
    from guides import content as guides_content

    guides_content.load(loader)
    missing = [m for m in loader.messages if "no guide with slug" in m]
    existing = set(Guide.objects.values_list("slug", flat=True))
    expected = {t.slug for t in Term.objects.exclude(guide_slug__in=existing)}
    assert {re.match(r"glossary\.term:([\w-]+):", m).group(1) for m in missing} == expected


def test_a_term_an_editor_deleted_is_not_brought_back(shipped_content):
    Term.objects.get(slug="tip").delete()
    out = io.StringIO()
    call_command("load_content", stdout=out)
    assert not Term.objects.filter(slug="tip").exists()
    assert "glossary.term:tip: kept: deleted by an editor" in out.getvalue()
    assert LoadedContent.objects.filter(key="glossary.term:tip").exists()


def test_shipped_guides_link_shipped_terms(shipped_content):
    guide = Guide.objects.get(slug="how-marketplaces-work")
    bn = dict((text, href) for href, text in term_links(guide.body_html_bn))
    en = [href for href, _text in term_links(guide.body_html_en)]
    assert bn.get("এসক্রো") == "/bn/glossary/escrow/"
    assert "/en/glossary/connects/" in en
    assert len(en) == len(set(en)), "at most once per term"


# --- translation, revisions, admin --------------------------------------------------------


def test_terms_are_in_the_translation_status_and_the_content_po(escrow):
    assert ts.text_fields(Term) == ["summary", "body", "name"]
    po = content_po.export("en")
    contexts = {entry.msgctxt for entry in po}
    assert {"glossary.term:escrow:name", "glossary.term:escrow:summary", "glossary.term:escrow:body"} <= contexts


def test_a_translation_imported_from_po_updates_the_term(tmp_path, escrow):
    po = content_po.export("en")
    entry = next(e for e in po if e.msgctxt == "glossary.term:escrow:summary")
    entry.msgstr = "Money held by the marketplace until the work is accepted."
    path = tmp_path / "content-en.po"
    po.save(str(path))
    call_command("import_content_po", str(path), stdout=io.StringIO())
    escrow.refresh_from_db()
    assert escrow.summary_en == "Money held by the marketplace until the work is accepted."


def test_editors_add_a_term_in_both_languages_in_the_admin(staff_client, db):
    topic = factories.term_topic()
    guide = factories.guide(body_en="Every client pays a fee.", body_bn="প্রত্যেক ক্লায়েন্ট ফি দেন।")
    form = staff_client.get("/admin/glossary/term/add/").content.decode()
    assert 'name="name_bn"' in form and 'name="name_en"' in form and 'name="summary_en"' in form
    response = staff_client.post(
        "/admin/glossary/term/add/",
        {
            "slug": "client",
            "name_bn": "ক্লায়েন্ট",
            "name_en": "Client",
            "summary_bn": "যিনি কাজ দেন।",
            "summary_en": "Who gives you work.",
            "body_bn": "",
            "body_en": "",
            "topic": topic.pk,
            "search_aliases": "",
            "example": "",
            "example_meaning": "",
            "guide_slug": "",
            "published": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    term = Term.objects.get(slug="client")
    assert term.published is False  # new items start unpublished: no guide links to it yet
    guide.refresh_from_db()
    assert term_links(guide.body_html_en) == []
    assert staff_client.post(f"/admin/glossary/term/{term.pk}/publish/").status_code == 302
    assert Version.objects.get_for_object(term).count() == 2  # added, then published
    guide.refresh_from_db()
    assert term_links(guide.body_html_en) == [("/en/glossary/client/", "client")]
    assert term_links(guide.body_html_bn) == [("/bn/glossary/client/", "ক্লায়েন্ট")]


def test_the_guide_admin_has_the_linking_switch(staff_client, db):
    guide = factories.guide()
    page = staff_client.get(f"/admin/guides/guide/{guide.pk}/change/").content.decode()
    assert 'name="link_glossary_terms"' in page
