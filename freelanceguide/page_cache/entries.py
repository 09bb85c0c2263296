"""Which requests may use the cache, the key of a page, and the stored entry (a body in each
encoding readers asked for, with its ready header list): shared by both entry points."""

import datetime
import gzip
import hashlib
import re
import time

import brotli
from django.conf import settings
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date

from . import fingerprint, tallies
from .version import _page_cache, content_version

ACCEPTS_BR = re.compile(r"\bbr\b")
ACCEPTS_GZIP = re.compile(r"\bgzip\b")
# Longer query strings (tracking junk, probes) are served uncached rather than fill the cache.
MAX_QUERY_LENGTH = 200
# Headers that belong to one response only, never replayed from the cache.
NOT_STORED = {"content-length", "content-encoding", "set-cookie", "date"}


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
            fingerprint.DEPLOYMENT_FINGERPRINT,
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
    last_modified = max(version / 1e9, fingerprint.DEPLOYED_AT, day_start.timestamp())
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
    if tally := getattr(response, tallies.ATTRIBUTE, None):
        entry["tally"] = tally
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
    """(body, headers) of a stored page in `encoding`; an encoding compressed now is stored too.
    Counts the sending when the page asked for it (tallies)."""
    tallies.count(entry.get("tally"))
    entry, added = with_encoding(entry, encoding)
    if added:
        _page_cache().set(key, entry, timeout=_timeout())
    return entry[encoding]


def _timeout():
    return getattr(settings, "PAGE_CACHE_SECONDS", 24 * 3600)
