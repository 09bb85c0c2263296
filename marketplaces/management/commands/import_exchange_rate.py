"""Enter US dollar rates from a CSV file an editor downloaded, or from a saved copy of Bangladesh
Bank's interbank market page (what the schedule runner's daily import reads; see
marketplaces/rate_import.py), e.g. when the bank's site refused the runner:

    manage.py import_exchange_rate rates.csv
    manage.py import_exchange_rate --bangladesh-bank-page interbank_fxmarket.html

The file has a header row `date,taka_per_dollar,source_url` and optionally `note_bn,note_en`;
dates are YYYY-MM-DD. A date already entered is updated; every row is checked before any is saved.
"""

import csv
import datetime
from decimal import Decimal, InvalidOperation

import reversion
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from marketplaces import rate_import
from marketplaces.models import ExchangeRate, RateImport

REQUIRED = ("date", "taka_per_dollar", "source_url")


def read_rates(handle):
    reader = csv.DictReader(handle)
    missing = [name for name in REQUIRED if name not in (reader.fieldnames or [])]
    if missing:
        raise CommandError(f"missing column(s): {', '.join(missing)}")
    rates = []
    for line, row in enumerate(reader, start=2):
        try:
            rate = ExchangeRate(
                rate_on=datetime.date.fromisoformat(row["date"].strip()),
                taka_per_dollar=Decimal(row["taka_per_dollar"].strip()),
                source_url=row["source_url"].strip(),
                note_bn=(row.get("note_bn") or "").strip(),
                note_en=(row.get("note_en") or "").strip(),
            )
            rate.slug = rate.rate_on.isoformat()
            if rate.taka_per_dollar <= 0:
                raise ValueError("the rate must be more than zero")
            rate.full_clean(exclude=["slug", "rate_on"], validate_unique=False)
        except (ValueError, InvalidOperation, ValidationError) as error:
            raise CommandError(f"line {line}: {error}") from error
        rates.append(rate)
    return rates


class Command(BaseCommand):
    help = "Enter US dollar to taka rates from a CSV file (date,taka_per_dollar,source_url[,note_bn,note_en])."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", help="A CSV file of rates.")
        parser.add_argument(
            "--bangladesh-bank-page",
            metavar="HTML",
            help="A saved copy of Bangladesh Bank's interbank market page: its newest sound rate is entered.",
        )

    def handle(self, *args, path=None, bangladesh_bank_page=None, **options):
        if bangladesh_bank_page:
            return self.from_page(bangladesh_bank_page)
        if not path:
            raise CommandError("give a CSV file or --bangladesh-bank-page")
        try:
            with open(path, newline="", encoding="utf-8") as handle:
                rates = read_rates(handle)
        except OSError as error:
            raise CommandError(str(error)) from error
        with transaction.atomic(), reversion.create_revision():
            reversion.set_comment("Imported with manage.py import_exchange_rate")
            for rate in rates:
                fields = {
                    name: getattr(rate, name)
                    for name in ("taka_per_dollar", "source_url", "note_bn", "note_en", "slug")
                }
                ExchangeRate.objects.update_or_create(rate_on=rate.rate_on, defaults=fields)
        newest = ExchangeRate.objects.latest_first().first()
        self.stdout.write(self.style.SUCCESS(f"{len(rates)} rate(s) entered; the calculator uses {newest}."))

    def from_page(self, page):
        try:
            with open(page, encoding="utf-8", errors="replace") as handle:
                html = handle.read()
        except OSError as error:
            raise CommandError(str(error)) from error
        record, _created = RateImport.objects.get_or_create(run_on=timezone.localdate())
        record = rate_import.import_rate(html, record)
        if record.needs_editor:
            raise CommandError(f"{record.get_outcome_display()}: {record.message}")
        self.stdout.write(self.style.SUCCESS(f"{record.get_outcome_display()}: {record.message}"))
