"""The order of results, and large results read a page at a time in the same order.

Runs on whatever DATABASE_URL names (SQLite by default, PostgreSQL in CI); every assertion
must hold on both.
"""

from collections import Counter

import pytest
from django.core.cache import caches
from django.utils import translation

from search import engines, ranking
from search.models import Kind, kind_of
from search.results import query_words
from tests import factories
from tests.search.result_pages import result_links


@pytest.mark.django_db
def test_a_title_match_ranks_before_a_body_match(client):
    topic = factories.topic()
    body_only = factories.guide(topic=topic, slug="a-body", body_en="All about payoneer cards.", body_bn="")
    alias_only = factories.guide(topic=topic, slug="b-alias", search_aliases="Payoneer")
    title = factories.guide(topic=topic, slug="c-title", title_en="Payoneer step by step")
    words = factories.guide(topic=topic, slug="d-words", title_en="Cards from payoneer, opened")
    response = client.get("/en/search/", {"q": "payoneer"})
    links = result_links(response)
    ranked = [g.get_absolute_url() for g in (alias_only, title, words, body_only)]
    with translation.override("en"):
        ranked = [g.get_absolute_url() for g in (alias_only, title, words, body_only)]
    assert links == ranked


@pytest.mark.django_db
def test_a_phrase_ranks_before_scattered_words(client):
    topic = factories.topic()
    scattered = factories.guide(topic=topic, slug="a-scattered", body_en="Design a web of contacts.")
    phrase = factories.guide(topic=topic, slug="b-phrase", body_en="Learn web design first.")
    links = result_links(client.get("/en/search/", {"q": "web design"}))
    with translation.override("en"):
        assert links == [phrase.get_absolute_url(), scattered.get_absolute_url()]


@pytest.mark.django_db
def test_every_word_must_match(client):
    factories.guide(slug="only-web", body_en="The web.")
    assert result_links(client.get("/en/search/", {"q": "web zebra"})) == []


@pytest.mark.django_db
@pytest.mark.usefixtures("shipped_content_for_class")
class TestLargeResultsOnTheShippedContent:
    """Reading a page of a large result, on the shipped content loaded once for the class."""

    @pytest.mark.parametrize(
        ("query", "first"),
        [("ফ্রিল্যান্সিং", False), ("কাজ", False), ("design", False), ("web design", False), ("payoneer bkash", True)],
    )
    @pytest.mark.parametrize("counted", [False, True])
    def test_a_large_result_reads_only_its_page_in_the_same_order(self, monkeypatch, query, first, counted):
        """Past PHRASED_MATCHES matches the ranking reads a page's bucket rows only when shown;
        lowered here so the shipped content is "large": the order must be the one read in full.
        `counted`: the engine counts the matches per kind rather than reading their ids (past
        FEW, lowered too, to the second largest kind's count; PostgreSQL always reads them, made
        to count here), listing the ids of the kinds with at most FEW."""
        monkeypatch.setattr(ranking, "PHRASED_MATCHES", 2)
        engine = engines.current()
        phrase, words = query_words(query)
        slots = [[(word,)] for word in words]
        first_ids = set(engine.matching(slots)[-2:]) if first else set()
        everything = dict.fromkeys(engine.matching(slots), len(slots))
        full = ranking._ranked(engine, slots, phrase, None, everything, first_ids, dict(engine.named(slots)))
        if counted:
            per_kind = sorted(Counter(Kind.values.index(kind_of(pk)) for pk in everything).values())
            monkeypatch.setattr(engines.base, "FEW", per_kind[-2] if len(per_kind) > 1 else 0)
            monkeypatch.setattr(type(engine), "_reads_ids", lambda self, slots: False)
            statements = []
            real_rows = type(engine)._rows
            monkeypatch.setattr(
                type(engine),
                "_rows",
                staticmethod(lambda sql, params: statements.append(sql) or real_rows(sql, params)),
            )
        lazy = ranking.ranked_ids(slots, phrase, first_ids=first_ids)
        assert isinstance(lazy, ranking.Ranking) and len(full) > 2
        assert list(lazy) == full and len(lazy) == len(full)
        for start in range(len(full)):
            assert lazy[start : start + 3] == full[start : start + 3]
        if counted:
            statements.clear()
            lazy[0 : len(full)]
            read = [sql for sql in statements if "ORDER BY id LIMIT" in sql]
            assert len(read) <= 1  # the largest kind's bucket only: the others' ids were listed
            if query == "design":  # (buckets of several kinds: guides, skills, terms)
                assert len({segment.kind for segment in lazy.segments if isinstance(segment, ranking._Bucket)}) > 2

    def test_result_pages_are_the_same_whether_read_whole_or_by_page(self, client, monkeypatch):
        whole = [result_links(client.get("/en/search/", {"q": "কাজ", "page": n})) for n in (1, 2, 3)]
        assert all(whole)
        monkeypatch.setattr(ranking, "PHRASED_MATCHES", 2)
        caches["pages"].clear()
        assert [result_links(client.get("/en/search/", {"q": "কাজ", "page": n})) for n in (1, 2, 3)] == whole
