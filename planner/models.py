"""The self-check's answers and the advice editors attach to them (checklist steps, cautions)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from guides.models import Guide
from skills.models import EnglishLevel


class Device(models.TextChoices):
    PHONE = "phone", _("Only a phone")
    SHARED = "shared", _("A shared or cyber-café computer")
    OWN = "own", _("My own computer or laptop")


class Hours(models.TextChoices):
    UNDER_10 = "under10", _("Under 10 hours")
    FROM_10_TO_20 = "10to20", _("10 to 20 hours")
    OVER_20 = "over20", _("Over 20 hours")


class Budget(models.TextChoices):
    NONE = "none", _("None")
    UP_TO_5000 = "upto5000", _("Up to about ৳5,000")
    MORE = "more", _("More")


class Connection(models.TextChoices):
    MOBILE = "mobile", _("Mobile data only")
    BROADBAND = "broadband", _("Broadband or Wi-Fi")


# The most a reader can give or spend for each answer (None: no limit); skills needing more are
# not recommended (skills.Skill.hours_per_week, start_cost_bdt).
MAX_HOURS = {Hours.UNDER_10: 9, Hours.FROM_10_TO_20: 20, Hours.OVER_20: None}
MAX_BUDGET_BDT = {Budget.NONE: 0, Budget.UP_TO_5000: 5000, Budget.MORE: None}


class AdviceKind(models.TextChoices):
    STEP = "step", _("Checklist step")
    CAUTION = "caution", _("Caution")


class LinkTo(models.TextChoices):
    NOTHING = "", _("Only the guide, if any")
    SKILL = "skill", _("The reader's first recommended skill")
    MARKETPLACE = "marketplace", _("The reader's first suitable marketplace")


class AdviceQuerySet(models.QuerySet):
    def published(self):
        # A step that links an unpublished guide would send readers to a 404.
        return self.filter(published=True).filter(models.Q(guide__isnull=True) | models.Q(guide__published=True))


class Advice(models.Model):
    """One step of the first-four-weeks checklist, or one caution, shown when its conditions match.

    An empty condition matches every answer, and a missing answer; a set one matches only that
    answer.
    """

    slug = models.SlugField(
        _("slug"), unique=True, help_text=_("ASCII letters, digits and hyphens; shared by both languages.")
    )
    kind = models.CharField(_("kind"), max_length=8, choices=AdviceKind.choices, default=AdviceKind.STEP)
    week = models.PositiveSmallIntegerField(
        _("week"),
        null=True,
        blank=True,
        choices=[(n, n) for n in range(1, 5)],
        help_text=_("1 to 4, for checklist steps."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"), blank=True, help_text=_("One or two plain sentences."))
    guide = models.ForeignKey(
        Guide,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("guide to read"),
    )
    link_to = models.CharField(_("also link"), max_length=12, choices=LinkTo.choices, blank=True, default="")
    when_device = models.CharField(_("only when the device is"), max_length=8, choices=Device.choices, blank=True)
    when_english = models.CharField(
        _("only when the English is"), max_length=12, choices=EnglishLevel.choices, blank=True
    )
    when_hours = models.CharField(_("only when the hours are"), max_length=8, choices=Hours.choices, blank=True)
    when_budget = models.CharField(_("only when the budget is"), max_length=8, choices=Budget.choices, blank=True)
    when_connection = models.CharField(
        _("only when the connection is"), max_length=10, choices=Connection.choices, blank=True
    )
    published = models.BooleanField(_("published"), default=True)

    objects = AdviceQuerySet.as_manager()

    CONDITIONS = ("device", "english", "hours", "budget", "connection")

    class Meta:
        ordering = ["kind", "week", "position", "slug"]
        verbose_name = _("plan advice")
        verbose_name_plural = _("plan advice")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind="caution") | models.Q(week__isnull=False), name="advice_step_has_week"
            )
        ]

    def __str__(self):
        return self.title or self.slug

    def applies_to(self, answers):
        """True when every condition set here equals the reader's answer to that question."""
        return all(
            not getattr(self, f"when_{name}") or getattr(self, f"when_{name}") == getattr(answers, name)
            for name in self.CONDITIONS
        )
