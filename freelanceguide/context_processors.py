from django.conf import settings
from django.utils.http import urlencode
from django.utils.translation import get_language, get_language_info

from .remembered_urls import remembered_reverse, translated


def x_default_path(path):
    """The page's address without a language prefix: it redirects by the reader's language.

    The same address the sitemap gives as x-default (django.contrib.sitemaps strips the
    default language's prefix the same way), so the page and the sitemap agree.
    """
    default = translated(path, settings.LANGUAGE_CODE)
    return default.replace(f"/{settings.LANGUAGE_CODE}/", "/", 1)


def site(request):
    """Language alternates for the switcher, hreflang links and the canonical URL."""
    current = get_language()
    path = request.get_full_path()
    alternates = []
    for code, _name in settings.LANGUAGES:
        url = translated(path, code)
        alternates.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": url,
                "absolute_url": request.build_absolute_uri(url),
                "switch_url": f"{remembered_reverse('switch_language', args=[code])}?{urlencode({'next': url})}",
                "current": code == current,
            }
        )
    return {
        "language_alternates": alternates,
        "canonical_url": request.build_absolute_uri(path),
        "x_default_url": request.build_absolute_uri(x_default_path(path)),
    }
