"""iCalendar import by RFC 5545, and every observation of issue 14 as a regression test.

Oracle: python-recurring-ical-events reads each calendar (the shared ones written by
others in ../shared/fixtures/ics and ours in tests/fixtures/ics); the site's dates of
every imported event must be the same over ±5 years around today and around the
calendar's first date. Where recurring-ical-events itself departs from RFC 5545 the
oracle is corrected in one named place (``rfc_reading``) and the case has its own test.

Hostile calendars (tests/test_ics_hostile.py) go through the public surfaces: ``manage.py
import_ics`` and the admin upload (an HTTP POST with a logged-in editor).
"""

import datetime as dt
import os
import time
from io import StringIO
from pathlib import Path

import icalendar
import pytest
import recurring_ical_events
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from events.importer import import_calendar
from events.models import EventDate, EventPage
from events.recurrence import BERLIN, Schedule, berlin
from home.models import TargetGroup
from tests.conftest import make_term

pytestmark = pytest.mark.django_db


def originals():
    """The imported pages themselves (each has an alias in every other language)."""
    return EventPage.objects.filter(alias_of__isnull=True)


SHARED = (
    Path(os.environ.get("SHARED_FIXTURES_DIR", Path(__file__).resolve().parents[2] / "shared"))
    / "fixtures"
    / "ics"
)
OWN = Path(__file__).resolve().parent / "fixtures" / "ics"
# Ours whose reading by recurring-ical-events departs from RFC 5545 in ways rfc_reading()
# cannot correct: a DATE DTSTART with a DATE-TIME DTEND starts at midnight UTC there.
NOT_FOR_THE_ORACLE = {"mixed_value_types.ics"}
YEARS = dt.timedelta(days=5 * 366)


def calendars():
    own = [path for path in sorted(OWN.glob("*.ics")) if path.name not in NOT_FOR_THE_ORACLE]
    shared = sorted(SHARED.glob("*.ics")) if SHARED.is_dir() else []
    return [pytest.param(path, id=path.name) for path in shared + own]


def test_the_shared_calendars_are_there():
    if not SHARED.is_dir():
        pytest.skip(
            f"the shared iCalendar fixtures are missing: {SHARED} (see SHARED_FIXTURES_DIR)"
        )
    assert len(list(SHARED.glob("*.ics"))) >= 11


def command(tree, path, **options):
    """manage.py import_ics PATH: its output (stdout)."""
    out = StringIO()
    call_command(
        "import_ics", str(path), parent=tree.events.pk, stdout=out, stderr=StringIO(), **options
    )
    return out.getvalue()


# --------------------------------------------------------------------------- the oracle


def as_utc(value):
    """A DATE or DATE-TIME as UTC; dates and floating times are Berlin's wall clock."""
    if not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, dt.time.min)
    if value.tzinfo is None:
        value = value.replace(tzinfo=BERLIN)
    return value.astimezone(dt.UTC)


def rfc_reading(calendar):
    """Corrections of recurring-ical-events' reading where RFC 5545 says otherwise.

    A UTC EXDATE on a floating series makes recurring-ical-events read the floating
    times as UTC (a shift of 1–2 h); the site keeps the wall clock (floating times are
    Berlin's) and cancels the repetition the EXDATE names: the same wall-clock value.
    """
    for event in calendar.walk("VEVENT"):
        start = event.get("DTSTART")
        if start is None or not isinstance(start.dt, dt.datetime) or start.dt.tzinfo:
            continue
        for name in ("EXDATE", "RDATE"):
            found = event.get(name)
            found = found if isinstance(found, list) else [found] if found else []
            for prop in found:
                for value in prop.dts:
                    if isinstance(value.dt, dt.datetime) and value.dt.tzinfo:
                        value.dt = value.dt.replace(tzinfo=None)
    return calendar


def period(occurrence):
    """(start, end) in UTC of an occurrence; an all-day date lasts at least a day."""
    start = occurrence["DTSTART"].dt
    if "DTEND" in occurrence:
        end = occurrence["DTEND"].dt
    elif "DURATION" in occurrence:
        end = start + occurrence["DURATION"].dt
    else:
        end = start + dt.timedelta(days=1) if not isinstance(start, dt.datetime) else start
    if not isinstance(start, dt.datetime) and end <= start:
        end = start + dt.timedelta(days=1)  # DTEND = DTSTART on a DATE: RFC 5545 3.6.1
    return as_utc(start), as_utc(end)


def oracle(data, after, before):
    """{UID: {(start, end)}} as recurring-ical-events reads the calendar."""
    calendar = rfc_reading(icalendar.Calendar.from_ical(data))
    dates = {}
    for occurrence in recurring_ical_events.of(calendar).between(after, before):
        if str(occurrence.get("STATUS", "")).upper() == "CANCELLED":
            continue
        key = str(occurrence.get("UID", "")) or str(occurrence.get("SUMMARY", ""))
        dates.setdefault(key, set()).add(period(occurrence))
    return dates


def site(pages, after, before):
    """{UID: {(start, end)}} of the imported pages, as their schedules give them."""
    dates = {}
    for page in pages:
        key = page.title if page.ical_uid.endswith("@import") else page.ical_uid
        found = dates.setdefault(key, set())
        for start, end in page.schedule().occurrences(after, before):
            if page.all_day:
                found.add((as_utc(start.date()), as_utc(end.date() + dt.timedelta(days=1))))
            else:
                found.add((as_utc(start), as_utc(end)))
    return {key: found for key, found in dates.items() if found}


def first_start(data):
    calendar = icalendar.Calendar.from_ical(data)
    return min(as_utc(event["DTSTART"].dt) for event in calendar.walk("VEVENT"))


@pytest.mark.parametrize("path", calendars())
def test_the_sites_dates_are_recurring_ical_events_dates(tree, path):
    data = path.read_bytes()
    report = import_calendar(data, tree.events, source_name=path.name)
    assert report.skipped == []
    pages = originals().filter(ical_source=path.name)
    # A whole event with STATUS:CANCELLED keeps its dates on the site, marked cancelled;
    # recurring-ical-events leaves them out.
    taking_place = [page for page in pages if page.status != EventPage.Status.CANCELLED]
    assert taking_place
    for middle in (timezone.now(), first_start(data)):
        after, before = middle - YEARS, middle + YEARS
        assert site(taking_place, after, before) == oracle(data, after, before), path.name


# --------------------------------------------------------------------------- rules stay rules


def test_a_daily_rule_in_utc_without_end_has_dates_now_and_in_years(tree, client):
    """Was: split into 500 single dates from 2020, so none in the current window."""
    command(tree, OWN / "utc_daily_open.ics")
    page = originals().get(ical_uid="morning-call@partner.example")
    assert page.recurrence_rule == "FREQ=DAILY" and page.recurrence_timezone == "UTC"
    assert [row.start for row in page.occurrences.all()] == [
        dt.datetime(2020, 1, 1, 9, tzinfo=dt.UTC),
        dt.datetime(2026, 12, 24, 15, tzinfo=dt.UTC),
    ]
    assert sorted(row.date.isoformat() for row in page.exception_dates.all()) == [
        "2026-12-24",
        "2026-12-25",
        "2027-01-01",
    ]
    page.save_revision().publish()
    now = timezone.now()
    window = EventDate.objects.filter(page=page, start__gte=now, start__lt=now + dt.timedelta(7))
    assert [berlin(row.start).hour for row in window] in ([10] * 7, [11] * 7)  # 09:00 UTC
    later = page.schedule().occurrences(
        dt.datetime(2031, 7, 1, tzinfo=BERLIN), dt.datetime(2031, 7, 3, tzinfo=BERLIN)
    )
    assert [berlin(start).isoformat() for start, _end in later] == [
        "2031-07-01T11:00:00+02:00",
        "2031-07-02T11:00:00+02:00",
    ]
    listing = client.get(tree.events.url).content.decode()
    assert "Morgenrunde" in listing


def test_the_feed_of_a_series_in_another_zone_gives_the_listings_dates(tree, client):
    """One engine: what the site lists is what a calendar program expands from the feed."""
    import_calendar((OWN / "new_york_weekly.ics").read_bytes(), tree.events)
    import_calendar((OWN / "utc_daily_open.ics").read_bytes(), tree.events)
    for page in originals():
        page.save_revision().publish()
        feed = client.get(reverse("event_calendar", args=[page.pk]))
        calendar = icalendar.Calendar.from_ical(feed.content)
        start = calendar.walk("VEVENT")[0]["DTSTART"].dt
        assert start.tzinfo.key == page.recurrence_timezone
        after, before = timezone.now() - YEARS, timezone.now() + YEARS
        expanded = {
            period(occurrence)
            for occurrence in recurring_ical_events.of(calendar).between(after, before)
        }
        assert expanded == next(iter(site([page], after, before).values()))


def test_a_rule_finer_than_daily_that_ends_soon_becomes_single_dates(tree):
    data = (OWN / "unusual.ics").read_bytes()
    import_calendar(data, tree.events)
    photos = originals().get(ical_uid="workshop-hourly@partner.example")
    assert photos.recurrence_rule == "" and photos.occurrences.count() == 3


def test_a_rule_without_end_expands_only_within_the_window_quickly():
    schedule = Schedule(
        first=(
            dt.datetime(1900, 1, 1, 9, tzinfo=dt.UTC),
            dt.datetime(1900, 1, 1, 10, tzinfo=dt.UTC),
        ),
        rule="FREQ=DAILY",
        zone="UTC",
    )
    started = time.perf_counter()
    dates = schedule.occurrences(
        dt.datetime(2030, 1, 1, tzinfo=dt.UTC), dt.datetime(2030, 1, 11, tzinfo=dt.UTC)
    )
    assert len(dates) == 10 and time.perf_counter() - started < 2


@pytest.mark.parametrize(
    "rule", ["FREQ=SECONDLY", "FREQ=MINUTELY", "FREQ=HOURLY", "FREQ=DAILY;BYHOUR=1,2"]
)
def test_a_stored_rule_finer_than_daily_is_never_expanded(rule):
    first = (dt.datetime(2027, 1, 1, 9, tzinfo=BERLIN), dt.datetime(2027, 1, 1, 10, tzinfo=BERLIN))
    schedule = Schedule(first=first, rule=rule)
    assert schedule.rrule() is None
    assert schedule.occurrences(first[0], first[0] + dt.timedelta(days=400)) == [first]


# --------------------------------------------------------------------------- RFC 5545 readings


def test_open_ends_and_all_day_dates_follow_rfc_5545(tree):
    command(tree, OWN / "rfc_open_ends.ics")

    def dates(uid):
        page = originals().get(ical_uid=uid)
        return [
            f"{berlin(start):%d.%m. %H:%M}–{berlin(end):%d.%m. %H:%M}"
            for start, end in page.schedule().occurrences(
                dt.datetime(2027, 1, 1, tzinfo=BERLIN), dt.datetime(2028, 1, 1, tzinfo=BERLIN)
            )
        ]

    # DTEND = DTSTART on a DATE: one day (was: ended before it began).
    assert dates("same-day@partner.example") == ["10.03. 00:00–10.03. 23:59"]
    # No DTEND on a DATE: one day; on a DATE-TIME: ends at its start.
    assert dates("no-end-day@partner.example") == ["12.03. 00:00–12.03. 23:59"]
    assert dates("no-end-time@partner.example") == ["15.03. 12:00–15.03. 12:00"]
    assert dates("three-days@partner.example") == ["20.09. 00:00–22.09. 23:59"]
    assert len(dates("weekly-days@partner.example")) == 4  # 5 Saturdays, one cancelled


def test_floating_times_with_utc_exdates_keep_their_wall_clock(tree):
    """Was: shifted by 2 h (the floating times read as UTC)."""
    command(tree, OWN / "floating_utc_exdates.ics")
    page = originals().get(ical_uid="floating-course@partner.example")
    dates = page.schedule().occurrences(
        dt.datetime(2027, 5, 1, tzinfo=BERLIN), dt.datetime(2027, 7, 1, tzinfo=BERLIN)
    )
    assert {f"{berlin(start):%H:%M}–{berlin(end):%H:%M}" for start, end in dates} == {"10:00–11:30"}
    assert [berlin(start).day for start, _end in dates] == [1, 2, 4, 6, 7, 8, 9, 10]


def test_date_and_date_time_mixtures_are_read_by_dtstart_and_reported(tree):
    """Was: TypeError."""
    output = command(tree, OWN / "mixed_value_types.ics")
    assert output.splitlines()[-1] == "3 created, 0 updated, 0 unchanged"
    feast = originals().get(ical_uid="date-then-time@partner.example")
    assert feast.all_day
    assert [(row.start.date(), berlin(row.end).date()) for row in feast.occurrences.all()] == [
        (dt.date(2027, 4, 30), dt.date(2027, 5, 2))  # 1 to 2 May in Berlin, stored in UTC
    ]
    night = originals().get(ical_uid="time-then-date@partner.example").occurrences.get()
    assert (f"{berlin(night.start):%d. %H:%M}", f"{berlin(night.end):%d. %H:%M}") == (
        "01. 20:00",
        "02. 00:00",
    )
    holidays = originals().get(ical_uid="days-with-time-exdate@partner.example")
    days = [
        berlin(start).day
        for start, _end in holidays.schedule().occurrences(
            dt.datetime(2027, 7, 1, tzinfo=BERLIN), dt.datetime(2027, 8, 1, tzinfo=BERLIN)
        )
    ]
    assert days == [5, 6, 8, 9, 12]  # the DATE-TIME EXDATE cancels 7 July, RDATE adds 12
    assert output.count("DTSTART and DTEND mix DATE and DATE-TIME; read by DTSTART’s type.") == 2


def post(admin_client, tree, data, **extra):
    upload = SimpleUploadedFile("partner.ics", data, "text/calendar")
    return admin_client.post(
        reverse("events_import_calendar"), {"parent": tree.events.pk, "file": upload, **extra}
    )


# --------------------------------------------------------------------------- what is kept


def test_url_contact_categories_and_organiser_are_kept(tree):
    parents = make_term(TargetGroup, "Eltern", tr="Ebeveynler")
    make_term(TargetGroup, "Familien", slug="familie")
    organiser = tree.organisation("Verein Brücke e.V.")
    command(tree, OWN / "partner_details.ics")
    page = originals().get(ical_uid="elterncafe@partner.example")
    assert page.ical_uid == "elterncafe@partner.example"  # the partner's UID is kept
    assert [group.name for group in page.target_groups.all()] == ["Eltern", "Familien"]
    assert page.organiser == organiser
    assert page.notes.splitlines() == [
        "Webseite: https://partner.example/elterncafe",
        "Kontakt: Frau Beispiel, Tel. 01234 5678",
        "Kategorien: Mehrsprachig",
    ]
    assert parents.locale.language_code == "de"


def test_an_unknown_organiser_is_kept_in_the_notes(tree):
    import_calendar((OWN / "partner_details.ics").read_bytes(), tree.events)
    page = originals().get(ical_uid="elterncafe@partner.example")
    assert page.organiser is None
    assert "Veranstalter: Verein Brücke e.V. <info@bruecke.example>" in page.notes
    assert "Kategorien: Eltern, Familie, Mehrsprachig" in page.notes


def test_an_older_copy_does_not_overwrite_newer_data(tree):
    command(tree, OWN / "partner_details.ics")
    older = command(tree, OWN / "partner_details_older.ics")
    page = originals().get(ical_uid="elterncafe@partner.example")
    assert "Not applied, an older copy than the one imported before: Elterncafé (alter Stand)" in (
        older
    )
    assert older.splitlines()[-1].startswith("0 created, 0 updated, 0 unchanged; 1 older")
    assert page.get_latest_revision_as_object().title == "Elterncafé"
    newer = import_calendar((OWN / "partner_details_newer.ics").read_bytes(), tree.events)
    assert [title for title, _changes in newer.updated] == ["Elterncafé (neuer Stand)"]
    page.refresh_from_db()
    latest = page.get_latest_revision_as_object()
    assert (latest.title, latest.ical_sequence) == ("Elterncafé (neuer Stand)", 3)


def test_an_older_copy_uploaded_in_the_admin_is_not_applied(tree, admin_client):
    command(tree, OWN / "partner_details.ics")
    response = post(admin_client, tree, (OWN / "partner_details_older.ics").read_bytes())
    assert response.context["report"].older == ["Elterncafé (alter Stand)"]
    page = originals().get(ical_uid="elterncafe@partner.example")
    assert page.get_latest_revision_as_object().title == "Elterncafé"


def test_with_the_same_sequence_the_later_last_modified_wins(tree):
    data = (OWN / "partner_details.ics").read_bytes()
    import_calendar(data, tree.events)
    stale = data.replace(b"LAST-MODIFIED:20270301", b"LAST-MODIFIED:20270201").replace(
        b"SUMMARY:Elterncaf", b"SUMMARY:Altes Elterncaf"
    )
    assert import_calendar(stale, tree.events).older == ["Altes Elterncafé"]
    fresh = stale.replace(b"LAST-MODIFIED:20270201", b"LAST-MODIFIED:20270401")
    assert len(import_calendar(fresh, tree.events).updated) == 1
