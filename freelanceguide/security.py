"""Admin login lockout (django-axes): the backend and how the client's address is found."""

from axes.backends import AxesStandaloneBackend
from django.conf import settings

from .errors import error_page


class LockoutBackend(AxesStandaloneBackend):
    """Refuses logins for a locked-out user name or address; ModelBackend (next) checks passwords.

    A login over the web always carries the request (the admin's login form passes it). Code that
    authenticates without one (the test client's `login()`, a shell) cannot be reached by an
    attacker, so it is let through here instead of failing as django-axes does by default.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def client_ip(request):
    """The address the request came from.

    With no proxy in front, REMOTE_ADDR. Behind DJANGO_TRUSTED_PROXIES proxies (a load balancer
    is 1), the entry that many places from the right of X-Forwarded-For: the one the outermost
    trusted proxy saw. Entries further left are written by the client and could be forged.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXIES
    if proxies <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if len(forwarded) < proxies:
        return remote
    return forwarded[-proxies]


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the lockout page in the reader's language, 429 with Retry-After."""
    seconds = int(settings.AXES_COOLOFF_TIME.total_seconds())
    minutes = max(1, seconds // 60)
    response = error_page(request, "errors/lockout.html", 429, {"minutes": minutes})
    response["Retry-After"] = str(seconds)
    return response
