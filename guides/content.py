"""The guides shipped in guides/content/ (see editorial.content)."""

from pathlib import Path

from editorial.content import ContentDir, aliases, translated
from glossary.models import Term

from .models import Guide, GuideTopic

CONTENT = ContentDir(Path(__file__).parent / "content")


def load(loader):
    for topic in CONTENT.table("_topics.toml", "topic"):
        loader.sync(
            GuideTopic, topic["slug"], {"position": topic["position"], **translated(topic, "name", "description")}
        )
    for item in CONTENT.items():
        loader.sync(
            Guide,
            item["slug"],
            {
                "topic": item["topic"],
                "path_position": item.get("path_position"),
                "facts_checked_on": item.get("facts_checked_on"),
                "search_aliases": aliases(item),
                **translated(item, "title", "summary", "body"),
            },
            m2m={"skills": item.get("skills", []), "marketplaces": item.get("marketplaces", [])},
        )
    warn_about_missing_guides(loader)


def warn_about_missing_guides(loader):
    """A glossary term may name a guide that does not exist (yet): the term page shows no
    guide until it does; the loader says so instead of failing."""
    known = set(Guide.objects.values_list("slug", flat=True))
    for slug, guide_slug in Term.objects.exclude(guide_slug="").values_list("slug", "guide_slug"):
        if guide_slug not in known:
            loader.warn(
                f"glossary.term:{slug}: no guide with slug '{guide_slug}'; the term page shows none until it exists"
            )
