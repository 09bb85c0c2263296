from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.views.decorators.http import require_safe

from freelanceguide.pagination import page_of

from . import calendar
from .forms import ProgrammeFilterForm
from .models import Programme, ProgrammeDate

# Four queries per page (count, rows, their skills, the next dates) however many programmes exist.
PROGRAMMES_PER_PAGE = 30
NEXT_DATES_SHOWN = 10


def upcoming_dates():
    """Dates of published programmes from today on (Asia/Dhaka), soonest first, with their programme."""
    return (
        ProgrammeDate.objects.upcoming(timezone.localdate())
        .filter(programme__in=Programme.objects.published())
        .select_related("programme")
        .defer(*(f"programme__{name}" for name in ("body", "body_html", "toc_html")))
    )


@require_safe
def programme_list(request):
    form = ProgrammeFilterForm(request.GET or None)
    programmes = form.filter(Programme.objects.published().without_bodies().in_reading_order())
    page = page_of(request.GET, programmes.prefetch_related("skills"), PROGRAMMES_PER_PAGE)
    next_dates = list(upcoming_dates()[:NEXT_DATES_SHOWN])
    return render(request, "training/programme_list.html", {"form": form, "page": page, "next_dates": next_dates})


@require_safe
def programme_detail(request, slug):
    programme = get_object_or_404(Programme.objects.published(), slug=slug)
    today = timezone.localdate()
    dates = [(date, date.on < today) for date in programme.dates.all()]
    return render(
        request,
        "training/programme_detail.html",
        {
            "programme": programme,
            "skills": programme.skills.published().without_bodies(),
            "dates": dates,
            "has_future_date": any(not closed for _, closed in dates),
        },
    )


def _calendar_response(request, dates, name):
    events = [
        calendar.event(
            date,
            uid_domain=request.get_host().split(":")[0],
            summary=gettext("%(what)s: %(programme)s")
            % {"what": date.get_kind_display(), "programme": date.programme.name},
            url=request.build_absolute_uri(date.programme.get_absolute_url()),
            description=gettext("Announced by %(source)s (%(url)s). Confirm with the organiser before you apply.")
            % {"source": date.source_name, "url": date.source_url},
        )
        for date in dates
    ]
    body = calendar.ics(events, name=name, language=get_language())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="calendar.ics"'
    return response


@require_safe
def calendar_all(request):
    return _calendar_response(request, upcoming_dates(), gettext("Training dates"))


@require_safe
def calendar_one(request, slug):
    programme = get_object_or_404(Programme.objects.published(), slug=slug)
    return _calendar_response(request, upcoming_dates().filter(programme=programme), programme.name)
