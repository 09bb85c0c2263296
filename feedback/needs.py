"""The editors' one page of what readers need (admin: /admin/feedback/needs/): this week's "No"
answers with their reasons and sentences, questions waiting, searches that found little, and the
work already tracked elsewhere. Every row links to where it is fixed.
"""

import datetime
from dataclasses import dataclass

from django.apps import apps
from django.db.models import Sum
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from editorial import reports
from editorial.links import check_all
from editorial.models import Draft, Schedule
from editorial.translations.work_list import admin_url, work_list
from marketplaces.models import RATE_MAX_AGE, ExchangeRate
from search import misses

from .models import PageDay, Reason, Sentence

WEEK = datetime.timedelta(days=7)


@dataclass
class Work:
    """One line of work tracked elsewhere: how many, and where it is fixed."""

    label: str
    count: int
    url: str


def unhelpful_pages(today):
    """This week's pages with "No" answers, most first: counts, reasons and unhandled sentences."""
    since = today - WEEK
    reasons = [reason.value for reason in Reason]
    rows = (
        PageDay.objects.filter(day__gt=since, no__gt=0)
        .values("path")
        .annotate(yes=Sum("yes"), no=Sum("no"), **{reason: Sum(reason) for reason in reasons})
        .order_by("-no", "path")[:30]
    )
    pages = []
    sentences = {}
    for sentence in Sentence.objects.filter(day__gt=since, handled_on__isnull=True).order_by("-day", "pk"):
        sentences.setdefault(sentence.path, []).append(sentence)
    for row in rows:
        row["reasons"] = [(Reason(reason).label, row[reason]) for reason in reasons if row[reason]]
        row["sentences"] = sentences.get(row["path"], [])
        pages.append(row)
    return pages


def failed_searches(today):
    rows = misses.failed_this_week(today)
    for row in rows:
        row["alias_url"] = reverse("admin:feedback_alias") + "?" + urlencode({"query": row["query"]})
        row["guide_url"] = reverse("admin:guides_guide_add") + "?" + urlencode({"title_en": row["query"]})
    return rows


def questions_waiting():
    """Readers' questions no editor has answered yet (when the questions app is installed)."""
    if not apps.is_installed("questions"):
        return None
    question = apps.get_model("questions", "Question")
    return Work(
        _("questions waiting for an answer"),
        question.objects.waiting().count(),
        reverse("admin:questions_question_changelist") + "?waiting=yes",
    )


def _changelist(model, query=""):
    try:
        return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist") + query
    except NoReverseMatch:
        return ""


def tracked_work(now):
    today = timezone.localdate(now)
    work = []
    for model in apps.get_models():
        queryset = model._default_manager.all()
        if model is ExchangeRate or not hasattr(queryset, "stale"):
            continue
        work.append(
            Work(
                _("%(kind)s with facts over a year old") % {"kind": model._meta.verbose_name_plural},
                queryset.stale().count(),
                _changelist(model, "?facts=stale"),
            )
        )
    newest = ExchangeRate.objects.latest_first().first()
    old_rate = newest is None or newest.rate_on < today - RATE_MAX_AGE
    work.append(Work(_("exchange rate over 30 days old"), int(old_rate), _changelist(ExchangeRate)))
    broken = sum(len(problems) for problems in check_all().values())
    work.append(Work(_("broken internal links"), broken, reverse("admin:editorial_brokenlinkreport_report")))
    behind = sum(len(entry.missing) + len(entry.outdated) for entry in work_list())
    work.append(Work(_("translations missing or behind"), behind, reverse("admin:editorial_translationwork_report")))
    return work


def drafts_waiting():
    return [(draft, draft.item, admin_url(draft.item) if draft.item else "") for draft in Draft.objects.order_by("pk")]


def schedules_due(now):
    """Schedules not yet applied that fall due within the week (or are late)."""
    return list(Schedule.objects.filter(done_at__isnull=True, at__lte=now + WEEK).order_by("at"))


def context(request):
    now = timezone.now()
    today = timezone.localdate(now)
    return {
        "pages": unhelpful_pages(today),
        "questions": questions_waiting(),
        "searches": failed_searches(today),
        "few": misses.FEW,
        "work": tracked_work(now),
        "drafts": drafts_waiting(),
        "schedules": schedules_due(now),
        "handle_url": _changelist(Sentence),
    }


def register():
    reports.register(reports.Report("feedback", "needs", _("what readers need"), "admin/feedback/needs.html", context))
