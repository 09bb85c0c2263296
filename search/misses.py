"""What readers searched for: each search's normalised query counted per day, so editors see
the queries that found nothing or little (feedback's "what readers need" page).

The results page names its tally (`tally_of`); the page cache counts every sending of it,
cached or not, and hands the counts to `store` (registered in SearchConfig.ready).
A query that looks like an email address, a phone number or any long number is never counted:
readers paste those by mistake, and they are personal.
"""

import datetime
import re

from django.db import IntegrityError, transaction
from django.db.models import F, Max, Sum
from django.utils import timezone

from freelanceguide.locale_format import to_ascii_digits

from .models import SearchDay

SINK = "search"
# "Few results": fewer than this many found.
FEW = 3
_EMAIL = re.compile(r"\S+@\S+\.\S+")
# Six digits or more, however they are grouped ("01711 123456", "+880-1711", "১২৩৪৫৬").
_LONG_NUMBER = re.compile(r"\d(?:[\s\-.+()/]*\d){5,}")


def recordable(query):
    ascii_query = to_ascii_digits(query)
    return bool(query.strip()) and not _EMAIL.search(ascii_query) and not _LONG_NUMBER.search(ascii_query)


def tally_of(phrase, found, corrected):
    """The page cache's tally for a first results page, or None when it is not to be counted."""
    if not recordable(phrase):
        return None
    return (SINK, (phrase[:200], found, bool(corrected)))


def store(counts, day=None):
    """Add {(query, results, corrected): searches} to the day's rows (one row per query)."""
    day = day or timezone.localdate()
    for (query, results, corrected), searches in counts.items():
        changes = {"searches": F("searches") + searches, "results": results, "corrected": corrected}
        if SearchDay.objects.filter(query=query, day=day).update(**changes):
            continue
        try:
            with transaction.atomic():
                SearchDay.objects.create(query=query, day=day, searches=searches, results=results, corrected=corrected)
        except IntegrityError:  # another worker created it first
            SearchDay.objects.filter(query=query, day=day).update(**changes)


def failed_this_week(today=None, limit=20):
    """The most searched queries of the last seven days that found fewer than FEW results."""
    today = today or timezone.localdate()
    return list(
        SearchDay.objects.filter(day__gt=today - datetime.timedelta(days=7), results__lt=FEW)
        .values("query")
        .annotate(searches=Sum("searches"), results=Max("results"))
        .order_by("-searches", "query")[:limit]
    )
