from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Difficulty


class SkillFilterForm(forms.Form):
    phone = forms.BooleanField(label=_("Can start on a phone"), required=False)
    difficulty = forms.ChoiceField(
        label=_("Difficulty"),
        required=False,
        choices=[("", _("Any difficulty")), *Difficulty.choices],
        # Django's message repeats the reader's value, which may be in the other script.
        error_messages={"invalid_choice": _("Choose a difficulty from the list.")},
    )

    def filter(self, skills):
        if not self.is_valid():
            return skills
        if self.cleaned_data["phone"]:
            skills = skills.filter(phone__in=["yes", "partly"])
        if self.cleaned_data["difficulty"]:
            skills = skills.filter(difficulty=self.cleaned_data["difficulty"])
        return skills
