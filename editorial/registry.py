"""Which content items have addresses readers and links reach: the one list editorial works from.

An item is a "page" when its model is registered for translation (modeltranslation), has a
`slug` field and a `get_absolute_url()` that puts the slug in the URL. Nothing else to register:
a new content type (a glossary term, a training programme) is covered by redirects, link checks
and outdated-translation notices as soon as it meets those three conditions. A `published`
field, when the model has one, decides whether readers may see an item.
"""

from functools import cache

from django.urls import NoReverseMatch, Resolver404, resolve
from django.utils import translation
from modeltranslation.translator import translator

from freelanceguide.models import language_codes


def _is_page_model(model):
    return any(field.name == "slug" for field in model._meta.fields) and callable(
        getattr(model, "get_absolute_url", None)
    )


@cache
def page_models():
    """Every content model with its own reader page (computed once: the registry is fixed at start)."""
    models = [model for model in translator.get_registered_models(abstract=False) if _is_page_model(model)]
    return tuple(sorted(models, key=lambda model: model._meta.label_lower))


def has_published_field(model):
    return any(field.name == "published" for field in model._meta.fields)


def is_live(item):
    """Whether readers may see the item: its `published` field, or always for a model without one."""
    return getattr(item, "published", True)


def url_of(model, slug, language):
    """The path an item of `model` with `slug` has in `language` (it need not exist)."""
    with translation.override(language):
        try:
            return model(slug=slug).get_absolute_url()
        except (NoReverseMatch, TypeError, ValueError):
            return None


def page_for_path(path):
    """(model, slug, language) of the item page `path` names, or None (not an item's address).

    The path is resolved through Django's URL resolver; a match with a `slug` argument is an
    item page when one of the page models builds exactly this path for that slug.
    """
    language = language_of(path)
    match = resolves(path, language)
    slug = match.kwargs.get("slug") if match else None
    if not slug:
        return None
    for model in page_models():
        if url_of(model, slug, language) == path:
            return model, slug, language
    return None


def resolves(path, language):
    """The URL match of `path`, or None. i18n_patterns only match the active language's prefix."""
    with translation.override(language):
        try:
            return resolve(path)
        except Resolver404:
            return None


def language_of(path):
    first = path.lstrip("/").split("/", 1)[0]
    return first if first in language_codes() else None
