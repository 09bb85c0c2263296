from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from editorial.page_admin import (
    FactsAgeFilter,
    FeeFactsAgeFilter,
    HistoryAdmin,
    PageAdmin,
    TranslatedAdmin,
    TranslatedTabularInline,
)

from .models import ContractTerms, ExchangeRate, Marketplace, PaymentMethod, Payout, PayoutStep, RateImport


@admin.register(PaymentMethod)
class PaymentMethodAdmin(TranslatedAdmin):
    list_display = ("name", "slug", "position")
    search_fields = ("name_bn", "name_en", "slug")


class PayoutInline(TranslatedTabularInline):
    model = Payout


class ContractTermsInline(TranslatedTabularInline):
    model = ContractTerms


class PayoutStepInline(TranslatedTabularInline):
    """The marketplace's own withdrawals, with their costs: part of the marketplace's revisions."""

    model = PayoutStep
    fk_name = "marketplace"


@admin.register(Marketplace)
class MarketplaceAdmin(PageAdmin):
    list_display = ("name", "facts_checked_on", "highlighted", "published", "updated")
    list_filter = (
        FeeFactsAgeFilter,
        "published",
        "highlighted",
        "wins_by_gig",
        "wins_by_proposal",
        "wins_by_contest",
        "english_needed",
    )
    search_fields = ("name_bn", "name_en", "slug", "summary_bn", "summary_en")
    prepopulated_fields = {"slug": ("name_en",)}
    filter_horizontal = ("skills",)
    inlines = [PayoutInline, ContractTermsInline, PayoutStepInline]


@admin.register(PayoutStep)
class PayoutStepAdmin(HistoryAdmin, TranslatedAdmin):
    """Every payout step, including those after the marketplace (Payoneer to bKash); the facts
    filter lists the ones checked over a year ago."""

    list_display = ("name", "slug", "marketplace", "method", "checked_on", "source_url")
    list_filter = (FactsAgeFilter, "marketplace", "method")
    search_fields = ("slug", "name_bn", "name_en")
    list_select_related = ("marketplace", "method")


@admin.register(ContractTerms)
class ContractTermsAdmin(HistoryAdmin, TranslatedAdmin):
    list_display = ("slug", "marketplace", "kind", "clearance_days_min", "clearance_days_max", "checked_on")
    list_filter = (FactsAgeFilter, "marketplace", "kind")
    list_select_related = ("marketplace",)


class RateAgeFilter(admin.SimpleListFilter):
    title = _("rate")
    parameter_name = "age"

    def lookups(self, request, model_admin):
        return [("stale", _("Over 30 days old"))]

    def queryset(self, request, queryset):
        return queryset.stale() if self.value() == "stale" else queryset


@admin.register(ExchangeRate)
class ExchangeRateAdmin(HistoryAdmin, TranslatedAdmin):
    list_display = ("rate_on", "taka_per_dollar", "source_url")
    list_filter = (RateAgeFilter,)
    exclude = ("slug",)

    def changelist_view(self, request, extra_context=None):
        warn_about_rate_import(request)
        return super().changelist_view(request, extra_context)


def warn_about_rate_import(request):
    """Tell the editor when the newest daily import failed or was held (the last rate stays)."""
    if (problem := RateImport.latest_problem()) is not None:
        messages.warning(
            request,
            _("The daily import of Bangladesh Bank's rate on %(day)s did not change the rate: %(outcome)s (%(why)s).")
            % {"day": problem.run_on, "outcome": problem.get_outcome_display(), "why": problem.message},
        )


@admin.register(RateImport)
class RateImportAdmin(admin.ModelAdmin):
    """What the daily import did each day; written only by the schedule runner."""

    list_display = ("run_on", "outcome", "rate_on", "taka_per_dollar", "message")
    list_filter = ("outcome",)
    readonly_fields = ("run_on", "started_at", "outcome", "message", "rate_on", "taka_per_dollar")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        warn_about_rate_import(request)
        return super().changelist_view(request, extra_context)
