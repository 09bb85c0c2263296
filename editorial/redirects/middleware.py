from django.http import HttpResponsePermanentRedirect

from editorial.redirects import redirect_for


class SlugRedirectMiddleware:
    """Turns a 404 at an item's old address into a 301 to its current one (editorial/redirects/).

    Only 404s are looked at, so pages that exist cost nothing; unknown paths keep their 404 page
    in the reader's language. Redirects are never stored by the page cache (only 200s are).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        target = redirect_for(request.path_info)
        if target is None:
            return response
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(f"{target}?{query}" if query else target)
