from modeltranslation.translator import TranslationOptions, register

from .models import Term, TermTopic


@register(TermTopic)
class TermTopicTranslation(TranslationOptions):
    fields = ("name",)


@register(Term)
class TermTranslation(TranslationOptions):
    fields = ("name", "summary", "body", "body_html", "toc_html", "reading_minutes")
