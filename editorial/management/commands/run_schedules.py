"""Apply due "publish at" / "unpublish at" schedules and run the daily jobs (editorial.schedules.daily,
e.g. the exchange rate import): one pass with --once, else every 30 s.

Run beside gunicorn by `make run` and by the process manager in production (docs/deploy.md).
Safe on several machines at once: each due schedule is claimed by one runner only.
"""

import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django.utils import timezone

from editorial.schedules import daily, run_due


class Command(BaseCommand):
    help = "Apply due publish/unpublish schedules and run daily jobs (--once: one pass; else every --interval s)."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Run one pass and exit.")
        parser.add_argument("--interval", type=float, default=30.0, help="Seconds between passes (default 30).")

    def handle(self, *args, once=False, interval=30.0, **options):
        try:
            while True:
                close_old_connections()  # a database restart between passes must not kill the loop
                applied = run_due()
                if applied or options["verbosity"] > 1:
                    self.stdout.write(f"{applied} scheduled change(s) applied")
                for name in daily.run_jobs(timezone.now()):
                    self.stdout.write(f"daily job {name} ran")
                if once:
                    return
                time.sleep(interval)
        except KeyboardInterrupt:  # Ctrl+C on `make run` reaches the whole process group
            return
