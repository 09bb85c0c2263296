"""Being found: sitemap, robots.txt, Atom feeds, page metadata and JSON-LD."""

import datetime
import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from guides.models import Guide
from seo.structured import questions
from tests import factories

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
ATOM = "{http://www.w3.org/2005/Atom}"


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 (our own output)
    urls = {}
    for url in root.findall("s:url", SITEMAP_NS):
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", SITEMAP_NS)}
        lastmod = url.find("s:lastmod", SITEMAP_NS)
        urls[url.find("s:loc", SITEMAP_NS).text] = (lastmod.text if lastmod is not None else None, alternates)
    return urls


def json_ld(page):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    return [json.loads(block) for block in blocks]


def meta(page, key):
    found = re.search(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)">', page)
    return found.group(1) if found else None


# --- sitemap -----------------------------------------------------------------------------


def test_sitemap_lists_every_published_page_in_both_languages_with_alternates(client):
    guide = factories.guide(slug="alpha")
    skill = factories.skill(slug="beta")
    market = factories.marketplace(slug="gamma")
    programme = factories.programme(slug="delta")
    factories.term(slug="delta")
    factories.guide(slug="hidden", published=False)
    factories.programme(slug="hidden", published=False)
    factories.term(slug="hidden-term", published=False)
    urls = sitemap(client)
    paths = ["/", "/guides/", "/skills/", "/marketplaces/", "/learn/", "/glossary/", "/questions/", "/path/", "/money/"]
    paths += ["/offer-check/", "/account-check/", "/proposal-check/"]  # the checks' empty forms
    paths += ["/guides/alpha/", "/skills/beta/", "/marketplaces/gamma/", "/learn/delta/", "/glossary/delta/"]
    expected = {f"http://testserver/{lang}{path}" for lang in ("bn", "en") for path in paths}
    assert set(urls) == expected
    for loc, (_lastmod, alternates) in urls.items():
        path = loc.removeprefix("http://testserver/bn").removeprefix("http://testserver/en")
        assert alternates == {
            "bn": f"http://testserver/bn{path}",
            "en": f"http://testserver/en{path}",
            "x-default": f"http://testserver{path}",
        }
    for obj, path in (
        (guide, "guides/alpha"),
        (skill, "skills/beta"),
        (market, "marketplaces/gamma"),
        (programme, "learn/delta"),
    ):
        assert urls[f"http://testserver/en/{path}/"][0] == timezone.localtime(obj.updated).date().isoformat()


def test_sitemap_lastmod_is_the_contents_real_update_time(client):
    old = factories.guide(slug="old")
    new = factories.guide(slug="new")
    sitemap(client)  # a first request must not freeze the dates for later ones
    Guide.objects.filter(pk=old.pk).update(updated=timezone.now() - datetime.timedelta(days=400))
    Guide.objects.filter(pk=new.pk).update(updated=timezone.now() - datetime.timedelta(days=3))
    factories.skill(slug="s")
    from skills.models import Skill

    Skill.objects.update(updated=timezone.now() - datetime.timedelta(days=30))
    urls = sitemap(client)
    day = lambda days: timezone.localtime(timezone.now() - datetime.timedelta(days=days)).date().isoformat()  # noqa: E731
    assert urls["http://testserver/bn/guides/old/"][0] == day(400)
    assert urls["http://testserver/bn/guides/"][0] == day(3), "a list changes with its newest item"
    assert urls["http://testserver/bn/skills/"][0] == day(30)
    assert urls["http://testserver/bn/"][0] == day(3)


def test_sitemap_x_default_redirects_by_language(client):
    factories.guide(slug="alpha")
    response = client.get("/guides/alpha/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302 and response["Location"] == "/en/guides/alpha/"


def test_sitemap_query_count_does_not_grow_with_content(client, django_assert_max_num_queries):
    for _n in range(20):
        factories.guide()
        factories.skill()
    with django_assert_max_num_queries(10):
        client.get("/sitemap.xml")


# --- robots.txt --------------------------------------------------------------------------


def test_robots_points_to_the_sitemap_and_keeps_out_admin_and_editor(client):
    response = client.get("/robots.txt", HTTP_HOST="localhost")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    for path in ("/admin/", "/markdownx/", "/bn/search/", "/en/search/"):
        assert f"Disallow: {path}" in lines
    assert "Sitemap: http://localhost/sitemap.xml" in lines
    assert not any(line == "Disallow: /" for line in lines)


# --- feed --------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["bn", "en"])
def test_atom_feed_per_language(client, lang):
    factories.guide(slug="first", title_bn="প্রথম গাইড", title_en="First guide", summary_en="About <b>bold</b> & more")
    factories.guide(slug="hidden", published=False)
    response = client.get(f"/{lang}/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)  # noqa: S314 (our own output)
    assert feed.tag == f"{ATOM}feed"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
    for element in ("title", "id", "updated", "author/" + ATOM + "name"):
        assert feed.find(ATOM + element).text
    self_link = [link for link in feed.findall(f"{ATOM}link") if link.get("rel") == "self"]
    assert self_link[0].get("href") == f"http://testserver/{lang}/feed/"
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 1
    entry = entries[0]
    assert entry.find(f"{ATOM}title").text == ("প্রথম গাইড" if lang == "bn" else "First guide")
    assert entry.find(f"{ATOM}link").get("href") == f"http://testserver/{lang}/guides/first/"
    assert entry.find(f"{ATOM}id").text and entry.find(f"{ATOM}updated").text
    if lang == "en":
        assert entry.find(f"{ATOM}summary").text == "About <b>bold</b> & more"


@pytest.mark.parametrize("url", ["/bn/", "/en/guides/", "/bn/skills/", "/en/search/?q=x", "/bn/nothing-here/"])
def test_every_page_links_its_languages_feed(client, url):
    lang = url.split("/")[1]
    page = client.get(url).content.decode()
    assert '<link rel="alternate" type="application/atom+xml" title="' in page
    assert f'href="/{lang}/feed/"' in page


# --- page metadata and JSON-LD -----------------------------------------------------------


def test_guide_page_meta_tags_and_article(client):
    guide = factories.guide(slug="alpha", title_en="Getting paid", summary_en="How money comes home.")
    page = client.get("/en/guides/alpha/").content.decode()
    assert meta(page, "description") == "How money comes home."
    assert meta(page, "og:title") == "Getting paid"
    assert meta(page, "og:description") == "How money comes home."
    assert meta(page, "og:type") == "article"
    assert meta(page, "og:url") == "http://testserver/en/guides/alpha/"
    assert meta(page, "og:locale") == "en_US"
    assert meta(page, "og:locale:alternate") == "bn_BD"
    assert meta(page, "twitter:card") == "summary"
    assert meta(page, "twitter:title") is None, "Twitter falls back to og:title; no need to send it twice"
    assert '<link rel="canonical" href="http://testserver/en/guides/alpha/">' in page
    blocks = {block["@type"]: block for block in json_ld(page)}
    assert set(blocks) == {"BreadcrumbList", "Article"}
    article = blocks["Article"]
    assert article["headline"] == "Getting paid"
    assert article["inLanguage"] == "en"
    assert article["dateModified"] == guide.updated.isoformat()
    assert article["mainEntityOfPage"] == "http://testserver/en/guides/alpha/"
    crumbs = [(item["name"], item["item"]) for item in blocks["BreadcrumbList"]["itemListElement"]]
    assert crumbs == [
        ("Home", "http://testserver/en/"),
        ("Guides", "http://testserver/en/guides/"),
        ("Getting paid", "http://testserver/en/guides/alpha/"),
    ]


@pytest.mark.parametrize(
    ("url", "crumbs"),
    [
        ("/bn/", ["http://testserver/bn/"]),
        ("/en/skills/", ["http://testserver/en/", "http://testserver/en/skills/"]),
        (
            "/en/skills/beta/",
            ["http://testserver/en/", "http://testserver/en/skills/", "http://testserver/en/skills/beta/"],
        ),
        (
            "/en/marketplaces/gamma/",
            ["http://testserver/en/", "http://testserver/en/marketplaces/", "http://testserver/en/marketplaces/gamma/"],
        ),
        (
            "/en/marketplaces/compare/?m=gamma",
            [
                "http://testserver/en/",
                "http://testserver/en/marketplaces/",
                "http://testserver/en/marketplaces/compare/",
            ],
        ),
        ("/en/search/?q=beta", ["http://testserver/en/", "http://testserver/en/search/"]),
    ],
)
def test_every_page_has_breadcrumbs_and_social_tags(client, url, crumbs):
    factories.skill(slug="beta")
    factories.marketplace(slug="gamma")
    page = client.get(url).content.decode()
    blocks = json_ld(page)
    assert [block["@type"] for block in blocks] == ["BreadcrumbList"]
    assert [item["item"] for item in blocks[0]["itemListElement"]] == crumbs
    assert [item["position"] for item in blocks[0]["itemListElement"]] == list(range(1, len(crumbs) + 1))
    assert meta(page, "og:type") == "website"
    assert meta(page, "og:title") and meta(page, "og:description") and meta(page, "twitter:card")


def test_faq_page_where_a_guide_is_questions_and_answers(client):
    body = "Intro.\n\n## Questions\n\n### Is it a scam?\n\nOften, see [this](/en/).\n\n### Can I start on a phone?\n\nYes.\n\n## Not a question\n\nText."
    factories.guide(slug="faq", body_en=body)
    factories.guide(slug="plain", body_en="## One?\n\nOnly one question.\n\n## Two\n\nNo.")
    blocks = {b["@type"]: b for b in json_ld(client.get("/en/guides/faq/").content.decode())}
    assert [(q["name"], q["acceptedAnswer"]["text"]) for q in blocks["FAQPage"]["mainEntity"]] == [
        ("Is it a scam?", "Often, see this."),
        ("Can I start on a phone?", "Yes."),
    ]
    assert "FAQPage" not in {b["@type"] for b in json_ld(client.get("/en/guides/plain/").content.decode())}


def test_the_shipped_scams_guide_is_an_faq_in_both_languages(client, shipped_content):
    for lang in ("bn", "en"):
        blocks = {b["@type"]: b for b in json_ld(client.get(f"/{lang}/guides/mistakes-and-scams/").content.decode())}
        assert len(blocks["FAQPage"]["mainEntity"]) == 4


def test_questions_ignore_headings_without_answers():
    assert questions('<h3 id="a">Why?</h3><h3 id="b">How?</h3><p>So.</p>') == [("How?", "So.")]
    assert questions("") == []


def test_json_ld_cannot_break_out_of_its_script_element(client):
    factories.guide(slug="evil", title_en="</script><script>alert(1)</script> & <!--", summary_en="x")
    page = client.get("/en/guides/evil/").content.decode()
    assert "<script>alert(1)" not in page
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert all("<" not in s and ">" not in s and "&" not in s for s in scripts)
    article = next(b for b in json_ld(page) if b["@type"] == "Article")
    assert article["headline"] == "</script><script>alert(1)</script> & <!--"
    assert meta(page, "og:title") == "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;!--"


def test_json_ld_carries_no_nonce_so_cached_pages_stay_valid(client):
    factories.guide(slug="alpha")
    page = client.get("/bn/guides/alpha/").content.decode()
    assert re.search(r'<script type="application/ld\+json">', page)
    assert not re.search(r'<script type="application/ld\+json" nonce', page)


@pytest.mark.parametrize("url", ["/bn/", "/bn/guides/", "/bn/guides/{guide}/", "/bn/search/?q=গাইড"])
def test_metadata_stays_within_the_query_budget(client, django_assert_max_num_queries, url):
    topic = factories.topic()
    guides = [factories.guide(topic=topic, path_position=n + 1) for n in range(10)]
    with django_assert_max_num_queries(4):
        assert client.get(url.format(guide=guides[3].slug)).status_code == 200


@pytest.mark.parametrize("url", ["/sitemap.xml", "/robots.txt", "/bn/feed/", "/en/feed/"])
def test_machine_readable_pages_refuse_writes_and_answer_head(client, url):
    assert client.post(url).status_code == 405
    assert client.head(url).status_code == 200
