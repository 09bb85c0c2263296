from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    default = True
    name = "editorial"
    verbose_name = _("Editorial")

    def ready(self):
        from editorial.redirects import connect_signals
        from editorial.schedules import connect_signals as connect_schedule_signals
        from editorial.translations import status as translation_status
        from freelanceguide import translation_times
        from freelanceguide.page_cache import watch_app

        connect_signals()
        translation_status.connect_signals()
        # Reader pages' "translation behind" notice reads the edit times kept here.
        translation_times.provide(translation_status)
        connect_schedule_signals()
        # A new or removed redirect changes what old addresses answer: cached pages start over.
        watch_app(self)
        from . import checks  # noqa: F401  (registers the system check that page admins use PageAdmin)


class EditorsAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin with EditorsAdminSite (editorial/sign_in.py) as `admin.site`."""

    default = False  # named in INSTALLED_APPS; "editorial" itself is EditorialConfig
    default_site = "editorial.sign_in.EditorsAdminSite"
