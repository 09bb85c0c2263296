"""Programme dates as an iCalendar file (RFC 5545) that phone calendars import.

Pure: the dates and the words come in, the file's bytes go out. A date with a time is an event
at that time in Asia/Dhaka (TZID, with its VTIMEZONE); a date without one is an all-day event
(DTSTART;VALUE=DATE). Each event's UID is the date's id, so importing the file again updates
the events instead of adding copies, and DTSTAMP is the day the date was checked, so the same
dates always give the same bytes (the page cache serves every reader the same file).
"""

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import icalendar

DHAKA = ZoneInfo("Asia/Dhaka")
PRODID = "-//Freelancing guide Bangladesh//Training dates//EN"


@dataclass(frozen=True)
class Event:
    uid: str
    on: datetime.date
    time: datetime.time | None
    summary: str
    url: str
    description: str
    stamp: datetime.date


def event(date, *, uid_domain, summary, url, description):
    """An Event of a ProgrammeDate (or anything with pk, on, time and checked_on)."""
    return Event(
        uid=f"programme-date-{date.pk}@{uid_domain}",
        on=date.on,
        time=date.time,
        summary=summary,
        url=url,
        description=description,
        stamp=date.checked_on,
    )


def ics(events, *, name, language):
    """The bytes of a calendar named `name` holding `events` (in the order given)."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Asia/Dhaka")
    for item in events:
        vevent = icalendar.Event()
        vevent.add("uid", item.uid)
        vevent.add("dtstamp", datetime.datetime.combine(item.stamp, datetime.time.min, tzinfo=datetime.UTC))
        if item.time is None:
            vevent.add("dtstart", item.on)
            vevent.add("dtend", item.on + datetime.timedelta(days=1))
            vevent.add("transp", "TRANSPARENT")
        else:
            vevent.add("dtstart", datetime.datetime.combine(item.on, item.time, tzinfo=DHAKA))
        vevent.add("summary", item.summary, parameters={"language": language})
        vevent.add("description", item.description, parameters={"language": language})
        vevent.add("url", item.url)
        calendar.add_component(vevent)
    calendar.add_missing_timezones()
    return calendar.to_ical()
