"""The databases' own full-text index (search.engines) and the vocabulary for query expansion;
then the whole index is rebuilt, since the stored text changed form (padded parts, Bangla
spelling variants folded)."""

from django.db import migrations, models


def create_engine_index(apps, schema_editor):
    from search import engines

    engines.create(schema_editor)


def drop_engine_index(apps, schema_editor):
    from search import engines

    engines.drop(schema_editor)


def fill(apps, schema_editor):
    from search.indexing import rebuild

    sources = {
        apps.get_model("guides", "Guide"): "guide",
        apps.get_model("skills", "Skill"): "skill",
        apps.get_model("marketplaces", "Marketplace"): "marketplace",
        apps.get_model("training", "Programme"): "programme",
        apps.get_model("glossary", "Term"): "term",
    }
    rebuild(sources, apps.get_model("search", "SearchEntry"), apps.get_model("search", "SearchWord"))


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_glossary_terms_in_search"),
        ("guides", "0002_search_aliases"),
        ("skills", "0002_search_aliases"),
        ("marketplaces", "0002_search_aliases"),
        ("training", "0001_programmes"),
        ("glossary", "0001_glossary_terms_and_topics"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchWord",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("word", models.CharField(max_length=100, unique=True, verbose_name="word")),
                ("key", models.CharField(max_length=200, verbose_name="romanised key")),
            ],
            options={
                "verbose_name": "search word",
                "verbose_name_plural": "search words",
            },
        ),
        migrations.RunPython(create_engine_index, drop_engine_index),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
