"""What every content app shares: published Markdown pages rendered on save, per language."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from . import translation_times
from .images import images_without_alt
from .markdown import render_document, render_markdown

# Fees, limits and rules change; facts older than this get a caution for readers and a
# filter for editors (marketplaces' fees, guides' figures).
FACTS_MAX_AGE = datetime.timedelta(days=365)


def stale_before():
    return timezone.localdate() - FACTS_MAX_AGE


def language_codes():
    return [code for code, _name in settings.LANGUAGES]


def fallback_order(language):
    """The reader's language first, then the languages modeltranslation falls back to."""
    fallbacks = settings.MODELTRANSLATION_FALLBACK_LANGUAGES
    return [language, *fallbacks.get(language, fallbacks["default"])]


def shown_language(obj, field):
    """The language of the text a reader actually sees for a translated field."""
    current = get_language() or settings.LANGUAGE_CODE
    for code in fallback_order(current):
        if getattr(obj, f"{field}_{code}", None):
            return code
    return current


class PublishedQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)

    def with_translation_times(self):
        """Each item's per-language edit times, read in the same query (for translation_behind)."""
        source = translation_times.source()
        return source.with_edit_times(self) if source else self

    def without_bodies(self):
        """For lists: leave out the Markdown and its HTML (most of a row's bytes).

        With 10,000 guides the database would otherwise sort every guide's whole text to pick
        one page of 30 (a guide list took 380 ms instead of 20). modeltranslation defers each
        language's column too.
        """
        return self.defer("body", "body_html", "toc_html")


@dataclass(frozen=True)
class TranslationBehind:
    language: str
    updated: datetime.datetime
    url: str

    @property
    def language_name(self):
        """The language's name in the reader's language (the interface catalog's)."""
        return dict(settings.LANGUAGES)[self.language]


class OutdatedNoticeMixin:
    """Tells readers when their language's text is behind another language's (translation_behind).

    Any translated model with get_absolute_url() can use it; MarkdownPage does. The template
    shows it through includes/fallback_notice.html; a detail view that asks for
    `.with_translation_times()` (PublishedQuerySet) saves the query it would otherwise cost.
    """

    def translation_behind(self):
        """For the reader's language, when another language got new content after it: a
        TranslationBehind (that language, when, its address), else None.

        The status comes from the editorial app's TranslationEdit records (through
        translation_times, so this module does not depend on editorial), read in one query. A
        language that is missing gets the fallback notice instead. Saving the item writes the
        times and bumps the page cache, so cached pages show or drop the notice at once.
        """
        source = translation_times.source()
        current = get_language()
        if source is None or current not in language_codes() or current in source.missing_languages(self):
            return None  # missing, not outdated: the fallback notice tells the reader
        edited, revised = source.times_of(self)
        mine = edited.get(current)
        newer = [(when, code) for code, when in revised.items() if code != current and mine and when and when > mine]
        if not newer:
            return None
        when, code = max(newer)
        with translation.override(code):
            url = self.get_absolute_url()
        return TranslationBehind(language=code, updated=when, url=url)


class MarkdownPage(OutdatedNoticeMixin, models.Model):
    """A page whose body is Markdown, rendered to sanitised HTML once, when it is saved."""

    # The field that names the page (title or name); used by the fallback notice.
    heading_field = "title"

    slug = models.SlugField(
        _("slug"), unique=True, help_text=_("ASCII letters, digits and hyphens; shared by both languages.")
    )
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    body = models.TextField(_("body (Markdown)"), blank=True)
    body_html = models.TextField(editable=False, blank=True)
    toc_html = models.TextField(editable=False, blank=True)
    reading_minutes = models.PositiveSmallIntegerField(editable=False, default=0)
    # Not translated: readers type a name in either script on either language's pages.
    search_aliases = models.TextField(
        _("other spellings for search"),
        blank=True,
        help_text=_(
            "One per line, in any script: how readers may type the name (ফাইভার, fiver). "
            "Search finds the page by these too; readers never see them."
        ),
    )
    published = models.BooleanField(_("published"), default=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("last updated"), auto_now=True)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        abstract = True

    def __str__(self):
        return getattr(self, self.heading_field) or self.slug

    def save(self, *args, **kwargs):
        self.render_bodies()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {
                *kwargs["update_fields"],
                *(
                    f"{name}_{code}"
                    for code in language_codes()
                    for name in ("body_html", "toc_html", "reading_minutes")
                ),
            }
        super().save(*args, **kwargs)

    def clean(self):
        """Refuse a body with an image that has no alt text in that body's language."""
        super().clean()
        errors = {}
        for code in language_codes():
            missing = images_without_alt(render_markdown(getattr(self, f"body_{code}") or ""))
            if missing:
                errors[f"body_{code}"] = [
                    ValidationError(
                        _(
                            "The image %(image)s has no alt text. Write what it shows, in this "
                            "language, between the square brackets: ![what the image shows](%(image)s)"
                        ),
                        code="image_without_alt",
                        params={"image": src or _("(no address)")},
                    )
                    for src in missing
                ]
        if errors:
            raise ValidationError(errors)

    def render_bodies(self):
        terms = self.glossary_links()
        for code in language_codes():
            rendered = render_document(getattr(self, f"body_{code}"), code, terms.get(code, ()))
            setattr(self, f"body_html_{code}", rendered.html)
            setattr(self, f"toc_html_{code}", rendered.toc_html)
            setattr(self, f"reading_minutes_{code}", rendered.reading_minutes)

    def glossary_links(self):
        """{language: [GlossaryLink, ...]}: the glossary terms whose first use the body links.

        None here; a page kind that links terms (guides) overrides this, so the Markdown
        pipeline and this module never depend on the glossary.
        """
        return {}

    def fallback_languages(self):
        """Languages other than the reader's that this page's heading or body is shown in."""
        current = get_language()
        return {shown_language(self, f) for f in (self.heading_field, "body")} - {current}

    def shown_reading_minutes(self):
        return getattr(self, f"reading_minutes_{shown_language(self, 'body')}") or 0


class OrderedTranslatedName(models.Model):
    """A small translated grouping item (topic, category, payment method)."""

    slug = models.SlugField(
        _("slug"), unique=True, help_text=_("ASCII letters, digits and hyphens; shared by both languages.")
    )
    name = models.CharField(_("name"), max_length=120)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        abstract = True
        ordering = ["position", "slug"]

    def __str__(self):
        return self.name or self.slug
