"""The search, whole: normalise -> match -> (expand -> match) -> rank -> page -> passages,
and the tools the words call for (search.tools).

`results_page` is the one entry point; the view hands it the query parameters and renders what it
returns. The words as typed are matched first; only when they find fewer than ENOUGH rows are
they expanded (search.expand), and rows the typed words found stay first. search.ranking
orders the rows, the same way on SQLite and PostgreSQL.
"""

import re
from dataclasses import dataclass, field

from django.db import connection
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from freelanceguide.models import language_codes
from freelanceguide.pagination import page_of

from . import engines, misses
from .expand import Slot, expand, vocabulary_if_current
from .indexing import normalised_passages
from .models import Kind, SearchEntry, entry_id
from .normalise import normalise
from .ranking import ranked_ids
from .snippets import excerpt, highlight
from .tools import tools_for

MAX_QUERY_LENGTH = 200
# More words add little; each is a term of the full-text query.
MAX_WORDS = 8
# Fewer rows than this for the words as typed, and the query is expanded.
ENOUGH = 3
# Ten, as the big search engines show: half the bytes of twenty on a prepaid phone, and half
# the passages to cut (most of a results page's time).
RESULTS_PER_PAGE = 10
SUGGESTIONS = 12
BENGALI = re.compile("[\u0980-\u09ff]")


@dataclass
class Result:
    entry: SearchEntry
    kind_label: str
    title: SafeString
    title_lang: str
    passage: SafeString
    passage_lang: str


@dataclass
class SearchPage:
    """What the results page shows."""

    query: str = ""
    query_html: SafeString = ""
    cut: bool = False
    max_length: int = MAX_QUERY_LENGTH
    searched: bool = False
    page: object = None
    results: list = field(default_factory=list)
    # When the reader's words were changed: the query searched instead, and whether the words
    # as typed found anything at all.
    expanded_html: SafeString = ""
    typed_found: bool = False
    suggestions: list = field(default_factory=list)
    # The site's checks the words call for (search.tools), shown above the results.
    tools: list = field(default_factory=list)
    # What the page cache counts for this page (search.misses): a first page of results only.
    tally: tuple | None = None


def _visible(text):
    """The query as typed, without control characters (a NUL must not reach the page)."""
    return "".join(char for char in text if char.isprintable() or char in "\u200c\u200d")


def _marked(text):
    """Words with their own `lang`, so a screen reader reads ফাইভার on an English page (or
    Fiverr on a Bangla one) in the right voice."""
    return format_html('<span lang="{}">{}</span>', "bn" if BENGALI.search(text) else "en", text)


def query_words(query):
    """The normalised phrase and its distinct words (at most MAX_WORDS); ('', []) if none."""
    # A word needs a letter or digit: marks alone are no word to either engine.
    words = [word for word in normalise(query[:MAX_QUERY_LENGTH]).split() if any(c.isalnum() for c in word)]
    words = list(dict.fromkeys(words))[:MAX_WORDS]
    return " ".join(words), words


def _may_match(words):
    """False when this process's current copy of the vocabulary shows that a word cannot match:
    a misspelt or Banglish word is then expanded without first asking the database for what it
    cannot find (a statement, a round trip on PostgreSQL)."""
    vocab = vocabulary_if_current()
    return vocab is None or all(vocab.may_match(word) for word in words)


def _expanded(words, typed_ids):
    """(ids, slots) for the expanded query, or (None, None) when expanding changes nothing."""
    slots = expand(words)
    terms = [slot.terms for slot in slots]
    if (len(slots) == 1 and len(slots[0].terms) == 1) or terms == [[(word,)] for word in words]:
        return None, None  # (the second: the words as typed, already searched)
    phrase = " ".join(slot.shown for slot in slots)
    ids = ranked_ids(terms, phrase, first_ids=typed_ids)
    need = len(slots) - len(slots) // 3
    if len(ids) < ENOUGH and need < len(slots):  # still too little: most of the words will do
        ids = ranked_ids(terms, phrase, need, typed_ids)
    return ids, slots


def _result(entry, phrase, words, language):
    title, title_lang = entry.shown("title", language)
    passage, passage_lang = None, language
    # The index's normalised text: the passage is looked for without normalising every field.
    normal = normalised_passages(entry) or {}
    # The reader's language first, then the other: summary, then the text.
    for code in [language, *(c for c in language_codes() if c != language)]:
        for field_name in ("summary", "text"):
            text = getattr(entry, f"{field_name}_{code}")
            passage = excerpt(text, phrase, words, nfc=False, normal=normal.get((field_name, code)))
            if passage:
                passage_lang = code
                break
        if passage:
            break
    if passage is None:  # matched by an alternative spelling only: show the summary
        summary, passage_lang = entry.shown("summary", language)
        passage = highlight(summary, [phrase, *words], nfc=False)
    return Result(
        entry=entry,
        kind_label=Kind(entry.kind).label,
        title=highlight(title, [phrase, *words], nfc=False),
        title_lang=title_lang,
        passage=passage,
        passage_lang=passage_lang,
    )


# What a result shows and finds its passage in: not `names` (ranking reads each process's copy)
# nor the object's id and date (the page needs neither; left deferred, not mistyped: read
# without the ORM, a date would be SQLite's text).
SHOWN = ["id", "kind", "slug", "content"]
SHOWN += [f"{name}_{code}" for name in ("title", "summary", "text") for code in language_codes()]


def shown_entries(ids):
    """{id: SearchEntry} of the index rows `ids` (a page's: a handful), with the SHOWN columns.
    One plain statement: building the same query with the ORM's in_bulk took longer than the
    database took to answer it (about a millisecond)."""
    if not ids:
        return {}
    columns = ", ".join(connection.ops.quote_name(SearchEntry._meta.get_field(name).column) for name in SHOWN)
    placeholders = ", ".join(["%s"] * len(ids))
    sql = f"SELECT {columns} FROM {SearchEntry._meta.db_table} WHERE id IN ({placeholders})"  # noqa: S608 (our names)
    with connection.cursor() as cursor:
        cursor.execute(sql, list(ids))
        return {row[0]: SearchEntry.from_db(connection.alias, SHOWN, row) for row in cursor.fetchall()}


def _suggestions(language):
    # Marketplaces first ("marketplace" < "skill"): what readers ask about most.
    # Everything but guides, as an id range (search.models.entry_id): no scan of every row.
    popular = SearchEntry.objects.filter(id__gte=entry_id(Kind.SKILL, 0))
    popular = popular.defer("names", "content", "text_bn", "text_en")
    return [
        (entry.get_absolute_url(), *entry.shown("title", language))
        for entry in popular.order_by("kind", "slug")[:SUGGESTIONS]
    ]


def results_page(params):
    """Everything the search page shows for the query parameters (`q`, `page`, `exact`);
    raises Http404 for a bad ?page=."""
    with engines.session():
        return _results_page(params)


def _results_page(params):
    typed = _visible(params.get("q", "")).strip()
    show = SearchPage(query=typed[:MAX_QUERY_LENGTH], cut=len(typed) > MAX_QUERY_LENGTH)
    show.query_html = _marked(show.query)
    language = get_language()
    phrase, words = query_words(show.query)
    if not words:
        show.suggestions = _suggestions(language)
        return show
    show.tools = tools_for(words)
    ids = ranked_ids([[(word,)] for word in words], phrase) if _may_match(words) else []
    show.typed_found = bool(ids)
    marked_words = words
    if len(ids) < ENOUGH and params.get("exact") != "1":
        expanded_ids, slots = _expanded(words, ids)
        if expanded_ids is not None and len(expanded_ids) > len(ids):
            ids = expanded_ids
            marked_words = _marked_terms(slots)
            shown = " ".join(slot.shown for slot in slots)
            if shown != phrase:  # (else only fewer of the words had to match: nothing to say)
                show.expanded_html = _marked(shown)
    show.searched = True
    show.page = page_of(params, ids, RESULTS_PER_PAGE)
    if show.page.number == 1:
        show.tally = misses.tally_of(phrase, len(ids), bool(show.expanded_html))
    if not ids:
        show.suggestions = _suggestions(language)
        return show
    rows = shown_entries(show.page.object_list)
    marked_phrase = phrase if not show.expanded_html else ""
    show.results = [
        _result(rows[pk], marked_phrase, marked_words, language) for pk in show.page.object_list if pk in rows
    ]
    return show


def _marked_terms(slots: list[Slot]):
    """The words to mark in passages of an expanded search: every alternative's words."""
    return list(dict.fromkeys(word for slot in slots for words in slot.terms for word in words))
