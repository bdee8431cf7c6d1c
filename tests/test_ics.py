"""iCalendar out: each event's .ics and the subscribable feeds, per language and per filter.

The feeds are read back with icalendar and expanded with recurring-ical-events;
the dates must be the dates the site's own listing shows.
"""

import datetime as dt
import re
from urllib.parse import urlsplit

import icalendar
import pytest
import recurring_ical_events
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Site

from events.models import EventPage
from events.recurrence import BERLIN
from home.models import TargetGroup
from tests.conftest import make_term
from tests.recurrence_helpers import event_with_rule, next_clock_change

pytestmark = pytest.mark.django_db


def get_calendar(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    content = response.content
    assert_well_formed(content)
    return icalendar.Calendar.from_ical(content)


def assert_well_formed(content):
    """RFC 5545 §3.1: CRLF line ends, lines folded at 75 octets; the required properties."""
    lines = content.split(b"\r\n")
    assert lines[0] == b"BEGIN:VCALENDAR" and lines[-2] == b"END:VCALENDAR" and lines[-1] == b""
    assert all(len(line) <= 75 for line in lines), "unfolded line"
    calendar = icalendar.Calendar.from_ical(content)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    for event in calendar.walk("VEVENT"):
        for name in ("UID", "DTSTAMP", "DTSTART"):
            assert name in event, f"VEVENT without {name}"
        assert event["DTSTAMP"].dt.tzinfo is not None  # DTSTAMP is UTC
    zones = {str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")}
    used = {
        prop.params["TZID"]
        for event in calendar.walk("VEVENT")
        for name in ("DTSTART", "DTEND")
        if name in event and "TZID" in (prop := event[name]).params
    }
    assert used <= zones, "TZID without VTIMEZONE"


def moment(value):
    """An iCalendar or listing value as the listing writes it."""
    if isinstance(value, dt.datetime):
        return value.astimezone(BERLIN).isoformat()
    return value.isoformat()


def feed_dates(calendar, after, before):
    """{(path of the event's page, start, end)} of the expanded feed."""
    dates = set()
    for occurrence in recurring_ical_events.of(calendar).between(after, before):
        start, end = occurrence["DTSTART"].dt, occurrence["DTEND"].dt
        if not isinstance(start, dt.datetime):
            end -= dt.timedelta(days=1)  # DTEND of a DATE is the day after the last day
        path = urlsplit(str(occurrence["URL"])).path
        dates.add((path, moment(start), moment(end)))
    return dates


CARD = re.compile(
    r'<li class="card event-card"[^>]*>\s*<p class="event-date">(.*?)</p>\s*'
    r'<h3 class="card-title"><a href="([^"]+)">',
    re.S,
)


def listing_dates(client, url, **params):
    """{(path, start, end)} of every card on every page of the listing."""
    dates, page = set(), 1
    while True:
        html = client.get(url, {**params, "page": page}).content.decode()
        for when, path in CARD.findall(html):
            times = re.findall(r'<time datetime="([^"]+)"', when)
            dates.add((path, times[0], times[-1]))
        if 'rel="next"' not in html:
            return dates
        page += 1


@pytest.fixture
def calendar_events(tree):
    """Weekly, monthly, all-day, single and cancelled events in the coming months."""
    spring, autumn = next_clock_change(3), next_clock_change(10)
    youth = make_term(TargetGroup, "Jugendliche")
    verein = tree.organisation("Jugendverein")

    def evening(day, hour=18):
        return dt.datetime.combine(day, dt.time(hour), tzinfo=BERLIN)

    first = evening(spring - dt.timedelta(days=12))  # a Tuesday or so, before the change
    weekly = event_with_rule(
        tree,
        "Sprachcafé",
        first,
        "FREQ=WEEKLY;COUNT=6",
        exceptions=[(first + dt.timedelta(days=14)).date()],
        # an extra date in the morning on the cancelled day, one replacing a repetition
        extra=[
            (first + dt.timedelta(days=14, hours=-8), first + dt.timedelta(days=14, hours=-6)),
            (first + dt.timedelta(days=21), first + dt.timedelta(days=21, hours=3)),
        ],
        organiser=verein,
        target_groups=[youth],
    )
    monthly = event_with_rule(
        tree,
        "Beratung",
        evening(autumn - dt.timedelta(days=35), 10),
        "FREQ=MONTHLY;COUNT=4",
    )
    festival = event_with_rule(
        tree,
        "Stadtfest",
        dt.datetime.combine(spring + dt.timedelta(days=40), dt.time(0), tzinfo=BERLIN),
        "FREQ=YEARLY;COUNT=2",
        hours=24 * 2 + 23,
        all_day=True,
    )
    single = tree.event("Fachtag", dates=((9,),), organiser=verein)
    cancelled = tree.event("Sommerfest", dates=((30,),), status=EventPage.Status.CANCELLED)
    return {
        "weekly": weekly,
        "monthly": monthly,
        "festival": festival,
        "single": single,
        "cancelled": cancelled,
    }


def test_the_feed_expands_to_the_dates_the_listing_shows(client, calendar_events):
    calendar = get_calendar(client, "/de/calendar/events.ics")
    now = timezone.now()
    shown = listing_dates(client, "/de/veranstaltungen/")
    expanded = feed_dates(calendar, now, now + dt.timedelta(days=800))
    assert len(shown) == 6 + 4 + 2 + 1 + 1
    assert expanded == shown


def test_a_filtered_feed_expands_to_the_filtered_listing(client, calendar_events):
    calendar = get_calendar(client, "/de/calendar/events.ics?organiser=jugendverein")
    now = timezone.now()
    expanded = feed_dates(calendar, now, now + dt.timedelta(days=800))
    assert expanded == listing_dates(client, "/de/veranstaltungen/", organiser="jugendverein")
    titles = {str(event["SUMMARY"]) for event in calendar.walk("VEVENT")}
    assert titles == {"Sprachcafé", "Fachtag"}
    by_group = get_calendar(client, "/de/calendar/events.ics?target_group=jugendliche")
    assert {str(event["SUMMARY"]) for event in by_group.walk("VEVENT")} == {"Sprachcafé"}


def test_a_repeating_event_is_one_rule_with_its_exceptions(client, calendar_events):
    weekly = calendar_events["weekly"]
    calendar = get_calendar(client, f"/de/calendar/event-{weekly.pk}.ics")
    master, *extras = calendar.walk("VEVENT")
    assert master["RRULE"].to_ical().decode() == "FREQ=WEEKLY;COUNT=6"
    assert master["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert str(calendar.walk("VTIMEZONE")[0]["TZID"]) == "Europe/Berlin"
    first = weekly.occurrences.first().start.astimezone(BERLIN)
    excluded = [value.dt for value in master["EXDATE"].dts]
    assert excluded == [first + dt.timedelta(days=14), first + dt.timedelta(days=21)]
    assert len(extras) == 2
    assert len({str(event["UID"]) for event in [master, *extras]}) == 3


def test_uids_stay_the_same_across_downloads_and_languages(client, tree, calendar_events):
    tree.sync("ar")
    german = get_calendar(client, "/de/calendar/events.ics")
    again = get_calendar(client, "/de/calendar/events.ics")
    arabic = get_calendar(client, "/ar/calendar/events.ics")

    def uids(calendar):
        return sorted(str(event["UID"]) for event in calendar.walk("VEVENT"))

    assert uids(german) == uids(again) == uids(arabic)


def feed_uids(client, host):
    response = client.get("/de/calendar/events.ics", HTTP_HOST=host)
    assert response.status_code == 200
    return sorted(
        str(event["UID"]) for event in icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    )


def test_uids_do_not_depend_on_the_host_name_the_feed_is_reached_under(
    client, tree, calendar_events
):
    site = Site.objects.get(is_default_site=True)
    site.hostname = "portal.example.org"
    site.save()
    by_localhost = feed_uids(client, "localhost")
    assert by_localhost == feed_uids(client, "127.0.0.1")
    assert by_localhost and all(uid.endswith("@portal.example.org") for uid in by_localhost)


def test_calendar_uid_domain_setting_names_the_uids_domain(client, tree, calendar_events, settings):
    settings.CALENDAR_UID_DOMAIN = "calendar.example.net"
    uids = feed_uids(client, "localhost")
    assert uids and all(uid.endswith("@calendar.example.net") for uid in uids)


def test_the_feed_of_a_language_has_its_translations(client, tree, calendar_events):
    tree.translate(calendar_events["single"], "ar", title="يوم متخصص")
    tree.sync("ar")
    calendar = get_calendar(client, "/ar/calendar/events.ics")
    titles = {str(event["SUMMARY"]) for event in calendar.walk("VEVENT")}
    assert "يوم متخصص" in titles and "Fachtag" not in titles
    assert all("/ar/" in str(event["URL"]) for event in calendar.walk("VEVENT"))


def test_cancelled_events_carry_status_cancelled(client, calendar_events):
    cancelled = calendar_events["cancelled"]
    (event,) = get_calendar(client, f"/de/calendar/event-{cancelled.pk}.ics").walk("VEVENT")
    assert event["STATUS"] == "CANCELLED"
    assert str(event["SUMMARY"]).endswith(": Sommerfest")
    (single,) = get_calendar(client, f"/de/calendar/event-{calendar_events['single'].pk}.ics").walk(
        "VEVENT"
    )
    assert single["STATUS"] == "CONFIRMED"


def test_all_day_events_use_dates(client, calendar_events):
    festival = calendar_events["festival"]
    (event,) = get_calendar(client, f"/de/calendar/event-{festival.pk}.ics").walk("VEVENT")
    start, end = event["DTSTART"].dt, event["DTEND"].dt
    assert not isinstance(start, dt.datetime)
    assert end - start == dt.timedelta(days=3)
    assert event["RRULE"].to_ical().decode() == "FREQ=YEARLY;COUNT=2"


def test_the_event_download_is_an_attachment(client, calendar_events):
    response = client.get(f"/de/calendar/event-{calendar_events['single'].pk}.ics")
    assert response["Content-Disposition"] == 'attachment; filename="fachtag.ics"'


def test_drafts_and_unknown_events_have_no_calendar(client, calendar_events):
    single = calendar_events["single"]
    single.unpublish()
    assert client.get(f"/de/calendar/event-{single.pk}.ics").status_code == 404
    assert client.get("/de/calendar/event-999999.ics").status_code == 404
    calendar = get_calendar(client, "/de/calendar/events.ics")
    assert "Fachtag" not in {str(event["SUMMARY"]) for event in calendar.walk("VEVENT")}


def test_pages_advertise_their_calendars(client, calendar_events):
    html = client.get("/de/veranstaltungen/", {"organiser": "jugendverein"}).content.decode()
    assert (
        '<link rel="alternate" type="text/calendar" title="Events (iCalendar)" '
        'href="/de/calendar/events.ics?organiser=jugendverein">'
    ) in html.replace("Veranstaltungen (iCalendar)", "Events (iCalendar)")
    weekly = calendar_events["weekly"]
    html = client.get(weekly.url).content.decode()
    assert 'type="text/calendar" title="' in html
    assert f'href="/de/calendar/event-{weekly.pk}.ics"' in html


def test_the_feed_costs_the_same_with_5_and_20_events(client, tree):
    verein = tree.organisation("Verein")

    def add(start, count):
        first = timezone.localtime().replace(hour=18, minute=0, second=0, microsecond=0)
        for number in range(start, start + count):
            event_with_rule(
                tree,
                f"Treffen {number}",
                first + dt.timedelta(days=number + 1),
                "FREQ=WEEKLY;COUNT=4",
                organiser=verein,
            )

    def queries():
        assert client.get("/de/calendar/events.ics").status_code == 200  # warm caches
        with CaptureQueriesContext(connection) as context:
            assert client.get("/de/calendar/events.ics").status_code == 200
        return len(context.captured_queries)

    add(0, 5)
    few = queries()
    add(5, 15)
    assert queries() == few


def test_the_feed_holds_the_events_that_come_next(client, tree, monkeypatch):
    """A large site's feed stays small: the FEED_MAX_EVENTS events whose dates come next in
    the window (30 days back, a year ahead); later or older events are left out."""
    monkeypatch.setattr("events.views.FEED_MAX_EVENTS", 3)
    for days in (9, 2, 400, 5, -45, 7, -3):
        tree.event(f"In {days} Tagen", dates=((days,),))
    calendar = get_calendar(client, "/de/calendar/events.ics")
    titles = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
    assert titles == ["In -3 Tagen", "In 2 Tagen", "In 5 Tagen"]
