from modeltranslation.translator import TranslationOptions, register

from .models import RedFlag


@register(RedFlag)
class RedFlagTranslation(TranslationOptions):
    fields = ("title", "question", "why", "advice")
