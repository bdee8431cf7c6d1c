"""Helpers of the repeating-event tests (tests/test_recurrence.py, tests/test_event_dates.py):
Berlin times, events with a rule, the listing's dates."""

import datetime as dt
import re

from django.utils import timezone

from events.models import EventExceptionDate, EventOccurrence, EventPage
from events.recurrence import (
    BERLIN,
    Schedule,
)


def at(year, month, day, hour=18, minute=0):
    return dt.datetime(year, month, day, hour, minute, tzinfo=BERLIN)


def series(first, rule="", hours=2, **fields):
    return Schedule(first=(first, first + dt.timedelta(hours=hours)), rule=rule, **fields)


def local(dates):
    """The dates as "YYYY-MM-DD HH:MM+ZZZZ–HH:MM" in Berlin time."""
    return [
        f"{start.astimezone(BERLIN):%Y-%m-%d %H:%M%z}–{end.astimezone(BERLIN):%H:%M}"
        for start, end in dates
    ]


EVERYTHING = (at(2020, 1, 1), at(2031, 1, 1))


def last_sunday(year, month):
    day = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return day - dt.timedelta(days=(day.weekday() + 1) % 7)


def next_clock_change(month):
    """The next last Sunday of March (3) or October (10) at least three weeks ahead."""
    today = timezone.localdate()
    day = last_sunday(today.year, month)
    return day if day > today + dt.timedelta(days=21) else last_sunday(today.year + 1, month)


def event_with_rule(tree, title, first, rule, hours=2, exceptions=(), extra=(), **fields):
    """A live event whose first date starts at first (aware) and repeats by rule."""
    rows = [EventOccurrence(start=first, end=first + dt.timedelta(hours=hours))]
    rows += [EventOccurrence(start=start, end=end) for start, end in extra]
    fields.setdefault("teaser", f"{title}: regelmäßiges Treffen.")
    return tree.add(
        tree.events,
        EventPage(
            title=title,
            occurrences=rows,
            recurrence_rule=rule,
            exception_dates=[EventExceptionDate(date=day) for day in exceptions],
            **fields,
        ),
    )


def listed_starts(html):
    return re.findall(r'<p class="event-date"><time datetime="([^"]+)"', html)


def listed_titles(html):
    return re.findall(r'<h3 class="card-title"><a href="[^"]+"[^>]*>([^<]+)</a></h3>', html)


def event_index(client, lang="de", **params):
    response = client.get(f"/{lang}/veranstaltungen/", params)
    assert response.status_code == 200
    return response.content.decode()
