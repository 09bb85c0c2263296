from django.db import models
from django.urls import reverse
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
