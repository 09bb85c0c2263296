from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MarketplacesConfig(AppConfig):
    name = "marketplaces"
    verbose_name = _("Marketplaces")

    def ready(self):
        # Any change to this app's content makes every cached reader page stale.
        from freelanceguide.page_cache import watch_app

        watch_app(self)
        # The schedule runner imports Bangladesh Bank's dollar rate once a day.
        from editorial.schedules import daily

        from .rate_import import run_daily

        daily.register("marketplaces.import_exchange_rate", run_daily)
