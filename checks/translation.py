from modeltranslation.translator import TranslationOptions, register

from .models import AccountRisk, AccountRule, AppealRoute, RedFlag


@register(RedFlag)
class RedFlagTranslation(TranslationOptions):
    fields = ("title", "question", "why", "advice")


@register(AccountRisk)
class AccountRiskTranslation(TranslationOptions):
    fields = ("title", "question", "why", "advice")


@register(AccountRule)
class AccountRuleTranslation(TranslationOptions):
    fields = ("rule",)


@register(AppealRoute)
class AppealRouteTranslation(TranslationOptions):
    fields = ("route",)
