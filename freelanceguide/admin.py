"""Admin pieces every content app shares: tabbed languages and the Markdown editor."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from markdownx.widgets import AdminMarkdownxWidget
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline, TranslationTabularInline
from reversion_compare.admin import CompareVersionAdmin

from .models import LoadedContent


class HistoryAdmin(CompareVersionAdmin):
    """Put first in an admin's bases: every save keeps a revision, and the History page lists
    them, compares any two field by field (each language is its own field) and restores one.
    The models are registered with django-reversion in their own models.py."""


class MarkdownTranslationAdmin(TabbedTranslationAdmin):
    """Both languages in tabs; every language's body gets the Markdown editor and live preview."""

    markdown_fields = ("body",)

    class Media:
        css = {"all": ["css/admin-editor.css"]}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        base_name = getattr(db_field, "translated_field", db_field).name
        if base_name in self.markdown_fields:
            kwargs["widget"] = AdminMarkdownxWidget
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class TranslatedTabularInline(TranslationTabularInline):
    extra = 0


class TranslatedStackedInline(TranslationStackedInline):
    extra = 0


@admin.register(LoadedContent)
class LoadedContentAdmin(admin.ModelAdmin):
    list_display = ("key", "loaded_at")
    search_fields = ("key",)
    readonly_fields = ("key", "fingerprint", "loaded_at")

    def has_add_permission(self, request):
        return False


admin.site.site_header = _("Freelancing guide: editors")
admin.site.site_title = _("Freelancing guide")
