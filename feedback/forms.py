from django import forms
from django.utils.translation import gettext_lazy as _

from .answers import MAX_SENTENCE, answerable
from .models import Reason


def _printable(text):
    """Control characters and binary junk are refused rather than stored."""
    return all(char.isprintable() or char in "\n\r\t\u200c\u200d" for char in text)


class PageField(forms.CharField):
    def __init__(self, **kwargs):
        super().__init__(max_length=200, widget=forms.HiddenInput, **kwargs)

    def validate(self, value):
        super().validate(value)
        if not answerable(value):
            raise forms.ValidationError(_("This page cannot be answered about."), code="page")


class AnswerForm(forms.Form):
    page = PageField()
    helped = forms.ChoiceField(choices=[("yes", _("Yes")), ("no", _("No"))])


class MissingForm(forms.Form):
    page = PageField()
    reason = forms.ChoiceField(label=_("What was missing?"), choices=Reason.choices, widget=forms.RadioSelect)
    text = forms.CharField(
        label=_("Tell us in a sentence (optional)"),
        help_text=_("At most 500 characters. Do not write your name, phone number or email."),
        required=False,
        max_length=MAX_SENTENCE,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": MAX_SENTENCE}),
    )

    def clean_text(self):
        text = self.cleaned_data["text"]
        if not _printable(text):
            raise forms.ValidationError(_("The sentence holds characters that are not text."), code="binary")
        return text
