from modeltranslation.translator import TranslationOptions, register

from .models import Question


@register(Question)
class QuestionTranslation(TranslationOptions):
    fields = ("question", "summary", "body", "body_html", "toc_html", "reading_minutes")
