"""The three checks' views: each one line over its page module.

Pasted text (offer, proposal) comes by POST with a CSRF token and its answer is never stored,
logged or cached: the page is sent `no-store`, the page cache never keeps a POST, and error
reports leave the text out. The account check's answers are short yes/no choices, so it is a GET
form like the self-check (its address is the bookmark, and one cached page serves everyone).
"""

from functools import wraps

from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_safe

from . import account_page, offer_page, proposal_page


def pasted_text_check(view):
    """A check of pasted text: GET shows the form, POST answers it; neither is ever kept."""

    @require_http_methods(["GET", "HEAD", "POST"])
    @sensitive_post_parameters()
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        add_never_cache_headers(response)  # private, no-store: not in the browser's or any cache
        return response

    return wrapper


@pasted_text_check
def offer_check(request):
    context, status = offer_page.offer_page(request.POST if request.method == "POST" else None)
    return render(request, "checks/offer_check.html", context, status=status)


@require_safe
def account_check(request):
    context, status = account_page.account_page(request.GET)
    return render(request, "checks/account_check.html", context, status=status)


@pasted_text_check
def proposal_check(request):
    context, status = proposal_page.proposal_page(request.POST if request.method == "POST" else None)
    return render(request, "checks/proposal_check.html", context, status=status)
