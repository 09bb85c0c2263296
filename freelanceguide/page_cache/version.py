"""The content version: one number in the shared cache that every content change replaces, so
an edit is visible at once on every worker and server; and the two caches it keys."""

import logging
import time

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

logger = logging.getLogger("freelanceguide.page_cache")
VERSION_KEY = "page-cache:content-version"


def _shared_cache():
    return caches["default"]


def _page_cache():
    # Settings without a "pages" cache keep pages in "default" (then shared, and still correct).
    return caches["pages" if "pages" in settings.CACHES else "default"]


def content_version():
    """The current content version (nanoseconds since the epoch of the last change).

    None when the shared cache cannot be reached: pages are then served uncached, not a 500.
    """
    try:
        version = _shared_cache().get(VERSION_KEY)
        if version is None:
            # First request ever, or the cache lost it: start a new version (pages keyed by an
            # old one simply become unreachable).
            _shared_cache().add(VERSION_KEY, time.time_ns(), timeout=None)
            version = _shared_cache().get(VERSION_KEY)
        return version
    except Exception:  # any cache backend's connection error; the cache is optional
        logger.warning("page cache: the shared cache is unreachable, serving pages uncached", exc_info=True)
        # An edit made while it is down cannot bump the version: forget this worker's pages.
        _page_cache().clear()
        return None


def bump_content_version(**_signal_kwargs):
    """Start a new content version: every cached page is stale from now on.

    Called at once and again when the transaction commits: a page rendered between the change
    and the commit (from the old data) is stored under the first new version, which the second
    bump leaves behind.
    """
    _new_version()
    transaction.on_commit(_new_version)


def _new_version():
    try:
        previous = _shared_cache().get(VERSION_KEY) or 0
        _shared_cache().set(VERSION_KEY, max(time.time_ns(), previous + 1), timeout=None)
    except Exception:  # never lose an editor's save to a cache outage
        logger.error("page cache: could not start a new content version", exc_info=True)
        _page_cache().clear()


def watch_app(app_config):
    """Bump the content version whenever any model of this app (or an m2m table) changes.

    Called from each content app's AppConfig.ready(), so each app names its own models.
    """
    for model in app_config.get_models(include_auto_created=True):
        uid = f"page-cache:{model._meta.label}"
        post_save.connect(bump_content_version, sender=model, dispatch_uid=f"{uid}:save")
        post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"{uid}:delete")
        m2m_changed.connect(bump_content_version, sender=model, dispatch_uid=f"{uid}:m2m")
