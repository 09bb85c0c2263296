from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from .models import Term


@require_safe
def term_list(request):
    return render(request, "glossary/term_list.html", {"index": Term.objects.index()})


@require_safe
def term_detail(request, slug):
    term = get_object_or_404(Term.objects.published().select_related("topic"), slug=slug)
    return render(
        request,
        "glossary/term_detail.html",
        {
            "term": term,
            "related": term.related.published().without_bodies().order_by("slug"),
            "guide": term.guide_to_read(),
        },
    )
