from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Editorial")

    def ready(self):
        from django.contrib import admin

        from freelanceguide import translation_times
        from freelanceguide.page_cache import watch_app

        from . import translation_status
        from .admin_hooks import warn_about_links_on_save
        from .redirects import connect_signals
        from .schedule_admin import add_schedules_to_admins
        from .schedules import connect_signals as connect_schedule_signals

        connect_signals()
        translation_status.connect_signals()
        # Reader pages' "translation behind" notice reads the edit times kept here.
        translation_times.provide(translation_status)
        connect_schedule_signals()
        # A new or removed redirect changes what old addresses answer: cached pages start over.
        watch_app(self)
        # The admin has loaded every app's admin module by now (its ready() runs first).
        warn_about_links_on_save(admin.site)
        add_schedules_to_admins(admin.site)
