from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GlossaryConfig(AppConfig):
    name = "glossary"
    verbose_name = _("Glossary")

    def ready(self):
        # Any change to a term makes every cached reader page stale (guides link terms).
        from freelanceguide.page_cache import watch_app

        watch_app(self)
