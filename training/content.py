"""The training programmes shipped in training/content/ (see editorial.content)."""

from collections import defaultdict
from pathlib import Path

from editorial.content import Child, ContentDir, aliases, translated

from .models import Programme, ProgrammeDate

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
DATE_COLUMNS = ("kind", "on", "time", "source_name", "source_url", "checked_on")


def dates_by_programme():
    """training/content/_dates.toml's [[dates]] rows, by their programme's slug, in file order."""
    rows = defaultdict(list)
    for row in CONTENT.table("_dates.toml", "dates"):
        rows[row["programme"]].append({column: row[column] for column in DATE_COLUMNS if column in row})
    return rows


def load(loader):
    dates = dates_by_programme()
    for item in CONTENT.items():
        # Only a programme with shipped dates gets the child rows: one without keeps the
        # fingerprint it was loaded with (and an editor's own dates on it are never replaced).
        children = {"dates": Child(ProgrammeDate, "programme", dates[item["slug"]])} if dates[item["slug"]] else {}
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
            children=children,
        )
    for slug in sorted(set(dates) - {item["slug"] for item in CONTENT.items()}):
        loader.warn(f"training/content/_dates.toml: no programme with slug '{slug}'")
