"""Counts of pages served, for pages that ask to be counted (a search counts its query even when
the page cache answers it, so a failed search asked a hundred times counts a hundred).

A view sets `response.page_tally = (sink, key)`; the page cache keeps it in the stored entry and
counts it each time the page is sent, from Django or from the WSGI fast path. Counts add up in
the worker's memory and are handed to the sink registered under that name (an app's function
taking {key: count}) at most every FLUSH_SECONDS, and when the worker exits: a hit costs a
dictionary update, not a database write. A worker killed hard loses at most that many seconds
of counts.
"""

import logging
import threading
import time
from collections import Counter

from django.conf import settings

logger = logging.getLogger(__name__)

ATTRIBUTE = "page_tally"
# Seconds between flushes; the tests' settings make it endless, so no flush lands inside a
# request whose queries a test counts (they flush by hand).
FLUSH_SECONDS = 30

_sinks = {}
_counts = Counter()
_lock = threading.Lock()
_last_flush = [time.monotonic()]


def register_sink(name, function):
    """`function({key: count})` stores counts of pages whose tally names `name`."""
    _sinks[name] = function


def count(tally, now=None):
    """Count one sending of a page with this tally (None: a page not counted)."""
    if not tally:
        return
    with _lock:
        _counts[tally] += 1
    now = time.monotonic() if now is None else now
    if now - _last_flush[0] >= getattr(settings, "PAGE_TALLY_FLUSH_SECONDS", FLUSH_SECONDS):
        flush(now)


def clear():
    """Drop the counts not yet handed over (a test starting afresh)."""
    with _lock:
        _counts.clear()


def flush(now=None):
    """Hand every count so far to its sink. A sink that fails keeps nothing back: counts are a
    guide for editors, never worth failing a reader's request for."""
    with _lock:
        counts = dict(_counts)
        _counts.clear()
        _last_flush[0] = time.monotonic() if now is None else now
    by_sink = {}
    for (sink, key), number in counts.items():
        by_sink.setdefault(sink, {})[key] = number
    for sink, numbers in by_sink.items():
        try:
            _sinks[sink](numbers)
        except Exception:
            logger.exception("Page tallies for %s were not stored", sink)
