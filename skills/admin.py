from django.contrib import admin

from editorial.page_admin import PageAdmin, TranslatedAdmin, TranslatedStackedInline

from .forms import SkillAdminForm
from .models import LearningResource, Skill, SkillCategory


@admin.register(SkillCategory)
class SkillCategoryAdmin(TranslatedAdmin):
    list_display = ("name", "slug", "position")
    list_editable = ("position",)
    search_fields = ("name_bn", "name_en", "slug")


class LearningResourceInline(TranslatedStackedInline):
    model = LearningResource


@admin.register(Skill)
class SkillAdmin(PageAdmin):
    form = SkillAdminForm
    list_display = ("name", "category", "difficulty", "phone", "highlighted", "published", "updated")
    list_filter = ("published", "category", "difficulty", "phone", "english_needed", "shared_computer", "highlighted")
    search_fields = ("name_bn", "name_en", "slug", "summary_bn", "summary_en")
    prepopulated_fields = {"slug": ("name_en",)}
    inlines = [LearningResourceInline]
