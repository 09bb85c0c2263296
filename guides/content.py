"""The guides shipped in guides/content/ (see freelanceguide.content)."""

from pathlib import Path

from freelanceguide.content import ContentDir, aliases, translated

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
