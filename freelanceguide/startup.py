"""What a worker does once the site is loaded, before its first request."""

import gc
import logging
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.urls import get_resolver
from django.utils import translation

logger = logging.getLogger(__name__)


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
    warm_up_site()
    warm_up_apps()
    gc.freeze()


def warm_up_site():
    """Build now what every worker's first page would build: the URL resolver's reverse lookup
    for each language (i18n_patterns keeps one per language: 50-60 ms at a first `reverse`) and
    the compiled reader templates (the cached loader keeps them for the worker's life)."""
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            get_resolver()._populate()
    for path in sorted(Path(settings.BASE_DIR, "templates").rglob("*.html")):
        name = path.relative_to(Path(settings.BASE_DIR, "templates")).as_posix()
        if not name.startswith(("admin/", "reversion-compare/")):
            try:
                get_template(name)
            except TemplateDoesNotExist:  # shadowed: its first use finds the one it means
                continue
            except Exception:  # a broken template fails its own page, never the worker's start
                logger.warning("%s: not compiled at start-up", name, exc_info=True)


def warm_up_apps():
    """Let each app that defines `warm_up()` on its AppConfig load, now, what its first request
    would otherwise load (search: the vocabulary and every index row's names, 120 ms and more at
    10,000 guides), so no reader waits for it. A database that cannot be reached yet only
    leaves the loading to the first request: a worker always starts."""
    for app_config in apps.get_app_configs():
        warm_up = getattr(app_config, "warm_up", None)
        if warm_up is None:
            continue
        try:
            warm_up()
        except Exception:
            logger.warning("%s: warm-up skipped, its first request loads instead", app_config.label, exc_info=True)
