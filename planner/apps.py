from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlannerConfig(AppConfig):
    name = "planner"
    verbose_name = _("Self-check and plan")

    def ready(self):
        # Any change to the checklist or cautions makes every cached reader page stale.
        from freelanceguide.page_cache import watch_app

        watch_app(self)
