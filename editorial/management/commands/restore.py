"""Restore a backup made by `manage.py backup` into a freshly migrated, empty database."""

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from editorial.registry import page_models


class Command(BaseCommand):
    help = "Load a backup (backups/*.fulljson.gz) into an empty database. Run `migrate` first."

    def add_arguments(self, parser):
        parser.add_argument("file", help="A file written by `manage.py backup`")

    def handle(self, *args, **options):
        # Restoring over live data would mix two states and could overwrite editors' work.
        for model in (*page_models(), get_user_model()):
            if model._default_manager.exists():
                raise CommandError(
                    f"The database already has {model._meta.verbose_name_plural}. Restore into an empty, "
                    "migrated database (see docs/deploy.md, 'Backups')."
                )
        with transaction.atomic():
            call_command("loaddata", options["file"], verbosity=0)
            call_command("rebuild_search_index", stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS(f"Restored: {options['file']}"))
