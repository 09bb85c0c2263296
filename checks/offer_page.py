"""The offer check's page: the empty form, or the verdict on what the reader pasted and answered.

Returns (context, status): a form error is a 400 with the reader's text kept in the form (it is
never stored; the response is no-store), so nothing is lost.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from skills.models import Skill
from training.models import Programme

from .models import RedFlag
from .offers import find_flags, names_found, verdict
from .text import MAX_CHARS, PasteError, read_pasted

PASTE_ERRORS = {
    "too_long": _("The message is too long: paste at most 5,000 characters (the part that asks for money or work)."),
    "binary": _("This does not look like a message: it holds characters that are not text. Copy the message's words."),
    "junk": _("This does not look like a message: paste the words of the message or advertisement."),
}
# The guide's "where to report" section, by language (tests check it still exists).
REPORT_GUIDE = "training-academies-and-task-scams"
REPORT_ANCHOR = {"bn": "h-কোথায়-অভিযোগ-করবেন", "en": "h-where-to-report"}


class OfferForm(forms.Form):
    message = forms.CharField(
        label=_("The message or advertisement (optional)"),
        required=False,
        strip=False,
        # The limit is checked on the text as read (read_pasted); the browser's limit is a hint.
        widget=forms.Textarea(attrs={"rows": 8, "maxlength": MAX_CHARS, "spellcheck": "false"}),
    )
    q = forms.MultipleChoiceField(required=False, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, questions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].choices = [(flag.slug, flag.question) for flag in questions]
        self.pasted = None

    def clean(self):
        data = super().clean()
        message = data.get("message") or ""
        if message.strip():
            try:
                self.pasted = read_pasted(message)
            except PasteError as error:
                self.add_error("message", PASTE_ERRORS.get(error.code, PASTE_ERRORS["junk"]))
        elif not data.get("q"):
            raise forms.ValidationError(_("Paste a message, or tick at least one question."), code="empty")
        return data


def offer_page(data):
    flags = list(RedFlag.objects.published().select_related("guide"))
    questions = [flag for flag in flags if flag.question]
    form = OfferForm(data, questions=questions)
    context = {"form": form, "report_guide": REPORT_GUIDE, "report_anchor": REPORT_ANCHOR}
    if data is None:
        return context, 200
    if not form.is_valid():
        return context, 400
    findings = find_flags(flags, form.pasted, form.cleaned_data["q"])
    context.update(
        checked=True,
        verdict=verdict(findings),
        findings=findings,
        free_programmes=_free_programmes(form.pasted, findings),
    )
    return context, 200


def _free_programmes(pasted, findings):
    """For a course offer, the free programmes teaching the skills the message names (all free
    programmes when it names none)."""
    if not any(finding.flag.course_offer for finding in findings):
        return []
    free = Programme.objects.published().free().in_reading_order()
    if pasted:
        named = {
            skill.pk: [skill.name_en, skill.name_bn, *skill.search_aliases.splitlines()]
            for skill in Skill.objects.published().only("pk", "name_en", "name_bn", "search_aliases")
        }
        skills = names_found(
            pasted, {pk: [name for name in names if name and name.strip()] for pk, names in named.items()}
        )
        if skills:
            return list(free.filter(skills__in=skills).distinct())
    return list(free)
