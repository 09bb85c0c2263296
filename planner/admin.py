from django.contrib import admin

from editorial.page_admin import HistoryAdmin, TranslatedAdmin

from .models import Advice


@admin.register(Advice)
class AdviceAdmin(HistoryAdmin, TranslatedAdmin):
    list_display = ("title", "kind", "week", "position", "guide", "published")
    list_filter = ("kind", "week", "published", "when_device", "when_english", "when_hours", "when_connection")
    list_editable = ("position",)
    search_fields = ("title_bn", "title_en", "slug", "text_bn", "text_en")
    prepopulated_fields = {"slug": ("title_en",)}
    autocomplete_fields = ("guide",)
