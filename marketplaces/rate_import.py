"""The US dollar rate from Bangladesh Bank's interbank foreign exchange market page, once a day.

Bangladesh Bank publishes, at https://www.bb.org.bd/en/index.php/fxmarket/interbank_fxmarket,
a table "FX Spot" with one row per trading day: Date (dd/mm/yyyy) | Number of Deals |
Volume ($m) | Highest | Lowest | WAR. The WAR (weighted average rate) of the newest day is the
rate the calculator uses. The page's rows carry their own dates, unlike its "Exchange Rate of
Taka" page, which is headed with the day it was published while its rates are the previous
business day's.

`parse()` is pure (text in, rows out). `import_rate()` decides: a new, newer and plausible rate
is saved; anything else keeps the newest rate and leaves a RateImport row saying why, which the
admin shows to editors. `run_daily()` is the schedule runner's daily job: the first pass after
IMPORT_HOUR (Bangladesh time) claims the day's RateImport row and fetches, so several runners
fetch once between them. The site's reader pages never ask another host: only this job does.
"""

import datetime
import logging
import urllib.request
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from html.parser import HTMLParser

import reversion
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import ExchangeRate, RateImport

log = logging.getLogger(__name__)

SOURCE_URL = "https://www.bb.org.bd/en/index.php/fxmarket/interbank_fxmarket"
# A day's rate that differs from the last one by more than this share is held for an editor.
MAX_MOVE = Decimal("0.10")
# Bangladesh Bank posts the previous day's market during the morning; fetch after it.
IMPORT_HOUR = 11
TIMEOUT_SECONDS = 30
NOTE_BN = "বাংলাদেশ ব্যাংকের আন্তঃব্যাংক বাজারে ডলারের ভারিত গড় দাম, সেদিনের লেনদেন থেকে।"
NOTE_EN = "Bangladesh Bank's weighted average rate (WAR) of the day's interbank dollar trades."


class ImportFailed(Exception):
    """The page could not be fetched or read: the newest rate stays."""


@dataclass(frozen=True)
class DayRate:
    day: datetime.date
    highest: Decimal
    lowest: Decimal
    war: Decimal


class _Rows(HTMLParser):
    """Every table row's cell texts, in page order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.rows, self._row, self._cell = [], None, None

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.rows.append(self._row)
            self._row = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def _date(text):
    try:
        return datetime.datetime.strptime(text.strip(), "%d/%m/%Y").date()
    except ValueError:
        return None


def _number(text):
    try:
        return Decimal(text.replace(",", "").strip())
    except InvalidOperation:
        return None


def parse(html):
    """The spot market's days, newest first: rows of a date and five numbers (deals, volume,
    highest, lowest, WAR). Forward and swap rows have three cells and no rates, so they never
    match. Raises ImportFailed when the page has none (a bot-check page, a new layout)."""
    reader = _Rows()
    reader.feed(html)
    days = {}
    for cells in reader.rows:
        if len(cells) < 6 or (day := _date(cells[0])) is None:
            continue
        highest, lowest, war = (_number(cell) for cell in cells[3:6])
        if None in (highest, lowest, war):
            continue
        # The page has once printed the two extremes in each other's columns; sort them.
        days.setdefault(day, DayRate(day, max(highest, lowest), min(highest, lowest), war))
    if not days:
        raise ImportFailed("no spot market rows with a date and a weighted average rate on the page")
    return sorted(days.values(), key=lambda rate: rate.day, reverse=True)


def fetch(url):
    if not url.startswith("https://"):
        raise ImportFailed(f"not an https address: {url}")
    request = urllib.request.Request(url, headers={"User-Agent": "freelanceguide rate import (daily)"})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310 (https only, above)
            return response.read().decode("utf-8", errors="replace")
    except (OSError, ValueError) as error:  # URLError and timeouts are OSErrors
        raise ImportFailed(f"could not fetch {url}: {error}") from error


def _check(newest_day, last):
    """Why a parsed rate must not be used, or "" when it may."""
    if newest_day.war <= 0:
        return f"the weighted average rate {newest_day.war} is not above zero"
    if not newest_day.lowest <= newest_day.war <= newest_day.highest:
        return f"the weighted average rate {newest_day.war} is outside the day's range"
    if last is not None and abs(newest_day.war - last.taka_per_dollar) > MAX_MOVE * last.taka_per_dollar:
        return (
            f"{newest_day.war} taka on {newest_day.day} differs from the last rate "
            f"({last.taka_per_dollar} on {last.rate_on}) by more than {MAX_MOVE:.0%}"
        )
    return ""


def import_rate(html, record, source_url=SOURCE_URL):
    """Read the page's text into `record` (a RateImport) and save a new rate when it is sound."""
    last = ExchangeRate.objects.latest_first().first()
    try:
        newest_day = parse(html)[0]
    except ImportFailed as error:
        return _finish(record, RateImport.FAILED, str(error))
    record.rate_on, record.taka_per_dollar = newest_day.day, newest_day.war
    if problem := _check(newest_day, last):
        return _finish(record, RateImport.HELD, problem)
    if last is not None and newest_day.day <= last.rate_on:
        # The same day or an older one: an editor's (or an earlier import's) rate stays as it is.
        return _finish(record, RateImport.UNCHANGED, f"no rate newer than {last.rate_on} on the page")
    with transaction.atomic(), reversion.create_revision():
        reversion.set_comment("Imported from Bangladesh Bank's interbank market page")
        rate = ExchangeRate.objects.create(
            rate_on=newest_day.day,
            taka_per_dollar=newest_day.war,
            source_url=source_url,
            note_bn=NOTE_BN,
            note_en=NOTE_EN,
        )
    return _finish(record, RateImport.IMPORTED, f"{rate.taka_per_dollar} taka on {rate.rate_on}")


def _finish(record, outcome, message):
    record.outcome, record.message = outcome, message[:400]
    record.save()
    (log.info if outcome in (RateImport.IMPORTED, RateImport.UNCHANGED) else log.warning)(
        "Exchange rate import: %s: %s", outcome, message
    )
    return record


def claim(today):
    """Today's RateImport row for exactly one caller (the unique date decides), else None."""
    try:
        with transaction.atomic():
            return RateImport.objects.create(run_on=today, outcome=RateImport.RUNNING)
    except IntegrityError:
        return None


def run_daily(now, fetch_page=fetch):
    """The schedule runner's daily job: True when this pass imported (or tried to)."""
    url = getattr(settings, "EXCHANGE_RATE_IMPORT_URL", "")
    local = timezone.localtime(now)
    if not url or local.hour < IMPORT_HOUR or RateImport.objects.filter(run_on=local.date()).exists():
        return False
    record = claim(local.date())
    if record is None:
        return False  # another runner took today's import
    try:
        html = fetch_page(url)
    except ImportFailed as error:
        _finish(record, RateImport.FAILED, str(error))
        return True
    import_rate(html, record, source_url=url)
    return True
