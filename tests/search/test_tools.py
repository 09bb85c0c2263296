"""The checks a search offers above its results (search.tools): which words call for which
check, in Bangla, Banglish and English, and which must not."""

import pytest

from search.results import query_words
from search.tools import tools_for


def offered(query):
    return tools_for(query_words(query)[1])


@pytest.mark.parametrize(
    ("query", "tools"),
    [
        ("scam", ["checks:offer"]),
        ("Scammer", ["checks:offer"]),
        ("protarona theke bachar upay", ["checks:offer"]),
        ("প্রতারণা", ["checks:offer"]),
        ("প্রতারনা", ["checks:offer"]),  # ণ/ন folded by search.normalise
        ("telegram task", ["checks:offer"]),
        ("registration fee", ["checks:offer"]),
        ("like kore taka income", ["checks:offer"]),
        ("upwork account ban", ["checks:account"]),
        ("account suspnded", ["checks:account"]),  # a typo in a long stem
        ("দুই অ্যাকাউন্ট এক বাসায়", ["checks:account"]),
        ("two accounts same wifi", ["checks:account"]),
        ("proposal kivabe likhbo", ["checks:proposal"]),
        ("cover letter", ["checks:proposal"]),
        ("ফাইভার গিগের টাইটেল", ["checks:proposal"]),
        ("fake proposal", ["checks:offer", "checks:proposal"]),
    ],
)
def test_words_that_call_for_a_check(query, tools):
    assert offered(query) == tools


@pytest.mark.parametrize(
    "query",
    ["fiverr", "logo design", "gigabyte", "বিডি পেমেন্ট", "appear", "account", "fee", "letter", "like", ""],
)
def test_words_that_do_not(query):
    assert offered(query) == []


@pytest.mark.django_db
@pytest.mark.usefixtures("shipped_content_for_class")
class TestTheToolsBoxOnTheResultsPage:
    def test_a_bangla_scam_search_offers_the_offer_check_above_the_results(self, client):
        page = client.get("/bn/search/", {"q": "protarona"}).content.decode()
        box = page.index("data-search-tools")
        assert '<li data-tool="checks:offer"><a href="/bn/offer-check/">' in page
        assert box < page.index('class="search-group"')
        assert 'data-tool="checks:account"' not in page

    def test_an_english_search_offers_the_english_check(self, client):
        page = client.get("/en/search/", {"q": "suspended account"}).content.decode()
        assert '<a href="/en/account-check/">Check your account</a>' in page

    def test_other_searches_have_no_box(self, client):
        assert "data-search-tools" not in client.get("/bn/search/", {"q": "fiverr"}).content.decode()
