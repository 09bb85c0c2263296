"""The skills shipped in skills/content/ (see freelanceguide.content)."""

from pathlib import Path

from freelanceguide.content import Child, ContentDir, aliases, translated

from .models import LearningResource, Skill, SkillCategory

CONTENT = ContentDir(Path(__file__).parent / "content")


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
                **translated(item, "name", "summary", "phone_note", "body"),
            },
            children={"resources": Child(LearningResource, "skill", resources)},
        )
