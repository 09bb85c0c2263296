"""PostgreSQL's tsvector and GIN indexes behind the engine interface (search.engines.base)."""

import contextlib

from django.db import connection

from ..copies import generation_read_once
from .base import Engine
from .schema import TABLE
from .terms import needed, postgres_term


class Postgres(Engine):
    """A slot becomes a `tsquery` of alternatives."""

    @staticmethod
    def slot(terms):
        return "(" + " | ".join(postgres_term(words) for words in needed(terms)) + ")"

    def _select(self):
        return f"SELECT id FROM {TABLE} WHERE document @@ CAST(%s AS tsquery)"  # noqa: S608

    def _every(self, slots):
        return " & ".join(self.slot(terms) for terms in slots)

    def _in(self, ids):
        # A subquery, not `= ANY(array)`: PostgreSQL hashes it, where ANY compares each row
        # with every id (40 ms for 10,000 rows and 1,000 ids).
        return "(id IN (SELECT unnest(CAST(%s AS bigint[]))))", [list(ids)]

    def phrase(self, words):
        return [row[0] for row in self._rows(self._select(), [postgres_term(words)])]

    def _reads_ids(self, slots):
        return True

    def _named_select(self):
        return f"SELECT id FROM {TABLE} WHERE names_document @@ CAST(%s AS tsquery)"  # noqa: S608

    def _id_list(self):
        return "string_agg(CAST(id AS text), ',')"

    @contextlib.contextmanager
    def session(self):
        # No transaction: a search's statements each turn sequential scans off for themselves
        # (`_rows`), and PostgreSQL reads a query's ids once (`_reads_ids`), so its counts and
        # pages come from one statement; a row deleted before it is read is left out
        # (search.results). A transaction cost three round trips more (BEGIN, SET, COMMIT).
        with generation_read_once():
            yield

    @staticmethod
    def _rows(sql, params):
        # To the planner a scan that tests every row's `document` looks cheaper than the GIN
        # index for a word on most rows, but each test reads the row's out-of-line (TOAST)
        # tsvector: 380 ms instead of 13 ms for a word on 8,000 of 10,000 guides. SET LOCAL
        # lasts until the transaction ends: the implicit one of this one message of three
        # statements (client-side binding, Django's default for psycopg, sends them as one),
        # or the caller's, where the last statement puts the setting back.
        with connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL enable_seqscan = off; {sql}; SET LOCAL enable_seqscan = DEFAULT", params)
            cursor.nextset()
            return cursor.fetchall()

    def _ids_and_named(self, slots):
        # One statement, each list one array: a round trip and a row per id less.
        sql = (
            f"SELECT 0, array_agg(id) FROM ({self._select()}) hit "  # noqa: S608
            f"UNION ALL SELECT 1, array_agg(id) FROM ({self._named_select()}) named"
        )
        found = dict(self._rows(sql, [self._every(slots), self._any(slots)]))
        return found[0] or [], found[1] or []

    def _any(self, slots):
        return " | ".join(self.slot(terms) for terms in slots)
