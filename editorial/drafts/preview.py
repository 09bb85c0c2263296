"""The staff preview: an item's draft rendered by its own reader view, never stored anywhere.

The draft is put in place inside a rolled-back transaction and the item's real reader view
renders it there, so the fallback notice, table of contents, related items and cautions are
exactly those the live page would show. The answer is private, not stored, not indexed.
"""

import copy

from django.conf import settings
from django.http import Http404
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.csp import CSP

from editorial import drafts


def render_preview(request, item, language):
    draft = drafts.draft_of(item)
    with (
        drafts.applied(item, draft.data if draft else None, make_visible=True) as shown,
        translation.override(language),
    ):
        url = shown.get_absolute_url()
        try:
            match = resolve(url)
        except Resolver404:
            raise Http404 from None
        reader_request = copy.copy(request)
        reader_request.path = reader_request.path_info = url
        reader_request.LANGUAGE_CODE = language
        reader_request.editorial_preview = True
        response = match.func(reader_request, *match.args, **match.kwargs)
        if hasattr(response, "render"):
            response.render()
    add_never_cache_headers(response)
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    # The phone-width page frames the preview; every other page keeps frame-ancestors 'none'.
    response["X-Frame-Options"] = "SAMEORIGIN"
    response._csp_config = {**settings.SECURE_CSP, "frame-ancestors": [CSP.SELF]}
    return response
