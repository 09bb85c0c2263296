from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from freelanceguide import page_extras
from freelanceguide.pagination import page_of

from .forms import MAX_COMPARED, CompareForm
from .models import Marketplace
from .money_page import money_page

# The list is short today; pages keep it cheap if it grows (ticks for comparing stay per page).
MARKETPLACES_PER_PAGE = 40


@require_safe
def marketplace_list(request):
    return render(
        request,
        "marketplaces/marketplace_list.html",
        {
            "page": page_of(request.GET, Marketplace.objects.published().without_bodies(), MARKETPLACES_PER_PAGE),
            "max_compared": MAX_COMPARED,
        },
    )


@require_safe
def marketplace_detail(request, slug):
    marketplace = get_object_or_404(
        page_extras.annotate(Marketplace.objects.published().with_translation_times().with_payouts()), slug=slug
    )
    return render(
        request,
        "marketplaces/marketplace_detail.html",
        {
            "marketplace": marketplace,
            "skills": marketplace.skills.published().without_bodies(),
            "guides": marketplace.guides.published().without_bodies(),
        },
    )


@require_safe
def compare(request):
    form = CompareForm.for_request(request)
    compared = form.cleaned_data["m"] if form.is_bound and form.is_valid() else []
    return render(
        request,
        "marketplaces/compare.html",
        {"form": form, "compared": compared, "max_compared": MAX_COMPARED},
    )


@require_safe
def money(request):
    """From a dollar price to taka in hand (and back); GET only, so answers are cached and shared."""
    return render(request, "marketplaces/money.html", money_page(request.GET))
