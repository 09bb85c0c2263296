import re
import unicodedata

from django import forms
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from freelanceguide.reader_posts import HONEYPOT_FIELD

from .models import MAX_QUESTION_CHARS

# Control characters other than tab and line breaks: binary junk, never a reader's typing.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


class AskForm(forms.Form):
    question = forms.CharField(
        label=_("Your question"),
        max_length=MAX_QUESTION_CHARS,
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": MAX_QUESTION_CHARS}),
        error_messages={
            "required": _("Write your question first."),
            "max_length": _("Please keep your question under %(limit_value)d characters."),
        },
    )
    next = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_question(self):
        text = unicodedata.normalize("NFC", self.cleaned_data["question"]).strip()
        if _CONTROL.search(text) or any(unicodedata.category(char) == "Cs" for char in text):
            raise forms.ValidationError(_("Your question has characters we cannot read. Please type it again."))
        if not strip_tags(text).strip(" \t\r\n<>/&;"):
            raise forms.ValidationError(_("Write your question in words."))
        return text


def honeypot_name():
    return HONEYPOT_FIELD
