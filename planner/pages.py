"""The /path/ page: what the self-check and the reader's plan show, from the query parameters.

The plan itself is pure (planner/plan.py: answers, skills and advice in, a Plan out); this
module reads what it needs from the database and builds the template's context.
"""

from django.db.models import Prefetch
from django.utils import timezone

from marketplaces.models import Marketplace
from skills.models import Skill
from training.models import Programme

from .answers import QUESTIONS, read_answers
from .models import Advice
from .plan import build_plan


def plan_data():
    """Published skills (their resources carried in their own rows, with their marketplaces and
    training programmes) and advice: four queries in all."""
    skills = (
        Skill.objects.published()
        .without_bodies()
        .with_resources()
        .prefetch_related(
            Prefetch("marketplaces", queryset=Marketplace.objects.published().without_bodies()),
            Prefetch(
                "programmes",
                queryset=Programme.objects.published()
                .without_bodies()
                .in_reading_order()
                .with_application_dates(timezone.localdate()),
            ),
        )
        .order_by("category__position", "position", "slug")
    )
    advice = Advice.objects.published().select_related("guide")
    return list(skills), list(advice)


def open_applications(plan):
    """The programmes teaching the plan's skills that take applications now, soonest deadline first."""
    found = {}
    for fit in plan.skills:
        for programme in fit.programmes:
            if programme.application_open:
                found.setdefault(programme.pk, programme)
    return sorted(found.values(), key=lambda programme: (programme.next_deadline, programme.slug))


def plan_page(params):
    """Everything /path/ shows: the questions (pre-filled), and the plan when answers were given."""
    read = read_answers(params)
    plan = None
    if read.given:
        skills, advice = plan_data()
        plan = build_plan(read.answers, skills, advice)
    questions = [
        {
            "question": question,
            "choices": [
                (str(value), label, str(value) in read.answers.values(question)) for value, label in question.choices
            ],
        }
        for question in QUESTIONS
    ]
    return {
        "questions": questions,
        "notes": read.notes,
        "missing": read.missing,
        "plan": plan,
        "open_applications": open_applications(plan) if plan else [],
    }
