"""The search index: one row per published guide, skill and marketplace.

A plain table queried with LIKE works the same on SQLite and PostgreSQL (the tests run on
both), needs no extension, and is fast enough at this site's size (see bench/search_bench.py).
The `names` and `content` columns hold normalised text (search.normalise); the other text
columns are what the results page shows, so a search needs no join.
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from freelanceguide.models import fallback_order


class Kind(models.TextChoices):
    # Declaration order is the order of the groups when their best matches rank equal.
    GUIDE = "guide", _("Guides")
    SKILL = "skill", _("Skills")
    MARKETPLACE = "marketplace", _("Marketplaces")
    PROGRAMME = "programme", _("Training programmes")
    TERM = "term", _("Glossary")


DETAIL_URLS = {
    Kind.GUIDE: "guides:detail",
    Kind.SKILL: "skills:detail",
    Kind.MARKETPLACE: "marketplaces:detail",
    Kind.PROGRAMME: "training:detail",
    Kind.TERM: "glossary:detail",
}


class SearchEntry(models.Model):
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField(_("object id"))
    slug = models.SlugField(_("slug"))
    # Searched columns first: SQLite reads a row's columns in order, so a scan of these
    # never walks through the long display text stored after them.
    names = models.TextField(_("normalised titles and alternative spellings"), blank=True)
    content = models.TextField(_("normalised summaries and text"), blank=True)
    title_bn = models.CharField(_("title (Bangla)"), max_length=200, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    summary_bn = models.CharField(_("summary (Bangla)"), max_length=300, blank=True)
    summary_en = models.CharField(_("summary (English)"), max_length=300, blank=True)
    text_bn = models.TextField(_("text (Bangla)"), blank=True)
    text_en = models.TextField(_("text (English)"), blank=True)
    updated = models.DateTimeField(_("content last updated"))

    class Meta:
        verbose_name = _("search index entry")
        verbose_name_plural = _("search index entries")
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="search_entry_unique_object")]

    def __str__(self):
        return f"{self.kind}: {self.title_en or self.title_bn}"

    def get_absolute_url(self):
        return reverse(DETAIL_URLS[self.kind], args=[self.slug])

    def shown(self, field, language):
        """(text, language) of a display field in the reader's language, else its fallback."""
        for code in fallback_order(language):
            value = getattr(self, f"{field}_{code}", "")
            if value:
                return value, code
        return "", language
