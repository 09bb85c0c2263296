from django import template
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from freelanceguide import locale_format
from freelanceguide.lang_marking import mark_english_text
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


@register.simple_tag(takes_context=True)
def page_url(context, number):
    """This page's URL with `?page=` set and every other parameter kept (a search's `q`)."""
    query = context["request"].GET.copy()
    if number == 1:
        query.pop("page", None)
    else:
        query["page"] = number
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else context["request"].path


@register.filter
def mark_english(value, language=""):
    """Plain text in `language` (default: the page's), with every run of English in it marked
    `lang="en"` when that language is Bangla: {{ point|mark_english:pros_lang }}. Escapes it."""
    if value in (None, "") or (language or get_language() or "")[:2] != "bn":
        return value
    return mark_safe(mark_english_text(value))  # noqa: S308 (mark_english_text escapes)


@register.filter
def shown_text(obj, field):
    """A translated plain field (name, summary, note, resource title) as the reader sees it,
    with English inside Bangla text marked: {{ resource|shown_text:'title' }}. Pair it with
    lang="{{ resource|shown_lang:'title' }}" on the element around it."""
    return mark_english(getattr(obj, field), shown_language(obj, field))
