"""Fill the benchmark's throwaway database: the shipped content plus generated items.

Run by bench/run.py with the benchmark's environment (production settings, a temporary
DATABASE_URL). Generated guides copy the shipped guides' text (so pages weigh what real ones
weigh) under new slugs, topics and links; they are written in bulk with the HTML already
rendered, as a save would have rendered it, so seeding 10,000 guides takes seconds.
"""

import argparse
import io
import itertools
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "freelanceguide.settings.prod")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402

from guides.models import Guide, GuideTopic  # noqa: E402
from marketplaces.models import Marketplace, Payout  # noqa: E402
from skills.models import LearningResource, Skill  # noqa: E402

COPIED_FIELDS = [
    f"{name}_{code}"
    for name in ("summary", "body", "body_html", "toc_html", "reading_minutes")
    for code in ("bn", "en")
]


def copy_of(model, source, n, **extra):
    values = {field: getattr(source, field) for field in COPIED_FIELDS}
    heading = source.heading_field
    for code in ("bn", "en"):
        values[f"{heading}_{code}"] = f"{getattr(source, f'{heading}_{code}')} ({n})"
    return model(slug=f"{source.slug}-{n}", **values, **extra)


@transaction.atomic
def generate(guides, skills, marketplaces):
    topics = list(GuideTopic.objects.all())
    for n in range(len(topics), 12):
        topics.append(
            GuideTopic.objects.create(slug=f"topic-{n}", name_bn=f"বিষয় {n}", name_en=f"Topic {n}", position=n)
        )
    skill_sources = list(Skill.objects.all())
    new_skills = [
        copy_of(
            Skill,
            source,
            n,
            **{
                f: getattr(source, f)
                for f in ("category_id", "difficulty", "months_min", "months_max", "tools", "phone")
            },
        )
        for n, source in zip(range(max(0, skills - len(skill_sources))), itertools.cycle(skill_sources), strict=False)
    ]
    Skill.objects.bulk_create(new_skills)
    LearningResource.objects.bulk_create(
        LearningResource(
            skill=skill,
            kind="free_video",
            title_bn="বিনামূল্যের ভিডিও",
            title_en="Free videos",
            language="bn",
            cost_min_bdt=0,
            cost_max_bdt=0,
        )
        for skill in Skill.objects.filter(slug__in=[s.slug for s in new_skills])
    )
    market_sources = list(Marketplace.objects.all())
    market_fields = [
        f.attname
        for f in Marketplace._meta.concrete_fields
        if f.attname.startswith(("wins_", "freelancer_fee", "client_fee", "fee_", "facts_", "website"))
    ]
    new_markets = [
        copy_of(Marketplace, source, n, **{f: getattr(source, f) for f in market_fields})
        for n, source in zip(
            range(max(0, marketplaces - len(market_sources))), itertools.cycle(market_sources), strict=False
        )
    ]
    Marketplace.objects.bulk_create(new_markets)
    first_payouts = list(Payout.objects.filter(marketplace=market_sources[0]))
    Payout.objects.bulk_create(
        Payout(
            marketplace=market,
            method_id=p.method_id,
            fee_usd=p.fee_usd,
            wait_days_min=p.wait_days_min,
            wait_days_max=p.wait_days_max,
            position=p.position,
        )
        for market in Marketplace.objects.filter(slug__in=[m.slug for m in new_markets])
        for p in first_payouts
    )
    guide_sources = list(Guide.objects.all())
    new_guides = [
        copy_of(Guide, source, n, topic=topics[n % len(topics)])
        for n, source in zip(range(max(0, guides - len(guide_sources))), itertools.cycle(guide_sources), strict=False)
    ]
    Guide.objects.bulk_create(new_guides, batch_size=500)
    all_skills = list(Skill.objects.values_list("pk", flat=True))
    all_markets = list(Marketplace.objects.values_list("pk", flat=True))
    guide_ids = Guide.objects.filter(slug__in=[g.slug for g in new_guides]).values_list("pk", flat=True)
    GuideSkill, GuideMarket = Guide.skills.through, Guide.marketplaces.through
    GuideSkill.objects.bulk_create(
        (GuideSkill(guide_id=g, skill_id=all_skills[(g + k) % len(all_skills)]) for g in guide_ids for k in range(3)),
        batch_size=1000,
    )
    GuideMarket.objects.bulk_create(
        (
            GuideMarket(guide_id=g, marketplace_id=all_markets[(g + k) % len(all_markets)])
            for g in guide_ids
            for k in range(2)
        ),
        batch_size=1000,
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--guides", type=int, default=100)
    parser.add_argument("--skills", type=int, default=50)
    parser.add_argument("--marketplaces", type=int, default=12)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    call_command("load_content", stdout=io.StringIO())
    generate(args.guides, args.skills, args.marketplaces)
    print(
        f"seeded {Guide.objects.count()} guides, {Skill.objects.count()} skills, "
        f"{Marketplace.objects.count()} marketplaces"
    )


if __name__ == "__main__":
    main()
