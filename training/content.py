"""The training programmes shipped in training/content/ (see editorial.content)."""

from pathlib import Path

from editorial.content import ContentDir, aliases, translated

from .models import Programme

CONTENT = ContentDir(Path(__file__).parent / "content")
TEXT_FIELDS = (
    "name",
    "organiser",
    "summary",
    "body",
    "education",
    "where",
    "cost_note",
    "stipend",
    "duration",
    "needs",
    "how_to_apply",
    "source",
)


def load(loader):
    for item in CONTENT.items():
        loader.sync(
            Programme,
            item["slug"],
            {
                "position": item.get("position", 0),
                "status": item["status"],
                "age_min": item.get("age_min"),
                "age_max": item.get("age_max"),
                "women_only": item.get("women_only", False),
                "women_share_percent": item.get("women_share_percent"),
                "cost_bdt": item.get("cost_bdt", 0),
                "laptop": item.get("laptop", "unknown"),
                "url": item.get("url", ""),
                "source_url": item.get("source_url", ""),
                "facts_checked_on": item["facts_checked_on"],
                "search_aliases": aliases(item),
                **translated(item, *TEXT_FIELDS),
            },
            m2m={"skills": item.get("skills", [])},
        )
