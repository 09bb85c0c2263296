"""No silent overwrites: an editor's save is refused when the item changed after the form opened.

The change form carries `edit_token`, a fingerprint of the item as the editor saw it: the
item's row and every row django-reversion follows with it (a skill's learning resources, a
marketplace's payouts), serialised the way revisions store them. Another editor's save, a
content load, a content PO import, a schedule, and a draft saved, published or discarded
all change the fingerprint. On save the
token is compared with the item as it is now; when they differ nothing is written and the
editor gets the conflict page (editorial.page_admin.ConflictGuardMixin): their version and the
current one field by field, and the choice of which to keep. Keeping one's own first stores
the current version as a revision, so nothing is lost either way.
"""

import hashlib
import json

from django.core.serializers.json import DjangoJSONEncoder

from editorial import drafts

TOKEN_FIELD = "edit_token"  # noqa: S105 (a form field name, not a secret)
# Set by the conflict page's "save my version": the item changed, the editor chose to overwrite.
OVERWRITE_FIELD = "_keep_mine"


def current_state(obj):
    """`obj` as editors edit it: its live rows, serialised as revisions store them (the same
    data a draft holds), and its pending draft."""
    draft = drafts.draft_of(obj)
    return {"live": drafts.serialize(obj), "draft": draft.data if draft else None}


def edit_token(obj):
    """A short fingerprint of `obj` as it is in the database now."""
    fresh = type(obj)._default_manager.filter(pk=obj.pk).first()
    if fresh is None:
        return ""
    data = json.dumps(current_state(fresh), sort_keys=True, cls=DjangoJSONEncoder)
    return hashlib.sha256(data.encode()).hexdigest()[:32]


def changed_since_opened(obj, posted):
    """True when the form was opened on another version of `obj` than the one stored now.

    A form posted without a token (not rendered by this admin) is not checked."""
    opened = posted.get(TOKEN_FIELD)
    return bool(opened) and opened != edit_token(obj)


def differences(form_class, obj, posted, files=None):
    """[(label, theirs, mine)] for each field whose posted value differs from the stored one
    (Django's own change detection of a form bound to the posted data over the stored item)."""
    bound = form_class(posted, files, instance=obj)
    rows = []
    for name in bound.changed_data:
        field = bound[name]
        rows.append((field.label or name, _shown(field.initial), _shown(field.data)))
    return rows


def _shown(value):
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(sorted(str(getattr(item, "pk", item)) for item in value))
    return str(getattr(value, "pk", value)).replace("\r\n", "\n").strip()
