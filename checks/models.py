"""The checks' editors' data: the red flags of offers (and what each check reads besides)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from guides.models import Guide


class PublishedQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)


class RedFlag(models.Model):
    """One sign that an offer is a trap: the phrases that reveal it, how much it weighs, why it
    is one and what to do. An optional question lets a reader who pastes nothing answer it."""

    class Weight(models.IntegerChoices):
        CAUTION = 1, _("Be careful: common in honest messages too")
        STRONG = 2, _("Strong sign: two make a danger")
        DANGER = 3, _("Danger on its own")

    slug = models.SlugField(
        _("slug"), unique=True, help_text=_("ASCII letters, digits and hyphens; shared by both languages.")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    weight = models.PositiveSmallIntegerField(_("weight"), choices=Weight.choices, default=Weight.STRONG)
    title = models.CharField(_("title"), max_length=200)
    question = models.CharField(
        _("question"),
        max_length=300,
        blank=True,
        help_text=_("A yes-or-no question for the form (leave empty to find this flag in pasted text only)."),
    )
    why = models.TextField(_("why it is a red flag"), help_text=_("One or two plain sentences."))
    advice = models.TextField(_("what to do now"), help_text=_("One or two plain sentences."))
    phrases = models.TextField(
        _("phrases"),
        blank=True,
        help_text=_(
            "One per line, in Bangla, Banglish or English; each is found with its endings, small typos and a "
            "word or two in between. # stands for any number (# taka daily)."
        ),
    )
    course_offer = models.BooleanField(
        _("a course offer"),
        default=False,
        help_text=_("When found, the check also names free programmes that teach the skills the message mentions."),
    )
    guide = models.ForeignKey(
        Guide, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("guide to read")
    )
    published = models.BooleanField(_("published"), default=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("offer red flag")
        verbose_name_plural = _("offer red flags")

    def __str__(self):
        return self.title or self.slug

    def phrase_list(self):
        return tuple(line.strip() for line in self.phrases.splitlines() if line.strip())
