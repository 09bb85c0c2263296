"""The glossary shipped in glossary/content/ (see editorial.content).

`_topics.toml` holds the topics; every other file a `[[term]]` list (one file per topic).
"""

from collections import Counter
from pathlib import Path

from editorial.content import CREATED, KEPT_DELETED, UPDATED, ContentDir, aliases, translated

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
    existing = set(Term.objects.values_list("slug", flat=True))
    later = []
    for item in shipped_terms():
        related = item.get("related", [])
        present = [slug for slug in related if slug in existing]
        outcome = loader.sync(Term, item["slug"], _fields(item), m2m={"related": present})
        if outcome != KEPT_DELETED:
            existing.add(item["slug"])
        if present != related and outcome in (CREATED, UPDATED):
            later.append(item)
    # A related term may come later in the files: once every term exists, the few terms that
    # name one are synced again with all of them (each term is still counted once).
    for item in later:
        loader.counts[loader.sync(Term, item["slug"], _fields(item), m2m={"related": item["related"]})] -= 1
    loader.counts += Counter()  # drops the zero counts left by the line above
