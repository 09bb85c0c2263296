"""The search itself: which index rows match a query, best first, grouped by kind."""

from django.db.models import Case, IntegerField, Min, Q, Value, When, Window

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


def _all_words(field, words):
    condition = Q()
    for word in words:
        condition &= Q(**{f"{field}__contains": word})
    return condition


def search(phrase, words):
    """Index rows containing every word (in a name or in the text), ranked:

    the whole phrase in a title or alternative spelling, then all words in them, then the
    phrase in the text, then the words anywhere. A kind's group is placed by its best match,
    so the marketplace named "ফাইভার" comes before guides that only mention it.
    """
    matches = Q()
    for word in words:
        matches &= Q(names__contains=word) | Q(content__contains=word)
    rank = Case(
        When(names__contains=phrase, then=Value(RANK_NAME_PHRASE)),
        When(_all_words("names", words), then=Value(RANK_NAME_WORDS)),
        When(content__contains=phrase, then=Value(RANK_TEXT_PHRASE)),
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
        .defer("names", "content")
    )
