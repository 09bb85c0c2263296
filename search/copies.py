"""What each process keeps a copy of from the index: the vocabulary (search.expand) and every
row's names (search.engines), reread when any process changed the index.

Every write to the index calls `index_changed`: it drops this process's copies and counts up
a generation in the shared cache, so every other process rereads its copies at its next
search. Without a shared cache (an outage), other processes reread within MAX_AGE seconds.
"""

import contextlib
import threading
import time

from django.core.cache import cache

from .models import SearchEntry

MAX_AGE = 600
_GENERATION_KEY = "search:vocabulary-generation"
_copies = []
_looked = threading.local()


def _generation():
    if getattr(_looked, "generation", None) is not None:
        return _looked.generation[0]
    try:
        return cache.get(_GENERATION_KEY)
    except Exception:  # noqa: BLE001 (a cache outage must not stop a search)
        return None


@contextlib.contextmanager
def generation_read_once():
    """Within it, every copy compares itself with one reading of the shared generation: a
    search asks its copies several times, and with Redis each reading is a round trip."""
    _looked.generation = None
    _looked.generation = (_generation(),)
    try:
        yield
    finally:
        _looked.generation = None


def index_changed():
    """Called after every write to the index: this process's copies and every other's go."""
    for copy in _copies:
        copy.drop()
    try:
        cache.incr(_GENERATION_KEY)
    except ValueError:
        cache.set(_GENERATION_KEY, 1, None)
    except Exception:  # noqa: BLE001, S110 (no shared cache: other processes reread within MAX_AGE)
        pass


class ProcessCopy:
    """The value `load()` returns, kept until the index changes (or MAX_AGE passes)."""

    def __init__(self, load):
        self._load = load
        self._lock = threading.Lock()
        self._value, self._generation, self._at = None, None, 0.0
        _copies.append(self)

    def get(self):
        generation = _generation()
        with self._lock:
            if self._value is None or self._stale(generation):
                self._value, self._generation, self._at = self._load(), generation, time.monotonic()
            return self._value

    def current(self):
        """The value if this process holds it and it is current, else None (nothing is loaded)."""
        generation = _generation()
        with self._lock:
            return None if self._stale(generation) else self._value

    def _stale(self, generation):
        return self._generation != generation or time.monotonic() - self._at > MAX_AGE

    def drop(self):
        self._value = None


def load_every_copy():
    """Read every copy now (a worker's start): the first search then reads none of them."""
    for copy in _copies:
        copy.get()


# --- every index row's names ----------------------------------------------------------------


def _every_rows_names():
    return dict(SearchEntry.objects.values_list("id", "names").iterator(chunk_size=2000))


_names = ProcessCopy(_every_rows_names)


def names_of(ids):
    """{id: names} of the index rows `ids`, from this process's copy (a row written since,
    by another process that could not say so, is read from the database)."""
    copy = _names.get()
    found = {pk: copy.get(pk) for pk in ids}
    missing = [pk for pk, names in found.items() if names is None]
    if missing:
        found.update(SearchEntry.objects.filter(id__in=missing).values_list("id", "names"))
    return {pk: names for pk, names in found.items() if names is not None}
