"""A failed search's query added as another spelling ("search alias") of the item it should have
found. The live item gets it at once (the next search finds the item), and so does the item's
waiting draft, if it has one, so publishing the draft does not take the alias away again."""

import reversion
from django.db import transaction

from editorial.drafts import draft_of


def _with_alias(aliases, query):
    lines = [line for line in (aliases or "").splitlines() if line.strip()]
    if query.casefold() not in {line.strip().casefold() for line in lines}:
        lines.append(query)
    return "\n".join(lines)


def add_alias(item, query, user=None):
    query = " ".join(query.split())
    with transaction.atomic(), reversion.create_revision():
        item.search_aliases = _with_alias(item.search_aliases, query)
        item.save()
        reversion.set_comment(f"Search alias added from a failed search: {query}")
        if user is not None:
            reversion.set_user(user)
        draft = draft_of(item)
        if draft is not None and draft.data:
            fields = draft.data[0]["fields"]
            fields["search_aliases"] = _with_alias(fields.get("search_aliases"), query)
            draft.save(update_fields=["data"])
