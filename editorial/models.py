from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class ItemReference(models.Model):
    """A row about one content item of any kind: its content type and id (and `item`, the object)."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, verbose_name=_("kind of item"))
    object_id = models.PositiveBigIntegerField(_("item id"))
    item = GenericForeignKey("content_type", "object_id")

    class Meta:
        abstract = True


class SlugRedirect(ItemReference):
    """An item's old slug: its old address, in every language, answers 301 to its current one.

    The redirect points at the item, not at a path, so a chain collapses by itself: after A -> B
    -> C both A and B lead straight to the item's address now (C). One row covers every
    language prefix, because slugs are shared by both languages.
    """

    old_slug = models.SlugField(_("old slug"), max_length=200)
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("redirect")
        verbose_name_plural = _("redirects")
        ordering = ["content_type", "old_slug"]
        constraints = [models.UniqueConstraint(fields=["content_type", "old_slug"], name="one_redirect_per_old_slug")]

    def __str__(self):
        return f"{self.content_type.model}: {self.old_slug}"


class LoadedContent(models.Model):
    """What the content loader last wrote for one item, so it never overwrites an editor.

    The fingerprint is of the values the loader wrote. If the item's current values no longer
    match it, an editor has changed the item and the loader leaves it alone.
    """

    key = models.CharField(_("item"), max_length=200, unique=True)
    fingerprint = models.CharField(_("fingerprint"), max_length=64)
    loaded_at = models.DateTimeField(_("loaded at"), auto_now=True)

    class Meta:
        verbose_name = _("loaded content record")
        verbose_name_plural = _("loaded content records")

    def __str__(self):
        return self.key


class TranslationEdit(ItemReference):
    """When one language of one translated item was last edited, for the translation status.

    Kept here, keyed by content type and object id, so the content apps need no field of
    their own. `edited_at` is any change to the language's text; `revised_at` only a change
    made while the language was complete and up to date, i.e. new content the other languages
    must follow (catching up with the other language does not make that language outdated).
    `fingerprint` is a hash of the language's text at the last save, to see what changed.
    `seen_sources` keeps the other languages' texts as they were at this language's last edit.
    """

    language = models.CharField(_("language"), max_length=10)
    fingerprint = models.CharField(_("fingerprint"), max_length=64)
    complete = models.BooleanField(_("complete"), default=False)
    edited_at = models.DateTimeField(_("last edited"))
    revised_at = models.DateTimeField(_("last new content"))
    # The other languages' texts ({language: {field: text}}) when this language was last edited:
    # what this translation was made from, so a PO export can show a translator what changed.
    seen_sources = models.JSONField(_("source texts when last edited"), default=dict, blank=True)

    class Meta:
        verbose_name = _("translation edit")
        verbose_name_plural = _("translation edits")
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id", "language"], name="one_edit_per_language")
        ]

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id}:{self.language}"


class Schedule(ItemReference):
    """A change planned for one content item: publish it, or take it off the site, at a time.

    Any model with a reader page and a `published` field can be scheduled (editorial.schedules).
    The runner claims a due row by setting `done_at` in one conditional UPDATE, so two runners
    on two machines never apply the same row twice; `outcome` says what the pass did.
    """

    PUBLISH = "publish"
    UNPUBLISH = "unpublish"
    ACTIONS = [(PUBLISH, _("publish")), (UNPUBLISH, _("unpublish"))]

    action = models.CharField(_("action"), max_length=10, choices=ACTIONS)
    at = models.DateTimeField(_("at"), help_text=_("Bangladesh time (Asia/Dhaka, UTC+6)."))
    done_at = models.DateTimeField(_("done at"), null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        verbose_name=_("created by"),
    )
    outcome = models.CharField(_("outcome"), max_length=200, blank=True, editable=False)

    class Meta:
        verbose_name = _("scheduled change")
        verbose_name_plural = _("scheduled changes")
        ordering = ["at", "pk"]
        indexes = [
            models.Index(fields=["done_at", "at"], name="schedule_due"),
            models.Index(fields=["content_type", "object_id"], name="schedule_item"),
        ]

    def __str__(self):
        return f"{self.get_action_display()} {self.content_type.model} {self.object_id} @ {self.at:%Y-%m-%d %H:%M}"


class Draft(ItemReference):
    """An edit of a live item that readers do not see yet: the item and its inlines, serialized.

    The item's own row stays the live version, so every reader page, list, cache, search index,
    sitemap and feed keeps showing live content without knowing drafts exist. Publishing applies
    the data through the model's normal save() (Markdown renders, signals run once).
    """

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
