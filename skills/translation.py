from modeltranslation.translator import TranslationOptions, register

from .models import LearningResource, Skill, SkillCategory


@register(SkillCategory)
class SkillCategoryTranslation(TranslationOptions):
    fields = ("name",)


@register(Skill)
class SkillTranslation(TranslationOptions):
    fields = ("name", "summary", "body", "body_html", "toc_html", "reading_minutes", "phone_note", "cheapest_start")


@register(LearningResource)
class LearningResourceTranslation(TranslationOptions):
    fields = ("title", "note")
