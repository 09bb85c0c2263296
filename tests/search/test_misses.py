"""Searches counted per query and day (search/misses.py), cached answers included."""

import datetime

import pytest

from freelanceguide.page_cache import tallies
from search import misses
from search.models import SearchDay
from tests import factories


@pytest.mark.parametrize(
    "query",
    ["me@example.com", "01711 123456", "+880-1711-123456", "০১৭১১১২৩৪৫৬", "123456", "call 1 2 3 4 5 6"],
)
def test_emails_phone_numbers_and_long_numbers_are_never_counted(query):
    assert not misses.recordable(query)
    assert misses.tally_of(query, 0, False) is None


@pytest.mark.parametrize("query", ["fiverr", "logo design 2026", "ফ্রিল্যান্সিং ১০১", "upwork 15%"])
def test_ordinary_queries_are_counted(query):
    assert misses.tally_of(query, 2, True) == ("search", (query, 2, True))


def test_counts_add_up_in_one_row_per_query_and_day(db):
    day = datetime.date(2026, 12, 6)
    misses.store({("kivabe", 0, True): 3, ("logo", 5, False): 1}, day=day)
    misses.store({("kivabe", 0, True): 2}, day=day)
    misses.store({("kivabe", 1, False): 1}, day=day + datetime.timedelta(days=1))
    assert SearchDay.objects.get(query="kivabe", day=day).searches == 5
    assert SearchDay.objects.filter(query="kivabe").count() == 2
    week = misses.failed_this_week(today=day + datetime.timedelta(days=1))
    assert week == [{"query": "kivabe", "searches": 6, "results": 1}]  # "logo" found enough


def test_the_week_leaves_out_older_days(db):
    today = datetime.date(2026, 12, 6)
    misses.store({("old", 0, False): 9}, day=today - datetime.timedelta(days=7))
    misses.store({("new", 0, False): 1}, day=today)
    assert [row["query"] for row in misses.failed_this_week(today=today)] == ["new"]


def test_a_search_answered_from_the_cache_is_counted_too(client, db):
    factories.guide(slug="logo-guide", title_en="Logo design", title_bn="লোগো ডিজাইন")
    for _ in range(3):
        assert client.get("/en/search/", {"q": "zzqx nothing"}).status_code == 200
    client.get("/en/search/", {"q": "call 01711123456"})
    client.get("/en/search/", {"q": "zzqx nothing", "page": "1"})
    tallies.flush()
    row = SearchDay.objects.get()
    assert (row.query, row.searches, row.results) == ("zzqx nothing", 4, 0)


def test_counts_are_handed_over_every_flush_seconds_and_a_failing_sink_fails_no_request(settings, caplog):
    settings.PAGE_TALLY_FLUSH_SECONDS = tallies.FLUSH_SECONDS
    stored = []
    tallies.register_sink("test-sink", stored.append)
    tallies.flush(now=0)
    tallies.count(("test-sink", "a"), now=1)
    tallies.count(("test-sink", "a"), now=2)
    assert stored == []
    tallies.count(("test-sink", "b"), now=tallies.FLUSH_SECONDS + 1)
    assert stored == [{"a": 2, "b": 1}]

    def broken(counts):
        raise RuntimeError("database gone")

    tallies.register_sink("test-sink", broken)
    tallies.count(("test-sink", "c"))
    tallies.flush()
    assert "were not stored" in caplog.text
