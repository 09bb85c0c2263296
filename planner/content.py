"""The checklist steps and cautions shipped in planner/content/ (see editorial.content)."""

from pathlib import Path

from editorial.content import ContentDir, translated
from guides.models import Guide

from .models import Advice

CONTENT = ContentDir(Path(__file__).parent / "content")
CONDITIONS = [f"when_{name}" for name in Advice.CONDITIONS]


def load(loader):
    guides = set(Guide.objects.values_list("slug", flat=True))
    for item in CONTENT.table("advice.toml", "advice"):
        guide = item.get("guide")
        if guide and guide not in guides:
            # Guides are written separately; the step arrives with its guide on a later load.
            loader.warn(f"planner.advice:{item['slug']}: skipped, no guide with slug '{guide}' yet")
            continue
        loader.sync(
            Advice,
            item["slug"],
            {
                "kind": item["kind"],
                "week": item.get("week"),
                "position": item.get("position", 0),
                # Only when set: the loader reads a relation's slug, and an empty one has none.
                **({"guide": guide} if guide else {}),
                "link_to": item.get("link_to", ""),
                **{name: item.get(name, "") for name in CONDITIONS},
                **translated(item, "title", "text"),
            },
        )
