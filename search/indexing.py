"""Keeps the search index in step with guides, skills and marketplaces.

Every save (the admin, the content loader) and delete of one of them updates its row;
an unpublished item has no row, so search never shows it. Bulk `QuerySet.update()` skips
signals: run `manage.py rebuild_search_index` after one.
"""

import html
import re

from django.db.models.signals import post_delete, post_save

from freelanceguide.models import language_codes
from glossary.models import Term
from guides.models import Guide
from marketplaces.models import Marketplace
from skills.models import Skill
from training.models import Programme

from .models import Kind, SearchEntry
from .normalise import normalise, readable

SOURCES = {
    Guide: Kind.GUIDE,
    Skill: Kind.SKILL,
    Marketplace: Kind.MARKETPLACE,
    Programme: Kind.PROGRAMME,
    Term: Kind.TERM,
}

# Inline tags vanish ("<a>this</a>." stays "this."); every other tag is a word break.
_INLINE_TAG = re.compile(r"</?(?:a|abbr|b|code|em|i|kbd|mark|s|small|span|strong|sub|sup|u)\b[^>]*>")
_TAG = re.compile(r"<[^>]*>")
_WHITESPACE = re.compile(r"\s+")


def plain_text(body_html):
    """Readable text of sanitised HTML; tags become spaces so words never run together."""
    text = _TAG.sub(" ", _INLINE_TAG.sub("", body_html or ""))
    return _WHITESPACE.sub(" ", html.unescape(text)).strip()


def entry_values(obj):
    """The index row's values for one item (works on historical models in migrations too)."""
    heading = getattr(obj, "heading_field", "name" if hasattr(obj, "name_bn") else "title")
    values = {"slug": obj.slug, "updated": obj.updated}
    names, content = [], []
    for code in language_codes():
        title = readable(getattr(obj, f"{heading}_{code}") or "")
        summary = readable(getattr(obj, f"summary_{code}") or "")
        text = readable(plain_text(getattr(obj, f"body_html_{code}")))
        values.update({f"title_{code}": title, f"summary_{code}": summary, f"text_{code}": text})
        names.append(normalise(title))
        content.extend([normalise(summary), normalise(text)])
    names.extend(normalise(line) for line in (obj.search_aliases or "").splitlines())
    # Newlines separate the parts (normalised text has none), so a phrase never spans two.
    values["names"] = "\n".join(part for part in names if part)
    values["content"] = "\n".join(part for part in content if part)
    return values


def update_entry(obj, kind):
    if not obj.published:
        SearchEntry.objects.filter(kind=kind, object_id=obj.pk).delete()
        return
    SearchEntry.objects.update_or_create(kind=kind, object_id=obj.pk, defaults=entry_values(obj))


def rebuild(sources=None, entry_model=SearchEntry):
    """Rewrite the whole index from the content tables; returns the number of rows.

    The migration that creates the index passes its historical models.
    """
    sources = sources or SOURCES
    entry_model.objects.all().delete()
    rows = [
        entry_model(kind=kind, object_id=obj.pk, **entry_values(obj))
        for model, kind in sources.items()
        for obj in model._default_manager.filter(published=True).iterator()
    ]
    entry_model.objects.bulk_create(rows, batch_size=500)
    return len(rows)


def _saved(sender, instance, **kwargs):
    update_entry(instance, SOURCES[sender])


def _deleted(sender, instance, **kwargs):
    SearchEntry.objects.filter(kind=SOURCES[sender], object_id=instance.pk).delete()


def connect_signals():
    for model in SOURCES:
        post_save.connect(_saved, sender=model, dispatch_uid=f"search-index-save-{model._meta.label}")
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"search-index-delete-{model._meta.label}")
