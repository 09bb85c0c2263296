"""Loads the content shipped in the repository (TOML files) without overwriting editors.

Each app with content has a `content.py` with `load(loader)` and a `content/` folder of TOML
files. For every item the loader remembers a fingerprint of the values it wrote
(LoadedContent). On the next load:

- a new item is created;
- an item whose current values still match the fingerprint is updated from the files;
- an item an editor has changed, an item an editor created, and an item an editor deleted
  are left exactly as they are.
"""

import hashlib
import json
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import reversion
from django.db import models, transaction
from django.utils.translation import gettext

from editorial.models import LoadedContent
from freelanceguide.models import language_codes

KEPT_DRAFT = "kept: an editor's draft is pending"
CREATED, UPDATED, UNCHANGED, KEPT_EDITED, KEPT_EDITOR_OWNED, KEPT_DELETED = (
    "created",
    "updated",
    "unchanged",
    "kept: changed by an editor",
    "kept: created by an editor",
    "kept: deleted by an editor",
)


def _has_draft(instance):
    from editorial.drafts import draft_of  # editorial builds on this module, not the reverse

    return draft_of(instance) is not None


def translated(item, *names):
    """{name_bn: ..., name_en: ...} from an item's [bn] and [en] tables."""
    values = {}
    for name in names:
        for code in language_codes():
            value = item.get(code, {}).get(name, "")
            if isinstance(value, list):
                value = "\n".join(value)
            values[f"{name}_{code}"] = value.strip()
    return values


# Fields the loader started writing after items may already have been loaded.
LATER_FIELDS = frozenset(
    {
        "search_aliases",
        "facts_checked_on",
        # The self-check's data on skills and marketplaces (planner/).
        "english_needed",
        "shared_computer",
        "heavy_data",
        "hours_per_week",
        "interests",
        "start_cost_bdt",
        "cheapest_start_bn",
        "cheapest_start_en",
    }
)


def aliases(item):
    """An item's `search_aliases = [...]` (other spellings, any script), one per line."""
    return "\n".join(alias.strip() for alias in item.get("search_aliases", []) if alias.strip())


class ContentDir:
    def __init__(self, path):
        self.path = Path(path)

    def table(self, filename, key):
        with open(self.path / filename, "rb") as handle:
            return tomllib.load(handle).get(key, [])

    def items(self):
        for path in sorted(self.path.glob("*.toml")):
            if not path.name.startswith("_"):
                with open(path, "rb") as handle:
                    yield tomllib.load(handle)


@dataclass
class Child:
    """Rows owned by an item (a skill's resources), replaced as a whole when the item updates."""

    model: type[models.Model]
    parent_field: str
    rows: list = field(default_factory=list)


def _normalise(model, name, value):
    model_field = model._meta.get_field(name)
    if value is None or value == "":
        return None if value is None else ""
    if model_field.is_relation:
        return value if isinstance(value, str) else value.slug
    value = model_field.to_python(value)
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)


class ContentLoader:
    def __init__(self):
        self.counts = Counter()
        self.messages = []

    def warn(self, message):
        self.messages.append(message)

    def sync(self, model, slug, fields, m2m=None, children=None):
        key = f"{model._meta.label_lower}:{slug}"
        m2m = {name: self._existing_slugs(model, name, slugs, key) for name, slugs in (m2m or {}).items()}
        children = {name: self._complete_rows(child) for name, child in (children or {}).items()}
        wanted = self._fingerprint(self._snapshot_values(model, fields, m2m, children))
        with transaction.atomic():
            record = LoadedContent.objects.filter(key=key).first()
            instance = model._default_manager.filter(slug=slug).first()
            if instance is None:
                if record is not None:
                    return self._count(KEPT_DELETED, key)
                instance = model(slug=slug)
                self._write(instance, fields, m2m, children)
                LoadedContent.objects.create(key=key, fingerprint=wanted)
                return self._count(CREATED, key)
            if record is None:
                return self._count(KEPT_EDITOR_OWNED, key)
            if _has_draft(instance):
                return self._count(KEPT_DRAFT, key)
            if not self._unchanged_since_load(instance, fields, m2m, children, record):
                return self._count(KEPT_EDITED, key)
            if wanted == record.fingerprint:
                return self._count(UNCHANGED, key)
            self._write(instance, fields, m2m, children)
            record.fingerprint = wanted
            record.save(update_fields=["fingerprint", "loaded_at"])
            return self._count(UPDATED, key)

    def _unchanged_since_load(self, instance, fields, m2m, children, record):
        current = self._fingerprint(self._snapshot_instance(instance, fields, m2m, children))
        if current == record.fingerprint:
            return True
        # A record written before a LATER_FIELDS field existed has no value for it; an empty
        # value there is not an editor's change, so compare without it.
        older = {name: value for name, value in fields.items() if name not in LATER_FIELDS or getattr(instance, name)}
        # Likewise a child table first shipped after the item was loaded (a programme's dates):
        # while the item has no such rows, the record may have been written without them.
        older_children = {
            name: child
            for name, child in children.items()
            if child.model._default_manager.filter(**{child.parent_field: instance}).exists()
        }
        if older == fields and older_children.keys() == children.keys():
            return False
        snapshot = self._snapshot_instance(instance, older, m2m, older_children)
        return self._fingerprint(snapshot) == record.fingerprint

    @staticmethod
    def _complete_rows(child):
        """Give every row every column the rows use, with the field's default where missing."""
        columns = set().union(*(row.keys() for row in child.rows)) if child.rows else set()
        meta = child.model._meta
        rows = [{c: row[c] if c in row else meta.get_field(c).get_default() for c in columns} for row in child.rows]
        return Child(child.model, child.parent_field, rows)

    def _count(self, outcome, key):
        self.counts[outcome] += 1
        if outcome.startswith("kept"):
            self.warn(f"{key}: {outcome}")
        return outcome

    def _existing_slugs(self, model, name, slugs, key):
        related = model._meta.get_field(name).related_model
        found = set(related._default_manager.filter(slug__in=slugs).values_list("slug", flat=True))
        for missing in sorted(set(slugs) - found):
            self.warn(f"{key}: no {related._meta.verbose_name} with slug '{missing}'")
        return sorted(found)

    def _resolve(self, model, values):
        resolved = {}
        for name, value in values.items():
            model_field = model._meta.get_field(name)
            if model_field.is_relation and isinstance(value, str):
                value = model_field.related_model._default_manager.get(slug=value)
            resolved[name] = value
        return resolved

    def _write(self, instance, fields, m2m, children):
        # Keep a revision of what was loaded (for models registered with django-reversion), so an
        # editor can compare a later change with the shipped text and go back to it.
        with reversion.create_revision():
            reversion.set_comment(gettext("Loaded from the content files shipped with the site"))
            self._write_values(instance, fields, m2m, children)

    def _write_values(self, instance, fields, m2m, children):
        for name, value in self._resolve(type(instance), fields).items():
            setattr(instance, name, value)
        instance.full_clean(validate_unique=False, validate_constraints=False)
        instance.save()
        for name, slugs in m2m.items():
            related = type(instance)._meta.get_field(name).related_model
            getattr(instance, name).set(related._default_manager.filter(slug__in=slugs))
        for child in children.values():
            child.model._default_manager.filter(**{child.parent_field: instance}).delete()
            for position, row in enumerate(child.rows, start=1):
                values = {"position": position, **self._resolve(child.model, row), child.parent_field: instance}
                child.model._default_manager.create(**values)

    def _snapshot_values(self, model, fields, m2m, children):
        return {
            "fields": {name: _normalise(model, name, value) for name, value in fields.items()},
            "m2m": {name: sorted(slugs) for name, slugs in m2m.items()},
            "children": {
                name: [{key: _normalise(child.model, key, value) for key, value in row.items()} for row in child.rows]
                for name, child in children.items()
            },
        }

    def _snapshot_instance(self, instance, fields, m2m, children):
        model = type(instance)
        current_fields = {
            name: getattr(instance, name).slug
            if model._meta.get_field(name).is_relation
            else getattr(instance, model._meta.get_field(name).attname)
            for name in fields
        }
        current_m2m = {name: list(getattr(instance, name).values_list("slug", flat=True)) for name in m2m}
        current_children = {}
        for name, child in children.items():
            columns = set().union(*(row.keys() for row in child.rows)) if child.rows else set()
            rows = child.model._default_manager.filter(**{child.parent_field: instance}).order_by("position", "pk")
            current_children[name] = [
                {
                    column: getattr(row, column).slug
                    if child.model._meta.get_field(column).is_relation
                    else getattr(row, column)
                    for column in columns
                }
                for row in rows
            ]
        return self._snapshot_values(
            model,
            current_fields,
            current_m2m,
            {
                name: Child(children[name].model, children[name].parent_field, rows)
                for name, rows in current_children.items()
            },
        )

    @staticmethod
    def _fingerprint(snapshot):
        text = json.dumps(snapshot, sort_keys=True, ensure_ascii=False, default=str)
        return hashlib.sha256(text.encode()).hexdigest()
