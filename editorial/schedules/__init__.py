"""Publish at / unpublish at: which items can be scheduled, and the runner's one pass.

`run_due()` is what `manage.py run_schedules` does every 30 seconds. A due row is claimed by
an atomic conditional UPDATE (`... SET done_at = now WHERE pk = ? AND done_at IS NULL`): the
database lets exactly one runner change the row, on SQLite and PostgreSQL alike, so several
machines may run the runner at once. A runner that was down finds the rows on its next pass:
a change can be late, never lost. Due rows are applied in time order, so an unpublish planned
before a publish (both past) leaves the item published.
"""

import logging

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_delete
from django.utils import timezone

from editorial.drafts import publish, unpublish
from editorial.models import Schedule
from editorial.registry import has_published_field, page_models

log = logging.getLogger(__name__)

APPLY = {Schedule.PUBLISH: publish, Schedule.UNPUBLISH: unpublish}


def schedulable_models():
    """Page models readers can be kept from: those with a `published` field."""
    return tuple(model for model in page_models() if has_published_field(model))


def for_item(obj):
    return Schedule.objects.filter(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk)


def pending():
    return Schedule.objects.filter(done_at__isnull=True)


def claim(schedule, now):
    """True for exactly one caller per row: whoever's UPDATE changed it."""
    return Schedule.objects.filter(pk=schedule.pk, done_at__isnull=True).update(done_at=now) == 1


def run_due(now=None):
    """Apply every due, unclaimed schedule in time order; returns how many this pass applied."""
    now = now or timezone.now()
    applied = 0
    for schedule in pending().filter(at__lte=now).select_related("content_type").order_by("at", "pk"):
        if not claim(schedule, now):
            continue  # another runner took it
        applied += _apply(schedule, now)
    return applied


def _apply(schedule, now):
    model = schedule.content_type.model_class()
    obj = model._default_manager.filter(pk=schedule.object_id).first() if model else None
    if obj is None:
        outcome = "item no longer exists"
    else:
        try:
            with transaction.atomic():
                APPLY[schedule.action](obj)
        except Exception:  # one broken item must not stop the others; the row says why
            log.exception("Schedule %s failed", schedule.pk)
            outcome = "failed: see the runner's log"
        else:
            outcome = f"{schedule.action}ed"
    Schedule.objects.filter(pk=schedule.pk).update(outcome=outcome)
    log.info("Schedule %s (%s %s) at %s: %s", schedule.pk, schedule.action, obj, now, outcome)
    return obj is not None and not outcome.startswith("failed")


def _delete_schedules(sender, instance, **kwargs):
    for_item(instance).delete()


def connect_signals():
    """Deleting an item deletes its schedules (a generic key has no database cascade)."""
    for model in schedulable_models():
        post_delete.connect(_delete_schedules, sender=model, dispatch_uid=f"schedules-{model._meta.label_lower}")
