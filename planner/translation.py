from modeltranslation.translator import TranslationOptions, register

from .models import Advice


@register(Advice)
class AdviceTranslation(TranslationOptions):
    fields = ("title", "text")
