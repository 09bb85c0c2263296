from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_safe

# Admin and the editor's endpoints are staff only, and the language switch only redirects.
DISALLOW = ["/admin/", "/markdownx/", "/language/"]


def _search_paths():
    """Search result pages are endless variations of pages the sitemap already lists."""
    paths = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            paths.append(reverse("search:search"))
    return paths


@require_safe
def robots_txt(request):
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in [*DISALLOW, *_search_paths()]), ""]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
