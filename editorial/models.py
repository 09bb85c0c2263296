from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class SlugRedirect(models.Model):
    """An item's old slug: its old address, in every language, answers 301 to its current one.

    The redirect points at the item, not at a path, so a chain collapses by itself: after A -> B
    -> C both A and B lead straight to the item's address now (C). One row covers every
    language prefix, because slugs are shared by both languages.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, verbose_name=_("kind of item"))
    old_slug = models.SlugField(_("old slug"), max_length=200)
    object_id = models.PositiveBigIntegerField(_("item id"))
    item = GenericForeignKey("content_type", "object_id")
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("redirect")
        verbose_name_plural = _("redirects")
        ordering = ["content_type", "old_slug"]
        constraints = [models.UniqueConstraint(fields=["content_type", "old_slug"], name="one_redirect_per_old_slug")]

    def __str__(self):
        return f"{self.content_type.model}: {self.old_slug}"


class BrokenLinkReport(SlugRedirect):
    """Gives the broken-links report its place in the admin (a proxy: no table, no backup rows)."""

    class Meta:
        proxy = True
        verbose_name = _("broken links report")
        verbose_name_plural = _("broken links report")


class TranslationWork(SlugRedirect):
    """Gives the translators' page its place in the admin (a proxy: no table, no backup rows)."""

    class Meta:
        proxy = True
        verbose_name = _("translators' work list")
        verbose_name_plural = _("translators' work list")


class Draft(models.Model):
    """An edit of a live item that readers do not see yet: the item and its inlines, serialized.

    The item's own row stays the live version, so every reader page, list, cache, search index,
    sitemap and feed keeps showing live content without knowing drafts exist. Publishing applies
    the data through the model's normal save() (Markdown renders, signals run once).
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, verbose_name=_("kind of item"))
    object_id = models.PositiveBigIntegerField(_("item id"))
    item = GenericForeignKey("content_type", "object_id")
    data = models.JSONField(_("draft data"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("author"),
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("draft")
        verbose_name_plural = _("drafts")
        constraints = [models.UniqueConstraint(fields=["content_type", "object_id"], name="one_draft_per_item")]
        permissions = [("publish_draft", _("Can publish drafts and new items"))]

    def __str__(self):
        return f"{self.content_type.model}: {self.object_id}"
