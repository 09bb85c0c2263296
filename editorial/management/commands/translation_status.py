"""Print the translation status of every translated item, per language; for editors and CI."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from editorial.translations import status as ts
from freelanceguide.models import language_codes

LABELS = {ts.MISSING: "missing", ts.OUTDATED: "outdated", ts.UP_TO_DATE: "up to date"}


class Command(BaseCommand):
    help = "Per model and item: which languages are missing, outdated or up to date, and when each was last edited."

    def add_arguments(self, parser):
        parser.add_argument(
            "--fail-on-missing", action="store_true", help="exit with status 1 when any translation is missing"
        )
        parser.add_argument(
            "--problems", action="store_true", help="list only items with a missing or outdated language"
        )

    def handle(self, *args, fail_on_missing=False, problems=False, **options):
        codes = language_codes()
        totals = {code: dict.fromkeys((ts.MISSING, ts.OUTDATED, ts.UP_TO_DATE), 0) for code in codes}
        for model in ts.tracked_models():
            rows = []
            for obj in ts.with_edit_times(model._default_manager.order_by("pk")):
                statuses = ts.row_statuses(obj)
                edited, _revised = ts.row_times(obj)
                for code in codes:
                    totals[code][statuses[code]] += 1
                if problems and set(statuses.values()) == {ts.UP_TO_DATE}:
                    continue
                cells = [f"{code}: {LABELS[statuses[code]]:<10} {self._when(edited[code])}" for code in codes]
                rows.append(f"  {ts.item_key(obj):<40} " + "   ".join(cells))
            if rows:
                self.stdout.write(f"{model._meta.label_lower}")
                self.stdout.write("\n".join(rows))
        summary = "; ".join(
            f"{code}: {counts[ts.MISSING]} missing, {counts[ts.OUTDATED]} outdated, {counts[ts.UP_TO_DATE]} up to date"
            for code, counts in totals.items()
        )
        self.stdout.write(f"Total: {summary}")
        missing = sum(counts[ts.MISSING] for counts in totals.values())
        if fail_on_missing and missing:
            raise CommandError(f"{missing} translation(s) missing", returncode=1)

    @staticmethod
    def _when(value):
        # ASCII, fixed width: this output is for terminals and CI logs, not for readers.
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else "(not recorded)"
