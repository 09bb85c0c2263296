import datetime

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from freelanceguide.models import MarkdownPage, OrderedTranslatedName, PublishedQuerySet, stale_before
from skills.models import EnglishLevel, Skill


class PaymentMethod(OrderedTranslatedName):
    summary = models.CharField(_("summary"), max_length=400, blank=True)

    class Meta(OrderedTranslatedName.Meta):
        verbose_name = _("payment method")
        verbose_name_plural = _("payment methods")


class MarketplaceQuerySet(PublishedQuerySet):
    def stale(self):
        return self.filter(facts_checked_on__lt=stale_before())

    def fresh(self):
        return self.filter(facts_checked_on__gte=stale_before())

    def with_payouts(self):
        """Each marketplace's ways to get paid, with their payment method, in one extra query."""
        return self.prefetch_related(models.Prefetch("payouts", queryset=Payout.objects.select_related("method")))


# How work is won on a marketplace: one boolean field per way, in display order,
# with a short label (comparison table) and an explanation (marketplace page).
WIN_WAYS = [
    ("wins_by_gig", _("Gig listings"), _("Gig listings: you list a fixed-price service and buyers order it")),
    ("wins_by_proposal", _("Proposals"), _("Proposals: you bid on jobs that clients post")),
    ("wins_by_contest", _("Contests"), _("Contests: many submit work, the client picks and pays one")),
    ("wins_by_hourly", _("Hourly work"), _("Hourly contracts: paid for tracked hours")),
]


class Marketplace(MarkdownPage):
    heading_field = "name"

    name = models.CharField(_("name"), max_length=120)
    website = models.URLField(_("website"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    highlighted = models.BooleanField(_("highlight on the home page"), default=False)
    wins_by_gig = models.BooleanField(_("gig listings"), default=False)
    wins_by_proposal = models.BooleanField(_("proposals / bids"), default=False)
    wins_by_contest = models.BooleanField(_("contests"), default=False)
    wins_by_hourly = models.BooleanField(_("hourly contracts"), default=False)
    freelancer_fee_min = models.DecimalField(_("freelancer's fee from (%)"), max_digits=5, decimal_places=2)
    freelancer_fee_max = models.DecimalField(_("freelancer's fee to (%)"), max_digits=5, decimal_places=2)
    client_fee_min = models.DecimalField(_("client's fee from (%)"), max_digits=5, decimal_places=2)
    client_fee_max = models.DecimalField(_("client's fee to (%)"), max_digits=5, decimal_places=2)
    fee_note = models.TextField(_("fees explained"), blank=True)
    fee_source_url = models.URLField(_("source of the fee facts"))
    facts_checked_on = models.DateField(_("facts checked on"))
    pros = models.TextField(_("pros for a beginner"), blank=True, help_text=_("One point per line."))
    cons = models.TextField(_("cons for a beginner"), blank=True, help_text=_("One point per line."))
    # For the self-check (planner/); empty by default so the content loader still recognises
    # marketplaces loaded before the field existed.
    english_needed = models.CharField(
        _("English needed"),
        max_length=12,
        choices=EnglishLevel.choices,
        default="",
        help_text=_("The least English a beginner needs to win work here (proposals and messages)."),
    )
    skills = models.ManyToManyField(
        Skill, related_name="marketplaces", blank=True, verbose_name=_("skills it suits best")
    )

    objects = MarketplaceQuerySet.as_manager()

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("marketplace")
        verbose_name_plural = _("marketplaces")

    def get_absolute_url(self):
        return reverse("marketplaces:detail", args=[self.slug])

    @property
    def facts_are_stale(self):
        return self.facts_checked_on < stale_before()

    @property
    def win_ways(self):
        return [explained for field, _short, explained in WIN_WAYS if getattr(self, field)]

    @property
    def win_ways_short(self):
        return [short for field, short, _explained in WIN_WAYS if getattr(self, field)]

    @property
    def pro_list(self):
        return [line.strip() for line in self.pros.splitlines() if line.strip()]

    @property
    def con_list(self):
        return [line.strip() for line in self.cons.splitlines() if line.strip()]


class Payout(models.Model):
    """One way money reaches Bangladesh from one marketplace."""

    marketplace = models.ForeignKey(
        Marketplace, on_delete=models.CASCADE, related_name="payouts", verbose_name=_("marketplace")
    )
    method = models.ForeignKey(
        PaymentMethod, on_delete=models.PROTECT, related_name="payouts", verbose_name=_("payment method")
    )
    fee_usd = models.DecimalField(_("fee per withdrawal (USD)"), max_digits=7, decimal_places=2, null=True, blank=True)
    wait_days_min = models.PositiveSmallIntegerField(_("days to arrive (from)"), null=True, blank=True)
    wait_days_max = models.PositiveSmallIntegerField(_("days to arrive (to)"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("way to get paid")
        verbose_name_plural = _("ways to get paid")

    def __str__(self):
        return f"{self.marketplace} → {self.method}"


# --- Money facts: what the calculator at /money/ computes with (see marketplaces/money.py). ---

# A US dollar rate older than this shows readers a caution and is listed for editors.
RATE_MAX_AGE = datetime.timedelta(days=30)


class FactsQuerySet(models.QuerySet):
    """Rows with a `checked_on` date: stale ones are over a year old (like marketplaces' fees)."""

    def stale(self):
        return self.filter(checked_on__lt=stale_before())

    def fresh(self):
        return self.filter(checked_on__gte=stale_before())


class DatedFacts(models.Model):
    source_url = models.URLField(_("source"))
    checked_on = models.DateField(_("checked on"))
    note = models.CharField(
        _("note for readers"),
        max_length=400,
        blank=True,
        help_text=_("Say “uncertain” here when the source is weak."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects = FactsQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["position", "id"]

    @property
    def is_stale(self):
        return self.checked_on < stale_before()


class ContractTerms(DatedFacts):
    """How long a marketplace holds earned money for one kind of contract, and its minimum fee."""

    KINDS = [
        ("fixed", _("fixed-price contract")),
        ("hourly", _("hourly contract")),
        ("gig", _("gig order")),
        ("contest", _("contest prize")),
    ]
    slug = models.SlugField(_("slug"), unique=True, help_text=_("ASCII: marketplace and contract, e.g. upwork-hourly."))
    marketplace = models.ForeignKey(
        Marketplace, on_delete=models.CASCADE, related_name="contract_terms", verbose_name=_("marketplace")
    )
    kind = models.CharField(_("kind of contract"), max_length=20, choices=KINDS)
    clearance_days_min = models.PositiveSmallIntegerField(_("days until the money can be withdrawn (from)"))
    clearance_days_max = models.PositiveSmallIntegerField(_("days until the money can be withdrawn (to)"))
    minimum_fee_usd = models.DecimalField(
        _("smallest marketplace fee (USD)"), max_digits=7, decimal_places=2, null=True, blank=True
    )

    class Meta(DatedFacts.Meta):
        verbose_name = _("contract terms")
        verbose_name_plural = _("contract terms")

    def __str__(self):
        return f"{self.marketplace_id}: {self.get_kind_display()}"


class PayoutStep(DatedFacts):
    """One step money takes on its way home, with what it costs.

    With a marketplace: the marketplace's withdrawal to a payment method (Fiverr to Payoneer,
    Upwork direct to a local bank). Without one: the step after it, from that payment method
    to a bank account or bKash in Bangladesh (Payoneer to bKash), shared by every marketplace
    that pays into the method. A route is a marketplace's withdrawal plus, when the method has
    them, one onward step; it must convert dollars to taka somewhere (a conversion spread).
    """

    INCENTIVE_CHOICES = [
        ("none", _("no government incentive")),
        ("unconfirmed", _("may apply: not confirmed by a source")),
        ("confirmed", _("confirmed by the source")),
    ]
    slug = models.SlugField(_("slug"), unique=True, help_text=_("ASCII, e.g. fiverr-payoneer or payoneer-bkash."))
    marketplace = models.ForeignKey(
        Marketplace,
        on_delete=models.CASCADE,
        related_name="payout_steps",
        null=True,
        blank=True,
        verbose_name=_("marketplace"),
        help_text=_("Empty for a step after the money has left the marketplace (Payoneer to bKash)."),
    )
    method = models.ForeignKey(
        PaymentMethod,
        on_delete=models.PROTECT,
        related_name="payout_steps",
        verbose_name=_("payment method"),
        help_text=_("Where a marketplace sends the money; for a step without a marketplace, where it leaves from."),
    )
    name = models.CharField(_("name"), max_length=120, help_text=_("e.g. “Payoneer, then bKash”."))
    fixed_fee_usd = models.DecimalField(_("fixed fee (USD)"), max_digits=7, decimal_places=2, default=0)
    fixed_fee_usd_max = models.DecimalField(
        _("fixed fee up to (USD)"), max_digits=7, decimal_places=2, null=True, blank=True, help_text=_("Empty: fixed.")
    )
    percent_fee = models.DecimalField(_("percent fee (%)"), max_digits=5, decimal_places=2, default=0)
    percent_fee_max = models.DecimalField(
        _("percent fee up to (%)"), max_digits=5, decimal_places=2, null=True, blank=True, help_text=_("Empty: fixed.")
    )
    spread_percent = models.DecimalField(
        _("conversion to taka: below the reference rate by (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Empty when this step does not convert dollars to taka."),
    )
    spread_percent_max = models.DecimalField(
        _("conversion: up to (%)"), max_digits=5, decimal_places=2, null=True, blank=True, help_text=_("Empty: fixed.")
    )
    minimum_usd = models.DecimalField(_("smallest amount (USD)"), max_digits=9, decimal_places=2, null=True, blank=True)
    minimum_bdt = models.DecimalField(
        _("smallest amount (taka)"), max_digits=11, decimal_places=2, null=True, blank=True
    )
    maximum_bdt = models.DecimalField(
        _("largest amount per transfer (taka)"), max_digits=11, decimal_places=2, null=True, blank=True
    )
    days_min = models.PositiveSmallIntegerField(_("days to arrive (from)"), default=0)
    days_max = models.PositiveSmallIntegerField(_("days to arrive (to)"), default=0)
    incentive = models.CharField(
        _("government incentive on arrival"), max_length=20, choices=INCENTIVE_CHOICES, default="none"
    )
    incentive_percent = models.DecimalField(_("incentive (%)"), max_digits=5, decimal_places=2, null=True, blank=True)

    class Meta(DatedFacts.Meta):
        verbose_name = _("payout step with its costs")
        verbose_name_plural = _("payout steps with their costs")

    def __str__(self):
        return self.name or self.slug


class ExchangeRateQuerySet(models.QuerySet):
    def latest_first(self):
        return self.order_by("-rate_on", "-pk")

    def stale(self):
        return self.filter(rate_on__lt=timezone.localdate() - RATE_MAX_AGE)


class ExchangeRate(models.Model):
    """The reference US dollar to taka rate on a day; the newest one is used. The schedule
    runner imports Bangladesh Bank's rate once a day (marketplaces/rate_import.py); editors
    enter one by hand or with `manage.py import_exchange_rate`. Reader pages never ask another host."""

    slug = models.SlugField(_("slug"), unique=True, help_text=_("The date, e.g. 2026-02-26."))
    rate_on = models.DateField(_("rate on"), unique=True)
    taka_per_dollar = models.DecimalField(_("taka for one US dollar"), max_digits=8, decimal_places=4)
    source_url = models.URLField(_("source"))
    note = models.CharField(_("note for readers"), max_length=400, blank=True)

    objects = ExchangeRateQuerySet.as_manager()

    class Meta:
        ordering = ["-rate_on"]
        verbose_name = _("US dollar rate")
        verbose_name_plural = _("US dollar rates")

    def __str__(self):
        return f"{self.rate_on}: {self.taka_per_dollar}"

    def save(self, *args, **kwargs):
        self.slug = self.slug or self.rate_on.isoformat()
        super().save(*args, **kwargs)

    @property
    def is_stale(self):
        return self.rate_on < timezone.localdate() - RATE_MAX_AGE


class RateImport(models.Model):
    """One day's attempt to import the US dollar rate from Bangladesh Bank (marketplaces/rate_import.py).

    The unique day lets one schedule runner claim the day's import; a failed or held import
    keeps the newest rate and stays listed for editors until a later import succeeds."""

    RUNNING, IMPORTED, UNCHANGED, FAILED, HELD = "running", "imported", "unchanged", "failed", "held"
    OUTCOMES = [
        (RUNNING, _("running")),
        (IMPORTED, _("new rate saved")),
        (UNCHANGED, _("no newer rate published")),
        (FAILED, _("failed: the last rate stays")),
        (HELD, _("held for an editor: the last rate stays")),
    ]
    NEEDS_EDITOR = (FAILED, HELD)

    run_on = models.DateField(_("day"), unique=True)
    started_at = models.DateTimeField(_("started at"), auto_now_add=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=OUTCOMES, default=RUNNING)
    message = models.CharField(_("what happened"), max_length=400, blank=True)
    rate_on = models.DateField(_("rate on the page for"), null=True, blank=True)
    taka_per_dollar = models.DecimalField(_("rate on the page"), max_digits=8, decimal_places=4, null=True, blank=True)

    class Meta:
        ordering = ["-run_on"]
        verbose_name = _("daily rate import")
        verbose_name_plural = _("daily rate imports")

    def __str__(self):
        return f"{self.run_on}: {self.get_outcome_display()}"

    @property
    def needs_editor(self):
        return self.outcome in self.NEEDS_EDITOR

    @classmethod
    def latest_problem(cls):
        """The newest import, when it failed or was held (editors should look), else None."""
        latest = cls.objects.exclude(outcome=cls.RUNNING).first()
        return latest if latest is not None and latest.needs_editor else None
