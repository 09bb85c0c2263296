"""Admin pieces every content app shares: tabbed languages and the Markdown editor."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from markdownx.widgets import AdminMarkdownxWidget
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline, TranslationTabularInline
from modeltranslation.translator import translator
from reversion_compare.admin import CompareVersionAdmin

from .models import LoadedContent


class HistoryAdmin(CompareVersionAdmin):
    """Put first in an admin's bases: every save keeps a revision, and the History page lists
    them, compares any two field by field (each language is its own field) and restores one.

    Registering the admin registers the model with django-reversion, following its inlines (a
    skill's learning resources, a marketplace's payouts), so one revision holds the whole page.
    The admin is loaded after modeltranslation has added the per-language columns, so every
    language is recorded; a decorator on the model class would run too early and miss them.
    """

    # Left out of the comparison (still kept in each revision): what is derived on save.
    derived_fields = ("body_html", "toc_html", "reading_minutes", "created", "updated")

    @property
    def compare_exclude(self):
        """Editors compare what they write, per language: `title [bn]` and `title [en]`, not the
        untranslated column modeltranslation mirrors from the default language, nor the HTML."""
        translated = translator.get_options_for_model(self.model).all_fields
        excluded = set(translated) | set(self.derived_fields)
        for name in self.derived_fields:
            excluded |= {field.name for field in translated.get(name, ())}
        return excluded


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
