from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChecksConfig(AppConfig):
    name = "checks"
    verbose_name = _("Checks at the marketplace door")

    def ready(self):
        from freelanceguide.page_cache import watch_app

        watch_app(self)
