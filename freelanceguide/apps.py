from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FreelanceGuideConfig(AppConfig):
    name = "freelanceguide"
    verbose_name = _("Site")
