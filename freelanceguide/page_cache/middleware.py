"""The page cache inside Django: stores pages, answers 304s, and serves hits wherever the WSGI
wrapper is not used (runserver, the test client)."""

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.utils.cache import get_conditional_response

from . import tallies
from .entries import _prefixes, _timeout, choose_encoding, make_entry, page_key, request_may_use_cache, stored_response
from .version import _page_cache


class PageCacheMiddleware:
    """Serve and store whole reader pages. Put it first in MIDDLEWARE."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefixes = _prefixes()

    def __call__(self, request):
        key, last_modified = self.key_for(request)
        if key is None:
            return self.counted(self.get_response(request))
        entry = _page_cache().get(key)
        if entry is not None:
            return self.replay(request, key, entry)
        response = self.get_response(request)
        if request.method == "GET" and self.storable(request, response):
            entry = make_entry(response, last_modified, choose_encoding(request.META))
            _page_cache().set(key, entry, timeout=_timeout())
            return self.replay(request, key, entry)
        return self.counted(response)

    @staticmethod
    def counted(response):
        """A page sent without the cache is counted here (stored ones when they are sent)."""
        tallies.count(getattr(response, tallies.ATTRIBUTE, None))
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
