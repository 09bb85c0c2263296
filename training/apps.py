from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "training"
    verbose_name = _("Training programmes")

    def ready(self):
        # Any change to this app's content makes every cached reader page stale.
        from freelanceguide.page_cache import watch_app

        watch_app(self)
