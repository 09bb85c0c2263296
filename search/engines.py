"""The two databases' own full-text engines, behind one small interface.

Both match the same thing: a term is one or more normalised words, and it matches an index
row whose names or content hold those words in a row, the last one as a word's beginning
("web dev" finds "web development", "কাজ" finds "কাজের"). A one-letter term matches only the
whole word (a one-letter beginning matches almost every row).

- SQLite: FTS5 with the trigram tokenizer. Every part of the text is stored with a space on
  each side (search.models), so the substring " web dev" is exactly "a word 'web', then a word
  beginning 'dev'", and every term has at least three characters: SQLite 3.40's FTS5 ignores
  shorter terms (../shared/DESIGN.md), " কি" has three. Ranked with bm25.
- PostgreSQL: a `tsvector` of the same normalised text ('simple' configuration: no stemming,
  no stop words; PostgreSQL has no Bengali configuration), a GIN index, `ts_rank`. The query
  is written as a `tsquery` literal of quoted lexemes ('web' <-> 'dev':*), never parsed from
  the reader's text, so no input is query syntax.

Only the engine's relevance score differs between the two; search.results ranks by what both
compute alike first (see there), and by the score only among rows tied on all of that.
"""

from django.db import connection

TABLE = "search_searchentry"

SQLITE_FTS = "search_fts"
SQLITE_CREATE = [
    f"CREATE VIRTUAL TABLE {SQLITE_FTS} USING fts5(names, content, content='{TABLE}', content_rowid='id', "
    "tokenize='trigram')",
]
SQLITE_TRIGGERS = [
    f"CREATE TRIGGER search_fts_insert AFTER INSERT ON {TABLE} BEGIN "
    f"INSERT INTO {SQLITE_FTS}(rowid, names, content) VALUES (new.id, new.names, new.content); END",
    f"CREATE TRIGGER search_fts_delete AFTER DELETE ON {TABLE} BEGIN "
    f"INSERT INTO {SQLITE_FTS}({SQLITE_FTS}, rowid, names, content) VALUES ('delete', old.id, old.names, old.content); "
    "END",
    f"CREATE TRIGGER search_fts_update AFTER UPDATE ON {TABLE} BEGIN "
    f"INSERT INTO {SQLITE_FTS}({SQLITE_FTS}, rowid, names, content) VALUES ('delete', old.id, old.names, old.content); "
    f"INSERT INTO {SQLITE_FTS}(rowid, names, content) VALUES (new.id, new.names, new.content); END",
]
SQLITE_FILL = [f"INSERT INTO {SQLITE_FTS}({SQLITE_FTS}) VALUES ('rebuild')"]
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


def _sqlite_term(words):
    text = " " + " ".join(words) + (" " if len(words) == 1 and len(words[0]) == 1 else "")
    return '"' + text.replace('"', '""') + '"'


def _postgres_lexeme(word):
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def _postgres_term(words):
    lexemes = [_postgres_lexeme(word) for word in words]
    if not (len(words) == 1 and len(words[0]) == 1):
        lexemes[-1] += ":*"
    return "(" + " <-> ".join(lexemes) + ")"


class SQLite:
    @staticmethod
    def slot(terms):
        return "(" + " OR ".join(_sqlite_term(words) for words in terms) + ")"

    def hits_all(self, slots):
        """(sql, params): id, slots matched (all), score (lower is better) of rows matching every slot."""
        sql = (
            f"SELECT rowid AS id, {len(slots)} AS slots, bm25({SQLITE_FTS}, 10.0, 1.0) AS score "
            f"FROM {SQLITE_FTS} WHERE {SQLITE_FTS} MATCH %s"
        )
        return sql, [" AND ".join(self.slot(terms) for terms in slots)]

    def hits_any(self, slots):
        """(sql, params): id, number of slots matched, summed score of rows matching any slot."""
        if len(slots) == 1:  # (SQLite refuses bm25 in a one-part subquery it flattens)
            return self.hits_all(slots)
        one = f"SELECT rowid AS id, bm25({SQLITE_FTS}, 10.0, 1.0) AS score FROM {SQLITE_FTS} WHERE {SQLITE_FTS} MATCH %s"
        union = " UNION ALL ".join([one] * len(slots))
        sql = f"SELECT id, COUNT(*) AS slots, SUM(score) AS score FROM ({union}) hit GROUP BY id"
        return sql, [self.slot(terms) for terms in slots]

    contains = "instr"


class Postgres:
    @staticmethod
    def slot(terms):
        return "(" + " | ".join(_postgres_term(words) for words in terms) + ")"

    def hits_all(self, slots):
        sql = (
            f"SELECT id, {len(slots)} AS slots, -ts_rank(document, query) AS score "
            f"FROM {TABLE}, CAST(%s AS tsquery) query WHERE document @@ query"
        )
        return sql, [" & ".join(self.slot(terms) for terms in slots)]

    def hits_any(self, slots):
        one = f"SELECT id, -ts_rank(document, query) AS score FROM {TABLE}, CAST(%s AS tsquery) query WHERE document @@ query"
        union = " UNION ALL ".join([one] * len(slots))
        sql = f"SELECT id, COUNT(*) AS slots, SUM(score) AS score FROM ({union}) hit GROUP BY id"
        return sql, [self.slot(terms) for terms in slots]

    contains = "strpos"


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
