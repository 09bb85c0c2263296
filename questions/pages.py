"""The questions pages' contexts: the list of answered questions, one question, asking."""

from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from freelanceguide.pagination import page_of
from freelanceguide.reader_posts import HONEYPOT_FIELD

from .forms import AskForm
from .models import Question

QUESTIONS_PER_PAGE = 30
# Questions stored per day at most: a flood from many addresses cannot grow the table without
# bound (each address is held to five posts a minute by the guard).
QUESTIONS_PER_DAY = 200


def safe_next(value):
    """A local path to go back to, or "" (an outside address or a scheme is never followed)."""
    value = (value or "").strip()
    if value.startswith("/") and url_has_allowed_host_and_scheme(value, allowed_hosts=None):
        return value
    return ""


def list_page(params):
    questions = Question.objects.published().exclude(body_html_bn="", body_html_en="").order_by("-asked_on", "slug")
    return {"page": page_of(params, questions, QUESTIONS_PER_PAGE)}


def ask_page(params):
    return {"form": AskForm(initial={"next": safe_next(params.get("next"))}), "honeypot": HONEYPOT_FIELD}


def ask(data):
    """(context, stored): the form again with its errors, or the question stored unpublished."""
    form = AskForm(data)
    if not form.is_valid():
        return {"form": form, "honeypot": HONEYPOT_FIELD}, False
    today, text = timezone.localdate(), form.cleaned_data["question"]
    asked_today = Question.objects.waiting().filter(asked_on=today)
    if asked_today.count() >= QUESTIONS_PER_DAY:
        form.add_error("question", _("Many questions arrived today. Please ask again tomorrow."))
        return {"form": form, "honeypot": HONEYPOT_FIELD}, False
    if not asked_today.filter(asked_text=text).exists():  # the same words sent twice are kept once
        Question.objects.create(asked_text=text, asked_language=get_language() or "", asked_on=today, published=False)
    return {"next": safe_next(form.cleaned_data.get("next"))}, True
