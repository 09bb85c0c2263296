"""Draft and live: an edit of a live item waits in a Draft row until an editor publishes it.

The item's own rows are always the live version. A draft holds the item and everything
django-reversion follows for it (a skill's resources, a marketplace's payouts), serialized with
Django's JSON serializer, so any content type registered with the admin is covered.

`applied(item)` puts a draft in place inside a transaction that is always rolled back: the
admin's change form and the preview use it to show the draft through the normal code, and
nothing of it (search index, revisions, cache purges on commit) survives the block.
"""

import json
from contextlib import contextmanager

import reversion
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.db import router, transaction
from django.utils.translation import gettext
from reversion.revisions import _follow_relations_recursive

from editorial.models import Draft
from editorial.registry import is_live

PUBLISHED_COMMENT = "Published"


def draft_of(item):
    content_type = ContentType.objects.get_for_model(item, for_concrete_model=False)
    return Draft.objects.filter(content_type=content_type, object_id=item.pk).first()


def items_with_drafts(model):
    """The ids of `model`'s items that have a draft (one query)."""
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    return Draft.objects.filter(content_type=content_type).values_list("object_id", flat=True)


def serialize(item):
    """The item (first) and its followed rows as JSON-ready data."""
    related = sorted(_follow_relations_recursive(item) - {item}, key=lambda row: (row._meta.label, row.pk))
    return json.loads(serializers.serialize("json", [item, *related]))


def save_draft(item, data, author):
    content_type = ContentType.objects.get_for_model(item, for_concrete_model=False)
    draft, _created = Draft.objects.update_or_create(
        content_type=content_type, object_id=item.pk, defaults={"data": data, "author": author}
    )
    return draft


def deserialized(data):
    """The draft's rows as unsaved objects (Django's DeserializedObject), the item first."""
    return list(serializers.deserialize("json", json.dumps(data), ignorenonexistent=True))


def apply(item, data):
    """Write the draft's rows through each model's own save(), so derived fields (rendered
    Markdown, reading time) are computed as for any edit; followed rows the draft no longer
    has (an inline row the editor deleted) are deleted."""
    rows = deserialized(data)
    kept = {(type(row.object), row.object.pk) for row in rows}
    for old in _follow_relations_recursive(item):
        if old is not item and (type(old), old.pk) not in kept:
            old.delete()
    for row in rows:
        row.object.save()
        for name, values in row.m2m_data.items():
            getattr(row.object, name).set(values)
    return rows[0].object


@contextmanager
def applied(item, data=None, make_visible=False):
    """Inside the block the database holds the draft (and, with make_visible, the item is
    published); on leaving, everything done inside is rolled back."""
    with transaction.atomic(using=router.db_for_write(type(item))):
        if data is not None:
            item = apply(item, data)
        if make_visible and not is_live(item):
            item.published = True
            item.save()
        try:
            yield item
        finally:
            transaction.set_rollback(True)


def publish(item, user=None):
    """Make the draft (or a new, unpublished item) live: one save, one revision.

    The admin's Publish button and the schedule runner both publish through here, saving through
    the model's save(), so the search index, page cache and sitemap follow as after any save.
    """
    with transaction.atomic(using=router.db_for_write(type(item))), reversion.create_revision():
        draft = draft_of(item)
        if draft is not None:
            item = apply(item, draft.data)
            draft.delete()
        if not is_live(item):
            item.published = True
            item.save()
        reversion.set_user(user)
        reversion.set_comment(PUBLISHED_COMMENT)
    return item


def unpublish(item):
    """Take the item off the site: its page answers 404 and it leaves lists, search and the sitemap."""
    item.published = False
    item.save()
    return item


def discard(item):
    draft = draft_of(item)
    if draft is not None:
        draft.delete()
    return draft is not None


def state_label(item, has_draft):
    if not is_live(item):
        return gettext("Draft: not live yet")
    if has_draft:
        return gettext("Live, with an unpublished draft")
    return gettext("Live")
