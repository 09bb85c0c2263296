"""Filled the index for the plain-table search; migration 0003 now builds it (and the
full-text index) from scratch, so this step does nothing any more."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_search_index"),
        ("guides", "0002_search_aliases"),
        ("skills", "0002_search_aliases"),
        ("marketplaces", "0002_search_aliases"),
    ]

    operations = [migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop)]
