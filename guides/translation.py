from modeltranslation.translator import TranslationOptions, register

from .models import Guide, GuideTopic


@register(GuideTopic)
class GuideTopicTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Guide)
class GuideTranslation(TranslationOptions):
    fields = ("title", "summary", "body", "body_html", "toc_html", "reading_minutes")
