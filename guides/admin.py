from django.contrib import admin

from editorial.page_admin import FactsAgeFilter, PageAdmin, TranslatedAdmin

from .models import Guide, GuideTopic


@admin.register(GuideTopic)
class GuideTopicAdmin(TranslatedAdmin):
    list_display = ("name", "slug", "position")
    search_fields = ("name_bn", "name_en", "slug")


@admin.register(Guide)
class GuideAdmin(PageAdmin):
    list_display = ("title", "topic", "path_position", "published", "facts_checked_on", "updated")
    list_filter = (FactsAgeFilter, "published", "topic")
    search_fields = ("title_bn", "title_en", "slug", "summary_bn", "summary_en")
    prepopulated_fields = {"slug": ("title_en",)}
    filter_horizontal = ("skills", "marketplaces")
    ordering = ("path_position", "slug")
