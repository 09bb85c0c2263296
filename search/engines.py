"""The two databases' own full-text engines, behind one small interface.

Both match the same thing: a term is one or more normalised words, and it matches an index
row whose names or content hold those words in a row, the last one as a word's beginning
("web dev" finds "web development", "কাজ" finds "কাজের"). A one-letter term matches only the
whole word (a one-letter beginning matches almost every row).

- SQLite: FTS5 (over names and content, and over the names alone), tokenizer unicode61
  with Bangla's vowel signs and virama as word characters (without them it cuts
  "ফ্রিল্যান্সিং" into pieces), a prefix index for word beginnings.
  The trigram tokenizer (what issue 15 first named) was measured here too: at 10,000 guides
  a phrase of common Bangla words took 100-200 ms to match and building the index well over
  a minute, against a few ms and about 20 s with words (docs/performance.md).
- PostgreSQL: `tsvector`s of the same normalised text ('simple' configuration: no stemming,
  no stop words; PostgreSQL has no Bengali configuration) with GIN indexes: `document` for
  names and content, `names_document` for the names alone, searched with sequential scans
  off (`Postgres._rows`). The query is written as a
  `tsquery` literal of quoted lexemes ('web' <-> 'dev':*), never parsed from the reader's
  text, so no input is query syntax; FTS5 gets quoted phrases the same way.

The engines only answer which rows match: ids, never a score (the names of the rows whose
names match come from each process's copy, `names_of`).
search.ranking orders them the same way on both databases. Both engines' relevance scores
(bm25, ts_rank) were tried first: they cannot agree with each other, and scoring every row of
a word that is on every page cost more than the whole page may (docs/performance.md).
"""

import bisect
import contextlib
import itertools
import json
import unicodedata

from django.db import connection, transaction

from .copies import ProcessCopy, generation_read_once
from .models import KIND_SPAN, SearchEntry

TABLE = "search_searchentry"

# Bangla's combining marks (vowel signs, virama, chandrabindu...): unicode61 would split words there.
_BANGLA_MARKS = "".join(chr(c) for c in range(0x0980, 0x0A00) if unicodedata.category(chr(c)) in ("Mn", "Mc"))
SQLITE_FTS = "search_fts"
# The names alone (a table of its own, with its own copy of the text, written by the triggers):
# which rows' names match a query.
SQLITE_NAMES_FTS = "search_names_fts"
_TOKENIZE = f"""tokenize="unicode61 remove_diacritics 0 tokenchars '{_BANGLA_MARKS}'", prefix='2 3'"""
SQLITE_CREATE = [
    f"CREATE VIRTUAL TABLE {SQLITE_FTS} USING fts5(names, content, content='{TABLE}', content_rowid='id', {_TOKENIZE})",
    f"CREATE VIRTUAL TABLE {SQLITE_NAMES_FTS} USING fts5(names, {_TOKENIZE})",
]
# (Table names are our constants; no value of a request reaches these statements.)
_FTS_DELETE = (
    f"INSERT INTO {SQLITE_FTS}({SQLITE_FTS}, rowid, names, content) VALUES ('delete', old.id, old.names, old.content); "  # noqa: S608
    f"DELETE FROM {SQLITE_NAMES_FTS} WHERE rowid = old.id; "
)
_FTS_INSERT = (
    f"INSERT INTO {SQLITE_FTS}(rowid, names, content) VALUES (new.id, new.names, new.content); "  # noqa: S608
    f"INSERT INTO {SQLITE_NAMES_FTS}(rowid, names) VALUES (new.id, new.names); "
)
SQLITE_TRIGGERS = [
    f"CREATE TRIGGER search_fts_insert AFTER INSERT ON {TABLE} BEGIN {_FTS_INSERT}END",
    f"CREATE TRIGGER search_fts_delete AFTER DELETE ON {TABLE} BEGIN {_FTS_DELETE}END",
    f"CREATE TRIGGER search_fts_update AFTER UPDATE ON {TABLE} BEGIN {_FTS_DELETE}{_FTS_INSERT}END",
]
SQLITE_FILL = [
    f"INSERT INTO {SQLITE_FTS}({SQLITE_FTS}) VALUES ('rebuild')",  # noqa: S608
    f"INSERT INTO {SQLITE_NAMES_FTS}(rowid, names) SELECT id, names FROM {TABLE}",  # noqa: S608
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_update",
    f"DROP TABLE IF EXISTS {SQLITE_NAMES_FTS}",
    f"DROP TABLE IF EXISTS {SQLITE_FTS}",
]

# Concatenated tsvectors: a phrase never spans the names and the content.
POSTGRES_CREATE = [
    f"ALTER TABLE {TABLE} ADD COLUMN document tsvector GENERATED ALWAYS AS ("
    "to_tsvector('simple', names) || to_tsvector('simple', content)) STORED",
    f"ALTER TABLE {TABLE} ADD COLUMN names_document tsvector GENERATED ALWAYS AS (to_tsvector('simple', names)) STORED",
    f"CREATE INDEX search_document_gin ON {TABLE} USING gin (document)",
    # Every matching row's id is read from the table itself (GIN holds no ids): rows narrowed
    # to pointers to their out-of-line text make that 2.7 MB instead of 14 MB at 10,000
    # guides, 3 ms instead of 11 ms for a word on 8,000 rows.
    f"ALTER TABLE {TABLE} SET (toast_tuple_target = 128)",
    f"CREATE INDEX search_names_document_gin ON {TABLE} USING gin (names_document)",
]
# How PostgreSQL stores the index's text (migration 0006):
# - out of line (TOAST), compressed with lz4 where the server has it: several times faster
#   than the default pglz; writing the compressed text was a third of a rebuild (10,000
#   guides: 52 s of writing with pglz, 38 s with lz4);
# - except `names`, kept in the row (compressed; out of line only if a row cannot fit a page):
#   every process reads all of them into its copy (`names_of`), and out of line each was a
#   read of its own.
POSTGRES_COMPRESSED = ["names", "content", "title_bn", "title_en", "summary_bn", "summary_en", "text_bn", "text_en"]
POSTGRES_COMPRESSED += ["document", "names_document"]
POSTGRES_IN_ROW = ["names"]


def store(schema_editor, default=False):
    """Set how PostgreSQL stores the index's columns (see above); `default=True` undoes it.
    Rows already written keep their form until rewritten (a rebuild rewrites them all)."""
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    changes = [f"ALTER COLUMN {column} SET STORAGE {'EXTENDED' if default else 'MAIN'}" for column in POSTGRES_IN_ROW]
    with connection.cursor() as cursor:
        cursor.execute("SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'")
        if cursor.fetchone()[0]:
            method = "DEFAULT" if default else "lz4"
            changes += [f"ALTER COLUMN {column} SET COMPRESSION {method}" for column in POSTGRES_COMPRESSED]
    schema_editor.execute(f"ALTER TABLE {TABLE} {', '.join(changes)}")


POSTGRES_DROP = [
    f"ALTER TABLE {TABLE} RESET (toast_tuple_target)",
    "DROP FUNCTION IF EXISTS search_named(tsquery)",
    "DROP FUNCTION IF EXISTS search_matching(tsquery)",
    "DROP INDEX IF EXISTS search_names_document_gin",
    "DROP INDEX IF EXISTS search_document_gin",
    f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS names_document",
    f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS document",
]


def _whole(words):
    return len(words) == 1 and len(words[0]) == 1


def _sqlite_term(words):
    phrase = '"' + " ".join(words).replace('"', '""') + '"'
    return phrase if _whole(words) else phrase + "*"


def _postgres_lexeme(word):
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def _postgres_term(words):
    lexemes = [_postgres_lexeme(word) for word in words]
    if not _whole(words):
        lexemes[-1] += ":*"
    return "(" + " <-> ".join(lexemes) + ")"


def _needed(terms):
    """The terms of a slot that can find a row no other term finds: "কাজ" (any word beginning
    so) already finds every row "কাজে" or "কাজ করা" finds. Expansion offers such pairs often,
    and each term costs the engine a merge of its rows (a common word: thousands)."""
    terms = list(dict.fromkeys(tuple(words) for words in terms))
    beginnings = {words[0] for words in terms if len(words) == 1 and not _whole(words)}
    return [
        words
        for words in terms
        if not any(words[0].startswith(beginning) and words != (beginning,) for beginning in beginnings)
    ]


def _rows(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _every_rows_names():
    return dict(SearchEntry.objects.values_list("id", "names").iterator(chunk_size=2000))


_names = ProcessCopy(_every_rows_names)


def names_of(ids):
    """{id: names} of the index rows `ids`, from this process's copy (a row written since,
    by another process that could not say so, is read from the database)."""
    copy = _names.get()
    found = {pk: copy.get(pk) for pk in ids}
    missing = [pk for pk, names in found.items() if names is None]
    if missing:
        found.update(SearchEntry.objects.filter(id__in=missing).values_list("id", "names"))
    return {pk: names for pk, names in found.items() if names is not None}


# Where an engine counts a query's matches rather than reading them (`_Engine._reads_ids`), it
# reads them still when there are at most this many, and lists those of each kind with at most
# this many (`_Engine._counts`).
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


class _Engine:
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

    def matching(self, slots):
        """Ids of the rows matching every slot."""
        query = self._every(slots)
        every, ids = self._matched
        if every == query:
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
        ids of `first` that match)."""
        named_ids = None
        if self._reads_ids(slots):
            ids, named_ids = self._ids_and_named(slots)
        else:
            per_kind, ids = self._counts(slots, FEW)
            if ids is None:  # past FEW matches: counted, and the pages read what they show
                return self._counted_overview(slots, first, per_kind)
        ids.sort()  # (nearly in id order already: a quick sort)
        self._matched = (self._every(slots), ids)
        if not ids:
            return {}, {}, set()
        matching = set(ids)
        if len(matching.union(first)) <= 1:  # one row and no other to rank it against
            named = {}
        else:
            named_ids = self._named_ids(slots) if named_ids is None else named_ids
            named = names_of([pk for pk in named_ids if pk in matching])
        return _per_kind(ids), named, matching.intersection(first)

    _matched = (None, [])  # (the query, its matching ids) of the last overview that read them
    # (the query, {kind's position: its matching ids}) of the kinds with few matches that the
    # last count listed (`_counts`): a page that shows some of them needs no match of its own
    # (a match of a common word is most of a page's database time).
    _listed = (None, {})

    def _id_list(self):
        """SQL aggregating the ids of a group's rows into one text, "id,id,..."."""
        raise NotImplementedError

    def _counts(self, slots, few=None):
        """({kind's position: its rows matching every slot}, every matching id, or None past
        `few` matches), from one match: each kind's count and ids, as one text per kind (one
        value, not a row per id: 8,000 ids took longer to read a row at a time than to match).
        Past `few` matches, the ids of each kind with at most `few` are listed for `page`."""
        query = self._every(slots)
        per_kind_sql = f"FROM ({self._select()}) hit GROUP BY id / {KIND_SPAN}"  # noqa: S608
        sql = f"SELECT id / {KIND_SPAN}, COUNT(*), {self._id_list()} {per_kind_sql}"
        counted = self._rows(sql, [query])
        per_kind = {kind: count for kind, count, _ids in counted}
        if few is None or sum(per_kind.values()) <= few:
            return per_kind, [int(pk) for _kind, _count, ids in counted for pk in ids.split(",")]
        listed = {kind: sorted(map(int, ids.split(","))) for kind, count, ids in counted if count <= few}
        self._listed = (query, listed)
        return per_kind, None

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

    def page(self, slots, kind, excluded, offset, limit):
        """Ids of rows of the kind at position `kind` matching every slot, in id order, leaving
        out `excluded`: `limit` of them from `offset` on."""
        every, ids = self._matched
        query = self._every(slots)
        if every == query:
            start, end = bisect.bisect_left(ids, kind * KIND_SPAN), bisect.bisect_left(ids, (kind + 1) * KIND_SPAN)
            rows = (pk for pk in ids[start:end] if pk not in excluded)
            return list(itertools.islice(rows, offset, offset + limit))
        listed_for, listed = self._listed
        if listed_for == query and kind in listed:
            rows = (pk for pk in listed[kind] if pk not in excluded)
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


class SQLite(_Engine):
    """A slot (a list of terms, any of which may match) becomes an FTS5 expression."""

    @staticmethod
    def slot(terms):
        return "(" + " OR ".join(_sqlite_term(words) for words in _needed(terms)) + ")"

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
        return [row[0] for row in self._rows(self._select(), [_sqlite_term(words)])]

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


class Postgres(_Engine):
    """A slot becomes a `tsquery` of alternatives."""

    @staticmethod
    def slot(terms):
        return "(" + " | ".join(_postgres_term(words) for words in _needed(terms)) + ")"

    def _select(self):
        return f"SELECT id FROM {TABLE} WHERE document @@ CAST(%s AS tsquery)"  # noqa: S608

    def _every(self, slots):
        return " & ".join(self.slot(terms) for terms in slots)

    def _in(self, ids):
        # A subquery, not `= ANY(array)`: PostgreSQL hashes it, where ANY compares each row
        # with every id (40 ms for 10,000 rows and 1,000 ids).
        return "(id IN (SELECT unnest(CAST(%s AS bigint[]))))", [list(ids)]

    def phrase(self, words):
        return [row[0] for row in self._rows(self._select(), [_postgres_term(words)])]

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


def current():
    return Postgres() if connection.vendor == "postgresql" else SQLite()


def session():
    """The context of one search's statements (`_Engine.session`)."""
    return current().session()


def create(schema_editor):
    """DDL for the engine of the migration's database (other engines are not supported)."""
    vendor = schema_editor.connection.vendor
    statements = {"sqlite": [*SQLITE_CREATE, *SQLITE_TRIGGERS, *SQLITE_FILL], "postgresql": POSTGRES_CREATE}
    for statement in statements[vendor]:
        schema_editor.execute(statement)


def drop(schema_editor):
    statements = {"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}
    for statement in statements[schema_editor.connection.vendor]:
        schema_editor.execute(statement)
