"""The search itself: which index rows match a query, best first, grouped by kind."""

from django.db.models import Case, IntegerField, Min, Q, Value, When, Window
from django.db.models.functions import StrIndex
from django.db.models.lookups import GreaterThan

from .models import Kind, SearchEntry
from .normalise import normalise

MAX_QUERY_LENGTH = 200
# More words add little and each adds two LIKE tests to every row.
MAX_WORDS = 8

# Lower is better.
RANK_NAME_PHRASE, RANK_NAME_WORDS, RANK_TEXT_PHRASE, RANK_TEXT_WORDS = range(4)


def query_words(query):
    """The normalised phrase and its distinct words (at most MAX_WORDS); ('', []) if none."""
    phrase = normalise(query[:MAX_QUERY_LENGTH])
    return phrase, list(dict.fromkeys(phrase.split()))[:MAX_WORDS]


def _has(field, term):
    """`term` occurs in `field`: INSTR on SQLite, STRPOS on PostgreSQL.

    Both columns are already normalised (lower case), so a plain substring test is exact;
    it is several times faster than LIKE on SQLite and has no wildcards to escape.
    """
    return GreaterThan(StrIndex(field, Value(term)), 0)


def _all_words(field, words):
    condition = Q()
    for word in words:
        condition &= Q(_has(field, word))
    return condition


def search(phrase, words):
    """Ids of the index rows containing every word (in a name or in the text), ranked:

    the whole phrase in a title or alternative spelling, then all words in them, then the
    phrase in the text, then the words anywhere. A kind's group is placed by its best match,
    so the marketplace named "ফাইভার" comes before guides that only mention it.
    Only ids: the results page fetches the rows of its own page by id, so the text is
    scanned once per search.
    """
    matches = Q()
    for word in words:
        matches &= Q(_has("names", word)) | Q(_has("content", word))
    if len(words) == 1:  # every match has the word: in a name, or else in the text
        rank = Case(
            When(_has("names", phrase), then=Value(RANK_NAME_PHRASE)),
            default=Value(RANK_TEXT_PHRASE),
            output_field=IntegerField(),
        )
    else:
        rank = Case(
            When(_has("names", phrase), then=Value(RANK_NAME_PHRASE)),
            When(_all_words("names", words), then=Value(RANK_NAME_WORDS)),
            When(_has("content", phrase), then=Value(RANK_TEXT_PHRASE)),
            default=Value(RANK_TEXT_WORDS),
            output_field=IntegerField(),
        )
    kind_order = Case(
        *(When(kind=kind, then=Value(position)) for position, kind in enumerate(Kind.values)),
        output_field=IntegerField(),
    )
    return (
        SearchEntry.objects.filter(matches)
        .annotate(rank=rank, kind_order=kind_order)
        .annotate(group_rank=Window(Min("rank"), partition_by=["kind"]))
        .order_by("group_rank", "kind_order", "rank", "slug")
        .values_list("pk", flat=True)
    )


def entries(ids):
    """The index rows for `ids`, in that order (one query)."""
    found = SearchEntry.objects.defer("names", "content").in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]
