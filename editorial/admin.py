from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from freelanceguide.models import language_codes

from . import reports
from .links import check_all
from .models import LoadedContent, Schedule, SlugRedirect
from .registry import page_models, url_of
from .schedule_admin import ScheduleLogAdmin
from .translators import admin_url, work_list


class SlugRedirectForm(admin.options.forms.ModelForm):
    class Meta:
        model = SlugRedirect
        fields = ("content_type", "old_slug", "object_id")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        ids = [ContentType.objects.get_for_model(model).pk for model in page_models()]
        self.fields["content_type"].queryset = ContentType.objects.filter(pk__in=ids)

    def clean(self):
        data = super().clean()
        content_type, old_slug, object_id = data.get("content_type"), data.get("old_slug"), data.get("object_id")
        if content_type and old_slug and object_id is not None:
            model = content_type.model_class()
            if model._default_manager.filter(slug=old_slug).exists():
                raise ValidationError(
                    _("An item already has the slug “%(slug)s”: its page must not be redirected."),
                    params={"slug": old_slug},
                )
            if not model._default_manager.filter(pk=object_id).exists():
                raise ValidationError(
                    _("There is no %(kind)s with id %(id)s."),
                    params={"kind": model._meta.verbose_name, "id": object_id},
                )
        return data


@admin.register(SlugRedirect)
class SlugRedirectAdmin(admin.ModelAdmin):
    form = SlugRedirectForm
    list_display = ("old_slug", "content_type", "target", "addresses", "created")
    list_filter = ("content_type",)
    search_fields = ("old_slug",)

    @admin.display(description=_("item"))
    def target(self, obj):
        return obj.item or "-"

    @admin.display(description=_("old address -> new address"))
    def addresses(self, obj):
        model, item = obj.content_type.model_class(), obj.item
        if model is None or item is None:
            return "-"
        return format_html(
            "{} &rarr; {}",
            url_of(model, obj.old_slug, language_codes()[0]),
            url_of(model, item.slug, language_codes()[0]),
        )


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
