"""The proposal check's page: the empty form, or what a client would notice in the pasted proposal.

Returns (context, status): a form error is a 400 with the reader's text kept in the form (it is
never stored; the response is no-store), so nothing is lost. Each finding comes with why it
matters in the reader's language and a better line in English, the language the client reads.

A gig is pasted in the same box, its title on the first line: that is how sellers keep a gig in a
note, and one box keeps the form short (the job post box is simply left empty).
"""

from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from freelanceguide.locale_format import format_number

from .proposals import GIG, OFF_PLATFORM_RULES, PROPOSAL, SERIOUS, check_proposal, has_serious
from .text import MAX_CHARS, PasteError, read_pasted

PASTE_ERRORS = {
    "proposal": {
        "empty": gettext_lazy("Paste your proposal or your gig first."),
        "too_long": gettext_lazy("The proposal is too long: paste at most 5,000 characters."),
        "binary": gettext_lazy(
            "This does not look like a proposal: it holds characters that are not text. "
            "Copy the words of your proposal."
        ),
        "junk": gettext_lazy("This does not look like a proposal: paste the words you would send the client."),
    },
    "job": {
        "too_long": gettext_lazy(
            "The job post is too long: paste at most 5,000 characters (the part that says what the client needs)."
        ),
        "binary": gettext_lazy("The job post holds characters that are not text. Copy the words of the job post."),
        "junk": gettext_lazy("This does not look like a job post: paste its words, or leave the box empty."),
    },
}
# The guide this check puts into practice (tests check it still exists).
GUIDE = "first-proposal-and-gig"


class ProposalForm(forms.Form):
    proposal = forms.CharField(
        label=gettext_lazy("Your proposal or your gig"),
        strip=False,
        error_messages={"required": PASTE_ERRORS["proposal"]["empty"]},
        # The limit is checked on the text as read (read_pasted); the browser's limit is a hint.
        widget=forms.Textarea(attrs={"rows": 10, "maxlength": MAX_CHARS}),
    )
    job = forms.CharField(
        label=gettext_lazy("The client's job post (optional)"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": MAX_CHARS}),
    )
    kind = forms.ChoiceField(
        label=gettext_lazy("What are you checking?"),
        choices=[
            (PROPOSAL, gettext_lazy("A proposal for a job (Upwork, Freelancer.com)")),
            (GIG, gettext_lazy("A Fiverr gig: the title on the first line, the description below it")),
        ],
        required=False,
        initial=PROPOSAL,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.pasted = self.pasted_job = None

    def clean_proposal(self):
        self.pasted = self._read(self.cleaned_data["proposal"], "proposal")
        return self.cleaned_data["proposal"]

    def clean_job(self):
        job = self.cleaned_data["job"]
        if job.strip():
            self.pasted_job = self._read(job, "job")
        return job

    def clean_kind(self):
        return self.cleaned_data["kind"] or PROPOSAL

    @staticmethod
    def _read(text, field):
        try:
            return read_pasted(text)
        except PasteError as error:
            messages = PASTE_ERRORS[field]
            raise forms.ValidationError(messages.get(error.code, messages["junk"]), code=error.code) from None


@dataclass(frozen=True)
class Shown:
    """A finding as the page shows it: its words in the reader's language, the example in English."""

    code: str
    serious: bool
    title: str
    why: str
    example: str
    quotes: tuple
    detail: dict


def proposal_page(data):
    form = ProposalForm(data)
    context = {"form": form, "guide": GUIDE}
    if data is None:
        return context, 200
    if not form.is_valid():
        return context, 400
    kind = form.cleaned_data["kind"]
    # The job post is for a proposal only: a gig answers no one job.
    job = form.pasted_job if kind == PROPOSAL else None
    findings = check_proposal(form.pasted, job, kind)
    context.update(
        checked=True,
        kind=kind,
        result="work-on-it" if has_serious(findings) else "strong",
        findings=[_shown(finding) for finding in findings],
        serious_count=sum(finding.severity == SERIOUS for finding in findings),
        rules=OFF_PLATFORM_RULES,
    )
    return context, 200


def _shown(finding):
    numbers = {key: _number(value) for key, value in finding.detail.items()}
    title, why, example = _words(finding.code, finding.detail, numbers)
    return Shown(finding.code, finding.severity == SERIOUS, title, why, example, finding.quotes, finding.detail)


def _number(value):
    return format_number(value) if isinstance(value, int) else value


def _words(code, detail, numbers):
    """(heading, why it matters, a better line in English) for a finding, in the page's language."""
    if code == "template-opening":
        return (
            _("The opening sounds like a template"),
            _(
                "A client reads the first two lines of a proposal first, and these words open thousands of "
                "them. Start with the client's project: what they need and how you would do it."
            ),
            "Your bakery needs a logo that reads well on a small box and on a big sign; "
            "I would start with three simple sketches in warm colours.",
        )
    if code == "off-platform-contact":
        return (
            _("Contact details or payment outside the marketplace"),
            _(
                "Asking a client to talk or pay outside the marketplace before a contract breaks its rules: "
                "the proposal can be removed and the account suspended. A payment outside it also loses the "
                "marketplace's protection when a client does not pay."
            ),
            "We can talk here in the marketplace's messages, or on a short call through it, whenever suits you.",
        )
    if code == "copied-template":
        return (
            _("Lines copied from proposal templates"),
            _(
                "Clients see these lines in many proposals every day, so they read as copied and say nothing "
                "about you. Say the same with a fact about your own work."
            ),
            "Last month I made a logo for a tea stall in Sylhet; you can see it in my portfolio.",
        )
    if code == "no-job-words":
        return (
            _("The proposal does not answer the job post"),
            _(
                "It uses almost none of the job post's own words, so it reads as if it were sent to every "
                "job. Name what the client asked for."
            ),
            "You need one logo for your shop signs and your packaging: here is how I would make it work on both.",
        )
    if code == "no-question":
        return (
            _("No question for the client"),
            _("A question about their project shows you read it, and gives the client a reason to reply."),
            "Which colours does your shop use now?",
        )
    if code == "no-proof":
        return (
            _("Nothing shows your work"),
            _(
                "Clients trust what they can see: a link to a sample, or a result with a number, says more "
                "than any promise."
            ),
            "Here are two logos I made for food shops: https://www.behance.net/yourname",
        )
    if code == "no-next-step":
        return (
            _("No next step"),
            _("End with one small, easy step for the client, so that replying is simple."),
            "If you send me a photo of your sign, I can share two rough sketches within two days.",
        )
    if code == "too-short":
        return (
            _("Too short"),
            ngettext(
                "It has %(words)s word. Under %(limit)s words there is rarely room for the client's project, "
                "your proof and a question.",
                "It has %(words)s words. Under %(limit)s words there is rarely room for the client's project, "
                "your proof and a question.",
                detail["words"],
            )
            % numbers,
            "Your logo must work on a box and on a sign. Here is one I made for a tea stall: "
            "https://www.behance.net/yourname. Which colours do you use now?",
        )
    if code == "too-long":
        return (
            _("Too long"),
            _(
                "It has %(words)s words. A client reads the first two lines first and skims the rest: keep "
                "to what this job needs, well under %(limit)s words."
            )
            % numbers,
            "Three short parts: the client's project in one line, one proof of your work, one question.",
        )
    if code == "weak-first-line":
        return (
            _("The first sentence is long"),
            _(
                "The first sentence has %(words)s words. A client reads the first two lines first: say in "
                "one short sentence what you would do for them."
            )
            % numbers,
            "I can make your bakery a logo that works on boxes, signs and Instagram.",
        )
    if code == "spelling":
        return (
            _("Words that may be misspelt"),
            _(
                "A spelling mistake in a first message makes a client wonder about the work. Check these "
                "words: the suggestion is a dictionary's guess, and a name it does not know may be right."
            ),
            "",
        )
    if code == "gig-title-too-long":
        return (
            _("The gig title is too long"),
            (
                _(
                    "The title has %(characters)s characters; Fiverr's form allows at most %(limit)s, sellers' "
                    "guides report. A short title also reads better in search results."
                )
                if detail["source"].uncertain
                else _(
                    "The title has %(characters)s characters; Fiverr allows at most %(limit)s. A short title "
                    "also reads better in search results."
                )
            )
            % numbers,
            "I will design a modern minimalist logo for your business",
        )
    if code == "gig-description-too-long":
        return (
            _("The gig description is too long"),
            (
                _(
                    "The description has %(characters)s characters; Fiverr's form allows at most %(limit)s, "
                    "sellers' guides report. Keep what a buyer needs to decide."
                )
                if detail["source"].uncertain
                else _(
                    "The description has %(characters)s characters; Fiverr allows at most %(limit)s. Keep what "
                    "a buyer needs to decide."
                )
            )
            % numbers,
            "Need a logo that works on boxes and signs? You get three sketches, two revisions and print-ready files.",
        )
    raise ValueError(code)
