"""What both engines answer, in the same SQL around each one's own match.

A search asks `overview()` first; what it matched comes back as a `Match`, which the search
hands to `matching()` and `page()` so they reuse the ids instead of matching again. Nothing of
one search is left on the engine.
"""

import bisect
import contextlib
import itertools
from dataclasses import dataclass, field

from django.db import connection, transaction

from ..copies import generation_read_once, names_of
from ..models import KIND_SPAN


def _rows(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


# Where an engine counts a query's matches rather than reading them (`Engine._reads_ids`), it
# reads them still when there are at most this many, and lists those of each kind with at most
# this many (`Engine._counts`).
FEW = 300


def _per_kind(ids):
    """{kind's position: how many of the sorted `ids` are of that kind}: kinds are id ranges."""
    per_kind, start = {}, 0
    while start < len(ids):
        kind = ids[start] // KIND_SPAN
        end = bisect.bisect_left(ids, (kind + 1) * KIND_SPAN, start)
        per_kind[kind] = end - start
        start = end
    return per_kind


def _only(named, matching):
    """The `named` rows ({id: names}) whose ids are in `matching`."""
    return {pk: names for pk, names in named.items() if pk in matching}


@dataclass(frozen=True)
class Match:
    """What an overview matched, for the same search's later steps: the engine's query, every
    matching id in order (or None: only counted), and the ids of each kind with few matches
    that the count listed (a page of such a kind needs no match of its own)."""

    query: str = None
    ids: list = None
    listed: dict = field(default_factory=dict)

    def ids_for(self, query):
        return self.ids if self.ids is not None and self.query == query else None

    def listed_for(self, query, kind):
        return self.listed.get(kind) if self.query == query else None


NO_MATCH = Match()


class Engine:
    """What both engines answer, in the same SQL around their own match (`_select`)."""

    _rows = staticmethod(_rows)

    def _select(self):
        raise NotImplementedError

    def _every(self, slots):
        """The engine's query for rows matching every slot."""
        raise NotImplementedError

    def _in(self, ids):
        """(SQL, params): `id` is one of `ids`."""
        raise NotImplementedError

    def _named_select(self):
        """SQL selecting the ids of the rows whose names match its one parameter."""
        raise NotImplementedError

    def _any(self, slots):
        """The engine's query for names matching any of the slots."""
        raise NotImplementedError

    def matching(self, slots, match=NO_MATCH):
        """Ids of the rows matching every slot (from `match` when it read them)."""
        query = self._every(slots)
        ids = match.ids_for(query)
        if ids is not None:
            return list(ids)
        return [row[0] for row in self._rows(self._select(), [query])]

    def _reads_ids(self, slots):
        """Whether `overview` reads every matching id (kept for `page` and `matching`) rather
        than counting them per kind (`_counts`; past FEW matches, a page of a kind with more
        than FEW is matched again)."""
        raise NotImplementedError

    @contextlib.contextmanager
    def session(self):
        """The context of one search's statements: on SQLite one transaction, so its counts,
        pages and rows agree even while an editor saves (or the transaction already open: a
        search only reads, and a savepoint would cost statements; PostgreSQL: `Postgres.session`),
        and one look at whether the index changed (search.copies)."""
        opened = contextlib.nullcontext() if connection.in_atomic_block else transaction.atomic()
        with opened, generation_read_once():
            yield

    def _ids_and_named(self, slots):
        """(ids of the rows matching every slot, ids of the rows whose names match a slot, or
        None: read only when needed)."""
        return self._counts(slots)[1], None

    def overview(self, slots, first=()):
        """What ranking needs of a query that needs every slot: ({kind's position in Kind: rows
        of that kind matching}, {id: names} of the matching rows whose names match a slot, the
        ids of `first` that match, the Match for `matching` and `page`)."""
        named_ids = None
        query = self._every(slots)
        if self._reads_ids(slots):
            ids, named_ids = self._ids_and_named(slots)
        else:
            per_kind, ids, listed = self._counts(slots, FEW)
            if ids is None:  # past FEW matches: counted, and the pages read what they show
                return (*self._counted_overview(slots, first, per_kind), Match(query, None, listed))
        ids.sort()  # (nearly in id order already: a quick sort)
        match = Match(query, ids)
        if not ids:
            return {}, {}, set(), match
        matching = set(ids)
        if len(matching.union(first)) <= 1:  # one row and no other to rank it against
            named = {}
        else:
            named_ids = self._named_ids(slots) if named_ids is None else named_ids
            named = names_of([pk for pk in named_ids if pk in matching])
        return _per_kind(ids), named, matching.intersection(first), match

    def _id_list(self):
        """SQL aggregating the ids of a group's rows into one text, "id,id,..."."""
        raise NotImplementedError

    def _counts(self, slots, few=None):
        """({kind's position: its rows matching every slot}, every matching id or None past `few`
        matches, {kind's position: its ids} of the kinds with at most `few` when past it), from
        one match: each kind's count and ids, as one text per kind (one value, not a row per id:
        8,000 ids took longer to read a row at a time than to match)."""
        query = self._every(slots)
        per_kind_sql = f"FROM ({self._select()}) hit GROUP BY id / {KIND_SPAN}"  # noqa: S608
        sql = f"SELECT id / {KIND_SPAN}, COUNT(*), {self._id_list()} {per_kind_sql}"
        counted = self._rows(sql, [query])
        per_kind = {kind: count for kind, count, _ids in counted}
        if few is None or sum(per_kind.values()) <= few:
            return per_kind, [int(pk) for _kind, _count, ids in counted for pk in ids.split(",")], {}
        listed = {kind: sorted(map(int, ids.split(","))) for kind, count, ids in counted if count <= few}
        return per_kind, None, listed

    def _counted_overview(self, slots, first, per_kind):
        named = self.named(slots)
        if (len(slots) == 1 or not named) and not first:  # with one slot, a row whose names match it matches
            return per_kind, named, set()
        within, within_params = self._in([*named, *first])
        sql = f"SELECT id FROM ({self._select()}) hit WHERE {within}"  # noqa: S608
        matching = {row[0] for row in self._rows(sql, [self._every(slots), *within_params])}
        return per_kind, _only(named, matching), matching.intersection(first)

    def named(self, slots, among=None):
        """{id: names} of the rows whose names match one of the slots (with `among`, only of
        those ids): the engine says which, the process's copy of every row's names says what
        (reading a common word's thousands of names from the database was most of such a
        query's time)."""
        ids = self._named_ids(slots)
        return names_of(ids if among is None else [pk for pk in ids if pk in among])

    def _named_ids(self, slots):
        return [row[0] for row in self._rows(self._named_select(), [self._any(slots)])]

    def page(self, slots, kind, excluded, offset, limit, match=NO_MATCH):
        """Ids of rows of the kind at position `kind` matching every slot, in id order, leaving
        out `excluded`: `limit` of them from `offset` on (from `match` where it holds them)."""
        query = self._every(slots)
        ids = match.ids_for(query)
        if ids is not None:
            start, end = bisect.bisect_left(ids, kind * KIND_SPAN), bisect.bisect_left(ids, (kind + 1) * KIND_SPAN)
            rows = (pk for pk in ids[start:end] if pk not in excluded)
            return list(itertools.islice(rows, offset, offset + limit))
        listed = match.listed_for(query, kind)
        if listed is not None:
            rows = (pk for pk in listed if pk not in excluded)
            return list(itertools.islice(rows, offset, offset + limit))
        within, within_params = self._in(sorted(excluded))
        sql = (
            f"SELECT id FROM ({self._select()}) hit WHERE id >= %s AND id < %s AND NOT {within} "  # noqa: S608
            "ORDER BY id LIMIT %s OFFSET %s"
        )
        params = [self._every(slots), kind * KIND_SPAN, (kind + 1) * KIND_SPAN, *within_params, limit, offset]
        return [row[0] for row in self._rows(sql, params)]

    def matching_some(self, slots, need):
        """[(id, slots matched)] of the rows matching at least `need` of the slots."""
        union = " UNION ALL ".join([self._select()] * len(slots))
        sql = f"SELECT id, COUNT(*) FROM ({union}) hit GROUP BY id HAVING COUNT(*) >= %s"  # noqa: S608
        return self._rows(sql, [*[self.slot(terms) for terms in slots], need])
