"""Translation status of every translated item: per language missing, outdated or up to date.

- missing: a field the editors write is empty in this language while it is filled in another
  one (or a required field is empty), so readers see the other language's text;
- outdated: another language got new content after this language was last edited;
- up to date: neither.

Times are kept per item and language in TranslationEdit, written from a post_save signal that
compares each language's text with a fingerprint of what was there at the last save. An edit
to a language that was missing or outdated counts as catching up, not as new content: translating
the English after the Bangla does not make the Bangla outdated. Items saved before this existed
get their first record at their next save, with every language counted as up to date then.
Changes made with QuerySet.update() bypass signals and are not seen.
"""

import hashlib
import json
import operator
from functools import cache, reduce

from django.contrib.contenttypes.models import ContentType
from django.db.models import F, OuterRef, Q, Subquery
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import NotRegistered, translator

from editorial.models import TranslationEdit
from freelanceguide.models import language_codes

MISSING, OUTDATED, UP_TO_DATE = "missing", "outdated", "current"
STATUS_LABELS = {MISSING: _("missing"), OUTDATED: _("outdated"), UP_TO_DATE: _("up to date")}


def text_fields(model):
    """The translated fields editors write, in model order (not the HTML derived from them)."""
    try:
        names = translator.get_options_for_model(model).fields
    except NotRegistered:
        return []
    return [field.name for field in model._meta.fields if field.name in names and field.editable]


def tracked_models():
    models = [model for model in translator.get_registered_models(abstract=False) if text_fields(model)]
    return sorted(models, key=lambda model: model._meta.label_lower)


def item_key(instance):
    """How an item is named in reports and locale files: its slug, or its id if it has none."""
    return getattr(instance, "slug", None) or str(instance.pk)


def _empty(value):
    return value is None or value == ""


def missing_languages(instance, fields=None):
    fields = text_fields(type(instance)) if fields is None else fields
    codes = language_codes()
    missing = set()
    for name in fields:
        filled = {code for code in codes if not _empty(getattr(instance, f"{name}_{code}"))}
        if filled or not type(instance)._meta.get_field(name).blank:
            missing |= set(codes) - filled
    return missing


def fingerprint(instance, fields, code):
    values = [getattr(instance, f"{name}_{code}") or "" for name in fields]
    return hashlib.sha256(json.dumps(values, ensure_ascii=False).encode()).hexdigest()


def outdated(code, edited, revised):
    """Did another language get new content after this language was last edited?"""
    mine = edited.get(code)
    return mine is not None and any(
        when is not None and when > mine for other, when in revised.items() if other != code
    )


def status(code, missing, edited, revised):
    if code in missing:
        return MISSING
    if outdated(code, edited, revised):
        return OUTDATED
    return UP_TO_DATE


def texts_of(instance, fields, code):
    return {name: getattr(instance, f"{name}_{code}") or "" for name in fields}


def sources_seen(instance, fields, code):
    """The other languages' texts now: what an edit of `code` is made from."""
    return {other: texts_of(instance, fields, other) for other in language_codes() if other != code}


def record_edit(instance):
    model = type(instance)
    fields = text_fields(model)
    content_type = ContentType.objects.get_for_model(model)
    now = timezone.now()
    missing = missing_languages(instance, fields)
    records = {
        record.language: record
        for record in TranslationEdit.objects.filter(content_type=content_type, object_id=instance.pk)
    }
    edited = {code: record.edited_at for code, record in records.items()}
    revised = {code: record.revised_at for code, record in records.items()}
    behind = {code: not record.complete or outdated(code, edited, revised) for code, record in records.items()}
    created, changed = [], []
    for code in language_codes():
        new_print, complete = fingerprint(instance, fields, code), code not in missing
        record = records.get(code)
        if record is None:
            created.append(
                TranslationEdit(
                    content_type=content_type,
                    object_id=instance.pk,
                    language=code,
                    fingerprint=new_print,
                    complete=complete,
                    edited_at=now,
                    revised_at=now,
                    seen_sources=sources_seen(instance, fields, code),
                )
            )
        elif record.fingerprint != new_print:
            record.fingerprint, record.complete, record.edited_at = new_print, complete, now
            record.seen_sources = sources_seen(instance, fields, code)
            if complete and not behind[code]:
                record.revised_at = now
            changed.append(record)
        elif record.complete != complete:
            record.complete = complete
            changed.append(record)
    if created:
        TranslationEdit.objects.bulk_create(created)
    if changed:
        TranslationEdit.objects.bulk_update(
            changed, ["fingerprint", "complete", "edited_at", "revised_at", "seen_sources"]
        )


def _on_save(sender, instance, raw=False, **kwargs):
    if not raw and sender in _tracked():
        record_edit(instance)


def _on_delete(sender, instance, **kwargs):
    if sender in _tracked():
        TranslationEdit.objects.filter(
            content_type=ContentType.objects.get_for_model(sender), object_id=instance.pk
        ).delete()


@cache
def _tracked():
    # The registry is complete once apps are ready, before any save can happen.
    return frozenset(tracked_models())


def connect_signals():
    post_save.connect(_on_save, dispatch_uid="translation_status_save")
    post_delete.connect(_on_delete, dispatch_uid="translation_status_delete")


# Querysets: the changelist and the command read each row's times through subqueries, so the
# number of queries does not grow with the number of rows.


def edited_name(code):
    return f"translation_edited_{code}"


def revised_name(code):
    return f"translation_revised_{code}"


def with_edit_times(queryset):
    content_type = ContentType.objects.get_for_model(queryset.model)
    annotations = {}
    for code in language_codes():
        records = TranslationEdit.objects.filter(content_type=content_type, object_id=OuterRef("pk"), language=code)
        annotations[edited_name(code)] = Subquery(records.values("edited_at")[:1])
        annotations[revised_name(code)] = Subquery(records.values("revised_at")[:1])
    return queryset.annotate(**annotations)


def row_times(obj):
    """(edited, revised) per language from an item annotated by with_edit_times."""
    codes = language_codes()
    return (
        {code: getattr(obj, edited_name(code), None) for code in codes},
        {code: getattr(obj, revised_name(code), None) for code in codes},
    )


def times_of(obj):
    """(edited, revised) per language for one item: from with_edit_times' annotations when the
    view asked for them (no extra query), else read now. The reader pages' translation-behind
    notice gets them through freelanceguide.translation_times."""
    if hasattr(obj, edited_name(language_codes()[0])):
        return row_times(obj)
    records = TranslationEdit.objects.filter(
        content_type=ContentType.objects.get_for_model(type(obj)), object_id=obj.pk
    ).values_list("language", "edited_at", "revised_at")
    return {code: e for code, e, _r in records}, {code: r for code, _e, r in records}


def row_statuses(obj):
    edited, revised = row_times(obj)
    missing = missing_languages(obj)
    return {code: status(code, missing, edited, revised) for code in language_codes()}


def _any(conditions):
    return reduce(operator.or_, conditions, Q(pk__in=[]))


def _empty_q(name, code):
    return Q(**{f"{name}_{code}": ""}) | Q(**{f"{name}_{code}__isnull": True})


def missing_q(model, code):
    conditions = []
    for name in text_fields(model):
        if not model._meta.get_field(name).blank:
            conditions.append(_empty_q(name, code))
        else:
            filled_elsewhere = _any(~_empty_q(name, other) for other in language_codes() if other != code)
            conditions.append(_empty_q(name, code) & filled_elsewhere)
    return _any(conditions)


def outdated_q(code):
    """For a queryset annotated by with_edit_times."""
    return _any(
        Q(**{f"{revised_name(other)}__gt": F(edited_name(code))}) for other in language_codes() if other != code
    )


def not_outdated_q(code):
    """outdated_q negated by hand: SQL's NULL comparisons would drop items that have no times yet."""
    edited = edited_name(code)
    conditions = [
        Q(**{f"{revised_name(other)}__isnull": True}) | Q(**{f"{revised_name(other)}__lte": F(edited)})
        for other in language_codes()
        if other != code
    ]
    return reduce(operator.and_, conditions, Q(**{f"{edited}__isnull": False})) | Q(**{f"{edited}__isnull": True})


def filter_status(queryset, code, wanted):
    """Items whose status in language `code` is `wanted`; the queryset is annotated by with_edit_times."""
    if wanted == MISSING:
        return queryset.filter(missing_q(queryset.model, code))
    queryset = queryset.exclude(missing_q(queryset.model, code))
    return queryset.filter(outdated_q(code) if wanted == OUTDATED else not_outdated_q(code))
