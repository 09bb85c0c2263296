"""Write a backup of everything editors made: a portable, compressed JSON dump (see
editorial/backup_format.py for why times are written in full).

Why dumpdata and not the database's own tool: one format for SQLite and PostgreSQL (a backup
of a one-machine SQLite site restores into PostgreSQL when the site grows), readable, and the
same command is tested on both databases in CI. The dump is taken in one transaction, so it is
a consistent snapshot while the site keeps serving. Restore with `manage.py restore FILE`.
"""

from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection, transaction

# Rebuilt by `migrate` (content types, permissions) or worthless in a backup (sessions, login
# attempts). Everything else is kept: content in both languages, revisions, editors' accounts,
# the admin's log and the content loader's records (so it still never overwrites an editor).
# The search index is derived from the content: `restore` rebuilds it rather than loading it
# (the app's counts of searches go with it). Readers' own sentences (feedback) are not kept in
# backups at all, so none outlives its retention in an old backup file; the counts are kept.
EXCLUDED = ["contenttypes", "auth.permission", "sessions", "axes", "search", "feedback.sentence"]


class Command(BaseCommand):
    help = "Dump the site's data (both languages, revisions, editors) into backups/ as compressed JSON."

    def add_arguments(self, parser):
        parser.add_argument("--output", help="File to write; default backups/freelanceguide-<time>.fulljson.gz")

    def handle(self, *args, **options):
        output = options["output"]
        if not output:
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            output = Path(settings.BASE_DIR) / "backups" / f"freelanceguide-{stamp}.fulljson.gz"
        Path(output).parent.mkdir(parents=True, exist_ok=True)
        outermost = not connection.in_atomic_block
        with transaction.atomic():
            if connection.vendor == "postgresql" and outermost:
                # Every table read from the same snapshot (SQLite's read transaction already is).
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            call_command(
                "dumpdata",
                format="fulljson",
                natural_foreign=True,
                natural_primary=True,
                exclude=EXCLUDED,
                output=str(output),
                verbosity=0,
            )
        self.stdout.write(self.style.SUCCESS(f"Backup written: {output}"))
