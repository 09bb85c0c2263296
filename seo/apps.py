from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SeoConfig(AppConfig):
    name = "seo"
    verbose_name = _("Being found: sitemap, feed, page metadata")
