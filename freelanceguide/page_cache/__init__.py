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

from . import fingerprint
from .entries import COMPRESSORS, MAX_QUERY_LENGTH, choose_encoding, make_entry, page_key, request_may_use_cache
from .fingerprint import DEPLOYED_AT, DEPLOYMENT_FINGERPRINT, compute_deployment_fingerprint, deployment_files
from .middleware import PageCacheMiddleware
from .version import VERSION_KEY, bump_content_version, content_version, watch_app
from .wsgi import CachedPagesApp

__all__ = [
    "COMPRESSORS",
    "DEPLOYED_AT",
    "DEPLOYMENT_FINGERPRINT",
    "MAX_QUERY_LENGTH",
    "VERSION_KEY",
    "CachedPagesApp",
    "PageCacheMiddleware",
    "bump_content_version",
    "choose_encoding",
    "compute_deployment_fingerprint",
    "content_version",
    "deployment_files",
    "fingerprint",
    "make_entry",
    "page_key",
    "request_may_use_cache",
    "watch_app",
]
