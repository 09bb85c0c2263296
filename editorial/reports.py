"""Report pages in the admin (broken links, the translators' work list, and any other app's):
served by the admin site's own URLs and listed in its app list, with no model behind them.

An app adds one with `register(Report(...))` from its AppConfig.ready(); the admin site
(editorial.sign_in.EditorsAdminSite) serves every registered report to staff.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.template.response import TemplateResponse
from django.urls import path, reverse

_REPORTS = {}


@dataclass(frozen=True)
class Report:
    app_label: str  # the app whose section of the admin index lists it
    slug: str  # its address: /admin/<app_label>/<slug>/
    title: str
    template: str
    context: Callable  # context(request) -> dict for the template

    @property
    def url_name(self):
        return f"{self.app_label}_{self.slug}_report"


def register(report):
    _REPORTS[report.url_name] = report


def registered():
    return tuple(_REPORTS.values())


def urls(site):
    return [
        path(f"{report.app_label}/{report.slug}/", site.admin_view(_view(site, report)), name=report.url_name)
        for report in registered()
    ]


def _view(site, report):
    def view(request):
        context = {
            **site.each_context(request),
            "title": report.title,
            "report_app": apps.get_app_config(report.app_label),
            **report.context(request),
        }
        return TemplateResponse(request, report.template, context)

    return view


def add_to_app_list(app_list, site_name):
    """The reports as entries of their app's section (the admin index and the app's own page)."""
    for report in registered():
        for app in app_list:
            if app["app_label"] == report.app_label:
                url = reverse(f"{site_name}:{report.url_name}")
                app["models"].append(
                    {"name": report.title, "object_name": report.slug, "admin_url": url, "view_only": True, "perms": {}}
                )
                app["models"].sort(key=lambda entry: str(entry["name"]))
    return app_list
