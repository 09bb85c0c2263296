from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Editorial")

    def ready(self):
        from freelanceguide import translation_times
        from freelanceguide.page_cache import watch_app

        from . import translation_status
        from .redirects import connect_signals
        from .schedules import connect_signals as connect_schedule_signals

        connect_signals()
        translation_status.connect_signals()
        # Reader pages' "translation behind" notice reads the edit times kept here.
        translation_times.provide(translation_status)
        connect_schedule_signals()
        # A new or removed redirect changes what old addresses answer: cached pages start over.
        watch_app(self)
        from . import checks  # noqa: F401  (registers the system check that page admins use PageAdmin)
