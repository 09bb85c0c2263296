"""The skills shipped in skills/content/ (see editorial.content)."""

from pathlib import Path

from editorial.content import Child, ContentDir, aliases, translated
from freelanceguide.models import language_codes

from .models import LearningResource, Skill, SkillCategory

CONTENT = ContentDir(Path(__file__).parent / "content")


def top_level_translated(item, name):
    """`name_bn = ...` and `name_en = ...` written beside the other top-level keys (not in [bn]/[en])."""
    return {f"{name}_{code}": item.get(f"{name}_{code}", "").strip() for code in language_codes()}


def load(loader):
    for category in CONTENT.table("_categories.toml", "category"):
        loader.sync(SkillCategory, category["slug"], {"position": category["position"], **translated(category, "name")})
    for item in CONTENT.items():
        resources = [
            {
                "kind": resource["kind"],
                "url": resource.get("url", ""),
                "language": resource["language"],
                "cost_min_bdt": resource.get("cost_min_bdt"),
                "cost_max_bdt": resource.get("cost_max_bdt"),
                **translated(resource, "title", "note"),
            }
            for resource in item.get("resources", [])
        ]
        loader.sync(
            Skill,
            item["slug"],
            {
                "category": item["category"],
                "position": item.get("position", 0),
                "difficulty": item["difficulty"],
                "months_min": item["months_min"],
                "months_max": item["months_max"],
                "tools": ", ".join(item.get("tools", [])),
                "phone": item["phone"],
                "highlighted": item.get("highlighted", False),
                "search_aliases": aliases(item),
                # What the self-check matches answers against (planner/).
                "english_needed": item["english_needed"],
                "shared_computer": item["shared_computer"],
                "heavy_data": item.get("heavy_data", False),
                "hours_per_week": item["hours_per_week"],
                "interests": ",".join(item["interests"]),
                "start_cost_bdt": item.get("start_cost_bdt", 0),
                **top_level_translated(item, "cheapest_start"),
                **translated(item, "name", "summary", "phone_note", "body"),
            },
            children={"resources": Child(LearningResource, "skill", resources)},
        )
