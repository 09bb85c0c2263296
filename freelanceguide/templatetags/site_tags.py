from django import template
from django.utils import timezone

from freelanceguide import locale_format
from freelanceguide.models import shown_language

register = template.Library()


@register.filter
def digits(value):
    """Bangla digits on Bangla pages: {{ count|digits }}."""
    return locale_format.localize_digits(value)


@register.filter
def number(value):
    return locale_format.format_number(value)


@register.simple_tag
def num_range(low, high):
    return locale_format.format_range(low, high)


@register.filter
def human_date(value):
    if hasattr(value, "hour"):
        value = timezone.localtime(value).date()
    return locale_format.format_date(value)


@register.filter
def shown_lang(obj, field):
    """The language a translated field is shown in, for a `lang` attribute on fallback text."""
    return shown_language(obj, field)
