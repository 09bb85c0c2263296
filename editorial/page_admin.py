"""The admin bases every content app composes its admin from: PageAdmin for a content type with
its own reader page, HistoryAdmin, tabbed translations with the Markdown editor, inlines, filters."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from markdownx.widgets import AdminMarkdownxWidget
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline, TranslationTabularInline
from modeltranslation.translator import translator
from reversion_compare.admin import CompareVersionAdmin

from editorial.conflicts.admin import ConflictGuardMixin
from editorial.drafts.admin import DraftAdminMixin
from editorial.links.admin import LinkWarningsAdminMixin
from editorial.schedules.admin import ScheduleAdminMixin
from editorial.translations.admin import TranslationStatusAdminMixin


class FactsAgeFilter(admin.SimpleListFilter):
    """Items whose dated facts (`facts_checked_on`) are over a year old; needs stale()/fresh()."""

    title = _("facts")
    parameter_name = "facts"

    def lookups(self, request, model_admin):
        return [("stale", _("Over a year old")), ("fresh", _("Checked within a year"))]

    def queryset(self, request, queryset):
        if self.value() == "stale":
            return queryset.stale()
        if self.value() == "fresh":
            return queryset.fresh()
        return queryset


class FeeFactsAgeFilter(FactsAgeFilter):
    title = _("fee facts")


class TranslatedAdmin(TranslationStatusAdminMixin, TabbedTranslationAdmin):
    """A translated model's admin: both languages in tabs, and the translation status."""


class HistoryAdmin(ConflictGuardMixin, DraftAdminMixin, CompareVersionAdmin):
    """Put first in an admin's bases: every save keeps a revision,
    edits of live items wait as drafts (editorial/drafts/), and the History page lists
    them, compares any two field by field (each language is its own field) and restores one.

    Registering the admin registers the model with django-reversion, following its inlines (a
    skill's learning resources, a marketplace's payouts), so one revision holds the whole page.
    The admin is loaded after modeltranslation has added the per-language columns, so every
    language is recorded; a decorator on the model class would run too early and miss them.
    A save over a version the editor never saw is refused (ConflictGuardMixin).
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


class MarkdownTranslationAdmin(TranslatedAdmin):
    """Both languages in tabs; every language's body gets the Markdown editor and live preview."""

    markdown_fields = ("body",)

    class Media:
        css = {"all": ["css/admin-editor.css"]}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        base_name = getattr(db_field, "translated_field", db_field).name
        if base_name in self.markdown_fields:
            kwargs["widget"] = AdminMarkdownxWidget
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class PageAdmin(LinkWarningsAdminMixin, ScheduleAdminMixin, HistoryAdmin, MarkdownTranslationAdmin):
    """The admin of every content type with its own reader page (guides, skills, marketplaces,
    glossary terms, programmes): link warnings after a save, "publish at / unpublish at",
    revisions with drafts and conflict guard, both languages in tabs with the Markdown editor
    and the translation status. editorial.checks refuses a page model whose admin is not one.
    """


class TranslatedTabularInline(TranslationTabularInline):
    extra = 0


class TranslatedStackedInline(TranslationStackedInline):
    extra = 0
