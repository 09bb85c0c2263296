"""LoadedContent and TranslationEdit, moved here from freelanceguide with their rows.

freelanceguide/migrations/0004 renamed the tables to editorial_* and dropped the models from
its state; this creates them in editorial's state only (the tables are there). The content
types are relabelled too, so permissions, admin log entries and anything else pointing at them
follow the models instead of being left on stale types.
"""

import django.db.models.deletion
from django.db import migrations, models

MOVED = ("loadedcontent", "translationedit")


def relabel_content_types(old_app, new_app):
    def relabel(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        db = schema_editor.connection.alias
        for model in MOVED:
            old = ContentType.objects.using(db).filter(app_label=old_app, model=model).first()
            if old is None:
                continue  # a new database: post_migrate creates the type under its new app
            # A type already made for the new app (post_migrate after an earlier run) has no
            # history of its own; the old one has the permissions and log entries: keep it.
            ContentType.objects.using(db).filter(app_label=new_app, model=model).delete()
            old.app_label = new_app
            old.save(update_fields=["app_label"])

    return relabel


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("editorial", "0001_slug_redirects_and_reports"),
        ("freelanceguide", "0004_move_loaded_content_and_translation_edit_to_editorial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="LoadedContent",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("key", models.CharField(max_length=200, unique=True, verbose_name="item")),
                        ("fingerprint", models.CharField(max_length=64, verbose_name="fingerprint")),
                        ("loaded_at", models.DateTimeField(auto_now=True, verbose_name="loaded at")),
                    ],
                    options={
                        "verbose_name": "loaded content record",
                        "verbose_name_plural": "loaded content records",
                    },
                ),
                migrations.CreateModel(
                    name="TranslationEdit",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("object_id", models.PositiveBigIntegerField(verbose_name="item id")),
                        ("language", models.CharField(max_length=10, verbose_name="language")),
                        ("fingerprint", models.CharField(max_length=64, verbose_name="fingerprint")),
                        ("complete", models.BooleanField(default=False, verbose_name="complete")),
                        ("edited_at", models.DateTimeField(verbose_name="last edited")),
                        ("revised_at", models.DateTimeField(verbose_name="last new content")),
                        (
                            "seen_sources",
                            models.JSONField(blank=True, default=dict, verbose_name="source texts when last edited"),
                        ),
                        (
                            "content_type",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                to="contenttypes.contenttype",
                                verbose_name="kind of item",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "translation edit",
                        "verbose_name_plural": "translation edits",
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("content_type", "object_id", "language"), name="one_edit_per_language"
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(
            relabel_content_types("freelanceguide", "editorial"),
            relabel_content_types("editorial", "freelanceguide"),
        ),
    ]
