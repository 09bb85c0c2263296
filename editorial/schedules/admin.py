"""Schedules in the admin: "publish at" and "unpublish at" on every schedulable item's change
form, a "next scheduled change" column and "scheduled" filter on its changelist, and a read-only
list of every schedule with its outcome.

Part of every page's admin through editorial.page_admin.PageAdmin.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import widgets
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Exists, OuterRef, Subquery
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from editorial.models import Schedule
from editorial.schedules import for_item, pending, schedulable_models

OUTCOMES = {
    "published": _("published"),
    "unpublished": _("unpublished"),
    "item no longer exists": _("item no longer exists"),
    "failed: see the runner's log": _("failed: see the runner's log"),
}


ACTION_FIELDS = {Schedule.PUBLISH: "publish_at", Schedule.UNPUBLISH: "unpublish_at"}
SCHEDULE_HELP = _(
    "Bangladesh time (Asia/Dhaka, UTC+6). Applied within a minute of this time; a time already past "
    "is applied on the runner's next pass. Leave empty for none."
)


class ScheduleFormMixin(forms.Form):
    """Two fields on an item's change form: when to publish it, when to take it off the site.

    Each shows the item's next waiting schedule of its kind. A field the POST leaves out (a
    script or an older form that knows nothing of schedules) changes nothing; an emptied one
    cancels the waiting schedule.
    """

    publish_at = forms.SplitDateTimeField(
        label=_("publish at"), required=False, widget=widgets.AdminSplitDateTime, help_text=SCHEDULE_HELP
    )
    unpublish_at = forms.SplitDateTimeField(
        label=_("unpublish at"), required=False, widget=widgets.AdminSplitDateTime, help_text=SCHEDULE_HELP
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            for schedule in for_item(self.instance).filter(done_at__isnull=True).order_by("-at"):
                self.initial[ACTION_FIELDS[schedule.action]] = timezone.localtime(schedule.at)  # earliest wins

    def schedule_changes(self):
        """{action: time or None} for the fields the editor sent."""
        return {
            action: self.cleaned_data.get(name)
            for action, name in ACTION_FIELDS.items()
            if not self.fields[name].widget.value_omitted_from_data(self.data, self.files, self.add_prefix(name))
        }


def save_schedules(obj, changes, user):
    """Make the item's waiting schedules match the form: one waiting row per action at most."""
    waiting = for_item(obj).filter(done_at__isnull=True)
    saved = []
    for action, at in changes.items():
        rows = waiting.filter(action=action)
        if at is None:
            rows.delete()
            continue
        row = rows.order_by("at").first()
        if row is None:
            row = Schedule(item=obj, action=action, created_by=user)
        if row.at != at:
            row.at = at
            row.save()
        rows.exclude(pk=row.pk).delete()
        saved.append(row)
    return saved


def scheduled_form(form_class):
    return type(f"Scheduled{form_class.__name__}", (ScheduleFormMixin, form_class), {"__module__": __name__})


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
    """What a schedulable item's admin gets: the two fields, the column, the filter."""

    def __init__(self, model, admin_site):
        if model not in schedulable_models():
            raise ImproperlyConfigured(f"{model._meta.label} has no `published` field: it cannot be scheduled")
        # The subclass's own form (a skill's) keeps its fields and validation, plus the schedule's.
        self.form = scheduled_form(self.form)
        super().__init__(model, admin_site)

    def get_fieldsets(self, request, obj=None):
        names = set(ACTION_FIELDS.values())
        fieldsets = [
            (title, {**options, "fields": [f for f in options["fields"] if f not in names]})
            for title, options in super().get_fieldsets(request, obj)
        ]
        return [*fieldsets, (_("Schedule"), {"fields": [("publish_at", "unpublish_at")]})]

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

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        item, changes = form.instance, form.schedule_changes()
        # An edit of a live item is saved as a draft inside a block that is rolled back
        # (editorial.drafts.admin); the schedule itself must outlive that block.
        after_draft = getattr(request, "editorial_after_rollback", None)
        if after_draft is not None:
            after_draft.append(lambda: self._save_schedules(request, item, changes))
        else:
            self._save_schedules(request, item, changes)

    def _save_schedules(self, request, item, changes):
        for schedule in save_schedules(item, changes, request.user):
            if schedule.at <= timezone.now():
                messages.info(
                    request,
                    gettext(
                        "The time of “%(change)s” has passed: it is applied on the runner's next pass, within a minute."
                    )
                    % {"change": schedule.get_action_display()},
                )


class ScheduleLogAdmin(admin.ModelAdmin):
    """Every schedule and what the runner did with it; schedules are set on the item's form."""

    list_display = ("item_link", "action", "at", "done_at", "shown_outcome", "created_by")
    list_filter = ("action", ("done_at", admin.EmptyFieldListFilter), "content_type")
    list_select_related = ("content_type", "created_by")

    @admin.display(description=_("item"))
    def item_link(self, obj):
        return f"{obj.content_type.name} {obj.object_id}"

    @admin.display(description=_("outcome"))
    def shown_outcome(self, obj):
        if obj.done_at is None:
            return gettext("waiting")
        return OUTCOMES.get(obj.outcome, obj.outcome)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
