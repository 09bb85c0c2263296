"""The account check's page: the questions, and for each "yes" the marketplaces' own rules and
what to do, with the appeal routes for an account already on hold.

The answers are short choices, so the form is a GET: its address is the bookmark, nothing is
posted or stored, and the page cache can serve one page for each set of answers. Returns
(context, status): an unknown answer is a 400 with a form error in the reader's language.
"""

from django import forms
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from marketplaces.models import Marketplace

from .models import AccountRisk, AccountRule, AppealRoute


class AccountForm(forms.Form):
    m = forms.MultipleChoiceField(required=False, widget=forms.CheckboxSelectMultiple)
    a = forms.MultipleChoiceField(required=False, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, marketplaces=(), risks=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["m"].choices = [(marketplace.slug, marketplace.name) for marketplace in marketplaces]
        self.fields["a"].choices = [(risk.slug, risk.question) for risk in risks]
        self.fields["m"].error_messages["invalid_choice"] = _("That marketplace is not on the list: tick one below.")
        self.fields["a"].error_messages["invalid_choice"] = _("That question is not on the list: tick the ones below.")


def account_page(params):
    marketplaces = list(Marketplace.objects.published().without_bodies())
    rules = AccountRule.objects.select_related("marketplace").order_by("marketplace__position", "position", "pk")
    risks = list(
        AccountRisk.objects.published().select_related("guide").prefetch_related(Prefetch("rules", queryset=rules))
    )
    given = bool(params) and any(key in params for key in ("m", "a"))
    form = AccountForm(params if given else None, marketplaces=marketplaces, risks=risks)
    context = {"form": form, "checked": False}
    if not given:
        return context, 200
    if not form.is_valid():
        return context, 400
    used = set(form.cleaned_data["m"])
    yes = set(form.cleaned_data["a"])
    context.update(
        checked=True,
        used=[marketplace for marketplace in marketplaces if marketplace.slug in used],
        findings=[(risk, rules_for(risk.rules.all(), used)) for risk in risks if risk.slug in yes],
        appeals=rules_for(AppealRoute.objects.published().select_related("marketplace"), used),
    )
    return context, 200


def rules_for(rows, used):
    """The rows of the marketplaces the reader uses; every row when they named none, or when
    none of theirs has one (a rule elsewhere still says what the marketplaces do)."""
    rows = list(rows)
    mine = [row for row in rows if row.marketplace.slug in used]
    return mine or rows
