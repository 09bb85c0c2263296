"""Index the content that already exists; from here on saves and deletes keep it in step."""

from django.db import migrations


def fill(apps, schema_editor):
    from search.indexing import rebuild

    sources = {
        apps.get_model("guides", "Guide"): "guide",
        apps.get_model("skills", "Skill"): "skill",
        apps.get_model("marketplaces", "Marketplace"): "marketplace",
    }
    rebuild(sources, apps.get_model("search", "SearchEntry"))


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_search_index"),
        ("guides", "0002_search_aliases"),
        ("skills", "0002_search_aliases"),
        ("marketplaces", "0002_search_aliases"),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
