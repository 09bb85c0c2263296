from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from editorial import reports
from editorial.links import check_all
from editorial.models import LoadedContent, Schedule, SlugRedirect
from editorial.redirects.admin import SlugRedirectAdmin
from editorial.schedules.admin import ScheduleLogAdmin
from editorial.translations.work_list import admin_url, work_list


def _broken_links(request):
    report = check_all()
    rows = [(item, item._meta.verbose_name, admin_url(item), problems) for item, problems in report.items()]
    problems = [problem for _item, _kind, _url, found in rows for problem in found]
    return {"rows": rows, "broken": len(problems), "fixable": sum(p.fixable for p in problems)}


reports.register(
    reports.Report(
        "editorial", "brokenlinkreport", _("broken links report"), "admin/editorial/broken_links.html", _broken_links
    )
)
reports.register(
    reports.Report(
        "editorial",
        "translationwork",
        _("translators' work list"),
        "admin/editorial/translation_work.html",
        lambda request: {"languages": work_list()},
    )
)


@admin.register(LoadedContent)
class LoadedContentAdmin(admin.ModelAdmin):
    list_display = ("key", "loaded_at")
    search_fields = ("key",)
    readonly_fields = ("key", "fingerprint", "loaded_at")

    def has_add_permission(self, request):
        return False


admin.site.site_header = _("Freelancing guide: editors")
admin.site.site_title = _("Freelancing guide")

admin.site.register(Schedule, ScheduleLogAdmin)
admin.site.register(SlugRedirect, SlugRedirectAdmin)
