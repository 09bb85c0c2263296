"""URLs a page builds, remembered per process: reversing a URL name (a page reverses a few
dozen: the menu, the language switcher, each result's link; each a walk of the URL patterns,
about 40 us here) and translating a path into another language (resolved, then reversed: a
third of a millisecond, three times a page). The answers never change while the process runs,
unless the URL settings do (tests): then they are forgotten."""

import functools

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf, reverse, translate_url
from django.utils.translation import get_language


@functools.lru_cache(maxsize=4096)
def _reversed(viewname, args, kwargs, current_app, _context):
    return reverse(viewname, args=args, kwargs=dict(kwargs), current_app=current_app)


def remembered_reverse(viewname, args=(), kwargs=None, current_app=None):
    """`reverse`, each answer remembered for the things it depends on besides its arguments:
    the active language (i18n_patterns), the script prefix and the URLconf. Arguments that
    cannot be remembered (unhashable) are reversed each time."""
    context = (get_language(), get_script_prefix(), get_urlconf(), settings.ROOT_URLCONF)
    try:
        return _reversed(viewname, tuple(args), tuple(sorted((kwargs or {}).items())), current_app, context)
    except TypeError:  # an unhashable argument
        return reverse(viewname, args=args, kwargs=kwargs, current_app=current_app)


@functools.lru_cache(maxsize=2048)
def _translated_path(path, code, _context):
    return translate_url(path, code)


def translated(full_path, code):
    """`translate_url` of a path with its query string, the path's translation remembered. It
    depends on the active language too: only its prefix resolves (i18n_patterns)."""
    path, question_mark, query = full_path.partition("?")
    context = (get_language(), get_urlconf(), settings.ROOT_URLCONF)
    return _translated_path(path, code, context) + question_mark + query


@receiver(setting_changed)
def _forget(*, setting, **_kwargs):
    if setting in {"ROOT_URLCONF", "LANGUAGES", "LANGUAGE_CODE"}:
        _reversed.cache_clear()
        _translated_path.cache_clear()
