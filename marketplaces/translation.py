from modeltranslation.translator import TranslationOptions, register

from .models import ContractTerms, ExchangeRate, Marketplace, PaymentMethod, Payout, PayoutStep


@register(PaymentMethod)
class PaymentMethodTranslation(TranslationOptions):
    fields = ("name", "summary")


@register(Marketplace)
class MarketplaceTranslation(TranslationOptions):
    fields = ("name", "summary", "body", "body_html", "toc_html", "reading_minutes", "fee_note", "pros", "cons")


@register(Payout)
class PayoutTranslation(TranslationOptions):
    fields = ("note",)


@register(ContractTerms)
class ContractTermsTranslation(TranslationOptions):
    fields = ("note",)


@register(PayoutStep)
class PayoutStepTranslation(TranslationOptions):
    fields = ("name", "note")


@register(ExchangeRate)
class ExchangeRateTranslation(TranslationOptions):
    fields = ("note",)
