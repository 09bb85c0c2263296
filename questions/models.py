"""Questions readers ask, answered by editors.

A reader's question arrives unpublished with its raw words (`asked_text`, never shown
publicly) and the day. An editor writes the question as it is shown (`question`, both
languages) and the answer (the page body, Markdown through the one pipeline), links it to the
guides, skills and marketplaces it is about, and publishes it. Until then it is on no public
page and in no search. This app depends on guides, skills and marketplaces, never the reverse:
their pages get their questions through freelanceguide.page_extras (questions.linked).
"""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from freelanceguide.models import MarkdownPage, PublishedQuerySet

MAX_QUESTION_CHARS = 1000


def placeholder_slug():
    return f"q-{secrets.token_hex(4)}"


class QuestionQuerySet(PublishedQuerySet):
    def waiting(self):
        """The moderation queue: sent by readers, not yet answered or published."""
        unanswered = (models.Q(body_bn="") | models.Q(body_bn__isnull=True)) & (
            models.Q(body_en="") | models.Q(body_en__isnull=True)
        )
        return self.filter(unanswered, published=False)


class Question(MarkdownPage):
    heading_field = "question"
    objects = QuestionQuerySet.as_manager()

    slug = models.SlugField(
        _("slug"),
        unique=True,
        default=placeholder_slug,
        help_text=_(
            "ASCII letters, digits and hyphens; shared by both languages. Give it a readable one before publishing."
        ),
    )
    question = models.CharField(
        _("question as shown"),
        max_length=300,
        blank=True,
        help_text=_("The reader's question as readers will see it: edited for clarity, no name or contact detail."),
    )
    body = models.TextField(_("answer (Markdown)"), blank=True)
    published = models.BooleanField(_("published"), default=False)
    asked_text = models.TextField(_("the reader's own words"), blank=True, editable=True)
    asked_language = models.CharField(_("asked in"), max_length=5, choices=settings.LANGUAGES, blank=True)
    asked_on = models.DateField(_("asked on"), null=True, blank=True)
    guides = models.ManyToManyField("guides.Guide", blank=True, related_name="questions", verbose_name=_("guides"))
    skills = models.ManyToManyField("skills.Skill", blank=True, related_name="questions", verbose_name=_("skills"))
    marketplaces = models.ManyToManyField(
        "marketplaces.Marketplace", blank=True, related_name="questions", verbose_name=_("marketplaces")
    )

    class Meta:
        ordering = ["slug"]
        verbose_name = _("reader question")
        verbose_name_plural = _("reader questions")

    def __str__(self):
        return self.question or (self.asked_text or "")[:60] or self.slug

    def get_absolute_url(self):
        return reverse("questions:detail", args=[self.slug])

    @property
    def answer_html(self):
        return self.body_html

    @property
    def answered(self):
        return bool(self.body_bn or self.body_en)
