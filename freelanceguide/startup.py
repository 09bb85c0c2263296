"""What a worker does once the site is loaded, before its first request."""

import gc

from django.urls import get_resolver


def freeze_startup_objects():
    """Load the URLconf (and with it every view and what they import: the search's vocabulary
    code, avro, rapidfuzz), then leave every object built so far out of the garbage collector's
    full collections.

    A full collection walks every tracked object. With Django and the site loaded that took
    45-75 ms on this machine, a stall for whichever request set one off: the slowest search
    pages of `make bench-search` were collections, not searching (docs/performance.md). Objects
    built at startup live as long as the worker, so the collector has nothing to find there.
    """
    get_resolver().url_patterns  # noqa: B018 (imports the URLconf now, not at the first request)
    gc.freeze()
