from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from editorial.page_admin import PageAdmin

from .models import Question


class WaitingFilter(admin.SimpleListFilter):
    """The moderation queue: questions readers sent that no editor has answered and published."""

    title = _("moderation")
    parameter_name = "waiting"

    def lookups(self, request, model_admin):
        return [("yes", _("waiting for an answer"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.waiting()
        return queryset


@admin.register(Question)
class QuestionAdmin(PageAdmin):
    list_display = ("__str__", "asked_on", "asked_language", "published", "updated")
    list_filter = (WaitingFilter, "published", "asked_language")
    search_fields = ("asked_text", "question_bn", "question_en", "slug")
    # The reader's words are shown as text (escaped by the admin), never edited or rendered.
    readonly_fields = ("asked_text", "asked_language", "asked_on")
    filter_horizontal = ("guides", "skills", "marketplaces")
    date_hierarchy = "asked_on"
