"""LoadedContent and TranslationEdit move to the editorial app (editorial/migrations/0002).

The tables are renamed here, with their rows; the models then leave this app's state only, so
nothing is dropped. editorial's migration creates them in its state on the renamed tables.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("freelanceguide", "0003_translation_edit_seen_sources"),
    ]

    operations = [
        migrations.AlterModelTable(name="loadedcontent", table="editorial_loadedcontent"),
        migrations.AlterModelTable(name="translationedit", table="editorial_translationedit"),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="LoadedContent"),
                migrations.DeleteModel(name="TranslationEdit"),
            ],
            database_operations=[],
        ),
    ]
