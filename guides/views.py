from django.db.models.functions import Length
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from freelanceguide import page_extras
from freelanceguide.offline import download_estimate
from freelanceguide.pagination import page_of
from marketplaces.models import Marketplace
from skills.models import Skill

from . import book
from .models import Guide

GUIDES_PER_PAGE = 30


def start_here_path():
    return Guide.objects.published().without_bodies().filter(path_position__isnull=False).order_by("path_position")


@require_safe
def home(request):
    path = list(start_here_path().select_related("topic").annotate(body_chars=Length(f"body_html_{get_language()}")))
    return render(
        request,
        "guides/home.html",
        {
            "path": path,
            # What the "save these guides" button downloads, and about how much data it costs.
            "path_download": download_estimate(path),
            "skills": Skill.objects.published().without_bodies().filter(highlighted=True).select_related("category"),
            "marketplaces": Marketplace.objects.published().without_bodies().filter(highlighted=True),
        },
    )


@require_safe
def guide_list(request):
    # The template starts a topic's section wherever the topic changes, so a topic may continue
    # on the next page. Three queries however many guides exist: the count, the page's ids
    # (sorted within the guide_list_order index, never touching the long Markdown rows: with
    # SQLite and 10,000 guides sorting whole rows took 300 ms), then those 30 guides.
    ordered = Guide.objects.published().order_by("topic__position", "topic__slug", *Guide._meta.ordering)
    page = page_of(request.GET, ordered.values_list("pk", flat=True), GUIDES_PER_PAGE)
    ids = list(page.object_list)
    guides = Guide.objects.without_bodies().select_related("topic").in_bulk(ids)
    page.object_list = [guides[pk] for pk in ids]
    return render(request, "guides/guide_list.html", {"page": page})


@require_safe
def guide_detail(request, slug):
    guide = get_object_or_404(
        page_extras.annotate(Guide.objects.published().with_translation_times().select_related("topic")), slug=slug
    )
    previous_guide = next_guide = None
    if guide.path_position is not None:
        path = list(start_here_path().only("slug", "title_bn", "title_en", "path_position"))
        index = next(i for i, item in enumerate(path) if item.pk == guide.pk)
        previous_guide = path[index - 1] if index > 0 else None
        next_guide = path[index + 1] if index + 1 < len(path) else None
    return render(
        request,
        "guides/guide_detail.html",
        {
            "guide": guide,
            "previous_guide": previous_guide,
            "next_guide": next_guide,
            "skills": guide.skills.published().without_bodies().select_related("category"),
            "marketplaces": guide.marketplaces.published().without_bodies(),
        },
    )


@require_safe
def book_pdf(request):
    """The start-here book, built beforehand by `manage.py build_books` (never per request)."""
    language = get_language()
    built = book.open_book(language)
    if built is None:
        raise Http404("the book has not been built yet")
    etag, modified = book.file_version(built)
    not_modified = get_conditional_response(request, etag=etag, last_modified=modified)
    if not_modified is not None:
        built.close()
        return not_modified
    response = FileResponse(built, content_type="application/pdf", filename=f"freelancing-start-here-{language}.pdf")
    response["ETag"] = etag
    response["Last-Modified"] = http_date(modified)
    response["Cache-Control"] = "no-cache"
    return response
