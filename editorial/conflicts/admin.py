"""The admin side of editorial.conflicts: check the token on save, show the conflict page."""

import reversion
from django.contrib.admin.utils import unquote
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from editorial import conflicts, drafts

# Never sent back by the conflict page: Django's own token, and the two the page sets anew.
_NOT_RESENT = {"csrfmiddlewaretoken", conflicts.TOKEN_FIELD, conflicts.OVERWRITE_FIELD}


class ConflictGuardMixin:
    """For a ModelAdmin: the change form carries `edit_token`; a save over a version the editor
    never saw is refused with 409 and the conflict page instead of being written."""

    conflict_template = "admin/editorial/conflict.html"

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, unquote(object_id)) if object_id else None
        if obj is not None and request.method == "POST":
            if conflicts.changed_since_opened(obj, request.POST):
                return self.conflict_response(request, obj)
            if request.POST.get(conflicts.OVERWRITE_FIELD):
                self._keep_current_in_history(request, obj)
        extra_context = dict(extra_context or {})
        if obj is not None:
            extra_context["edit_token"] = conflicts.edit_token(obj)
        return super().change_view(request, object_id, form_url, extra_context)

    def conflict_response(self, request, obj):
        form_class = self.get_form(request, obj, change=True)
        resent = [(name, value) for name, values in request.POST.lists() if name not in _NOT_RESENT for value in values]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": obj,
            "title": _("Changed while you were editing: %(item)s") % {"item": obj},
            "differences": self._differences(form_class, obj, request),
            "resent": resent,
            "edit_token": conflicts.edit_token(obj),
            "overwrite_field": conflicts.OVERWRITE_FIELD,
            "token_field": conflicts.TOKEN_FIELD,
            "lost_files": bool(request.FILES),
        }
        return TemplateResponse(request, self.conflict_template, context, status=409)

    def _differences(self, form_class, obj, request):
        """Against what the other editor sees now: the pending draft when there is one."""
        draft = drafts.draft_of(obj)
        if draft is None:
            return conflicts.differences(form_class, obj, request.POST, request.FILES)
        with drafts.applied(obj, draft.data) as drafted:
            return conflicts.differences(form_class, drafted, request.POST, request.FILES)

    def _keep_current_in_history(self, request, obj):
        """Before an editor saves over a newer version, that version becomes a revision: the
        pending draft when there is one (its rows win over the live ones they stand for)."""
        current = type(obj)._default_manager.get(pk=obj.pk)
        draft = drafts.draft_of(current)
        with reversion.create_revision():
            reversion.add_to_revision(current)
            for row in drafts.deserialized(draft.data) if draft else ():
                reversion.add_to_revision(row.object)
            reversion.set_user(request.user)
            reversion.set_comment(
                _("Kept before %(user)s saved their version over it (edited at the same time)")
                % {"user": request.user.get_username()}
            )
