"""The .ics files of programme dates (training/calendar.py and its views): valid iCalendar that
phone calendars import, one event per future date, Asia/Dhaka for timed events, stable UIDs."""

import datetime

import icalendar
import pytest
from django.utils import timezone

from tests import factories
from training import calendar

pytestmark = pytest.mark.django_db


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


def events_of(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    parsed = icalendar.Calendar.from_ical(response.content)
    return parsed, list(parsed.walk("VEVENT"))


@pytest.fixture
def dated():
    programme = factories.programme(name_en="Youth freelancing", name_bn="যুব ফ্রিল্যান্সিং")
    other = factories.programme(name_en="Other course")
    hidden = factories.programme(name_en="Hidden course", published=False)
    return {
        "programme": programme,
        "past": factories.programme_date(programme, days(-3)),
        "deadline": factories.programme_date(programme, days(10), time=datetime.time(23, 59)),
        "test": factories.programme_date(programme, days(20), kind="test"),
        "other": factories.programme_date(other, days(5), kind="opens"),
        "hidden": factories.programme_date(hidden, days(6)),
    }


def test_a_programme_calendar_has_one_event_per_future_date_and_no_past_one(client, dated):
    parsed, events = events_of(client.get(f"/en/learn/{dated['programme'].slug}/calendar.ics"))
    assert parsed["VERSION"] == "2.0" and parsed["PRODID"]
    assert [event.get("dtstart").dt for event in events] == [
        datetime.datetime.combine(days(10), datetime.time(23, 59), tzinfo=calendar.DHAKA),
        days(20),
    ]
    uids = [str(event["UID"]) for event in events]
    assert len(set(uids)) == 2 and f"programme-date-{dated['past'].pk}@testserver" not in uids
    assert str(events[0]["SUMMARY"]) == "Application deadline: Youth freelancing"
    assert str(events[0]["URL"]) == f"http://testserver/en/learn/{dated['programme'].slug}/"


def test_timed_events_carry_tzid_asia_dhaka_and_all_day_ones_a_date(client, dated):
    body = client.get(f"/en/learn/{dated['programme'].slug}/calendar.ics").content.decode()
    assert "DTSTART;TZID=Asia/Dhaka:" in body
    assert "BEGIN:VTIMEZONE" in body and "TZID:Asia/Dhaka" in body
    assert f"DTSTART;VALUE=DATE:{days(20):%Y%m%d}" in body
    assert str(days(-3).strftime("%Y%m%d")) not in body.split("BEGIN:VEVENT", 1)[1]


def test_the_learn_calendar_holds_every_upcoming_date_of_published_programmes(client, dated):
    _, events = events_of(client.get("/en/learn/calendar.ics"))
    assert len(events) == 3  # the past date and the unpublished programme's date are left out
    assert [event.get("dtstart").dt for event in events][0] == days(5)


def test_summary_in_the_request_language(client, dated):
    _, events = events_of(client.get(f"/bn/learn/{dated['programme'].slug}/calendar.ics"))
    assert str(events[0]["SUMMARY"]) == "আবেদনের শেষ দিন: যুব ফ্রিল্যান্সিং"
    assert events[0]["SUMMARY"].params["LANGUAGE"] == "bn"


def test_uids_are_stable_and_the_bytes_the_same_for_everyone(client, dated):
    url = f"/en/learn/{dated['programme'].slug}/calendar.ics"
    assert client.get(url).content == client.get(url).content


def test_unknown_or_unpublished_programme_gives_404(client, dated):
    assert client.get("/en/learn/no-such/calendar.ics").status_code == 404
    assert client.get(f"/en/learn/{dated['hidden'].programme.slug}/calendar.ics").status_code == 404


def test_pure_module_writes_an_empty_but_valid_calendar():
    parsed = icalendar.Calendar.from_ical(calendar.ics([], name="Training dates", language="en"))
    assert list(parsed.walk("VEVENT")) == []
