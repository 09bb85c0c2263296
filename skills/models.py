import json

from django.db import models
from django.db.models.aggregates import StringAgg
from django.db.models.functions import Cast, JSONObject
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from freelanceguide.models import MarkdownPage, OrderedTranslatedName, PublishedQuerySet, language_codes


class SkillCategory(OrderedTranslatedName):
    class Meta(OrderedTranslatedName.Meta):
        verbose_name = _("skill category")
        verbose_name_plural = _("skill categories")


class Difficulty(models.TextChoices):
    BEGINNER = "beginner", _("Beginner")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")


class PhoneFit(models.TextChoices):
    YES = "yes", _("Can be done on a phone")
    PARTLY = "partly", _("Partly on a phone")
    NO = "no", _("Needs a computer")


class JSONRow(JSONObject):
    """JSONObject without its check, on SQLite, that the JSON functions exist: that check is a
    query of its own the first time a connection meets one, which would land on the first skill
    page each worker serves. SQLite has the JSON functions built in since 3.38."""

    def as_sqlite(self, compiler, connection, **extra_context):
        return models.Func.as_sql(self, compiler, connection, **extra_context)


class SkillQuerySet(PublishedQuerySet):
    def with_resources(self):
        """Each skill's learning resources carried in the skill's own row (as JSON), read back by
        `Skill.learning_resources`: a skill page then needs no query of its own for them, which
        leaves room in its budget of 4 queries for the training programmes that teach it."""
        columns = ["id", "kind", "url", "language", "cost_min_bdt", "cost_max_bdt", "position"]
        columns += [f"{name}_{code}" for name in ("title", "note") for code in language_codes()]
        rows = (
            LearningResource.objects.filter(skill=models.OuterRef("pk"))
            .order_by()
            .values("skill")
            .annotate(
                rows=StringAgg(
                    Cast(JSONRow(**{column: column for column in columns}), models.TextField()),
                    delimiter=models.Value(","),
                )
            )
            .values("rows")
        )
        return self.annotate(resource_rows=models.Subquery(rows))


class EnglishLevel(models.TextChoices):
    """How much English: what a skill or marketplace needs, and what a reader says they have.

    In order; the self-check compares them by position (planner/)."""

    LITTLE = "little", _("Reads a little English")
    SIMPLE = "simple", _("Reads and writes simple messages")
    COMFORTABLE = "comfortable", _("Comfortable in English")

    @classmethod
    def rank(cls, value):
        """0, 1, 2 in the order above; an unset value counts as the most English."""
        values = cls.values
        return values.index(value) if value in values else len(values) - 1


class Interest(models.TextChoices):
    """What a reader enjoys, as the self-check asks it; a skill lists the ones it suits."""

    DESIGN = "design", _("Drawing and design")
    WRITING = "writing", _("Writing")
    NUMBERS = "numbers", _("Numbers and organising")
    TECH = "tech", _("Technology and code")
    PEOPLE = "people", _("Talking to people and helping")
    VIDEO = "video", _("Video and social media")


class Skill(MarkdownPage):
    heading_field = "name"

    name = models.CharField(_("name"), max_length=120)
    category = models.ForeignKey(
        SkillCategory, on_delete=models.PROTECT, related_name="skills", verbose_name=_("category")
    )
    position = models.PositiveSmallIntegerField(_("position in its category"), default=0)
    difficulty = models.CharField(_("difficulty"), max_length=12, choices=Difficulty.choices)
    months_min = models.PositiveSmallIntegerField(_("months to first paid work (from)"))
    months_max = models.PositiveSmallIntegerField(_("months to first paid work (to)"))
    tools = models.CharField(_("tools"), max_length=300, blank=True, help_text=_("Comma-separated names."))
    phone = models.CharField(_("works on a phone?"), max_length=6, choices=PhoneFit.choices)
    phone_note = models.CharField(_("why (phone)"), max_length=300, blank=True)
    highlighted = models.BooleanField(_("highlight on the home page"), default=False)
    # What the self-check (planner/) matches a reader's answers against. Editors own this advice.
    # Defaults are empty or zero so the content loader still recognises skills loaded before
    # these fields existed (editorial.content.LATER_FIELDS).
    english_needed = models.CharField(
        _("English needed"),
        max_length=12,
        choices=EnglishLevel.choices,
        default="",
        help_text=_("The least English a beginner needs to learn this skill and deal with clients."),
    )
    shared_computer = models.BooleanField(
        _("can be done on a shared or cyber-café computer"),
        default=False,
        help_text=_("Tick when the tools run in a browser and work is saved online, with nothing to install."),
    )
    heavy_data = models.BooleanField(
        _("needs big downloads or uploads"),
        default=False,
        help_text=_("Tick when the work is hard on mobile data (video files, large installs)."),
    )
    hours_per_week = models.PositiveSmallIntegerField(
        _("hours a week it needs"),
        default=0,
        help_text=_(
            "The weekly practice behind 'months to first paid work'. Readers with fewer hours are not sent here."
        ),
    )
    interests = models.CharField(
        _("interests it suits"),
        max_length=100,
        blank=True,
        default="",
        help_text=_("What a reader who would enjoy this skill likes doing."),
    )
    start_cost_bdt = models.PositiveIntegerField(
        _("money needed to start (taka)"),
        default=0,
        help_text=_("0 when it can be started for free. Readers with less to spend are not sent here."),
    )
    cheapest_start = models.CharField(
        _("cheapest way to start"),
        max_length=300,
        blank=True,
        help_text=_("One sentence: what a beginner with no money uses to start."),
    )

    objects = SkillQuerySet.as_manager()

    class Meta:
        ordering = ["category__position", "position", "slug"]
        verbose_name = _("skill")
        verbose_name_plural = _("skills")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(months_min__lte=models.F("months_max")), name="skill_months_range"
            )
        ]

    def get_absolute_url(self):
        return reverse("skills:detail", args=[self.slug])

    @property
    def learning_resources(self):
        """The resources loaded by `Skill.objects.with_resources()`, in their order."""
        rows = json.loads(f"[{self.resource_rows or ''}]")
        resources = [LearningResource(skill_id=self.pk, **row) for row in rows]
        return sorted(resources, key=lambda resource: (resource.position, resource.pk))

    @property
    def tool_list(self):
        return [tool.strip() for tool in self.tools.split(",") if tool.strip()]

    @property
    def phone_friendly(self):
        return self.phone in (PhoneFit.YES, PhoneFit.PARTLY)

    @property
    def interest_list(self):
        return [code for code in self.interests.split(",") if code in Interest.values]


class ResourceKind(models.TextChoices):
    FREE_VIDEO = "free_video", _("Free online course or video")
    PAID_COURSE = "paid_course", _("Paid online course")
    TRAINING_CENTRE = "training_centre", _("Training centre")
    BOOK = "book", _("Book or written guide")


class ResourceLanguage(models.TextChoices):
    BN = "bn", _("In Bangla")
    EN = "en", _("In English")


class LearningResource(models.Model):
    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="resources", verbose_name=_("skill"))
    kind = models.CharField(_("kind"), max_length=16, choices=ResourceKind.choices)
    title = models.CharField(_("title"), max_length=200)
    url = models.URLField(_("address"), blank=True)
    language = models.CharField(_("language"), max_length=2, choices=ResourceLanguage.choices)
    cost_min_bdt = models.PositiveIntegerField(_("cost from (taka)"), null=True, blank=True)
    cost_max_bdt = models.PositiveIntegerField(_("cost to (taka)"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("learning resource")
        verbose_name_plural = _("learning resources")

    def __str__(self):
        return self.title

    @property
    def is_free(self):
        return not self.cost_max_bdt
