from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from .forms import SkillFilterForm
from .models import Skill


@require_safe
def skill_list(request):
    form = SkillFilterForm(request.GET or None)
    skills = form.filter(Skill.objects.published().select_related("category"))
    return render(request, "skills/skill_list.html", {"form": form, "skills": skills})


@require_safe
def skill_detail(request, slug):
    skill = get_object_or_404(
        Skill.objects.published().select_related("category").prefetch_related("resources"), slug=slug
    )
    return render(
        request,
        "skills/skill_detail.html",
        {
            "skill": skill,
            # Reverse relations: read here without this app importing the apps above it.
            "marketplaces": skill.marketplaces.published(),
            "guides": skill.guides.published(),
        },
    )
