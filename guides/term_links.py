"""Guides link the first use of each glossary term (Guide.glossary_links, on save).

When a term is added, renamed, given other spellings, unpublished or deleted, the guides
that use it (their text holds one of its old or new spellings, or their HTML links to it) are
rendered again. Only the stored HTML changes: the guide's text, `updated` time, revisions and
search text stay as they were (a link does not change the words); the term's own save already
makes the cached pages stale.
"""

import operator
from functools import reduce

from django.db.models import Q
from django.db.models.signals import post_delete, post_save, pre_save

from freelanceguide.models import language_codes
from glossary.models import Term, split_spellings

from .models import Guide

# What decides a term's links: its page address, the words it is found by, whether it is shown.
LINK_FIELDS = ("slug", "name_en", "name_bn", "search_aliases", "published")
RENDERED_FIELDS = ("body_html", "toc_html", "reading_minutes")


def _link_state(values):
    words = [values["name_en"], values["name_bn"], *split_spellings(values["search_aliases"])]
    return values["slug"], frozenset(word for word in words if word), values["published"]


def guides_using(words, slugs):
    """Guides whose body (either language) has one of the words or links to one of the terms."""
    conditions = [Q(**{f"body_{code}__icontains": word}) for word in words for code in language_codes()]
    conditions += [
        Q(**{f"body_html_{code}__contains": f"/glossary/{slug}/"}) for slug in slugs for code in language_codes()
    ]
    return Guide.objects.filter(reduce(operator.or_, conditions, Q(pk__in=[])))


def rerender(guides):
    for guide in guides:
        guide.render_bodies()
        columns = {
            f"{name}_{code}": getattr(guide, f"{name}_{code}") for name in RENDERED_FIELDS for code in language_codes()
        }
        Guide.objects.filter(pk=guide.pk).update(**columns)


def _remember_links(sender, instance, raw=False, **kwargs):
    before = None
    if instance.pk and not raw:
        before = Term.objects.filter(pk=instance.pk).values(*LINK_FIELDS).first()
    instance._links_before = _link_state(before) if before else None


def _term_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    now = _link_state({name: getattr(instance, name) for name in LINK_FIELDS})
    before = getattr(instance, "_links_before", None)
    if before == now:
        return
    slug, words, _published = now
    slugs = {slug}
    if before:
        slugs.add(before[0])
        words |= before[1]
    rerender(guides_using(words, slugs))


def _term_deleted(sender, instance, **kwargs):
    slug, words, _published = _link_state({name: getattr(instance, name) for name in LINK_FIELDS})
    rerender(guides_using(words, {slug}))


def connect_signals():
    pre_save.connect(_remember_links, sender=Term, dispatch_uid="guides-term-links-before")
    post_save.connect(_term_saved, sender=Term, dispatch_uid="guides-term-links-saved")
    post_delete.connect(_term_deleted, sender=Term, dispatch_uid="guides-term-links-deleted")
