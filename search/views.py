from django.shortcuts import render
from django.views.decorators.http import require_safe

from .results import results_page


@require_safe
def search_view(request):
    return render(request, "search/search.html", {"search": results_page(request.GET)})
