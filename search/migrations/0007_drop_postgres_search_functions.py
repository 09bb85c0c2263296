"""PostgreSQL: searches run in a transaction with sequential scans off (search.engines,
`Postgres.session`), no longer through the two SQL functions that did the same per statement."""

from django.db import migrations

TABLE = "search_searchentry"
FUNCTIONS = [
    "CREATE FUNCTION search_matching(query tsquery) RETURNS SETOF bigint LANGUAGE sql STABLE "
    f"SET enable_seqscan = off AS $$ SELECT e.id FROM {TABLE} e WHERE e.document @@ query $$",
    "CREATE FUNCTION search_named(query tsquery) RETURNS TABLE (id bigint, names text) LANGUAGE sql STABLE "
    f"SET enable_seqscan = off AS $$ SELECT e.id, e.names FROM {TABLE} e WHERE e.names_document @@ query $$",
]


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP FUNCTION IF EXISTS search_named(tsquery)")
        schema_editor.execute("DROP FUNCTION IF EXISTS search_matching(tsquery)")


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in FUNCTIONS:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0006_postgres_storage")]

    operations = [migrations.RunPython(drop, create)]
