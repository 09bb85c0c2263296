from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuidesConfig(AppConfig):
    name = "guides"
    verbose_name = _("Guides")

    def ready(self):
        # Any change to this app's content makes every cached reader page stale.
        from freelanceguide.page_cache import watch_app

        watch_app(self)

        from .term_links import connect_signals

        connect_signals()
