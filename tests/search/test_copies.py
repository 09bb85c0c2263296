"""Each process's copies of the index's names and vocabulary, and when they are read again.

Runs on whatever DATABASE_URL names (SQLite by default, PostgreSQL in CI); every assertion
must hold on both.
"""

import pytest
from django.core.cache import cache, caches
from django.utils import translation

from search import copies, expand, results
from search.models import Kind, SearchEntry, SearchWord, entry_id
from tests import factories
from tests.search.result_pages import result_links


@pytest.mark.django_db
def test_ranking_sees_an_edited_title_at_once_and_another_processs_edit_at_its_next_search(client):
    topic = factories.topic()
    old = factories.guide(topic=topic, title_en="Writing proposals", summary_en="How to write one.")
    other = factories.guide(topic=topic, title_en="Clients", summary_en="Proposals that clients read.")

    def first():
        caches["pages"].clear()
        return result_links(client.get("/en/search/", {"q": "proposals"}))[0]

    with translation.override("en"):
        old_url, other_url = old.get_absolute_url(), other.get_absolute_url()
    assert first() == old_url
    # An edit in this process: the guide whose title is now the whole query comes first.
    other.title_en = "Proposals"
    other.save()
    assert first() == other_url
    # Another process's edit: the row changed and the shared generation counted up; this
    # process's copy of the names is reread at its next search (the longer name now comes last).
    SearchEntry.objects.filter(id=entry_id(Kind.GUIDE, other.pk)).update(names="\n clients and proposals \n")
    cache.incr("search:vocabulary-generation")
    assert first() == old_url


@pytest.mark.django_db
def test_names_of_a_row_written_since_the_copy_was_read_come_from_the_database():
    guide = factories.guide()
    pk = entry_id(Kind.GUIDE, guide.pk)
    assert copies.names_of([pk])[pk] == SearchEntry.objects.get(pk=pk).names
    added = SearchEntry.objects.create(
        id=entry_id(Kind.GUIDE, guide.pk + 1000),
        kind=Kind.GUIDE,
        object_id=guide.pk + 1000,
        slug="x",
        names="\n x \n",
        updated=guide.updated,
    )  # (no signal: the process's copy does not know it)
    assert copies.names_of([pk, added.pk, 12345]) == {pk: SearchEntry.objects.get(pk=pk).names, added.pk: "\n x \n"}


@pytest.mark.django_db
def test_a_search_reads_the_shared_generation_of_the_index_once(client, monkeypatch):
    """Its copies (the vocabulary, the names) are asked several times per search; with Redis
    each reading of the generation is a round trip."""
    topic = factories.topic()
    for _n in range(3):
        factories.guide(topic=topic, title_en="Payoneer cards", body_en="Payoneer and bKash.")
    reads = []
    real_get = copies.cache.get

    def counted_get(key, *args, **kwargs):
        reads.append(key)
        return real_get(key, *args, **kwargs)

    monkeypatch.setattr(copies.cache, "get", counted_get)
    page = client.get("/en/search/", {"q": "payoner"}).content.decode()  # expanded: payoneer
    assert "<mark>Payoneer</mark>" in page
    assert reads.count("search:vocabulary-generation") == 1


@pytest.mark.django_db
@pytest.mark.usefixtures("shipped_content_for_class")
class TestWordsTheVocabularyLacks:
    """With a current copy of the vocabulary, words it shows cannot match are not sent to the
    database before being expanded; the pages are the same as without the copy."""

    QUERIES = ["upwerk", "kivabe kaj pabo", "free lancing", "ফ্রীল্যানসিং", "payoneer", "fiverr zzqxj", "a"]

    def pages(self, client, copy):
        found = []
        for query in self.QUERIES:
            caches["pages"].clear()
            if copy:
                expand.vocabulary()  # (loaded by the first expanded search of a process)
            else:
                expand._vocabulary.drop()
            found.append(client.get("/en/search/", {"q": query}).content.decode())
        return found

    def test_the_same_pages_with_the_copy_and_without(self, client):
        assert self.pages(client, copy=False) == self.pages(client, copy=True)

    def test_a_word_no_indexed_word_begins_with_is_expanded_at_once(self, client, monkeypatch):
        expand.vocabulary()
        asked = []
        real = results.ranked_ids
        monkeypatch.setattr(
            results, "ranked_ids", lambda slots, *args, **kwargs: asked.append(slots) or real(slots, *args, **kwargs)
        )
        assert "/marketplaces/upwork/" in result_links(client.get("/en/search/", {"q": "upwerk"}))[0]
        assert [("upwerk",)] not in [slot for slots in asked for slot in slots]  # only the expanded query
        asked.clear()
        client.get("/en/search/", {"q": "upwork"})
        assert asked[0] == [[("upwork",)]]  # a known beginning: asked as typed


@pytest.mark.django_db
def test_a_word_longer_than_the_vocabulary_keeps_is_found_by_its_beginning(client):
    long_word = "payoneer" * 15  # 120 letters, one word
    guide = factories.guide(slug="long-word", body_en=f"A long {long_word} word.")
    assert SearchWord.objects.filter(word=long_word[:100]).exists()
    expand.vocabulary()
    for typed in (long_word[:50], long_word[:110]):
        caches["pages"].clear()
        assert result_links(client.get("/en/search/", {"q": typed, "exact": "1"})) == [
            guide.get_absolute_url().replace("/bn/", "/en/")
        ]
