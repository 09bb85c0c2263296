"""The address a request came from, behind the proxies the deployment trusts."""

from django.conf import settings


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
