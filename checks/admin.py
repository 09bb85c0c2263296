from django.contrib import admin

from editorial.page_admin import HistoryAdmin, TranslatedAdmin

from .models import RedFlag


@admin.register(RedFlag)
class RedFlagAdmin(HistoryAdmin, TranslatedAdmin):
    list_display = ("title", "weight", "position", "guide", "published")
    list_filter = ("weight", "published", "course_offer")
    list_editable = ("position",)
    search_fields = ("title_bn", "title_en", "slug", "phrases")
    prepopulated_fields = {"slug": ("title_en",)}
    autocomplete_fields = ("guide",)
