from django.contrib import admin

from editorial.page_admin import FactsAgeFilter, PageAdmin

from .models import Programme, ProgrammeDate


class ProgrammeDateInline(admin.TabularInline):
    """Announced dates; the programme's History keeps them too (reversion follows a PageAdmin's inlines)."""

    model = ProgrammeDate
    extra = 0
    fields = ("kind", "on", "time", "source_name", "source_url", "checked_on")


@admin.register(Programme)
class ProgrammeAdmin(PageAdmin):
    list_display = ("name", "organiser", "status", "cost_bdt", "women_only", "facts_checked_on", "published")
    list_filter = (FactsAgeFilter, "status", "published", "women_only", "laptop")
    search_fields = ("name_bn", "name_en", "slug", "organiser_bn", "organiser_en")
    prepopulated_fields = {"slug": ("name_en",)}
    filter_horizontal = ("skills",)
    inlines = [ProgrammeDateInline]
