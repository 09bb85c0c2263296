"""The page cache in front of Django: a stored page is sent before a request is even built."""

from django.conf import settings

from .entries import _prefixes, choose_encoding, page_key, request_may_use_cache, stored_response
from .version import _page_cache


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
