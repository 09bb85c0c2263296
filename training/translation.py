from modeltranslation.translator import TranslationOptions, register

from .models import Programme


@register(Programme)
class ProgrammeTranslation(TranslationOptions):
    fields = (
        "name",
        "organiser",
        "summary",
        "body",
        "body_html",
        "toc_html",
        "reading_minutes",
        "education",
        "where",
        "cost_note",
        "stipend",
        "duration",
        "needs",
        "how_to_apply",
        "source",
    )
