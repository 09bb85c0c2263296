import functools

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import reverse, translate_url
from django.utils.http import urlencode
from django.utils.translation import get_language, get_language_info


@functools.lru_cache(maxsize=2048)
def _translated_path(path, code, _active_language):
    # Resolving a path and reversing it in another language is a third of a millisecond each
    # time, and every page asks three times (both languages, x-default). The answer depends
    # on the active language too: only its prefix resolves (i18n_patterns).
    return translate_url(path, code)


@receiver(setting_changed)
def _forget_translated_paths(*, setting, **_kwargs):
    if setting in {"ROOT_URLCONF", "LANGUAGES", "LANGUAGE_CODE"}:
        _translated_path.cache_clear()


def translated(full_path, code):
    """translate_url of a path with its query string, the path's translation remembered."""
    path, question_mark, query = full_path.partition("?")
    return _translated_path(path, code, get_language()) + question_mark + query


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
                "switch_url": f"{reverse('switch_language', args=[code])}?{urlencode({'next': url})}",
                "current": code == current,
            }
        )
    return {
        "language_alternates": alternates,
        "canonical_url": request.build_absolute_uri(path),
        "x_default_url": request.build_absolute_uri(x_default_path(path)),
    }
