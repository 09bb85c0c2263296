from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from freelanceguide.pagination import page_of

from .forms import ProgrammeFilterForm
from .models import Programme

# Three queries per page (count, rows, their skills) however many programmes exist.
PROGRAMMES_PER_PAGE = 30


@require_safe
def programme_list(request):
    form = ProgrammeFilterForm(request.GET or None)
    programmes = form.filter(Programme.objects.published().without_bodies().in_reading_order())
    page = page_of(request.GET, programmes.prefetch_related("skills"), PROGRAMMES_PER_PAGE)
    return render(request, "training/programme_list.html", {"form": form, "page": page})


@require_safe
def programme_detail(request, slug):
    programme = get_object_or_404(Programme.objects.published(), slug=slug)
    return render(
        request,
        "training/programme_detail.html",
        {"programme": programme, "skills": programme.skills.published().without_bodies()},
    )
