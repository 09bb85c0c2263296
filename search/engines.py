"""The two databases' own full-text engines, behind one small interface.

Both match the same thing: a term is one or more normalised words, and it matches an index
row whose names or content hold those words in a row, the last one as a word's beginning
("web dev" finds "web development", "কাজ" finds "কাজের"). A one-letter term matches only the
whole word (a one-letter beginning matches almost every row).

- SQLite: FTS5, tokenizer unicode61 with Bangla's vowel signs and virama as word characters
  (without them it cuts "ফ্রিল্যান্সিং" into pieces), a prefix index for word beginnings,
  bm25. The trigram tokenizer (what issue 15 first named) was measured here too: at 10,000
  guides a phrase of common Bangla words took 100-200 ms to match and building the index
  well over a minute, against a few ms and about 20 s with words (README, "Search").
- PostgreSQL: a `tsvector` of the same normalised text ('simple' configuration: no stemming,
  no stop words; PostgreSQL has no Bengali configuration), a GIN index, `ts_rank`. The query
  is written as a `tsquery` literal of quoted lexemes ('web' <-> 'dev':*), never parsed from
  the reader's text, so no input is query syntax; FTS5 gets quoted phrases the same way.

Only the engine's relevance score differs between the two, and it is computed only when a
query matches at most SCORED_MATCHES rows (scoring every row of a word that is on every page
costs more than the whole page may); search.results ranks by what both compute alike first.
"""

import unicodedata

from django.db import connection

TABLE = "search_searchentry"
SCORED_MATCHES = 1000

# Bangla's combining marks (vowel signs, virama, chandrabindu...): unicode61 would split words there.
_BANGLA_MARKS = "".join(chr(c) for c in range(0x0980, 0x0A00) if unicodedata.category(chr(c)) in ("Mn", "Mc"))
SQLITE_FTS = "search_fts"
SQLITE_CREATE = [
    f"CREATE VIRTUAL TABLE {SQLITE_FTS} USING fts5(names, content, content='{TABLE}', content_rowid='id', "
    f"""tokenize="unicode61 remove_diacritics 0 tokenchars '{_BANGLA_MARKS}'", prefix='2 3')""",
]
SQLITE_TRIGGERS = [
    f"CREATE TRIGGER search_fts_insert AFTER INSERT ON {TABLE} BEGIN "  # noqa: S608
    f"INSERT INTO {SQLITE_FTS}(rowid, names, content) VALUES (new.id, new.names, new.content); END",
    f"CREATE TRIGGER search_fts_delete AFTER DELETE ON {TABLE} BEGIN "  # noqa: S608
    f"INSERT INTO {SQLITE_FTS}({SQLITE_FTS}, rowid, names, content) VALUES ('delete', old.id, old.names, old.content); "
    "END",
    f"CREATE TRIGGER search_fts_update AFTER UPDATE ON {TABLE} BEGIN "  # noqa: S608
    f"INSERT INTO {SQLITE_FTS}({SQLITE_FTS}, rowid, names, content) VALUES ('delete', old.id, old.names, old.content); "
    f"INSERT INTO {SQLITE_FTS}(rowid, names, content) VALUES (new.id, new.names, new.content); END",
]
SQLITE_FILL = [f"INSERT INTO {SQLITE_FTS}({SQLITE_FTS}) VALUES ('rebuild')"]  # noqa: S608
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_update",
    f"DROP TABLE IF EXISTS {SQLITE_FTS}",
]

# Names weigh more than the text (A > B in ts_rank's default weights; 10:1 in bm25).
POSTGRES_CREATE = [
    f"ALTER TABLE {TABLE} ADD COLUMN document tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('simple', names), 'A') || setweight(to_tsvector('simple', content), 'B')) STORED",
    f"CREATE INDEX search_document_gin ON {TABLE} USING gin (document)",
]
POSTGRES_DROP = ["DROP INDEX IF EXISTS search_document_gin", f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS document"]


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


class SQLite:
    contains = "instr"

    @staticmethod
    def slot(terms):
        return "(" + " OR ".join(_sqlite_term(words) for words in terms) + ")"

    def _hits(self, match):
        """(sql, params): id and score (lower is better; 0 past SCORED_MATCHES) of the rows matching."""
        sql = (
            f"SELECT rowid AS id, CASE WHEN (SELECT COUNT(*) FROM {SQLITE_FTS} WHERE {SQLITE_FTS} MATCH %s) "  # noqa: S608
            f"<= {SCORED_MATCHES} THEN bm25({SQLITE_FTS}, 10.0, 1.0) ELSE 0 END AS score "
            f"FROM {SQLITE_FTS} WHERE {SQLITE_FTS} MATCH %s"
        )
        return sql, [match, match]

    def hits_all(self, slots):
        """(sql, params): id, slots matched (all), score of the rows matching every slot."""
        sql, params = self._hits(" AND ".join(self.slot(terms) for terms in slots))
        return f"SELECT id, {len(slots)} AS slots, score FROM ({sql}) hit", params  # noqa: S608

    def hits_any(self, slots):
        """(sql, params): id, number of slots matched, summed score of the rows matching any slot."""
        if len(slots) == 1:
            return self.hits_all(slots)
        parts = [self._hits(self.slot(terms)) for terms in slots]
        union = " UNION ALL ".join(sql for sql, _params in parts)
        sql = f"SELECT id, COUNT(*) AS slots, SUM(score) AS score FROM ({union}) hit GROUP BY id"  # noqa: S608
        return sql, [param for _sql, params in parts for param in params]


class Postgres:
    contains = "strpos"

    @staticmethod
    def slot(terms):
        return "(" + " | ".join(_postgres_term(words) for words in terms) + ")"

    def _hits(self, query):
        sql = (
            f"SELECT id, CASE WHEN (SELECT COUNT(*) FROM {TABLE} WHERE document @@ CAST(%s AS tsquery)) "  # noqa: S608
            f"<= {SCORED_MATCHES} THEN -ts_rank(document, CAST(%s AS tsquery)) ELSE 0 END AS score "
            f"FROM {TABLE} WHERE document @@ CAST(%s AS tsquery)"
        )
        return sql, [query, query, query]

    def hits_all(self, slots):
        sql, params = self._hits(" & ".join(self.slot(terms) for terms in slots))
        return f"SELECT id, {len(slots)} AS slots, score FROM ({sql}) hit", params  # noqa: S608

    def hits_any(self, slots):
        if len(slots) == 1:
            return self.hits_all(slots)
        parts = [self._hits(self.slot(terms)) for terms in slots]
        union = " UNION ALL ".join(sql for sql, _params in parts)
        sql = f"SELECT id, COUNT(*) AS slots, SUM(score) AS score FROM ({union}) hit GROUP BY id"  # noqa: S608
        return sql, [param for _sql, params in parts for param in params]


def current():
    return Postgres() if connection.vendor == "postgresql" else SQLite()


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
