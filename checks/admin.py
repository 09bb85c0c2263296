from django.contrib import admin

from editorial.page_admin import HistoryAdmin, TranslatedAdmin, TranslatedStackedInline

from .models import AccountRisk, AccountRule, AppealRoute, RedFlag


@admin.register(RedFlag)
class RedFlagAdmin(HistoryAdmin, TranslatedAdmin):
    list_display = ("title", "weight", "position", "guide", "published")
    list_filter = ("weight", "published", "course_offer")
    list_editable = ("position",)
    search_fields = ("title_bn", "title_en", "slug", "phrases")
    prepopulated_fields = {"slug": ("title_en",)}
    autocomplete_fields = ("guide",)


class AccountRuleInline(TranslatedStackedInline):
    """Each marketplace's rule; the risk's History keeps them too (reversion follows inlines)."""

    model = AccountRule
    fields = ("marketplace", "rule", "source_name", "source_url", "checked_on", "uncertain", "position")


@admin.register(AccountRisk)
class AccountRiskAdmin(HistoryAdmin, TranslatedAdmin):
    list_display = ("title", "position", "guide", "published")
    list_filter = ("published",)
    list_editable = ("position",)
    search_fields = ("title_bn", "title_en", "slug", "question_bn", "question_en")
    prepopulated_fields = {"slug": ("title_en",)}
    autocomplete_fields = ("guide",)
    inlines = [AccountRuleInline]


@admin.register(AppealRoute)
class AppealRouteAdmin(HistoryAdmin, TranslatedAdmin):
    list_display = ("marketplace", "checked_on", "uncertain", "published")
    list_filter = ("uncertain", "published")
    search_fields = ("slug", "route_bn", "route_en")
