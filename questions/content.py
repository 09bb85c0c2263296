"""Answered questions shipped in questions/content/ (see editorial.content): one file, a
`[[question]]` list. A shipped question is published (an editor has answered it)."""

from pathlib import Path

from editorial.content import ContentDir, aliases, translated

from .models import Question

CONTENT = ContentDir(Path(__file__).parent / "content")


def load(loader):
    for data in CONTENT.items():
        for item in data.get("question", []):
            fields = {
                "published": True,
                "asked_on": item.get("asked_on"),
                "asked_language": item.get("asked_language", "bn"),
                "search_aliases": aliases(item),
                **translated(item, "question", "summary", "body"),
            }
            m2m = {name: item.get(name, []) for name in ("guides", "skills", "marketplaces")}
            loader.sync(Question, item["slug"], fields, m2m=m2m)
