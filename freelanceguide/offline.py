"""Installable and readable offline: the web app manifest, the service worker and the offline page.

The worker is hand-written (templates/offline/sw.js, about 1 KB compressed) rather than built with
Workbox: it needs four small strategies (cache-first for hashed static files, keep-and-refresh for
reader pages, an offline page, a "save these pages" message), and the rules that decide what is
kept live on the server (the page cache's headers), so a Workbox build step and runtime would add
an npm build to `make run` and several kilobytes for readers without adding anything they need.

What a reader's browser keeps is decided by two rules, both general so new page kinds need nothing:
- in the worker, by address: a page under a language prefix (`/bn/...`, `/en/...`) with no query
  string and outside NEVER_KEPT (search results, the offline page itself), plus the one plan
  (`/bn/path/?answers`) a reader asked to keep ("Keep this plan", static/js/plan.js), which is
  then served and refreshed like any kept page until the reader clears or replaces it;
- on the server, by the response: only a page the page cache serves to everyone (`Cache-Control:
  no-cache`, nothing private) is kept. Staff (a session cookie), the admin, previews, POST
  responses and errors never carry that header, so they are never kept.
The worker's caches are named after the deployment fingerprint, so a new deployment's worker
deletes the old caches when it takes over, and fetches the reader's kept pages again.
"""

import functools
import gzip
import hashlib
import json

import brotli
from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.cache import get_conditional_response
from django.views.decorators.http import require_safe

from . import page_cache

# Path segments after the language prefix that the worker never keeps.
NEVER_KEPT = ["search", "offline"]
THEME_COLOUR = "#084568"
# Static files every offline page needs; the fonts so Bangla is drawn the same offline.
SHELL_FILES = [
    "css/site.css",
    "fonts/noto-sans-bengali-400.woff2",
    "fonts/noto-sans-bengali-700.woff2",
    "js/offline.js",
    "js/plan.js",  # the kept plan's ticks, and the home page's "your plan", offline too
]


# What one reader page costs to download, measured on the shipped guides sent with Brotli
# (tests/freelanceguide/test_offline.py checks the estimate stays above what is really sent): the page around
# the text, plus the text itself (Bangla HTML compresses to about a sixth of its characters' bytes).
PAGE_BYTES = 6_000
BYTES_PER_BODY_CHARACTER = 0.6


def download_estimate(pages):
    """The addresses of these pages and about how many bytes saving them for offline costs."""
    total = sum(PAGE_BYTES + int(getattr(page, "body_chars", 0) or 0) * BYTES_PER_BODY_CHARACTER for page in pages)
    return {
        "urls": json.dumps([page.get_absolute_url() for page in pages]),
        "bytes": int(total),
        "megabytes": round(total / 1_000_000, 1) or 0.1,
    }


def offline_urls():
    urls = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            urls[code] = reverse("offline")
    return urls


def plan_urls():
    urls = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            urls.append(reverse("planner:path"))
    return urls


def worker_source():
    """The worker's code: the deployment fingerprint names its caches (read once per process)."""
    offline = offline_urls()
    context = {
        "version": page_cache.fingerprint.DEPLOYMENT_FINGERPRINT,
        "static_url": settings.STATIC_URL,
        "shell": json.dumps([static(name) for name in SHELL_FILES] + list(offline.values())),
        "offline": json.dumps(offline),
        "never": json.dumps(NEVER_KEPT),
        # The plan's address: with a query string (the answers), kept when the reader asks.
        "plan": json.dumps(plan_urls()),
    }
    return render_to_string("offline/sw.js", context)


@functools.cache
def worker_bodies():
    """The worker's code in each encoding, compressed once per process (it only changes on deploy)."""
    source = worker_source().encode()
    return {
        "etag": f'"{hashlib.sha256(source).hexdigest()[:32]}"',
        "identity": source,
        "gzip": gzip.compress(source, compresslevel=9, mtime=0),
        "br": brotli.compress(source, quality=11),
    }


@require_safe
def service_worker(request):
    bodies = worker_bodies()
    not_modified = get_conditional_response(request, etag=bodies["etag"])
    if not_modified is not None:
        return not_modified
    encoding = page_cache.choose_encoding(request.META)
    response = HttpResponse(bodies[encoding], content_type="text/javascript; charset=utf-8")
    if encoding != "identity":
        response["Content-Encoding"] = encoding
    response["Vary"] = "Accept-Encoding"
    response["ETag"] = bodies["etag"]
    # Browsers look for a new worker on every visit; no-cache makes that a cheap 304 check.
    response["Cache-Control"] = "no-cache"
    return response


def manifest_data(language):
    """The web app manifest for one language: its names, start page and direction."""
    with translation.override(language):
        return {
            # One app whichever language it was installed in; it opens in that language.
            "id": "/",
            "lang": language,
            "dir": "ltr",
            "name": translation.gettext("Freelancing guide: start from Bangladesh"),
            "short_name": translation.gettext("Freelancing guide"),
            "description": translation.gettext(
                "A plain guide to starting freelancing from Bangladesh: skills, marketplaces and getting paid."
            ),
            "start_url": reverse("home"),
            "scope": "/",
            "display": "standalone",
            "background_color": "#ffffff",
            "theme_color": THEME_COLOUR,
            "icons": [
                {"src": static("icons/icon-192.png"), "sizes": "192x192", "type": "image/png", "purpose": "any"},
                {"src": static("icons/icon-512.png"), "sizes": "512x512", "type": "image/png", "purpose": "any"},
                {"src": static("icons/icon-512.png"), "sizes": "512x512", "type": "image/png", "purpose": "maskable"},
            ],
        }


@require_safe
def manifest(request, language):
    body = json.dumps(manifest_data(language), ensure_ascii=False, indent=1)
    response = HttpResponse(body, content_type="application/manifest+json; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    return response


@require_safe
def offline_page(request):
    """Shown by the worker for a page that is not kept; lists (with JavaScript) what is."""
    return render(request, "offline/offline.html")
