"""The daily import of Bangladesh Bank's dollar rate, read from a stored copy of the bank's page
(tests/marketplaces/data/README.md says where it comes from). No test touches the network:
every fetch is handed in, and a fetch that was not is a failure."""

import datetime
import io
import zoneinfo
from decimal import Decimal as D
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from editorial.schedules import daily
from marketplaces import rate_import
from marketplaces.models import ExchangeRate, RateImport
from tests import factories

PAGE = (Path(__file__).parent / "data" / "bb_interbank_fxmarket_2026-09-28.html").read_text(encoding="utf-8")
DHAKA = zoneinfo.ZoneInfo("Asia/Dhaka")
NOON = datetime.datetime(2026, 9, 29, 12, 0, tzinfo=DHAKA)
URL = "https://www.bb.org.bd/en/index.php/fxmarket/interbank_fxmarket"


def no_network(url):
    raise AssertionError(f"a test tried to fetch {url}")


def test_the_stored_page_gives_each_spot_day_newest_first():
    days = rate_import.parse(PAGE)
    assert [day.day for day in days] == [
        datetime.date(2026, 9, 28),
        datetime.date(2026, 9, 27),
        datetime.date(2026, 9, 24),
        datetime.date(2026, 9, 23),
        datetime.date(2026, 9, 22),
    ]
    newest = days[0]
    assert (newest.highest, newest.lowest, newest.war) == (D("122.8500"), D("122.7500"), D("122.8100"))


def test_swapped_extremes_are_sorted_and_forward_rows_never_count():
    page = "<table><tr><td>09/08/2026</td><td>5</td><td>10.00</td><td>123.75</td><td>123.79</td><td>123.77</td></tr>"
    page += "<tr><td>10/08/2026</td><td>0</td><td>0.00</td></tr></table>"
    (only,) = rate_import.parse(page)
    assert (only.day, only.highest, only.lowest) == (datetime.date(2026, 8, 9), D("123.79"), D("123.75"))


@pytest.mark.parametrize("page", ["", "<html><body>Please enable JavaScript to continue</body></html>"])
def test_a_page_without_rates_cannot_be_parsed(page):
    with pytest.raises(rate_import.ImportFailed):
        rate_import.parse(page)


@pytest.mark.django_db
def test_a_newer_sound_rate_is_saved_with_its_source_and_day():
    factories.exchange_rate(rate_on=datetime.date(2026, 2, 26), taka_per_dollar=D("122.30"))
    record = rate_import.import_rate(PAGE, RateImport.objects.create(run_on=datetime.date(2026, 9, 29)))
    assert record.outcome == RateImport.IMPORTED and not record.needs_editor
    newest = ExchangeRate.objects.latest_first().first()
    assert (newest.rate_on, newest.taka_per_dollar) == (datetime.date(2026, 9, 28), D("122.8100"))
    assert newest.source_url == URL and newest.note_en and newest.note_bn
    assert RateImport.latest_problem() is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("last", "outcome"),
    [
        (D("100.00"), RateImport.HELD),  # 122.81 is 22.8% above it
        (D("140.00"), RateImport.HELD),  # 12.3% below
        (D("115.00"), RateImport.IMPORTED),  # 6.8%: within 10%
    ],
)
def test_a_rate_that_moved_more_than_ten_percent_is_held_and_the_last_rate_stays(last, outcome):
    factories.exchange_rate(rate_on=datetime.date(2026, 9, 1), taka_per_dollar=last)
    record = rate_import.import_rate(PAGE, RateImport.objects.create(run_on=datetime.date(2026, 9, 29)))
    assert record.outcome == outcome
    newest = ExchangeRate.objects.latest_first().first()
    if outcome == RateImport.HELD:
        assert newest.taka_per_dollar == last and ExchangeRate.objects.count() == 1
        assert record.taka_per_dollar == D("122.8100") and "10%" in record.message
        assert RateImport.latest_problem() == record
    else:
        assert newest.taka_per_dollar == D("122.8100")


@pytest.mark.django_db
@pytest.mark.parametrize("war", ["0.0000", "-1.0000", "130.0000"])
def test_a_non_positive_or_out_of_range_rate_is_held(war):
    page = (
        f"<table><tr><td>28/09/2026</td><td>1</td><td>1</td><td>122.85</td><td>122.75</td><td>{war}</td></tr></table>"
    )
    record = rate_import.import_rate(page, RateImport.objects.create(run_on=datetime.date(2026, 9, 29)))
    assert record.outcome == RateImport.HELD and not ExchangeRate.objects.exists()


@pytest.mark.django_db
def test_an_editors_rate_for_the_same_or_a_later_day_is_never_overwritten():
    editors = factories.exchange_rate(rate_on=datetime.date(2026, 9, 28), taka_per_dollar=D("122.50"), note_en="mine")
    record = rate_import.import_rate(PAGE, RateImport.objects.create(run_on=datetime.date(2026, 9, 29)))
    assert record.outcome == RateImport.UNCHANGED
    editors.refresh_from_db()
    assert (editors.taka_per_dollar, editors.note_en, ExchangeRate.objects.count()) == (D("122.5000"), "mine", 1)
    later = factories.exchange_rate(rate_on=datetime.date(2026, 9, 30), taka_per_dollar=D("122.90"))
    rate_import.import_rate(PAGE, RateImport.objects.create(run_on=datetime.date(2026, 9, 30)))
    assert ExchangeRate.objects.latest_first().first() == later


@pytest.mark.django_db
@override_settings(EXCHANGE_RATE_IMPORT_URL=URL)
def test_the_daily_job_fetches_once_a_day_after_the_morning():
    fetched = []

    def fetch(url):
        fetched.append(url)
        return PAGE

    assert rate_import.run_daily(NOON.replace(hour=9), fetch_page=fetch) is False  # before IMPORT_HOUR
    assert rate_import.run_daily(NOON, fetch_page=fetch) is True
    assert rate_import.run_daily(NOON.replace(hour=15), fetch_page=fetch) is False  # today's is done
    assert fetched == [URL]
    assert RateImport.objects.get(run_on=datetime.date(2026, 9, 29)).outcome == RateImport.IMPORTED
    assert ExchangeRate.objects.get().taka_per_dollar == D("122.8100")


@pytest.mark.django_db
@override_settings(EXCHANGE_RATE_IMPORT_URL=URL)
def test_a_network_error_keeps_the_last_rate_and_is_listed_for_editors(staff_client):
    last = factories.exchange_rate(rate_on=datetime.date(2026, 9, 1), taka_per_dollar=D("122.00"))

    def down(url):
        raise rate_import.ImportFailed(f"could not fetch {url}: timed out")

    assert rate_import.run_daily(NOON, fetch_page=down) is True
    record = RateImport.objects.get()
    assert record.outcome == RateImport.FAILED and "timed out" in record.message
    assert list(ExchangeRate.objects.all()) == [last]
    en = {"Accept-Language": "en"}
    for page in ("/admin/marketplaces/exchangerate/", "/admin/marketplaces/rateimport/"):
        html = staff_client.get(page, headers=en).content.decode()
        assert "did not change the rate" in html and "timed out" in html


def test_fetch_turns_a_network_error_into_a_failed_import(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("connection refused")

    monkeypatch.setattr(rate_import.urllib.request, "urlopen", refuse)
    with pytest.raises(rate_import.ImportFailed, match="connection refused"):
        rate_import.fetch(URL)


@pytest.mark.django_db
def test_the_job_is_registered_with_the_schedule_runner_and_off_in_tests(monkeypatch):
    assert daily.JOBS["marketplaces.import_exchange_rate"] is rate_import.run_daily
    monkeypatch.setattr(rate_import, "fetch", no_network)
    # The test settings leave the URL empty: a runner pass in tests fetches nothing.
    assert daily.run_jobs(NOON) == []
    assert not RateImport.objects.exists()


@pytest.mark.django_db
def test_the_runner_pass_runs_the_daily_jobs_and_survives_a_broken_one(monkeypatch):
    monkeypatch.setattr(daily, "JOBS", {"ok": lambda now: True, "broken": lambda now: 1 / 0})
    # The runner closes old connections between passes; the test's database must stay open.
    monkeypatch.setattr("editorial.management.commands.run_schedules.close_old_connections", lambda: None)
    out = io.StringIO()
    call_command("run_schedules", "--once", stdout=out)
    assert "daily job ok ran" in out.getvalue()


@pytest.mark.django_db
def test_an_editor_imports_a_saved_copy_of_the_page(tmp_path):
    saved = tmp_path / "page.html"
    saved.write_text(PAGE, encoding="utf-8")
    call_command("import_exchange_rate", "--bangladesh-bank-page", str(saved), stdout=io.StringIO())
    assert ExchangeRate.objects.get().taka_per_dollar == D("122.8100")
    saved.write_text("<html>blocked</html>", encoding="utf-8")
    with pytest.raises(CommandError, match="no spot market rows"):
        call_command("import_exchange_rate", "--bangladesh-bank-page", str(saved), stdout=io.StringIO())
