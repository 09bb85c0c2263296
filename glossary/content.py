"""The glossary shipped in glossary/content/ (see freelanceguide.content).

`_topics.toml` holds the topics; every other file a `[[term]]` list (one file per topic).
"""

from pathlib import Path

from freelanceguide.content import CREATED, ContentDir, ContentLoader, aliases, translated

from .models import Term, TermTopic

CONTENT = ContentDir(Path(__file__).parent / "content")


def shipped_terms():
    return [term for data in CONTENT.items() for term in data.get("term", [])]


def _fields(item):
    return {
        "topic": item["topic"],
        "example": item.get("example", "").strip(),
        "example_meaning": item.get("example_meaning", "").strip(),
        "guide_slug": item.get("guide", ""),
        "search_aliases": aliases(item),
        **translated(item, "name", "summary", "body"),
    }


def load(loader):
    for topic in CONTENT.table("_topics.toml", "topic"):
        loader.sync(TermTopic, topic["slug"], {"position": topic["position"], **translated(topic, "name")})
    items = shipped_terms()
    # Related terms may come later in the files: new terms are created first without them
    # (a scratch loader, so each is counted once), then every term is synced with all of them.
    scratch = ContentLoader()
    existing = set(Term.objects.values_list("slug", flat=True))
    created = {
        item["slug"]
        for item in items
        if item["slug"] not in existing
        and scratch.sync(Term, item["slug"], _fields(item), m2m={"related": []}) == CREATED
    }
    for item in items:
        outcome = loader.sync(Term, item["slug"], _fields(item), m2m={"related": item.get("related", [])})
        if item["slug"] in created:
            loader.counts[outcome] -= 1
            loader.counts[CREATED] += 1
    loader.counts += type(loader.counts)()  # drop outcomes moved to "created"
