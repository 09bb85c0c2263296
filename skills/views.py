from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from freelanceguide import page_extras
from freelanceguide.pagination import page_of

from .forms import SkillFilterForm
from .models import Skill

# Two queries per page (count and rows) however many skills exist.
SKILLS_PER_PAGE = 40


@require_safe
def skill_list(request):
    form = SkillFilterForm(request.GET or None)
    skills = form.filter(Skill.objects.published().without_bodies().select_related("category"))
    return render(
        request, "skills/skill_list.html", {"form": form, "page": page_of(request.GET, skills, SKILLS_PER_PAGE)}
    )


@require_safe
def skill_detail(request, slug):
    skill = get_object_or_404(
        page_extras.annotate(
            Skill.objects.published().with_translation_times().select_related("category").with_resources()
        ),
        slug=slug,
    )
    return render(
        request,
        "skills/skill_detail.html",
        {
            "skill": skill,
            # Reverse relations: read here without this app importing the apps above it.
            "marketplaces": skill.marketplaces.published().without_bodies(),
            "guides": skill.guides.published().without_bodies(),
            "programmes": skill.programmes.published().without_bodies().in_reading_order(),
        },
    )
