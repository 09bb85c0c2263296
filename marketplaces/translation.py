from modeltranslation.translator import TranslationOptions, register

from .models import Marketplace, PaymentMethod, Payout


@register(PaymentMethod)
class PaymentMethodTranslation(TranslationOptions):
    fields = ("name", "summary")


@register(Marketplace)
class MarketplaceTranslation(TranslationOptions):
    fields = ("name", "summary", "body", "body_html", "toc_html", "reading_minutes", "fee_note", "pros", "cons")


@register(Payout)
class PayoutTranslation(TranslationOptions):
    fields = ("note",)
