from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from freelanceguide.admin import HistoryAdmin, MarkdownTranslationAdmin, TranslatedAdmin, TranslatedTabularInline

from .models import Marketplace, PaymentMethod, Payout


class FactsAgeFilter(admin.SimpleListFilter):
    title = _("fee facts")
    parameter_name = "facts"

    def lookups(self, request, model_admin):
        return [("stale", _("Over a year old")), ("fresh", _("Checked within a year"))]

    def queryset(self, request, queryset):
        if self.value() == "stale":
            return queryset.stale()
        if self.value() == "fresh":
            return queryset.fresh()
        return queryset


@admin.register(PaymentMethod)
class PaymentMethodAdmin(TranslatedAdmin):
    list_display = ("name", "slug", "position")
    search_fields = ("name_bn", "name_en", "slug")


class PayoutInline(TranslatedTabularInline):
    model = Payout


@admin.register(Marketplace)
class MarketplaceAdmin(HistoryAdmin, MarkdownTranslationAdmin):
    list_display = ("name", "facts_checked_on", "highlighted", "published", "updated")
    list_filter = (FactsAgeFilter, "published", "highlighted", "wins_by_gig", "wins_by_proposal", "wins_by_contest")
    search_fields = ("name_bn", "name_en", "slug", "summary_bn", "summary_en")
    prepopulated_fields = {"slug": ("name_en",)}
    filter_horizontal = ("skills",)
    inlines = [PayoutInline]
