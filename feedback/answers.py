"""Readers' answers to "Did this page help?": which pages may be answered about, and counting.

A page is named by its path ("/bn/guides/what-is-freelancing/"). Only the reader pages that
answer a question can be answered about, and only when the item is published, so junk paths
never reach the database.
"""

from django.apps import apps
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import Resolver404, resolve
from django.utils import timezone, translation

from freelanceguide.models import language_codes

from .models import PageDay, Reason, Sentence

MAX_SENTENCE = 500
# Sentences kept per page and day; past it, answers are still counted, their words are not.
SENTENCES_PER_PAGE_PER_DAY = 20

# The pages that carry "Did this page help?": URL name -> the model whose published item the
# slug names (None: a page with no item, such as the plan).
PAGES = {
    "guides:detail": "guides.Guide",
    "skills:detail": "skills.Skill",
    "marketplaces:detail": "marketplaces.Marketplace",
    "glossary:detail": "glossary.Term",
    "training:detail": "training.Programme",
    "planner:path": None,
    "money": None,
}


def answerable(path):
    """True when `path` is a published reader page that carries the question."""
    if not isinstance(path, str) or len(path) > 200 or not path.startswith("/") or not path.isascii():
        return False
    language = path.split("/")[1]
    if language not in language_codes():
        return False
    with translation.override(language):
        try:
            match = resolve(path)
        except Resolver404:
            return False
    if match.view_name not in PAGES:
        return False
    label = PAGES[match.view_name]
    if label is None:
        return True
    return apps.get_model(label).objects.filter(slug=match.kwargs.get("slug"), published=True).exists()


def _bump(path, day, **fields):
    changes = {name: F(name) + 1 for name in fields}
    if PageDay.objects.filter(path=path, day=day).update(**changes):
        return
    try:
        with transaction.atomic():
            PageDay.objects.create(path=path, day=day, **dict.fromkeys(fields, 1))
    except IntegrityError:  # another request created the day's row first
        PageDay.objects.filter(path=path, day=day).update(**changes)


def count_answer(path, helped, day=None):
    _bump(path, day or timezone.localdate(), **{"yes" if helped else "no": 1})


def add_what_was_missing(path, reason, text, day=None):
    """Count the reason; keep the sentence unless the page's day already holds enough."""
    day = day or timezone.localdate()
    _bump(path, day, **{Reason(reason).value: 1})
    text = text.strip()
    if text and Sentence.objects.filter(path=path, day=day).count() < SENTENCES_PER_PAGE_PER_DAY:
        Sentence.objects.create(path=path, day=day, reason=reason, text=text[:MAX_SENTENCE])
