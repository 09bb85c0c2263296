"""A database outage gives readers a "temporarily unavailable" page, not a traceback."""

import logging

from .errors import DATABASE_ERRORS, database_unavailable

logger = logging.getLogger(__name__)


class DatabaseUnavailableMiddleware:
    """Answers 503 with Retry-After when a view or its template cannot reach the database.

    Nothing is kept between requests: Django drops a broken connection at the end of the request
    (and checks a kept one before reuse, CONN_HEALTH_CHECKS), so once the database is back the
    next request simply works. Errors raised by middleware, outside any view, reach handler500,
    which answers the same way (freelanceguide.errors.server_error).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_ERRORS):
            logger.warning("Database unavailable: %s", exception)
            return database_unavailable(request)
        return None
