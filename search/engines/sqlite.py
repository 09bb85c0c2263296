"""SQLite's FTS5 behind the engine interface (search.engines.base)."""

import json

from .base import Engine
from .schema import SQLITE_FTS, SQLITE_NAMES_FTS
from .terms import needed, sqlite_term


class SQLite(Engine):
    """A slot (a list of terms, any of which may match) becomes an FTS5 expression."""

    @staticmethod
    def slot(terms):
        return "(" + " OR ".join(sqlite_term(words) for words in needed(terms)) + ")"

    def _select(self):
        return f"SELECT rowid AS id FROM {SQLITE_FTS} WHERE {SQLITE_FTS} MATCH %s"  # noqa: S608

    def _every(self, slots):
        return " AND ".join(self.slot(terms) for terms in slots)

    def _in(self, ids):
        # One JSON parameter, however many ids (SQLite limits the number of parameters). The
        # unary + keeps the planner from looking each id up through the FTS5 table (a whole
        # match per id: seconds); the match runs once and each of its rows is tested.
        return "(+id IN (SELECT value FROM json_each(%s)))", [json.dumps(list(ids))]

    def phrase(self, words):
        """Ids of the rows holding `words` in a row (the last as a word's beginning)."""
        return [row[0] for row in self._rows(self._select(), [sqlite_term(words)])]

    def _named_select(self):
        return f"SELECT rowid AS id FROM {SQLITE_NAMES_FTS} WHERE {SQLITE_NAMES_FTS} MATCH %s"  # noqa: S608

    def _id_list(self):
        return "group_concat(id)"

    def _reads_ids(self, slots):
        # For several slots of alternatives, matching again (the rows whose names match, a
        # page) costs SQLite more than reading every id; for one slot, a count per kind (with
        # the ids of the kinds with few) costs less than reading a common word's 8,000 ids
        # (docs/performance.md).
        return len(slots) > 1

    def _any(self, slots):
        return " OR ".join(self.slot(terms) for terms in slots)
