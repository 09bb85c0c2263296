from django.shortcuts import render
from django.views.decorators.http import require_safe

from .pages import plan_page


@require_safe
def self_check(request):
    """/path/: the questions; with answers in the query string, the reader's plan too."""
    return render(request, "planner/path.html", plan_page(request.GET))
