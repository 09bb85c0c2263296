"""The "translation" column and filter of every translated list in the admin."""

from django.conf import settings
from django.contrib import admin
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _

from editorial.translations import status as translation_status


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
