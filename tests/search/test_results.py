"""The search page: what readers type, bad queries, suggestions, pages, budgets.

Runs on whatever DATABASE_URL names (SQLite by default, PostgreSQL in CI); every assertion
must hold on both.
"""

import re

import pytest
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from search.models import Kind, SearchEntry, entry_id
from search.results import MAX_QUERY_LENGTH, RESULTS_PER_PAGE
from tests import factories
from tests.search.result_pages import YA_PRECOMPOSED, ZWNJ, group_headings, result_links


@pytest.mark.django_db
@pytest.mark.usefixtures("shipped_content_for_class")
class TestWhatReadersTypeOnTheShippedContent:
    """Read-only searches of the shipped content, loaded once for the class."""

    @pytest.mark.parametrize(
        ("lang", "query", "first"),
        [
            ("bn", "ফাইভার", "/bn/marketplaces/fiverr/"),
            ("bn", "ফাইবার", "/bn/marketplaces/fiverr/"),
            ("bn", "fiverr", "/bn/marketplaces/fiverr/"),
            ("en", "ফাইভার", "/en/marketplaces/fiverr/"),
            ("bn", "আপওয়ার্ক", "/bn/marketplaces/upwork/"),
            ("bn", f"আপ{YA_PRECOMPOSED}ার্ক", "/bn/marketplaces/upwork/"),
            ("bn", f"আপ{ZWNJ}ওয়ার্ক", "/bn/marketplaces/upwork/"),
            ("bn", "UPWORK", "/bn/marketplaces/upwork/"),
            ("bn", "ফ্রিল্যান্সার ডট কম", "/bn/marketplaces/freelancer-com/"),
            ("en", "freelancer.com", "/en/marketplaces/freelancer-com/"),
            ("bn", "৯৯ ডিজাইনস", "/bn/marketplaces/99designs/"),
            ("bn", "ওয়েব ডিজাইন", "/bn/skills/web-design/"),
            ("bn", f"ও{YA_PRECOMPOSED}েব ডিজাইন", "/bn/skills/web-design/"),
            ("bn", "web design", "/bn/skills/web-design/"),
            ("en", "গ্রাফিক্স ডিজাইন", "/en/skills/graphic-design/"),
        ],
    )
    def test_readers_find_items_however_they_spell_them(self, client, lang, query, first):
        response = client.get(f"/{lang}/search/", {"q": query})
        assert response.status_code == 200
        assert result_links(response)[0] == first

    def test_a_latin_query_on_a_bangla_page_shows_bangla_titles_and_marks(self, client):
        page = client.get("/bn/search/", {"q": "Fiverr"}).content.decode()
        assert '<a href="/bn/marketplaces/fiverr/" lang="bn">ফাইভার (<mark>Fiverr</mark>)</a>' in page

    def test_the_best_matching_kind_comes_first_and_results_are_grouped(self, client):
        with translation.override("bn"):
            expected = [str(SearchEntry._meta.get_field("kind").choices[2][1]), "গাইড"]
        response = client.get("/bn/search/", {"q": "ফাইভার"})
        headings = group_headings(response)
        assert headings[0] == expected[0]
        assert len(headings) == len(set(headings)), "each kind is one group"
        assert any("/bn/guides/" in link for link in result_links(response)), "guides that mention it are found too"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "\x00",
        "abc\x00def",
        "' OR 1=1 --",
        "'; DROP TABLE search_searchentry; --",
        "%",
        "_",
        "%%__",
        "\\",
        '"><script>alert(1)</script>',
        "<mark>x</mark>",
        "a" * 10_000,
        "ক" * 5000,
        "🙂" * 300,
        " ".join(["word"] * 500),
        "\u200d\u200c",
    ],
)
def test_no_query_gives_a_500_or_unescaped_html(client, query):
    factories.guide(slug="a-guide", body_en="Some text with word in it.")
    for lang in ("bn", "en"):
        response = client.get(f"/{lang}/search/", {"q": query})
        assert response.status_code == 200, query
        page = response.content.decode()
        assert "<script>alert" not in page
        assert "\x00" not in page
        assert "<mark>x</mark>" not in page or query != "<mark>x</mark>"


@pytest.mark.django_db
@pytest.mark.parametrize("raw", ["q=%ED%A0%80", "q=%FF%FE", "q=%00%00", "q=a&q=b", "q[]=x", "q=%25%27%22"])
def test_broken_encodings_and_odd_parameters(client, raw):
    factories.guide(slug="g1")
    assert client.get(f"/bn/search/?{raw}").status_code == 200


@pytest.mark.django_db
def test_like_wildcards_are_literal_and_punctuation_alone_shows_suggestions(client):
    factories.marketplace(slug="m1", name_en="Alpha")
    factories.guide(slug="g1")
    for query in ("%", "_", "%_%", "…"):
        response = client.get("/en/search/", {"q": query})
        assert result_links(response) == []
        assert b"suggestions-heading" in response.content


@pytest.mark.django_db
def test_a_long_query_is_cut_with_a_note(client):
    factories.guide(slug="long", body_en="x")
    response = client.get("/en/search/", {"q": "a" * (MAX_QUERY_LENGTH + 50)})
    page = response.content.decode()
    assert f'value="{"a" * MAX_QUERY_LENGTH}"' in page
    assert f"only its first {MAX_QUERY_LENGTH} characters" in page
    bn = client.get("/bn/search/", {"q": "ক" * (MAX_QUERY_LENGTH + 1)}).content.decode()
    assert "২০০" in bn
    assert "only its first" not in client.get("/en/search/", {"q": "a" * MAX_QUERY_LENGTH}).content.decode()


@pytest.mark.django_db
def test_an_empty_query_shows_suggestions(client):
    factories.marketplace(slug="m1", name_bn="আলফা", name_en="Alpha")
    factories.skill(slug="s1", name_bn="", name_en="Beta skill")
    factories.guide(slug="g1")
    for params in ({}, {"q": ""}, {"q": "   "}):
        page = client.get("/bn/search/", params).content.decode()
        assert '<a href="/bn/marketplaces/m1/" lang="bn">আলফা</a>' in page
        assert '<a href="/bn/skills/s1/" lang="en">Beta skill</a>' in page
        assert "/bn/guides/g1/" not in page
        assert 'role="status"' not in page


@pytest.mark.django_db
def test_nothing_found_says_so(client):
    factories.guide(slug="g1")
    page = client.get("/en/search/", {"q": "zzzqqq"}).content.decode()
    assert "0 results" in page and "Nothing found" in page


@pytest.mark.django_db
def test_results_are_paginated_and_pages_keep_the_query(client):
    topic = factories.topic()
    for n in range(RESULTS_PER_PAGE + 5):
        factories.guide(topic=topic, slug=f"g-{n:02d}", body_en="Common word payoneer.")
    first = client.get("/en/search/", {"q": "payoneer"})
    assert len(result_links(first)) == RESULTS_PER_PAGE
    assert f"{RESULTS_PER_PAGE + 5} results" in first.content.decode()
    assert 'href="?q=payoneer&amp;page=2"' in first.content.decode()
    second = client.get("/en/search/", {"q": "payoneer", "page": "2"})
    assert len(result_links(second)) == 5
    assert set(result_links(first)).isdisjoint(result_links(second))
    assert result_links(client.get("/bn/search/", {"q": "payoneer", "page": "২"})) == [
        link.replace("/en/", "/bn/") for link in result_links(second)
    ]
    for page in ("3", "0", "-1", "abc", "1e3", "\x00", "9" * 50):
        assert client.get("/en/search/", {"q": "payoneer", "page": page}).status_code == 404, page


@pytest.mark.django_db
@pytest.mark.parametrize("params", [{"q": "guide"}, {"q": "গাইড"}, {}, {"q": "nothing-here"}])
def test_search_stays_within_the_query_budget(client, django_assert_max_num_queries, params):
    topic = factories.topic()
    for _n in range(30):
        factories.guide(topic=topic)
        factories.marketplace()
    with django_assert_max_num_queries(4):
        assert client.get("/bn/search/", params).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/bn/", "/en/guides/", "/bn/skills/", "/en/marketplaces/compare/", "/bn/search/"])
def test_every_page_has_the_search_box(client, url):
    page = client.get(url).content.decode()
    lang = url.split("/")[1]
    form = re.search(
        r'<form class="wrap site-search" role="search" aria-label="[^"]+" action="([^"]+)" method="get">', page
    )
    assert form and form.group(1) == f"/{lang}/search/"
    assert '<label class="visually-hidden" for="site-search-q">' in page
    assert 'id="site-search-q" type="search" name="q"' in page
    assert "csrfmiddlewaretoken" not in page


@pytest.mark.django_db
def test_search_pages_refuse_writes_and_ask_not_to_be_indexed(client):
    assert client.post("/bn/search/", {"q": "x"}).status_code == 405
    assert b'<meta name="robots" content="noindex">' in client.get("/bn/search/?q=x").content


def test_capture_needs_a_name():
    from django.template import Template, TemplateSyntaxError

    with pytest.raises(TemplateSyntaxError):
        Template("{% load seo_tags %}{% capture %}x{% endcapture %}")


@pytest.mark.django_db
def test_nothing_found_suggests_what_to_try(client):
    factories.marketplace(slug="m1", name_bn="আলফা", name_en="Alpha")
    page = client.get("/bn/search/", {"q": "zzqxj"}).content.decode()
    assert "suggestions-heading" in page and '<a href="/bn/marketplaces/m1/" lang="bn">আলফা</a>' in page
    assert "অন্য বানান" in page


@pytest.mark.django_db
def test_shown_entries_are_the_rows_as_the_orm_reads_them():
    from django.db import connection

    from search.results import SHOWN, shown_entries

    guides = [factories.guide(title_en=f"Payoneer {n}", body_bn="পেওনিয়ার থেকে বিকাশে টাকা") for n in range(3)]
    ids = [entry_id(Kind.GUIDE, guide.pk) for guide in guides] + [entry_id(Kind.GUIDE, 10**9)]  # (one gone)
    with CaptureQueriesContext(connection) as queries:
        read = shown_entries(ids)
    assert len(queries) == 1 and sorted(read) == sorted(ids[:3])
    for pk, entry in read.items():
        orm = SearchEntry.objects.get(pk=pk)
        assert {name: getattr(entry, name) for name in SHOWN} == {name: getattr(orm, name) for name in SHOWN}
        assert entry.get_deferred_fields() == {"names", "object_id", "updated"}
        assert entry.get_absolute_url() == orm.get_absolute_url()
    assert read[ids[0]].updated == SearchEntry.objects.get(pk=ids[0]).updated  # read when asked, typed
    assert shown_entries([]) == {}
