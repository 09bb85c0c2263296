"""Passages: the words marked in the reader's spelling, escaped, found in the index's normalised text.

Runs on whatever DATABASE_URL names (SQLite by default, PostgreSQL in CI); every assertion
must hold on both.
"""

import pytest

from search import indexing
from search.models import Kind, SearchEntry, entry_id
from search.normalise import normalise
from search.snippets import excerpt, highlight
from tests import factories
from tests.search.result_pages import YA_NUKTA, YA_PRECOMPOSED


def test_highlight_escapes_text_and_marks_only_the_term():
    marked = highlight("<b>Fiverr</b> & FIVERR", ["fiverr"])
    assert marked == "&lt;b&gt;<mark>Fiverr</mark>&lt;/b&gt; &amp; <mark>FIVERR</mark>"


def test_excerpt_marks_the_match_in_the_readers_spelling():
    text = "শুরু " * 60 + f"আপ{YA_PRECOMPOSED}ার্কে প্রোফাইল বানান। " + "শেষ " * 60
    passage = excerpt(text, normalise(f"আপ{YA_NUKTA}ার্ক"), [normalise("আপওয়ার্ক")])
    assert f"<mark>আপ{YA_NUKTA}ার্ক</mark>" in passage
    assert passage.startswith("… ") and passage.endswith(" …")
    assert len(passage) < 300
    assert excerpt(text, "fiverr", ["fiverr"]) is None
    # No phrase in the text: the earliest of the words is the centre.
    assert excerpt("one two three", "three one", ["three", "one"]) == "<mark>one</mark> two <mark>three</mark>"


@pytest.mark.django_db
def test_the_passage_comes_from_the_other_language_when_only_it_matches(client):
    factories.guide(slug="escrow", body_bn="টাকা সুরক্ষিত থাকে।", body_en="Escrow keeps the money safe.")
    page = client.get("/bn/search/", {"q": "escrow"}).content.decode()
    assert '<p lang="en"><mark>Escrow</mark> keeps the money safe.</p>' in page


@pytest.mark.django_db
def test_content_html_in_a_passage_is_shown_as_text(client):
    factories.guide(slug="tags", body_en="Write `<script>alert(1)</script>` never; hello.")
    page = client.get("/en/search/", {"q": "hello"}).content.decode()
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


@pytest.mark.django_db
def test_passages_are_found_in_the_indexs_normalised_text_as_in_the_text_normalised_again():
    guide = factories.guide(
        summary_en="Fiverr (ফাইভার) in short.",
        body_en="Intro.\n\n" + "Other words here. " * 80 + "Then the ফ্রীল্যান্সিং part, on Fiverr.",
    )
    entry = SearchEntry.objects.get(pk=entry_id(Kind.GUIDE, guide.pk))
    normal = indexing.normalised_passages(entry)
    assert normal == {
        (field, code): normalise(getattr(entry, f"{field}_{code}"))
        for code in ("bn", "en")
        for field in ("summary", "text")
    }
    for phrase, words in [("ফ্রিলান্সিং", ["ফ্রিলান্সিং"]), ("fiverr", ["fiverr"]), ("the part", ["the", "part"])]:
        for field in ("summary", "text"):
            text = getattr(entry, f"{field}_en")
            found = excerpt(text, phrase, words, nfc=False, normal=normal[(field, "en")])
            assert found == excerpt(text, phrase, words, nfc=False)
    assert "<mark>ফ্রীল্যান্সিং</mark>" in excerpt(entry.text_en, "ফ্রিলান্সিং", [], normal=normal[("text", "en")])


@pytest.mark.django_db
def test_a_summary_without_words_leaves_the_index_text_unread_and_passages_still_shown(client):
    guide = factories.guide(summary_en="—", body_en="All about payoneer cards.")
    entry = SearchEntry.objects.get(pk=entry_id(Kind.GUIDE, guide.pk))
    assert indexing.normalised_passages(entry) is None  # four fields, three lines: no guessing
    page = client.get("/en/search/", {"q": "payoneer"}).content.decode()
    assert "All about <mark>payoneer</mark> cards." in page
