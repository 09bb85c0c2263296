from django.contrib import admin

from editorial.page_admin import PageAdmin, TranslatedAdmin

from .models import Term, TermTopic


@admin.register(TermTopic)
class TermTopicAdmin(TranslatedAdmin):
    list_display = ("name", "slug", "position")
    list_editable = ("position",)
    search_fields = ("name_bn", "name_en", "slug")


@admin.register(Term)
class TermAdmin(PageAdmin):
    list_display = ("name", "topic", "guide_slug", "published", "updated")
    list_filter = ("published", "topic")
    search_fields = ("name_bn", "name_en", "slug", "search_aliases", "summary_bn", "summary_en")
    prepopulated_fields = {"slug": ("name_en",)}
    filter_horizontal = ("related",)
