from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FreelanceGuideConfig(AppConfig):
    name = "freelanceguide"
    verbose_name = _("Site")

    def ready(self):
        from .translation_status import connect_signals

        connect_signals()
