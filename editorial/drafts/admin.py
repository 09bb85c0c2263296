"""The admin side of draft and live, as a mixin every content admin gets (through HistoryAdmin).

Saving a live item runs the admin's whole normal save (form, inlines, M2M, Markdown) inside a
transaction that is rolled back, after the result has been captured as a Draft: the live rows
never change. The change form of an item with a draft shows the draft the same way.
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef
from django.http import Http404, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from editorial import drafts
from editorial.models import Draft
from editorial.registry import has_published_field, is_live
from freelanceguide.models import language_codes

PUBLISH_PERMISSION = "editorial.publish_draft"


class DraftStateFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [("draft", _("Has a draft or not live yet")), ("live", _("Live, no draft"))]

    def queryset(self, request, queryset):
        with_drafts = drafts.items_with_drafts(queryset.model)
        unpublished = {"published": False} if has_published_field(queryset.model) else None
        if self.value() == "draft":
            pending = queryset.filter(pk__in=with_drafts)
            return pending | queryset.filter(**unpublished) if unpublished else pending
        if self.value() == "live":
            queryset = queryset.exclude(pk__in=with_drafts)
            return queryset.filter(published=True) if unpublished else queryset
        return queryset


class DraftAdminMixin:
    change_form_template = "admin/editorial/draft_change_form.html"
    actions = ["publish_selected"]

    # --- who may publish -------------------------------------------------------------------

    def has_publish_permission(self, request):
        return request.user.has_perm(PUBLISH_PERMISSION)

    def get_readonly_fields(self, request, obj=None):
        fields = tuple(super().get_readonly_fields(request, obj))
        if has_published_field(self.model) and not self.has_publish_permission(request):
            fields += ("published",)
        return fields

    def get_actions(self, request, action_location=admin.ActionLocation.CHANGE_LIST):
        actions = super().get_actions(request, action_location)
        if not self.has_publish_permission(request):
            actions.pop("publish_selected", None)
        return actions

    # --- the changelist --------------------------------------------------------------------

    def get_list_display(self, request):
        return (*super().get_list_display(request), "editorial_state")

    def get_list_filter(self, request):
        return (*super().get_list_filter(request), DraftStateFilter)

    def get_queryset(self, request):
        # The state column's "has a draft" comes in the changelist's own query.
        content_type = ContentType.objects.get_for_model(self.model, for_concrete_model=False)
        pending = Draft.objects.filter(content_type=content_type, object_id=OuterRef("pk"))
        return super().get_queryset(request).annotate(editorial_has_draft=Exists(pending))

    @admin.display(description=_("state"))
    def editorial_state(self, obj):
        return drafts.state_label(obj, getattr(obj, "editorial_has_draft", False))

    @admin.action(description=_("Publish the selected items (their drafts, or the new items)"))
    def publish_selected(self, request, queryset):
        if not self.has_publish_permission(request):
            raise PermissionDenied
        for item in queryset:
            drafts.publish(item, request.user)
        self.message_user(request, _("Published: readers now see these items."), messages.SUCCESS)

    # --- saving: new items start unpublished, edits of live items become drafts -------------

    def save_model(self, request, obj, form, change):
        if not change and has_published_field(self.model):
            obj.published = False
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if getattr(request, "_editorial_drafting", False):
            request._editorial_draft_data = drafts.serialize(form.instance)

    def message_user(self, request, message, level=messages.INFO, *args, **kwargs):
        if getattr(request, "_editorial_draft_data", None) is not None and level == messages.SUCCESS:
            message = _("Saved as a draft: readers still see the live version until it is published.")
        elif not getattr(request, "_editorial_drafting", False) and level == messages.SUCCESS:
            obj = getattr(request, "_editorial_added", None)
            if obj is not None and not is_live(obj):
                message = _("Saved. It is not live yet: readers see it once it is published.")
        super().message_user(request, message, level, *args, **kwargs)

    def response_add(self, request, obj, post_url_continue=None):
        request._editorial_added = obj
        return super().response_add(request, obj, post_url_continue)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        # change_view, not changeform_view: django-reversion opens its revision in change_view,
        # and that revision (holding the draft's text) must be inside the rolled-back block.
        item = self.get_object(request, unquote(object_id))
        if item is None:
            return super().change_view(request, object_id, form_url, extra_context)
        draft = drafts.draft_of(item)
        extra_context = {**(extra_context or {}), **self._draft_context(request, item, draft)}
        if not is_live(item):
            return super().change_view(request, object_id, form_url, extra_context)
        return self._as_draft(
            request,
            item,
            draft,
            lambda: super(DraftAdminMixin, self).change_view(request, object_id, form_url, extra_context),
        )

    def revision_view(self, request, object_id, version_id, extra_context=None):
        """Restoring an old version of a live item makes it the item's draft, to preview and
        publish like any other change; readers keep the live version until then."""
        item = self.get_object(request, unquote(object_id))
        if item is None or request.method != "POST" or not is_live(item):
            return super().revision_view(request, object_id, version_id, extra_context)
        return self._as_draft(
            request,
            item,
            None,
            lambda: super(DraftAdminMixin, self).revision_view(request, object_id, version_id, extra_context),
        )

    def _as_draft(self, request, item, draft, view):
        """Run the admin's normal save (`view`) in a rolled-back block and keep what it saved as the draft."""
        request._editorial_drafting = True
        # What must outlive the rolled-back block (a schedule set on the form) waits here.
        request.editorial_after_rollback = []
        with drafts.applied(item, draft.data if draft else None):
            response = view()
            if hasattr(response, "render"):
                response.render()  # while the draft is in place
        data = getattr(request, "_editorial_draft_data", None)
        if data is not None:
            drafts.save_draft(item, data, request.user)
        for action in request.editorial_after_rollback:
            action()
        return response

    def _draft_context(self, request, item, draft):
        info = self.opts.app_label, self.opts.model_name
        preview = {
            code: reverse(f"admin:{info[0]}_{info[1]}_preview", args=[item.pk, code]) for code in language_codes()
        }
        return {
            "editorial_state": drafts.state_label(item, draft is not None),
            "editorial_draft": draft,
            "editorial_live": is_live(item),
            "editorial_can_publish": self.has_publish_permission(request),
            "editorial_publish_url": reverse(f"admin:{info[0]}_{info[1]}_publish", args=[item.pk]),
            "editorial_discard_url": reverse(f"admin:{info[0]}_{info[1]}_discard", args=[item.pk]),
            "editorial_previews": preview,
            "editorial_phone_previews": {
                code: reverse(f"admin:{info[0]}_{info[1]}_phone_preview", args=[item.pk, code])
                for code in language_codes()
            },
        }

    # --- publish, discard, preview ----------------------------------------------------------

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        wrap = self.admin_site.admin_view
        return [
            path("<path:object_id>/publish/", wrap(self.publish_view), name=f"{info[0]}_{info[1]}_publish"),
            path("<path:object_id>/discard/", wrap(self.discard_view), name=f"{info[0]}_{info[1]}_discard"),
            # Not wrapped by admin_view: anyone but staff gets a 404, never a login redirect.
            path("<path:object_id>/preview/<str:language>/", self.preview_view, name=f"{info[0]}_{info[1]}_preview"),
            path(
                "<path:object_id>/preview/<str:language>/phone/",
                wrap(self.phone_preview_view),
                name=f"{info[0]}_{info[1]}_phone_preview",
            ),
            *super().get_urls(),
        ]

    def _item_or_404(self, request, object_id):
        item = self.get_object(request, unquote(object_id))
        if item is None:
            raise Http404
        return item

    def _back_to(self, item):
        info = self.opts.app_label, self.opts.model_name
        return HttpResponseRedirect(reverse(f"admin:{info[0]}_{info[1]}_change", args=[item.pk]))

    def publish_view(self, request, object_id):
        return require_POST(self._publish)(request, object_id)

    def _publish(self, request, object_id):
        item = self._item_or_404(request, object_id)
        if not (self.has_change_permission(request, item) and self.has_publish_permission(request)):
            raise PermissionDenied
        drafts.publish(item, request.user)
        self.message_user(request, _("Published: readers now see this version."), messages.SUCCESS)
        return self._back_to(item)

    def discard_view(self, request, object_id):
        return require_POST(self._discard)(request, object_id)

    def _discard(self, request, object_id):
        item = self._item_or_404(request, object_id)
        if not self.has_change_permission(request, item):
            raise PermissionDenied
        if drafts.discard(item):
            self.message_user(request, _("Draft discarded: the live version is unchanged."), messages.SUCCESS)
        return self._back_to(item)

    def preview_view(self, request, object_id, language):
        from editorial.drafts.preview import render_preview

        # The admin's own test (active staff, and the second factor where required), as a 404.
        if not self.admin_site.has_permission(request) or language not in language_codes():
            raise Http404
        item = self._item_or_404(request, object_id)
        if not self.has_view_or_change_permission(request, item):
            raise Http404
        return render_preview(request, item, language)

    def phone_preview_view(self, request, object_id, language):
        from django.template.response import TemplateResponse

        if language not in language_codes():
            raise Http404
        item = self._item_or_404(request, object_id)
        info = self.opts.app_label, self.opts.model_name
        context = {
            **self.admin_site.each_context(request),
            "title": _("Preview at phone width"),
            "item": item,
            "opts": self.opts,
            "preview_url": reverse(f"admin:{info[0]}_{info[1]}_preview", args=[item.pk, language]),
        }
        return TemplateResponse(request, "admin/editorial/phone_preview.html", context)
