"""What readers tell us about a page: counts per page and day, and the few sentences they write.

No reader is identified: no address, no browser, no time finer than the day. Counts are
aggregates (one row per page and day, however many readers answer), so a flood of answers
cannot grow the database beyond one row per page and day; sentences are capped per page and day
(feedback.answers.SENTENCES_PER_PAGE_PER_DAY) and deleted a while after an editor has handled
them (feedback.retention).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Reason(models.TextChoices):
    WRONG_FACTS = "wrong_facts", _("Wrong or old facts")
    HARD = "hard", _("Hard to understand")
    UNANSWERED = "unanswered", _("It did not answer my question")
    OTHER = "other", _("Something else")


class PageDay(models.Model):
    """A page's answers on one day: "did this page help?" and what was missing."""

    path = models.CharField(_("page"), max_length=200)
    day = models.DateField(_("day"))
    yes = models.PositiveIntegerField(_("helped"), default=0)
    no = models.PositiveIntegerField(_("did not help"), default=0)
    wrong_facts = models.PositiveIntegerField(Reason.WRONG_FACTS.label, default=0)
    hard = models.PositiveIntegerField(Reason.HARD.label, default=0)
    unanswered = models.PositiveIntegerField(Reason.UNANSWERED.label, default=0)
    other = models.PositiveIntegerField(Reason.OTHER.label, default=0)

    class Meta:
        verbose_name = _("page's answers of a day")
        verbose_name_plural = _("pages' answers by day")
        constraints = [models.UniqueConstraint(fields=["path", "day"], name="feedback_page_day_once")]
        indexes = [models.Index(fields=["day"], name="feedback_page_day_day")]

    def __str__(self):
        return f"{self.path} ({self.day})"


class Sentence(models.Model):
    """What a reader wrote after "No": shown to editors escaped, deleted after it is handled."""

    path = models.CharField(_("page"), max_length=200)
    day = models.DateField(_("day"))
    reason = models.CharField(_("what was missing"), max_length=12, choices=Reason.choices)
    text = models.TextField(_("what the reader wrote"), max_length=500)
    handled_on = models.DateField(_("handled on"), null=True, blank=True)

    class Meta:
        verbose_name = _("reader's sentence")
        verbose_name_plural = _("readers' sentences")
        ordering = ["-day", "path", "pk"]
        indexes = [models.Index(fields=["path", "day"], name="feedback_sentence_page_day")]

    def __str__(self):
        return self.text[:60]
