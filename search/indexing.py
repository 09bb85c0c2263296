"""Keeps the search index in step with guides, skills and marketplaces.

Every save (the admin, the content loader) and delete of one of them updates its row;
an unpublished item has no row, so search never shows it. The database keeps its full-text
index in step with the rows (search.engines). Bulk `QuerySet.update()` skips signals: run
`manage.py rebuild_search_index` after one.

Adding a content type: one entry in SOURCES (model -> Kind), a Kind member and its
DETAIL_URLS entry (search.models). The model needs `slug`, `published`, `updated`,
`search_aliases` and, per language, a heading (`title_xx`, or `name_xx`, or the field named
by its `heading_field`), `summary_xx` and `body_html_xx`; see `entry_values`.
"""

import html
import itertools
import re
from concurrent.futures import ThreadPoolExecutor

from django.db.models.signals import post_delete, post_save

from freelanceguide.models import language_codes
from glossary.models import Term
from guides.models import Guide
from marketplaces.models import Marketplace
from questions.models import Question
from skills.models import Skill
from training.models import Programme

from . import copies, expand
from .models import Kind, SearchEntry, SearchWord, entry_id
from .normalise import normalise, readable

SOURCES = {
    Guide: Kind.GUIDE,
    Skill: Kind.SKILL,
    Marketplace: Kind.MARKETPLACE,
    Programme: Kind.PROGRAMME,
    Term: Kind.TERM,
    Question: Kind.QUESTION,
}

# Inline tags vanish ("<a>this</a>." stays "this."); every other tag is a word break.
_INLINE_TAG = re.compile(r"</?(?:a|abbr|b|code|em|i|kbd|mark|s|small|span|strong|sub|sup|u)\b[^>]*>")
_TAG = re.compile(r"<[^>]*>")
# Rows a rebuild writes per statement.
REBUILD_BATCH = 500


def plain_text(body_html):
    """Readable text of sanitised HTML; tags become spaces so words never run together."""
    text = _TAG.sub(" ", _INLINE_TAG.sub("", body_html or ""))
    return " ".join(html.unescape(text).split())


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
        names.append(normalise(title, nfc=False))
        content.extend([normalise(summary, nfc=False), normalise(text, nfc=False)])
    names.extend(normalise(line) for line in (obj.search_aliases or "").splitlines())
    values["names"] = _parts(names)
    values["content"] = _parts(content)
    return values


def normalised_passages(entry):
    """{(field, language): normalised text} of an index row's summaries and texts, read back
    from its `content` (as `entry_values` wrote it: a line per field that has words); None when
    the lines cannot be matched to the fields (a field of punctuation alone has no line)."""
    fields = [(name, code) for code in language_codes() for name in ("summary", "text")]
    written = [field for field in fields if getattr(entry, f"{field[0]}_{field[1]}")]
    lines = entry.content.split("\n")[1:-1]
    if len(lines) != len(written):
        return None
    return {field: line[1:-1] for field, line in zip(written, lines, strict=True)}


def _parts(parts):
    """ "\n part \n part \n": a line per part (normalised text has no newline, so a phrase never
    spans two) with a space each side, so " word" is a word's beginning (search.engines)."""
    return "\n" + "".join(f" {part} \n" for part in parts if part)


def words_of(*texts):
    return set(" ".join(texts).split())


def _add_words(words, word_model=SearchWord, *, vocabulary_empty=False):
    """Adds the words the vocabulary lacks. A saved item's words are mostly known already:
    reading which are known costs less than building and inserting a row for each. A word over
    100 letters (the column's size) is kept by its first 100: every word beginning it is still
    known to begin an indexed word (search.expand.Vocabulary.may_match)."""
    words = {word[:100] for word in words}
    if not vocabulary_empty:
        for chunk in itertools.batched(sorted(words), 500):
            words.difference_update(word_model.objects.filter(word__in=chunk).values_list("word", flat=True))
    word_model.objects.bulk_create(
        [word_model(word=word, key=expand.roman_key(word)) for word in sorted(words)],
        batch_size=1000,
        ignore_conflicts=True,  # another editor's save may add the same word meanwhile
    )


def update_entry(obj, kind):
    if not obj.published:
        SearchEntry.objects.filter(kind=kind, object_id=obj.pk).delete()
        return
    values = entry_values(obj)
    SearchEntry.objects.update_or_create(
        kind=kind, object_id=obj.pk, defaults=values, create_defaults={**values, "id": entry_id(kind, obj.pk)}
    )
    _add_words(words_of(values["names"], values["content"]))
    copies.index_changed()


def rebuild(sources=None, entry_model=SearchEntry, word_model=SearchWord):
    """Rewrite the whole index from the content tables; returns the number of rows.

    The migrations that fill the index pass their historical models.
    """
    sources = sources or SOURCES
    entry_model.objects.all().delete()
    word_model.objects.all().delete()
    # In id order, so the full-text index is written in the order searches read it.
    items = sorted(
        (entry_id(kind, obj.pk), kind, obj)
        for model, kind in sources.items()
        for obj in model._default_manager.filter(published=True)
    )

    def rows_of(batch):
        rows = [entry_model(id=id_, kind=kind, object_id=obj.pk, **entry_values(obj)) for id_, kind, obj in batch]
        return rows, set().union(*(words_of(row.names, row.content) for row in rows))

    # A thread makes the next rows (Python: normalising text) while the database writes these
    # (PostgreSQL in its own process, SQLite without the GIL): a rebuild on two cores, not one.
    # The thread only reads objects loaded here; every query stays on this thread's connection.
    words = set()
    with ThreadPoolExecutor(max_workers=1) as pool:
        for rows, batch_words in pool.map(rows_of, itertools.batched(items, REBUILD_BATCH)):
            entry_model.objects.bulk_create(rows)
            words |= batch_words
    _add_words(words, word_model, vocabulary_empty=True)
    copies.index_changed()
    return len(items)


def _saved(sender, instance, **kwargs):
    update_entry(instance, SOURCES[sender])


def _deleted(sender, instance, **kwargs):
    SearchEntry.objects.filter(kind=SOURCES[sender], object_id=instance.pk).delete()


def connect_signals():
    for model in SOURCES:
        post_save.connect(_saved, sender=model, dispatch_uid=f"search-index-save-{model._meta.label}")
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"search-index-delete-{model._meta.label}")
