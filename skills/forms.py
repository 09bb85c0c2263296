from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Difficulty, Interest, Skill


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


class SkillAdminForm(forms.ModelForm):
    """Interests as tick boxes; stored as a comma-separated list of codes."""

    interests = forms.MultipleChoiceField(
        label=_("interests it suits"),
        choices=Interest.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("What a reader who would enjoy this skill likes doing. The self-check uses it."),
    )

    class Meta:
        model = Skill
        fields = "__all__"  # noqa: DJ007 (the admin chooses what to show)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["interests"] = self.instance.interest_list

    def clean_interests(self):
        return ",".join(code for code in Interest.values if code in self.cleaned_data["interests"])
