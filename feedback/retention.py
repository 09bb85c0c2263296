"""Readers' sentences are deleted a while after an editor has handled them (the counts stay)."""

import datetime

from django.conf import settings
from django.utils import timezone

from .models import Sentence


def delete_old_handled_text(today=None):
    """Delete sentences handled more than FEEDBACK_TEXT_RETENTION_DAYS ago; returns how many."""
    today = today or timezone.localdate()
    cutoff = today - datetime.timedelta(days=settings.FEEDBACK_TEXT_RETENTION_DAYS)
    deleted, _ = Sentence.objects.filter(handled_on__lt=cutoff).delete()
    return deleted


def run_daily(now):
    """The schedule runner's daily job (editorial.schedules.daily): cheap, so every pass may run it."""
    return bool(delete_old_handled_text(timezone.localdate(now)))
