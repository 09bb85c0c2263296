from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

ON = "1"


class FlagInput(forms.CheckboxInput):
    """A checkbox that sends "1" and hands the field the raw value, so a stray value in the
    address ("?free=maybe") is reported instead of silently counting as ticked."""

    def __init__(self, attrs=None):
        super().__init__(attrs, check_test=lambda value: value in (True, ON))

    def format_value(self, value):
        return ON

    def value_from_datadict(self, data, files, name):
        return data.get(name, "")


class FlagField(forms.Field):
    widget = FlagInput
    default_error_messages = {"invalid": _("This filter is either ticked or not; the address held another value.")}

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    def to_python(self, value):
        if value in ("", None):
            return False
        if value in (ON, "on"):
            return True
        raise ValidationError(self.error_messages["invalid"], code="invalid")


class ProgrammeFilterForm(forms.Form):
    free = FlagField(label=_("Free of charge"))
    women = FlagField(label=_("For women (only for women, or places kept for women)"))

    def filter(self, programmes):
        """Apply the filters that are valid; an invalid one is ignored (and shown as an error)."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        if cleaned.get("free"):
            programmes = programmes.free()
        if cleaned.get("women"):
            programmes = programmes.for_women()
        return programmes
