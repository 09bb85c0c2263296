"""The checks' editors' data shipped in checks/content/ (see editorial.content)."""

from pathlib import Path

from editorial.content import ContentDir, translated
from guides.models import Guide

from .models import RedFlag

CONTENT = ContentDir(Path(__file__).parent / "content")


def load(loader):
    load_red_flags(loader)


def load_red_flags(loader):
    guides = set(Guide.objects.values_list("slug", flat=True))
    for item in CONTENT.table("red_flags.toml", "flag"):
        guide = item.get("guide")
        if guide and guide not in guides:
            loader.warn(f"checks.redflag:{item['slug']}: skipped, no guide with slug '{guide}' yet")
            continue
        loader.sync(
            RedFlag,
            item["slug"],
            {
                "position": item.get("position", 0),
                "weight": item["weight"],
                "phrases": item.get("phrases", "").strip(),
                "course_offer": item.get("course_offer", False),
                **({"guide": guide} if guide else {}),
                **translated(item, "title", "question", "why", "advice"),
            },
        )
