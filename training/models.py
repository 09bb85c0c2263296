"""Free and low-cost training programmes, kept by editors as data: who runs one, who may join,
what it costs and pays, how to apply, and where each fact comes from and when it was checked."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from freelanceguide.models import MarkdownPage, PublishedQuerySet, stale_before
from skills.models import Skill


class Status(models.TextChoices):
    # Declaration order is the list's order: what a reader can join now comes first.
    RUNNING = "running", _("Running")
    UNKNOWN = "unknown", _("Current status unknown")
    CLOSED = "closed", _("Closed")


class Laptop(models.TextChoices):
    PROVIDED = "provided", _("A laptop is given to trainees")
    OWN = "own", _("You need your own laptop")
    NOT_NEEDED = "not_needed", _("No own laptop needed")
    UNKNOWN = "unknown", _("Not stated")


STATUS_ORDER = models.Case(
    *(models.When(status=value, then=models.Value(position)) for position, value in enumerate(Status.values)),
    output_field=models.IntegerField(),
)


class ProgrammeQuerySet(PublishedQuerySet):
    def free(self):
        return self.filter(cost_bdt=0)

    def for_women(self):
        """Only for women, or with places kept for women."""
        return self.filter(models.Q(women_only=True) | models.Q(women_share_percent__gt=0))

    def in_reading_order(self):
        return self.order_by(STATUS_ORDER, "position", "slug")

    def stale(self):
        return self.filter(facts_checked_on__lt=stale_before())

    def fresh(self):
        return self.filter(facts_checked_on__gte=stale_before())

    def with_application_dates(self, today):
        """Each programme's next deadline from `today` on, and its next opening after today,
        computed in the same query (no query per programme): see Programme.application_open."""

        def first(**conditions):
            dates = ProgrammeDate.objects.filter(programme=models.OuterRef("pk"), **conditions)
            return models.Subquery(dates.order_by("on").values("on")[:1])

        return self.annotate(
            next_deadline=first(kind=DateKind.DEADLINE, on__gte=today),
            next_opening=first(kind=DateKind.OPENS, on__gt=today),
        )


class Programme(MarkdownPage):
    heading_field = "name"

    name = models.CharField(_("name"), max_length=160)
    organiser = models.CharField(_("who runs it"), max_length=200)
    position = models.PositiveSmallIntegerField(_("position in the list"), default=0)
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.UNKNOWN)
    # Who may join
    age_min = models.PositiveSmallIntegerField(_("youngest age"), null=True, blank=True)
    age_max = models.PositiveSmallIntegerField(_("oldest age"), null=True, blank=True)
    education = models.CharField(_("education needed"), max_length=200, blank=True)
    women_only = models.BooleanField(_("for women only"), default=False)
    women_share_percent = models.PositiveSmallIntegerField(
        _("share of places kept for women (%)"), null=True, blank=True
    )
    where = models.CharField(
        _("where (districts, or online)"), max_length=200, blank=True, help_text=_("Which districts, or online.")
    )
    # What it costs and gives
    cost_bdt = models.PositiveIntegerField(_("fee (taka)"), default=0, help_text=_("0 if the training is free."))
    cost_note = models.CharField(_("about the cost"), max_length=300, blank=True)
    stipend = models.CharField(_("allowance or stipend"), max_length=300, blank=True)
    duration = models.CharField(_("duration"), max_length=120, blank=True)
    laptop = models.CharField(_("laptop"), max_length=10, choices=Laptop.choices, default=Laptop.UNKNOWN)
    needs = models.CharField(_("what you need"), max_length=300, blank=True)
    how_to_apply = models.CharField(_("how to apply"), max_length=400, blank=True)
    url = models.URLField(_("official address"), blank=True)
    # Where the facts come from
    source = models.CharField(_("source of the facts"), max_length=300)
    source_url = models.URLField(_("address of the source"), blank=True)
    facts_checked_on = models.DateField(_("facts checked on"))
    skills = models.ManyToManyField(Skill, blank=True, related_name="programmes", verbose_name=_("skills it teaches"))

    objects = ProgrammeQuerySet.as_manager()

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("training programme")
        verbose_name_plural = _("training programmes")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(age_min__isnull=True)
                | models.Q(age_max__isnull=True)
                | models.Q(age_min__lte=models.F("age_max")),
                name="programme_age_range",
            ),
            models.CheckConstraint(
                condition=models.Q(women_share_percent__isnull=True) | models.Q(women_share_percent__lte=100),
                name="programme_women_share_percent",
            ),
        ]

    def get_absolute_url(self):
        return reverse("training:detail", args=[self.slug])

    @property
    def is_free(self):
        return self.cost_bdt == 0

    @property
    def for_women(self):
        return self.women_only or bool(self.women_share_percent)

    @property
    def application_open(self):
        """A deadline is still ahead, and no opening comes before it (that round has not opened
        yet). Needs with_application_dates()."""
        deadline, opening = getattr(self, "next_deadline", None), getattr(self, "next_opening", None)
        return deadline is not None and (opening is None or opening > deadline)

    @property
    def facts_are_stale(self):
        return self.facts_checked_on < stale_before()


class DateKind(models.TextChoices):
    OPENS = "opens", _("Applications open")
    DEADLINE = "deadline", _("Application deadline")
    TEST = "test", _("Selection test")
    CLASSES = "classes", _("Classes start")


class ProgrammeDateQuerySet(models.QuerySet):
    def upcoming(self, today):
        """Dates from `today` on (a date in Asia/Dhaka: timezone.localdate()), soonest first."""
        return self.filter(on__gte=today).order_by("on", models.F("time").asc(nulls_first=True), "pk")


class ProgrammeDate(models.Model):
    """One announced date of a programme (a round's deadline, its test), with where it was announced."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="dates", verbose_name=_("training programme")
    )
    kind = models.CharField(_("what happens"), max_length=8, choices=DateKind.choices)
    on = models.DateField(_("date"))
    time = models.TimeField(_("time (Bangladesh)"), null=True, blank=True, help_text=_("Leave empty for all day."))
    source_url = models.URLField(_("address of the source"))
    source_name = models.CharField(_("source"), max_length=200)
    checked_on = models.DateField(_("checked on"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects = ProgrammeDateQuerySet.as_manager()

    class Meta:
        ordering = ["on", "time", "pk"]
        verbose_name = _("programme date")
        verbose_name_plural = _("programme dates")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.on}"
