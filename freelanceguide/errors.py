"""Error pages in the reader's language: 400, 403 (and CSRF failure), 500, and 503 when the
database is unreachable.

They stand alone (templates/errors/page.html): no database, no host name, no static manifest,
so they render even when what broke the request is one of those. They never echo request data.
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.utils import translation
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

# The database (or the shared Redis cache) cannot be reached: a 503 "temporarily unavailable"
# page rather than a 500. A Redis outage is not silently ignored: serving around the cache could
# hand out pages it should have invalidated.
DATABASE_ERRORS = (OperationalError, InterfaceError, RedisConnectionError, RedisTimeoutError)
# Seconds a client or load balancer should wait before asking again.
RETRY_AFTER = 30


def reader_language(request):
    """The page's language: its /bn/ or /en/ prefix, else the language cookie, else the browser's.

    Worked out from the request, not from the active translation, because an error can happen
    before LocaleMiddleware has run (a bad Host header) or leave another request's language active.
    """
    # Never raises: unknown prefixes, cookies and Accept-Language values are ignored.
    return translation.get_language_from_request(request, check_path=True)


def error_page(request, template, status, context=None):
    language = reader_language(request)
    with translation.override(language):
        body = loader.render_to_string(template, context)
    response = HttpResponse(body, status=status)
    response["Content-Language"] = language
    # An error must not be stored by a CDN or browser as if it were the page.
    response["Cache-Control"] = "no-store"
    return response


def bad_request(request, exception=None):
    return error_page(request, "errors/400.html", 400)


def permission_denied(request, exception=None):
    return error_page(request, "errors/403.html", 403)


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: the form could not be checked (expired page, cookies off)."""
    return error_page(request, "errors/403_csrf.html", 403)


def database_unavailable(request):
    response = error_page(request, "errors/503.html", 503)
    response["Retry-After"] = str(RETRY_AFTER)
    return response


def server_error(request):
    """handler500. A database error that escaped DatabaseUnavailableMiddleware (raised in a
    middleware, such as the session or login lockout lookups) still gets the 503 page."""
    error = sys.exc_info()[1]
    if isinstance(error, DATABASE_ERRORS):
        logger.warning("Database unavailable: %s", error)
        return database_unavailable(request)
    return error_page(request, "500.html", 500)
