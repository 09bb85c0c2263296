"""Training programmes: a list with filters that work without JavaScript, a page per programme
with its facts, source and check date, the programmes on each skill page, and the shipped ones."""

import datetime
import io

import pytest
from django.core.management import call_command

from editorial.content import ContentLoader
from freelanceguide import locale_format
from search.indexing import SOURCES
from search.models import DETAIL_URLS, Kind, SearchEntry
from tests import factories
from training import content
from training.models import Programme

pytestmark = pytest.mark.django_db


@pytest.fixture
def programmes():
    return {
        "free": factories.programme(name_en="Free course", cost_bdt=0, position=2),
        "paid": factories.programme(name_en="Paid course", cost_bdt=2000, position=1),
        "women": factories.programme(name_en="Women course", women_only=True, position=3),
        "share": factories.programme(name_en="Shared course", women_share_percent=30, cost_bdt=500, status="unknown"),
        "closed": factories.programme(name_en="Closed course", status="closed"),
        "hidden": factories.programme(name_en="Hidden course", published=False),
    }


NAMES = ("Free course", "Paid course", "Women course", "Shared course", "Closed course", "Hidden course")


def names_on(client, url):
    page = client.get(url).content.decode()
    return [name for name in sorted(NAMES, key=lambda name: page.find(f">{name}</a>")) if f">{name}</a>" in page]


def test_list_shows_published_programmes_running_ones_first(client, programmes):
    assert names_on(client, "/en/learn/") == [
        "Paid course",
        "Free course",
        "Women course",
        "Shared course",
        "Closed course",
    ]


def test_free_filter(client, programmes):
    assert set(names_on(client, "/en/learn/?free=1")) == {"Free course", "Women course", "Closed course"}


def test_women_filter_keeps_women_only_and_kept_places(client, programmes):
    assert set(names_on(client, "/en/learn/?women=1")) == {"Women course", "Shared course"}
    assert names_on(client, "/en/learn/?women=1&free=1") == ["Women course"]


def test_filters_are_a_plain_get_form_that_remembers_its_state(client, programmes):
    page = client.get("/en/learn/?free=1").content.decode()
    assert '<form class="filters" method="get" action="/en/learn/">' in page
    assert '<input type="checkbox" name="free" value="1" id="id_free" checked>' in page
    assert '<input type="checkbox" name="women" value="1" id="id_women">' in page


@pytest.mark.parametrize("query", ["free=yes-please", "women=%3Cscript%3E", "free=1&free=maybe", "women=0"])
def test_a_bad_filter_value_is_explained_and_ignored(client, programmes, query):
    response = client.get(f"/en/learn/?{query}")
    assert response.status_code == 200
    page = response.content.decode()
    assert "One filter was not understood" in page
    assert "the address held another value" in page
    assert "<script>" not in page
    assert "Paid course" in page and "Hidden course" not in page


def test_a_bad_filter_value_is_explained_in_bangla(client, programmes):
    page = client.get("/bn/learn/?women=abc").content.decode()
    assert "ঠিকানায় অন্য কোনো মান ছিল" in page


def test_detail_shows_who_may_join_cost_allowance_and_source(client):
    programme = factories.programme(
        slug="dyd", cost_bdt=0, age_min=18, age_max=35, women_share_percent=50, laptop="not_needed"
    )
    page = client.get("/bn/learn/dyd/").content.decode()
    assert "বয়স: ১৮–৩৫ বছর" in page
    assert "বিনা খরচে" in page
    assert "প্রতিদিন ৫০০ টাকা" in page
    assert "৫০% আসন নারীদের জন্য" in page
    assert "নিজের ল্যাপটপ লাগবে না" in page
    assert f'<a href="{programme.source_url}" rel="noopener noreferrer" lang="bn">প্রথম আলো</a>' in page
    assert locale_format.format_date(datetime.date.today(), "bn") in page
    english = client.get("/en/learn/dyd/").content.decode()
    assert "Age: 18–35" in english and "Tk 500 a day" in english


def test_detail_with_only_an_upper_age(client):
    factories.programme(slug="young", age_min=None, age_max=30)
    assert "Age: up to 30" in client.get("/en/learn/young/").content.decode()


@pytest.mark.parametrize(
    ("status", "caution"),
    [
        ("unknown", "Whether this programme is taking trainees now is not known"),
        ("closed", "This programme has closed"),
    ],
)
def test_a_programme_not_known_to_run_says_so(client, status, caution):
    factories.programme(slug="maybe", status=status)
    assert caution in client.get("/en/learn/maybe/").content.decode()
    factories.programme(slug="sure", status="running")
    page = client.get("/en/learn/sure/").content.decode()
    assert "is not known" not in page and "has closed" not in page


def test_old_facts_get_a_caution(client):
    factories.programme(slug="old", facts_checked_on=datetime.date.today() - datetime.timedelta(days=400))
    factories.programme(slug="new")
    assert "more than a year ago" in client.get("/en/learn/old/").content.decode()
    assert "more than a year ago" not in client.get("/en/learn/new/").content.decode()


def test_unpublished_programme_is_not_found(client, programmes):
    assert client.get(f"/en/learn/{programmes['hidden'].slug}/").status_code == 404


def test_skill_page_shows_the_programmes_that_teach_it(client):
    skill = factories.skill(slug="design")
    other = factories.skill(slug="writing")
    factories.programme(name_en="Teaches design", skills=[skill])
    factories.programme(name_en="Teaches writing", skills=[other])
    factories.programme(name_en="Hidden design", skills=[skill], published=False)
    page = client.get("/en/skills/design/").content.decode()
    assert ">Teaches design</a>" in page
    assert "Teaches writing" not in page and "Hidden design" not in page
    assert ">Teaches writing</a>" in client.get("/en/skills/writing/").content.decode()
    lonely = factories.skill(slug="lonely").get_absolute_url().replace("/bn/", "/en/")
    assert "No training programme for this skill is listed yet." in client.get(lonely).content.decode()
    assert "No training programme for this skill is listed yet." not in page


def test_skill_page_still_lists_its_resources_in_order_with_every_field(client):
    """The resources now travel inside the skill's row (one query fewer): nothing may be lost."""
    skill = factories.skill(slug="design")
    factories.resource(skill, title_en='Second "quoted", with a comma', position=2, cost_min_bdt=800, cost_max_bdt=3500)
    factories.resource(skill, title_en="First", title_bn="প্রথম", position=1, url="https://example.org/a?b=1&c=2")
    factories.resource(skill, title_en="", title_bn="শুধু বাংলা", position=3, note_en="A note")
    page = client.get("/en/skills/design/").content.decode()
    first, second, third = page.index(">First</a>"), page.index("Second &quot;quoted&quot;"), page.index("শুধু বাংলা")
    assert first < second < third
    assert 'href="https://example.org/a?b=1&amp;c=2"' in page
    assert "about ৳800–3,500" in page
    assert '<span lang="bn">শুধু বাংলা</span>' in page and "A note" in page
    assert client.get("/en/skills/writing/").status_code == 404
    assert "No learning resources listed yet." in client.get(factories.skill().get_absolute_url()).content.decode()


def test_programmes_are_in_search_and_the_sitemap(client):
    programme = factories.programme(slug="dyd", name_en="Youth freelancing training", search_aliases="jubo")
    assert SOURCES[Programme] == Kind.PROGRAMME and DETAIL_URLS[Kind.PROGRAMME] == "training:detail"
    entry = SearchEntry.objects.get(kind=Kind.PROGRAMME, object_id=programme.pk)
    assert entry.get_absolute_url() == "/bn/learn/dyd/"
    assert "/en/learn/dyd/" in client.get("/en/search/?q=jubo").content.decode()
    programme.published = False
    programme.save()
    assert not SearchEntry.objects.filter(kind=Kind.PROGRAMME).exists()
    programme.published = True
    programme.save()
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/bn/learn/</loc>" in sitemap and "/en/learn/</loc>" in sitemap
    assert "/bn/learn/dyd/</loc>" in sitemap and "/en/learn/dyd/</loc>" in sitemap


def test_shipped_programmes_load_with_sources_dates_and_their_skills(shipped_content):
    shipped = Programme.objects.all()
    assert shipped.count() == len(list(content.CONTENT.items())) >= 5
    for programme in shipped:
        assert programme.source_bn and programme.source_en and programme.source_url.startswith("https://")
        # Re-checked on 6 December 2026: the two whose status no source newer than a year confirms.
        rechecked = programme.slug in {"dyd-freelancing-48-districts", "muktopaath"}
        expected = datetime.date(2026, 12, 6) if rechecked else datetime.date(2026, 11, 26)
        assert programme.facts_checked_on == expected
        assert programme.name_bn and programme.name_en and programme.summary_bn and programme.summary_en
    assert shipped.get(slug="learning-and-earning").status == "unknown"
    # No source newer than 2024 says the Department of Youth Development's project still runs (it ends in
    # December 2026), and none newer than 2022 for Muktopaath: both are marked unknown, not running.
    assert shipped.get(slug="dyd-freelancing-48-districts").status == "unknown"
    assert shipped.get(slug="muktopaath").status == "unknown"
    assert set(shipped.get(slug="her-power").skills.values_list("slug", flat=True)) == {
        "web-development",
        "digital-marketing",
        "graphic-design",
        "customer-service",
    }
    # Every skill a programme names exists, so the loader had nothing to warn about.
    loader = ContentLoader()
    content.load(loader)
    assert loader.messages == [] and set(loader.counts) == {"unchanged"}


def test_an_editors_change_to_a_programme_survives_a_content_load(shipped_content):
    programme = Programme.objects.get(slug="muktopaath")
    programme.stipend_en = "Edited by an editor"
    programme.save()
    call_command("load_content", stdout=io.StringIO())
    programme.refresh_from_db()
    assert programme.stipend_en == "Edited by an editor"
