"""Money as readers read it: `{{ span|usd }}`, `{{ span|taka }}`, `{{ span|days }}`.

Rounding follows marketplaces.money's one rule (cents and whole taka, halves up); grouping and
digits follow the page's language (lakh grouping and Bangla digits on Bangla pages).
"""

from decimal import Decimal

from django import template

from freelanceguide.locale_format import format_amount, format_range, localize_digits
from marketplaces import money

register = template.Library()


def _span(value):
    return value if isinstance(value, money.Span) else money.Span.of(Decimal(value))


def _join(low, high):
    return low if low == high else f"{low}–{high}"


@register.filter
def usd(value):
    span = _span(value)
    low, high = (format_amount(money.round_usd(v), 2) for v in (span.low, span.high))
    return _join(f"${low}", f"${high}")


@register.filter
def taka(value):
    span = _span(value)
    low, high = (format_amount(money.round_taka(v), 0) for v in (span.low, span.high))
    return _join(f"৳{low}", f"৳{high}")


@register.filter
def days(value):
    span = _span(value)
    return _join(localize_digits(int(span.low)), localize_digits(int(span.high)))


@register.filter
def fee_percent(marketplace):
    """The marketplace's fee on the freelancer: 20 or 0–15 (no trailing zeros, local digits)."""
    return format_range(marketplace.freelancer_fee_min, marketplace.freelancer_fee_max)
