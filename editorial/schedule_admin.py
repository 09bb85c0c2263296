"""Schedules in the admin: a "publish at / unpublish at" inline on every schedulable item's
change form, and a "next scheduled change" column and "scheduled" filter on its changelist.

Attached at start-up to the admin of every model editorial.schedules can schedule, so a new
content type gets them without a line of its own (like admin_hooks' link warnings).
"""

from django.contrib import admin, messages
from django.contrib.contenttypes.admin import GenericTabularInline
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Subquery
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import Schedule
from .schedules import pending, schedulable_models

OUTCOMES = {
    "published": _("published"),
    "unpublished": _("unpublished"),
    "item no longer exists": _("item no longer exists"),
    "failed: see the runner's log": _("failed: see the runner's log"),
}


class ScheduleInline(GenericTabularInline):
    model = Schedule
    ct_field, ct_fk_field = "content_type", "object_id"
    fields = ("action", "at", "done_at", "shown_outcome")
    readonly_fields = ("done_at", "shown_outcome")
    extra = 0
    verbose_name = _("scheduled change")
    verbose_name_plural = _(
        "Scheduled changes (Bangladesh time, Asia/Dhaka, UTC+6). Applied within a minute of their "
        "time; a time already past is applied on the runner's next pass."
    )

    @admin.display(description=_("outcome"))
    def shown_outcome(self, obj):
        if obj.pk is None or obj.done_at is None:
            return gettext("waiting")
        return OUTCOMES.get(obj.outcome, obj.outcome)


class ScheduledFilter(admin.SimpleListFilter):
    title = _("scheduled")
    parameter_name = "scheduled"

    def lookups(self, request, model_admin):
        return (("yes", _("has a scheduled change")), ("no", _("nothing scheduled")))

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            waiting = _waiting_for(queryset.model)
            return queryset.filter(Exists(waiting)) if self.value() == "yes" else queryset.exclude(Exists(waiting))
        return queryset


def _waiting_for(model):
    return pending().filter(content_type=ContentType.objects.get_for_model(model), object_id=OuterRef("pk"))


@admin.display(description=_("next scheduled change"), ordering="next_schedule_at")
def next_scheduled_change(obj):
    at = getattr(obj, "next_schedule_at", None)
    if at is None:
        return "—"
    action = dict(Schedule.ACTIONS)[obj.next_schedule_action]
    return f"{action}: {date_format(timezone.localtime(at), 'DATETIME_FORMAT')} ({gettext('Bangladesh time')})"


class ScheduleAdminMixin:
    """What a schedulable item's admin gets (mixed in at start-up by add_schedules_to_admins)."""

    def get_inlines(self, request, obj):
        return (*super().get_inlines(request, obj), ScheduleInline)

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        nxt = _waiting_for(queryset.model).order_by("at", "pk")
        return queryset.annotate(
            next_schedule_at=Subquery(nxt.values("at")[:1]), next_schedule_action=Subquery(nxt.values("action")[:1])
        )

    def get_list_display(self, request):
        return (*super().get_list_display(request), next_scheduled_change)

    def get_list_filter(self, request):
        return (*super().get_list_filter(request), ScheduledFilter)

    def save_formset(self, request, form, formset, change):
        """Fills in who created each schedule and says when a time already past will be applied."""
        if formset.model is not Schedule:
            return super().save_formset(request, form, formset, change)
        for schedule in formset.save(commit=False):
            if schedule.pk is None:
                schedule.created_by = request.user
            schedule.save()
            if schedule.done_at is None and schedule.at <= timezone.now():
                messages.info(
                    request,
                    gettext(
                        "The time of “%(change)s” has passed: it is applied on the runner's next pass, within a minute."
                    )
                    % {"change": schedule.get_action_display()},
                )
        for schedule in formset.deleted_objects:
            schedule.delete()
        formset.save_m2m()
        return None


def add_schedules_to_admins(site):
    """Mixes ScheduleAdminMixin into the admin of every schedulable model (its class is swapped
    for a subclass, so the admin's checks and reversion's registration stay as they were)."""
    for model in schedulable_models():
        model_admin = site._registry.get(model)
        if model_admin is None or isinstance(model_admin, ScheduleAdminMixin):
            continue
        cls = type(model_admin)
        model_admin.__class__ = type(
            f"Scheduled{cls.__name__}", (ScheduleAdminMixin, cls), {"__module__": cls.__module__}
        )
