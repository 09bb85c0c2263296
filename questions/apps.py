from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuestionsConfig(AppConfig):
    name = "questions"
    verbose_name = _("Reader questions")

    def ready(self):
        # A published answer shows on guides', skills' and marketplaces' pages too.
        from freelanceguide import page_extras
        from freelanceguide.page_cache import watch_app

        from . import linked

        watch_app(self)
        page_extras.register(linked.annotate)
