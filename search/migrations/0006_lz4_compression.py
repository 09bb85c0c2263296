"""The index's out-of-line text compressed with lz4 on PostgreSQL (search.engines)."""

from django.db import migrations


def lz4(apps, schema_editor):
    from search import engines

    engines.compress_with_lz4(schema_editor)


def default(apps, schema_editor):
    from search import engines

    engines.compress_with_lz4(schema_editor, method="default")


class Migration(migrations.Migration):
    dependencies = [("search", "0005_full_text_index")]

    operations = [migrations.RunPython(lz4, default)]
