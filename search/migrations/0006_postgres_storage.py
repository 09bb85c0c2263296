"""How PostgreSQL stores the index's text: lz4, names in the row (search.engines.store)."""

from django.db import migrations


def store(apps, schema_editor):
    from search import engines

    engines.store(schema_editor)


def undo(apps, schema_editor):
    from search import engines

    engines.store(schema_editor, default=True)


class Migration(migrations.Migration):
    dependencies = [("search", "0005_full_text_index")]

    operations = [migrations.RunPython(store, undo)]
