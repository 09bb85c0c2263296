from django.shortcuts import render
from django.views.decorators.http import require_safe

from .results import results_page


@require_safe
def search_view(request):
    search = results_page(request.GET)
    response = render(request, "search/search.html", {"search": search})
    response.page_tally = search.tally  # freelanceguide/page_cache/tallies.py
    return response
