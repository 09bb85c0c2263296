"""Admin pieces every content app shares: tabbed languages, the Markdown editor, history and the
translation status. Content apps import these bases; editorial/admin.py registers editorial's own models."""

from django.conf import settings
from django.contrib import admin
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from markdownx.widgets import AdminMarkdownxWidget
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline, TranslationTabularInline
from modeltranslation.translator import translator
from reversion_compare.admin import CompareVersionAdmin

from . import translation_status
from .admin_hooks import LinkWarningsAdminMixin
from .conflict_admin import ConflictGuardMixin
from .drafts_admin import DraftAdminMixin
from .schedule_admin import ScheduleAdminMixin


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


class TranslationStatusFilter(admin.SimpleListFilter):
    title = _("translation")
    parameter_name = "translation"

    def lookups(self, request, model_admin):
        choices = []
        for code, name in settings.LANGUAGES:
            for state in (translation_status.MISSING, translation_status.OUTDATED):
                label = translation_status.STATUS_LABELS[state]
                choices.append((f"{code}-{state}", _("%(language)s: %(status)s") % {"language": name, "status": label}))
        choices.append(("complete", _("Every language up to date")))
        return choices

    def queryset(self, request, queryset):
        value = self.value()
        if value == "complete":
            for code, _name in settings.LANGUAGES:
                queryset = translation_status.filter_status(queryset, code, translation_status.UP_TO_DATE)
            return queryset
        code, _sep, state = (value or "").partition("-")
        if code in dict(settings.LANGUAGES) and state in (translation_status.MISSING, translation_status.OUTDATED):
            return translation_status.filter_status(queryset, code, state)
        return queryset


class TranslationStatusAdminMixin:
    """A "translation" column and filter on a translated model's changelist.

    Each row's edit times come from subqueries in the changelist's one query, so the number of
    queries stays the same however many rows are shown. Only hooks get_queryset,
    get_list_display and get_list_filter, calling super(), so it composes with other admin
    classes (put it first in the bases).
    """

    def get_queryset(self, request):
        return translation_status.with_edit_times(super().get_queryset(request))

    def get_list_display(self, request):
        return (*super().get_list_display(request), "translation_status")

    def get_list_filter(self, request):
        return (*super().get_list_filter(request), TranslationStatusFilter)

    @admin.display(description=_("translation"))
    def translation_status(self, obj):
        statuses = translation_status.row_statuses(obj)
        return format_html_join(
            ", ",
            "{}: {}",
            ((name, translation_status.STATUS_LABELS[statuses[code]]) for code, name in settings.LANGUAGES),
        )


class TranslatedAdmin(TranslationStatusAdminMixin, TabbedTranslationAdmin):
    """A translated model's admin: both languages in tabs, and the translation status."""


class HistoryAdmin(ConflictGuardMixin, DraftAdminMixin, CompareVersionAdmin):
    """Put first in an admin's bases: every save keeps a revision,
    edits of live items wait as drafts (editorial/drafts.py), and the History page lists
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
