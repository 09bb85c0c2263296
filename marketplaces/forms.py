from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from freelanceguide.locale_format import localize_digits

from .models import Marketplace

MIN_COMPARED = 2
MAX_COMPARED = 4


class SlugListField(forms.MultipleChoiceField):
    """Choices for the checkboxes; the form's clean_m gives readers a clearer message than Django's."""

    def validate(self, value):
        pass


class CompareForm(forms.Form):
    """Which marketplaces to put side by side: two to four distinct, known slugs (?m=a&m=b)."""

    m = SlugListField(label=_("Marketplaces to compare"), required=False, widget=forms.CheckboxSelectMultiple)

    def __init__(self, data, marketplaces):
        super().__init__(data)
        self.marketplaces = {item.slug: item for item in marketplaces}
        self.fields["m"].choices = [(item.slug, item.name) for item in marketplaces]
        self.raw = [value.strip() for value in data.getlist("m")] if data is not None else []

    def clean_m(self):
        chosen = self.raw
        unknown = [value for value in chosen if value not in self.marketplaces]
        if unknown:
            raise forms.ValidationError(
                _("We do not know a marketplace called “%(names)s”. Choose from the list."),
                params={"names": "”, “".join(unknown)[:200]},
            )
        if len(set(chosen)) != len(chosen):
            raise forms.ValidationError(_("Each marketplace can be chosen only once."))
        if len(chosen) < MIN_COMPARED:
            raise forms.ValidationError(
                ngettext(
                    "Choose at least %(count)s marketplaces to compare.",
                    "Choose at least %(count)s marketplaces to compare.",
                    MIN_COMPARED,
                ),
                params={"count": localize_digits(MIN_COMPARED)},
            )
        if len(chosen) > MAX_COMPARED:
            raise forms.ValidationError(
                ngettext(
                    "Choose at most %(count)s marketplace.",
                    "Choose at most %(count)s marketplaces.",
                    MAX_COMPARED,
                ),
                params={"count": localize_digits(MAX_COMPARED)},
            )
        return [self.marketplaces[value] for value in chosen]

    @classmethod
    def for_request(cls, request):
        queryset = Marketplace.objects.published().without_bodies().with_payouts()
        return cls(request.GET if "m" in request.GET else None, list(queryset))
