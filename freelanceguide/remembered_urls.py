"""Reversing a URL name, remembered: a page reverses a few dozen (the menu, the language
switcher, each result's link), each a walk of the URL patterns (about 40 us here), and the
answers never change while the process runs."""

import functools

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf, reverse
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


@receiver(setting_changed)
def _forget(*, setting, **_kwargs):
    if setting in {"ROOT_URLCONF", "LANGUAGES", "LANGUAGE_CODE"}:
        _reversed.cache_clear()
