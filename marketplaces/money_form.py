"""What readers type into the money calculator, read the way they write it.

Amounts may be in Bangla digits (১০০), with thousands commas (1,250 or ১,২৫,০০০), a decimal
point, spaces and a currency sign. Anything else gets a message next to its field, in the
reader's language; the form keeps what was typed.
"""

import re
from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from freelanceguide.locale_format import format_amount, to_ascii_digits

MAX_USD = Decimal("1000000")
MAX_HOURS = Decimal("2000")
NUMBER = re.compile(r"^\d+(\.\d+)?$")
# Signs and words readers put around a number; commas and spaces only group digits.
NOISE = re.compile(r"[\s,$৳]|usd|tk|taka|টাকা|ডলার", re.IGNORECASE)


def parse_amount(text):
    """A Decimal from what a reader typed, or a ValidationError saying what is wrong."""
    cleaned = NOISE.sub("", to_ascii_digits(text or "").strip())
    if cleaned.startswith("-") and NUMBER.match(cleaned[1:]):
        raise forms.ValidationError(_("Enter an amount more than zero."), code="negative")
    if not NUMBER.match(cleaned):
        raise forms.ValidationError(
            _("Enter a number, like 100 or 1,250.50 (digits, commas and a decimal point only)."), code="invalid"
        )
    value = Decimal(cleaned)  # the pattern lets only digits and one point through
    if value <= 0:
        raise forms.ValidationError(_("Enter an amount more than zero."), code="zero")
    return value


class AmountField(forms.CharField):
    def __init__(self, *args, maximum=None, too_large=None, **kwargs):
        super().__init__(*args, required=False, max_length=40, **kwargs)
        self.maximum, self.too_large = maximum, too_large

    def clean(self, value):
        value = super().clean(value)
        if value in ("", None):
            return None
        amount = parse_amount(value)
        if self.maximum is not None and amount > self.maximum:
            raise forms.ValidationError(self.too_large, params={"max": format_amount(self.maximum)})
        return amount


class MoneyForm(forms.Form):
    """Forward (marketplace, route, price), side by side (view=all) and reverse (want)."""

    m = forms.CharField(label=_("Marketplace"), required=False, max_length=100)
    contract = forms.CharField(label=_("Kind of contract"), required=False, max_length=40)
    route = forms.CharField(label=_("How the money comes home"), required=False, max_length=100)
    price = AmountField(
        label=_("Price in US dollars"),
        maximum=MAX_USD,
        too_large=_("That is over %(max)s US dollars: enter a price for one job."),
    )
    rate = AmountField(
        label=_("Or: hourly rate in US dollars"),
        maximum=MAX_USD,
        too_large=_("That is over %(max)s US dollars: enter a rate per hour."),
    )
    hours = AmountField(
        label=_("Hours"), maximum=MAX_HOURS, too_large=_("That is over %(max)s hours: enter the hours of one job.")
    )
    view = forms.CharField(required=False, max_length=10)
    want = AmountField(
        label=_("Taka you want in hand"),
        maximum=MAX_USD * 200,
        too_large=_("That is over %(max)s taka: enter the amount for one job."),
    )

    def __init__(self, data, marketplaces, routes, terms, names):
        super().__init__(data)
        self.marketplaces, self.routes, self.terms, self.names = marketplaces, routes, terms, names

    def clean_m(self):
        slug = self.cleaned_data["m"].strip()
        if slug in self.names and slug not in self.marketplaces:
            raise forms.ValidationError(
                _("We have not checked the payout costs of %(name)s yet. Choose another marketplace."),
                params={"name": self.names[slug]},
            )
        if slug and slug not in self.marketplaces:
            raise forms.ValidationError(_("We do not know that marketplace. Choose one from the list."), code="unknown")
        return self.marketplaces.get(slug)

    def clean(self):
        data = super().clean()
        marketplace = data.get("m")
        if data.get("rate") is not None or data.get("hours") is not None:
            if data.get("price") is not None:
                self.add_error("price", _("Enter either a price or an hourly rate with hours, not both."))
            elif data.get("rate") is None and "rate" not in self.errors:
                self.add_error("rate", _("Enter the hourly rate too."))
            elif data.get("hours") is None and "hours" not in self.errors:
                self.add_error("hours", _("Enter the number of hours too."))
            elif data.get("rate") is not None and data.get("hours") is not None:
                gross = data["rate"] * data["hours"]
                if gross > MAX_USD:
                    self.add_error(
                        "hours", _("Rate times hours is over %(max)s US dollars.") % {"max": format_amount(MAX_USD)}
                    )
                else:
                    data["price"] = gross
        if marketplace is not None:
            routes = self.routes.get(marketplace.slug, {})
            route = data.get("route", "").strip()
            if route and route not in routes:
                self.add_error(
                    "route",
                    _("%(marketplace)s does not pay out that way here. Choose one of its routes.")
                    % {"marketplace": marketplace.name},
                )
            data["route"] = routes.get(route) if route else next(iter(routes.values()), None)
            kinds = self.terms.get(marketplace.slug, {})
            kind = data.get("contract", "").strip()
            if kind and kind not in kinds:
                self.add_error("contract", _("Choose one of the kinds of contract this marketplace has."))
            data["contract"] = kinds.get(kind) if kind else next(iter(kinds.values()), None)
        return data
