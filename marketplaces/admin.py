from django.contrib import admin

from freelanceguide.admin import (
    FeeFactsAgeFilter,
    HistoryAdmin,
    MarkdownTranslationAdmin,
    TranslatedAdmin,
    TranslatedTabularInline,
)

from .models import Marketplace, PaymentMethod, Payout


@admin.register(PaymentMethod)
class PaymentMethodAdmin(TranslatedAdmin):
    list_display = ("name", "slug", "position")
    search_fields = ("name_bn", "name_en", "slug")


class PayoutInline(TranslatedTabularInline):
    model = Payout


@admin.register(Marketplace)
class MarketplaceAdmin(HistoryAdmin, MarkdownTranslationAdmin):
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
    inlines = [PayoutInline]
