"""Whole-page cache for reader pages, with invalidation on every content edit.

Reader pages are the same for every visitor (no per-user content, no CSRF form, no nonce), so a
rendered page is stored once and sent again as is:
- `PageCacheMiddleware`, first in MIDDLEWARE, stores pages and answers 304s (and serves hits
  wherever the WSGI wrapper is not used: runserver, the test client);
- `CachedPagesApp` wraps the WSGI application (freelanceguide/wsgi.py, what gunicorn runs) and
  sends a stored page before Django even builds a request, so a hit costs less than whitenoise
  serving a static file.

The cache key holds everything a page depends on besides its URL:
- the content version: a number in the shared "default" cache (Redis, or files on one machine),
  replaced by every save, delete or relation change of a content model (`watch_app`), so an edit
  in either language is visible at once on every worker and server;
- a deployment fingerprint: the compiled translation catalogs, the templates, the code and the
  static manifest as they were when this process started, so new translations or a new release
  never show an old page;
- today's date (stale-fact cautions and "updated" wording depend on it);
- scheme and host (canonical and hreflang URLs are absolute).

Pages themselves live in the "pages" cache alias (per process memory by default: fastest to
read, and each worker renders a page at most once per version).

Each stored page carries its body compressed in each encoding readers asked for (gzip, Brotli:
each compressed once, when first asked for, not per request), an ETag and a Last-Modified
date, so repeat visitors get a 304 and first visitors few bytes.
"""

import datetime
import gzip
import hashlib
import logging
import re
import time
from pathlib import Path

import brotli
from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date

logger = logging.getLogger(__name__)
VERSION_KEY = "page-cache:content-version"
ACCEPTS_BR = re.compile(r"\bbr\b")
ACCEPTS_GZIP = re.compile(r"\bgzip\b")
# Longer query strings (tracking junk, probes) are served uncached rather than fill the cache.
MAX_QUERY_LENGTH = 200
# Headers that belong to one response only, never replayed from the cache.
NOT_STORED = {"content-length", "content-encoding", "set-cookie", "date"}


def _shared_cache():
    return caches["default"]


def _page_cache():
    # Settings without a "pages" cache keep pages in "default" (then shared, and still correct).
    return caches["pages" if "pages" in settings.CACHES else "default"]


# --- the content version -------------------------------------------------------------------


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


# --- the deployment fingerprint ------------------------------------------------------------


def deployment_files():
    """Files whose change must invalidate every page: catalogs, templates, code, static manifest."""
    base = Path(settings.BASE_DIR)
    roots = [Path(p) for p in settings.LOCALE_PATHS]
    roots += [Path(d) for engine in settings.TEMPLATES for d in engine.get("DIRS", [])]
    # Every installed app that lives in this repository: a new app needs no entry here.
    roots += sorted({base / name.split(".")[0] for name in settings.INSTALLED_APPS} & set(base.iterdir()))
    files = []
    for root in roots:
        if root.is_dir():
            # .js: the service worker's template (its caches are named after this fingerprint).
            files += [p for p in root.rglob("*") if p.suffix in {".mo", ".html", ".py", ".js"} and p.is_file()]
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if manifest.is_file():
        files.append(manifest)
    return sorted(files)


def compute_deployment_fingerprint():
    digest = hashlib.sha256()
    newest = 0.0
    for path in deployment_files():
        stat = path.stat()
        newest = max(newest, stat.st_mtime)
        digest.update(f"{path}\0{stat.st_mtime_ns}\0{stat.st_size}\n".encode())
    return digest.hexdigest()[:16], newest


# Read once per process: Django itself reads catalogs and code once per process too.
DEPLOYMENT_FINGERPRINT, DEPLOYED_AT = compute_deployment_fingerprint()


# --- keys and entries (shared by the middleware and the WSGI fast path) ----------------------


def _prefixes():
    return tuple(f"/{code}/" for code, _name in settings.LANGUAGES)


def request_may_use_cache(method, path, query_string, has_session_cookie, prefixes):
    """The one rule, for both entry points, of which requests may be served from or stored in the cache.

    Only reader pages (under a language prefix) asked for by GET or HEAD, by a reader (an editor
    carries a session cookie and sees drafts' effects), with a short query string.
    """
    return (
        method in ("GET", "HEAD")
        and path.startswith(prefixes)
        and not has_session_cookie
        and len(query_string) <= MAX_QUERY_LENGTH
    )


def scheme_of(meta):
    """request.scheme, from the WSGI environ alone (same rules as Django's)."""
    if settings.SECURE_PROXY_SSL_HEADER:
        header, secure_value = settings.SECURE_PROXY_SSL_HEADER
        value = meta.get(header)
        if value is not None:
            return "https" if value.split(",", 1)[0].strip() == secure_value else "http"
    return meta.get("wsgi.url_scheme", "http")


def page_key(meta, host, path_info):
    """The key of a page and the Last-Modified date it would carry; (None, None): do not cache."""
    version = content_version()
    if version is None:
        return None, None
    today = timezone.localdate()
    raw = "\0".join(
        [
            DEPLOYMENT_FINGERPRINT,
            str(version),
            today.isoformat(),
            scheme_of(meta),
            host,
            meta.get("SCRIPT_NAME", ""),
            path_info,
            meta.get("QUERY_STRING", ""),
        ]
    )
    day_start = timezone.make_aware(datetime.datetime.combine(today, datetime.time.min))
    last_modified = max(version / 1e9, DEPLOYED_AT, day_start.timestamp())
    return "page:" + hashlib.sha256(raw.encode()).hexdigest(), int(min(last_modified, time.time()))


def choose_encoding(meta):
    accept = meta.get("HTTP_ACCEPT_ENCODING", "")
    return "br" if ACCEPTS_BR.search(accept) else "gzip" if ACCEPTS_GZIP.search(accept) else "identity"


def _gzip(body):
    return gzip.compress(body, compresslevel=9, mtime=0)


def _brotli(body):
    # Quality 5: 2 ms for a 20 KB page against 85 ms at 11, for 10 % more bytes; every edit
    # makes each worker compress each page it serves again.
    return brotli.compress(body, quality=5)


COMPRESSORS = {"gzip": _gzip, "br": _brotli}


def make_entry(response, last_modified, encoding):
    """What is stored: the page's body with its complete, ready-to-send header list, and the
    same in `encoding`, the one this request asked for (`with_encoding` adds another when a
    later reader first asks for it: a search's results are often asked for once, and
    compressing a page twice was a twentieth of a cold search page's time)."""
    plain = response.content
    patch_vary_headers(response, ("Accept-Encoding",))
    etag = f'W/"{hashlib.sha256(plain).hexdigest()[:32]}"'
    common = [(k, v) for k, v in response.items() if k.lower() not in NOT_STORED]
    common += [
        # Browsers keep the page but ask again each time (a 304 when unchanged): an edit must
        # be visible at once, so no heuristic freshness.
        ("Cache-Control", "no-cache"),
        ("ETag", etag),
        ("Last-Modified", http_date(last_modified)),
    ]
    entry = {"etag": etag, "last_modified": last_modified, "headers": common}
    entry["identity"] = (plain, [*common, ("Content-Length", str(len(plain)))])
    return with_encoding(entry, encoding)[0]


def with_encoding(entry, encoding):
    """(entry, whether `encoding` was added): the entry holding its body in `encoding`."""
    if encoding in entry:
        return entry, False
    body = COMPRESSORS[encoding](entry["identity"][0])
    headers = [*entry["headers"], ("Content-Encoding", encoding), ("Content-Length", str(len(body)))]
    return {**entry, encoding: (body, headers)}, True


def stored_response(key, entry, encoding):
    """(body, headers) of a stored page in `encoding`; an encoding compressed now is stored too."""
    entry, added = with_encoding(entry, encoding)
    if added:
        _page_cache().set(key, entry, timeout=_timeout())
    return entry[encoding]


def _timeout():
    return getattr(settings, "PAGE_CACHE_SECONDS", 24 * 3600)


# --- the middleware --------------------------------------------------------------------------


class PageCacheMiddleware:
    """Serve and store whole reader pages. Put it first in MIDDLEWARE."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefixes = _prefixes()

    def __call__(self, request):
        key, last_modified = self.key_for(request)
        if key is None:
            return self.get_response(request)
        entry = _page_cache().get(key)
        if entry is not None:
            return self.replay(request, key, entry)
        response = self.get_response(request)
        if request.method == "GET" and self.storable(request, response):
            entry = make_entry(response, last_modified, choose_encoding(request.META))
            _page_cache().set(key, entry, timeout=_timeout())
            return self.replay(request, key, entry)
        return response

    def key_for(self, request):
        """The cache key for this request and its Last-Modified, or (None, None): not cached."""
        if settings.DEBUG:
            return None, None  # runserver reloads templates without a restart: always render
        if not request_may_use_cache(
            request.method,
            request.path,
            request.META.get("QUERY_STRING", ""),
            settings.SESSION_COOKIE_NAME in request.COOKIES,
            self.prefixes,
        ):
            return None, None
        try:
            host = request.get_host()
        except DisallowedHost:
            return None, None  # let Django answer 400 as usual
        return page_key(request.META, host, request.path_info)

    @staticmethod
    def storable(request, response):
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        if response.has_header("Content-Encoding"):
            return False
        cache_control = response.get("Cache-Control", "")
        if any(word in cache_control for word in ("private", "no-store", "no-cache")):
            return False
        # Anything varying on more than the encoding (Cookie, Accept-Language) is per visitor.
        vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
        if vary - {"accept-encoding"}:
            return False
        # A page that used the CSP nonce must not hand the same nonce to everyone.
        return not getattr(request, "_csp_nonce", None)

    @staticmethod
    def replay(request, key, entry):
        body, headers = stored_response(key, entry, choose_encoding(request.META))
        response = HttpResponse(body, headers=headers)
        return get_conditional_response(
            request, etag=entry["etag"], last_modified=entry["last_modified"], response=response
        )


# --- the WSGI fast path ----------------------------------------------------------------------


class CachedPagesApp:
    """Wraps the WSGI application: a stored page is sent before Django builds a request.

    Only plain GET/HEAD hits are answered here (no conditional headers, no session cookie,
    an ASCII path); everything else, including every miss, goes to Django, whose middleware
    above stores pages and answers 304s. A key only exists for a host Django has validated,
    because only Django stores pages.
    """

    def __init__(self, application):
        self.application = application
        self.prefixes = _prefixes()
        self.session_cookie = f"{settings.SESSION_COOKIE_NAME}="

    def __call__(self, environ, start_response):
        key, entry = self.stored(environ)
        if entry is None:
            return self.application(environ, start_response)
        body, headers = stored_response(key, entry, choose_encoding(environ))
        start_response("200 OK", headers)
        return [] if environ["REQUEST_METHOD"] == "HEAD" else [body]

    def stored(self, environ):
        """(key, entry) of the stored page for this request; entry None: Django answers it."""
        path = environ.get("PATH_INFO", "")
        if not request_may_use_cache(
            environ.get("REQUEST_METHOD"),
            path,
            environ.get("QUERY_STRING", ""),
            self.session_cookie in environ.get("HTTP_COOKIE", ""),
            self.prefixes,
        ):
            return None, None
        # Conditional requests and non-ASCII paths go to Django, which answers 304s and decodes paths.
        if not path.isascii() or "HTTP_IF_NONE_MATCH" in environ or "HTTP_IF_MODIFIED_SINCE" in environ:
            return None, None
        if settings.USE_X_FORWARDED_HOST and "HTTP_X_FORWARDED_HOST" in environ:
            host = environ["HTTP_X_FORWARDED_HOST"]
        else:
            host = environ.get("HTTP_HOST")
        if not host:
            return None, None
        key = page_key(environ, host, path)[0]
        return key, None if key is None else _page_cache().get(key)
