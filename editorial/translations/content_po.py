"""Content translation through gettext PO files, so translators can use any PO editor.

One entry per translated text field of every item: msgctxt `<app.model>:<slug or id>:<field>`,
msgid the source language's text, msgstr the current translation. Each entry also carries, as
an extracted comment, a hash of the translation as it was at export time. When the translation
status says the item's translation is outdated, each entry whose source text changed since the
translation was last edited is fuzzy, with the old source text as `#| msgid` (what PO editors
show as the difference).

Import validates the whole file before it changes anything:
- a wrong or foreign file, an unknown model, item or field, or a translation the field cannot
  hold refuses the file;
- so does an entry whose msgid no longer equals the item's current source text (the source was
  edited after the export: translating it again from an old text would lose that edit);
- an entry whose translation an editor changed after the export is skipped and reported, never
  overwritten; empty and fuzzy entries change nothing.
Items are saved through the model, so Markdown is rendered again and the translation status
sees the edit; an item whose texts are all unchanged is not saved at all.
"""

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, field

import polib
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation

from editorial.models import TranslationEdit
from editorial.translations import status as ts
from freelanceguide.models import language_codes

MARKER_HEADER = "X-Content-Translation"
SOURCE_HEADER = "X-Source-Language"
MARKER = "freelanceguide"
HASH_PREFIX = "exported translation sha256:"
HASH_PATTERN = re.compile(re.escape(HASH_PREFIX) + r"\s*([0-9a-f]{64})")


class ContentPoError(Exception):
    """The file cannot be imported; nothing was changed."""


def text_hash(text):
    return hashlib.sha256((text or "").encode()).hexdigest()


def source_language(language):
    others = [code for code in language_codes() if code != language]
    if language not in language_codes() or not others:
        raise ContentPoError(f"unknown language {language!r}: choose one of {', '.join(language_codes())}")
    return others[0]


def context(instance, name):
    return f"{instance._meta.label_lower}:{ts.item_key(instance)}:{name}"


def export(language):
    """A POFile with every non-empty source text of every translated item, for `language`."""
    source = source_language(language)
    now = timezone.now().strftime("%Y-%m-%d %H:%M%z")
    po = polib.POFile(wrapwidth=79)
    po.metadata = {
        "Project-Id-Version": "freelanceguide content",
        "POT-Creation-Date": now,
        "PO-Revision-Date": now,
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        SOURCE_HEADER: source,
        MARKER_HEADER: MARKER,
    }
    with translation.override(language):  # notes for the translator in the language they write
        for entry in _entries(language, source):
            po.append(entry)
    return po


def _edit_records(model):
    """{item id: {language: TranslationEdit}} for every item of `model`, in one query."""
    records = defaultdict(dict)
    content_type = ContentType.objects.get_for_model(model)
    for record in TranslationEdit.objects.filter(content_type=content_type):
        records[record.object_id][record.language] = record
    return records


def _is_outdated(records, language):
    edited = {code: record.edited_at for code, record in records.items()}
    revised = {code: record.revised_at for code, record in records.items()}
    return ts.outdated(language, edited, revised)


def _entries(language, source):
    for model in ts.tracked_models():
        fields = ts.text_fields(model)
        edits = _edit_records(model)
        for instance in model._default_manager.order_by("pk"):
            records = edits.get(instance.pk, {})
            behind = _is_outdated(records, language)
            seen = records[language].seen_sources.get(source, {}) if language in records else {}
            for name in fields:
                original = getattr(instance, f"{name}_{source}") or ""
                if not original:
                    continue
                current = getattr(instance, f"{name}_{language}") or ""
                label = model._meta.get_field(name).verbose_name
                note = f"{model._meta.verbose_name} “{instance}”: {label}"
                entry = polib.POEntry(
                    msgctxt=context(instance, name),
                    msgid=original,
                    msgstr=current,
                    comment=f"{note}\n{HASH_PREFIX} {text_hash(current)}",
                )
                previous = seen.get(name)
                # Outdated: the source moved on since this translation was made. Mark the
                # entries whose source changed (all of them when the old text is unknown)
                # fuzzy, with the old source as `#| msgid`, so a PO editor shows the change.
                if behind and current and previous != original:
                    entry.flags.append("fuzzy")
                    if previous:
                        entry.previous_msgid = previous
                yield entry


@dataclass
class ImportResult:
    language: str = ""
    applied: list = field(default_factory=list)
    conflicts: list = field(default_factory=list)
    unchanged: int = 0
    untranslated: int = 0
    saved_items: int = 0


def read(path):
    try:
        po = polib.pofile(str(path), wrapwidth=79)
    except (OSError, ValueError, UnicodeError) as error:
        raise ContentPoError(f"{path} is not a PO file that can be read: {error}") from error
    if po.metadata.get(MARKER_HEADER) != MARKER:
        raise ContentPoError(
            f"{path} is not a content file made by export_content_po (its header has no {MARKER_HEADER})"
        )
    language = po.metadata.get("Language", "").replace("_", "-").split("-")[0].lower()
    if language not in language_codes():
        raise ContentPoError(
            f"{path}: Language {po.metadata.get('Language', '')!r} is not one of this site's: "
            f"{', '.join(language_codes())}"
        )
    if po.metadata.get(SOURCE_HEADER) != source_language(language):
        raise ContentPoError(f"{path}: the source language in {SOURCE_HEADER} does not fit Language {language!r}")
    return po, language


def _exported_hash(entry):
    # PO editors and polib may re-wrap comments, so the hash may sit on the next line.
    match = HASH_PATTERN.search(entry.comment or "")
    return match.group(1) if match else None


def _find(entry, cache, problems):
    """The (instance, field name) an entry's msgctxt names, or None with the problem noted."""
    label, _sep, rest = (entry.msgctxt or "").partition(":")
    key, _sep, name = rest.rpartition(":")
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        model = None
    if model is None or model not in ts.tracked_models() or name not in ts.text_fields(model) or not key:
        problems.append(f"{entry.msgctxt!r}: no translated field of that name")
        return None
    if (label, key) not in cache:
        manager = model._default_manager.select_for_update()
        if any(f.name == "slug" for f in model._meta.fields):
            cache[(label, key)] = manager.filter(slug=key).first()
        else:
            cache[(label, key)] = manager.filter(pk=int(key)).first() if key.isdigit() else None
    instance = cache[(label, key)]
    if instance is None:
        problems.append(f"{entry.msgctxt!r}: no such item (deleted, or renamed since the export)")
        return None
    return instance, name


def import_file(path):
    po, language = read(path)
    source = source_language(language)
    result = ImportResult(language=language)
    with transaction.atomic():
        cache, problems, stale, changes = {}, [], [], defaultdict(dict)
        for entry in po:
            if entry.obsolete:
                continue
            found = _find(entry, cache, problems)
            if found is None:
                continue
            instance, name = found
            if (getattr(instance, f"{name}_{source}") or "") != entry.msgid:
                stale.append(entry.msgctxt)
                continue
            exported = _exported_hash(entry)
            if exported is None:
                problems.append(f"{entry.msgctxt!r}: the entry lost its export record ({HASH_PREFIX})")
                continue
            if entry.fuzzy or not entry.msgstr:
                result.untranslated += 1
                continue
            current = getattr(instance, f"{name}_{language}") or ""
            if entry.msgstr == current:
                result.unchanged += 1
            elif text_hash(current) != exported:
                result.conflicts.append(entry.msgctxt)
            else:
                target = instance._meta.get_field(f"{name}_{language}")
                try:
                    changes[instance][target.attname] = target.clean(entry.msgstr, instance)
                except ValidationError as error:
                    problems.append(f"{entry.msgctxt!r}: {' '.join(error.messages)}")
                    continue
                result.applied.append(entry.msgctxt)
        if problems:
            raise ContentPoError("the file was not imported, nothing changed:\n  " + "\n  ".join(problems))
        if stale:
            raise ContentPoError(
                "the source text of these entries changed after the export, so nothing was imported; "
                "export again and translate the new text:\n  " + "\n  ".join(stale)
            )
        for instance, values in changes.items():
            for attname, value in values.items():
                setattr(instance, attname, value)
            instance.save()
            result.saved_items += 1
    return result
