"""The index's full-text tables, triggers and columns on each database, and how PostgreSQL stores
them: the DDL migrations 0005 and 0006 run (through search.engines: create, drop, store)."""

import unicodedata

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
