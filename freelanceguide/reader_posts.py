"""Forms readers send (page feedback, questions): one guard for all of them.

They act for no session and read no cookie, so a forged cross-site post gains nothing a direct
post would not: they need no CSRF token, and the cached pages that hold them stay the same
bytes for everyone. What protects them instead is here: a size cap, a honeypot field, and a
limit of posts per minute per address. The address is never stored: the limit keys on an HMAC
of it whose key changes every day, and the counter lives in the cache for one minute.
"""

import hashlib
import hmac
from functools import wraps

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponseNotAllowed
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import csrf_exempt

from .errors import error_page
from .security import client_ip

# A field no person sees or fills (hidden from view and from screen readers); bots fill it.
HONEYPOT_FIELD = "website"
# Whole request bodies above this are refused before a form reads them (a sentence is 500
# characters, a question 1,000; Bangla is 3 bytes a character, plus the field names).
MAX_BODY_BYTES = 8 * 1024
POSTS_PER_MINUTE = 5


def daily_address_key(request, today=None):
    """An HMAC of the client's address under a key that changes every day: not reversible,
    and not comparable from one day to the next."""
    today = today or timezone.localdate()
    key = hmac.new(settings.SECRET_KEY.encode(), f"reader-posts:{today.isoformat()}".encode(), hashlib.sha256)
    return hmac.new(key.digest(), client_ip(request).encode(), hashlib.sha256).hexdigest()[:32]


def over_the_limit(request, scope, limit=POSTS_PER_MINUTE, now=None):
    """Count this post; True once an address has sent more than `limit` in the current minute."""
    now = now or timezone.now()
    minute = now.replace(second=0, microsecond=0)
    cache = caches["default"]
    key = f"reader-posts:{scope}:{daily_address_key(request, timezone.localdate(now))}:{minute:%H%M}"
    cache.add(key, 0, timeout=61)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=61)
        count = 1
    return count > limit


def seconds_to_next_minute(now=None):
    now = now or timezone.now()
    return 60 - now.second


def reader_post(scope):
    """Decorate a reader form's view (GET shows the form, POST sends it): a post needs no CSRF
    token, its answer is never cached, and it is refused when oversized (413), filled in by a
    bot (400) or sent too often (429), each as a page in the reader's language. A GET answer
    is the view's own (an empty form is the same for everyone, so it may be cached)."""

    def decorate(view):
        @wraps(view)
        def guarded(request, *args, **kwargs):
            if request.method not in ("POST", "GET", "HEAD"):
                return HttpResponseNotAllowed(["GET", "POST"])
            if request.method == "POST":
                length = request.META.get("CONTENT_LENGTH") or "0"
                if not length.isdigit() or int(length) > MAX_BODY_BYTES:
                    return error_page(request, "errors/413.html", 413)
                if over_the_limit(request, scope):
                    response = error_page(request, "errors/429.html", 429)
                    response["Retry-After"] = str(seconds_to_next_minute())
                    return response
                if request.POST.get(HONEYPOT_FIELD):
                    return error_page(request, "errors/400.html", 400)
                response = view(request, *args, **kwargs)
                add_never_cache_headers(response)
                return response
            return view(request, *args, **kwargs)

        return csrf_exempt(guarded)

    return decorate
