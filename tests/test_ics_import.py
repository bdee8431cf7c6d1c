"""iCalendar in: partners' calendars become German draft events, re-imports update them by UID.

The shared fixtures (../shared/fixtures/ics, see their README) are calendars
written by others; each imported event must give the dates that
recurring-ical-events reads from the original. tests/fixtures/ics/ holds our own
small calendars for what the shared ones do not cover.
"""

import datetime as dt
import os
from io import StringIO
from pathlib import Path
from urllib.request import Request

import icalendar
import pytest
import recurring_ical_events
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import GroupPagePermission

from events.importer import (
    CalendarImportError,
    PublicRedirectHandler,
    fetch,
    import_calendar,
)
from events.models import EventPage
from events.recurrence import BERLIN, berlin

pytestmark = pytest.mark.django_db


def originals():
    """The imported pages themselves (each has an alias in every other language)."""
    return EventPage.objects.filter(alias_of__isnull=True)


# ../shared next to the repository; SHARED_FIXTURES_DIR for a checkout elsewhere (a worktree).
SHARED = (
    Path(os.environ.get("SHARED_FIXTURES_DIR", Path(__file__).resolve().parents[2] / "shared"))
    / "fixtures"
    / "ics"
)
OWN = Path(__file__).resolve().parent / "fixtures" / "ics"
needs_shared = pytest.mark.skipif(
    not SHARED.is_dir(),
    reason=f"the shared iCalendar fixtures are missing: {SHARED} (../shared is not checked out)",
)

SHARED_FIXTURES = [
    "icalendar_event_with_recurrence_exdates_on_different_lines.ics",
    "icalendar_issue_321_assert_dst_offset_is_not_false.ics",
    "icalendar_timezoned.ics",
    "icalendar_x_location.ics",
    "rie_each_week_but_one_deleted.ics",
    "rie_issue_18_cancel_status.ics",
    "rie_one_day_event_repeat_every_day.ics",
    "rie_rdate_falls_on_rrule_until.ics",
    "rie_recurring_events_changed_duration.ics",
    "rie_recurring_events_moved.ics",
]


def read(path):
    if not path.is_file():
        pytest.skip(f"missing fixture {path}")
    return path.read_bytes()


def period(start, end):
    """(start, end) in UTC; DATE values from midnight in Berlin (end: the day after)."""

    def moment(value):
        if not isinstance(value, dt.datetime):
            value = dt.datetime.combine(value, dt.time.min)
        if value.tzinfo is None:
            value = value.replace(tzinfo=BERLIN)
        return value.astimezone(dt.UTC)

    return moment(start), moment(end)


def original_dates(data):
    """{summary of the series: {(start, end)}} as recurring-ical-events reads the original."""
    parsed = icalendar.Calendar.from_ical(data)
    calendar = parsed
    if parsed.name == "VEVENT":
        calendar = icalendar.Calendar()
        calendar.add_component(parsed)
    masters = {
        str(event.get("UID", "")): str(event.get("SUMMARY", ""))
        for event in calendar.walk("VEVENT")
        if "RECURRENCE-ID" not in event
    }
    dates = {}
    for occurrence in recurring_ical_events.of(calendar).between(
        dt.date(1990, 1, 1), dt.date(2029, 1, 1)
    ):
        if str(occurrence.get("STATUS", "")).upper() == "CANCELLED":
            continue
        start = occurrence["DTSTART"].dt
        end = occurrence["DTEND"].dt if "DTEND" in occurrence else start + occurrence["DURATION"].dt
        title = masters.get(str(occurrence.get("UID", "")), str(occurrence.get("SUMMARY", "")))
        dates.setdefault(title, set()).add(period(start, end))
    return dates


EVER = (dt.datetime(1990, 1, 1, tzinfo=BERLIN), dt.datetime(2029, 1, 1, tzinfo=BERLIN))


def portal_dates(page):
    dates = set()
    for start, end in page.schedule().occurrences(
        dt.datetime(1990, 1, 1, tzinfo=BERLIN), dt.datetime(2029, 1, 1, tzinfo=BERLIN)
    ):
        if page.all_day:
            dates.add(period(start.date(), end.date() + dt.timedelta(days=1)))
        else:
            dates.add(period(start, end))
    return dates


def imported(tree, title):
    return originals().get(title=title, locale=tree.locales["de"])


# --------------------------------------------------------------------------- shared fixtures


@needs_shared
@pytest.mark.parametrize("name", SHARED_FIXTURES)
def test_each_shared_calendar_imports_with_the_original_dates(tree, name):
    data = read(SHARED / name)
    report = import_calendar(data, tree.events, source_name=name)
    expected = original_dates(data)
    assert sorted(report.created) == sorted(expected)
    for title, dates in expected.items():
        page = imported(tree, title)
        assert not page.live and page.has_unpublished_changes
        assert page.get_parent().pk == tree.events.pk
        assert page.locale.language_code == "de"
        assert page.ical_uid and page.ical_source == name
        assert page.latest_revision is not None
        assert portal_dates(page) == dates, title
    again = import_calendar(data, tree.events, source_name=name)
    assert again.created == [] and again.updated == []
    assert sorted(again.unchanged) == sorted(expected)


@needs_shared
def test_a_deleted_week_is_a_cancelled_day(tree):
    import_calendar(read(SHARED / "rie_each_week_but_one_deleted.ics"), tree.events)
    page = imported(tree, "test6")
    assert page.recurrence_rule == "FREQ=WEEKLY;COUNT=8"
    assert [row.date for row in page.exception_dates.all()] == [dt.date(2019, 3, 11)]
    assert len(portal_dates(page)) == 7


@needs_shared
def test_a_cancelled_occurrence_is_a_cancelled_day(tree):
    import_calendar(read(SHARED / "rie_issue_18_cancel_status.ics"), tree.events)
    page = imported(tree, "one is cancelled")
    assert [row.date for row in page.exception_dates.all()] == [dt.date(2020, 1, 29)]
    assert page.status == EventPage.Status.SCHEDULED  # the event as a whole still takes place
    assert len(portal_dates(page)) == 2


@needs_shared
def test_moved_occurrences_become_extra_dates_on_cancelled_days(tree):
    report = import_calendar(
        read(SHARED / "rie_recurring_events_changed_duration.ics"), tree.events
    )
    page = imported(tree, "New Event")
    assert page.recurrence_rule == "FREQ=DAILY;UNTIL=20190310T010000Z"
    assert [row.date.isoformat() for row in page.exception_dates.all()] == [
        "2019-03-08",
        "2019-03-09",
        "2019-03-10",
    ]
    extra = [
        f"{row.start.astimezone(BERLIN):%d. %H:%M}–{row.end.astimezone(BERLIN):%d. %H:%M}"
        for row in page.occurrences.all()[1:]
    ]
    assert extra == ["08. 01:00–08. 03:00", "09. 03:00–09. 03:30", "10. 00:00–11. 00:00"]
    assert any("test7 - edited" in note for note in report.notes)  # a renamed single date


@needs_shared
def test_extra_dates_and_exceptions_in_utc(tree):
    import_calendar(read(SHARED / "rie_rdate_falls_on_rrule_until.ics"), tree.events)
    page = imported(tree, "Test")
    assert page.recurrence_rule == "FREQ=WEEKLY;BYDAY=TU;UNTIL=20200204T151459Z;WKST=SU"
    assert [f"{row.start.astimezone(BERLIN):%Y-%m-%d %H:%M}" for row in page.occurrences.all()] == [
        "2019-10-15 16:15",
        "2020-02-04 16:15",
    ]
    assert len(portal_dates(page)) == 8


@needs_shared
def test_all_day_events_repeating_every_day(tree):
    import_calendar(read(SHARED / "rie_one_day_event_repeat_every_day.ics"), tree.events)
    page = imported(tree, "test3")
    assert page.all_day and page.recurrence_rule == "FREQ=DAILY"
    row = page.occurrences.get()
    assert row.start.astimezone(BERLIN).isoformat() == "2019-03-04T00:00:00+01:00"
    assert row.end.astimezone(BERLIN).isoformat() == "2019-03-04T23:59:59+01:00"


@needs_shared
@pytest.mark.parametrize(
    ("name", "title", "start", "end"),
    [
        (
            "icalendar_x_location.ics",
            "Daily Sync",
            "2016-10-28T14:00:00+02:00",
            "2016-10-28T14:30:00+02:00",
        ),
        (
            "icalendar_timezoned.ics",
            "artsprint 2012",
            "2012-02-13T10:00:00+01:00",
            "2012-02-17T18:00:00+01:00",
        ),
        (
            "icalendar_issue_321_assert_dst_offset_is_not_false.ics",
            "Reifenwechsel",
            "2020-04-03T10:20:00+02:00",
            "2020-04-03T11:30:00+02:00",
        ),
    ],
)
def test_other_time_zones_become_berlin_wall_clock_times(tree, name, title, start, end):
    import_calendar(read(SHARED / name), tree.events)
    row = imported(tree, title).occurrences.first()
    assert row.start.astimezone(BERLIN).isoformat() == start
    assert row.end.astimezone(BERLIN).isoformat() == end


@needs_shared
def test_locations_fill_venue_and_address(tree):
    import_calendar(read(SHARED / "icalendar_x_location.ics"), tree.events)
    page = imported(tree, "Daily Sync")
    assert (page.venue_name, page.venue_address) == ("Roadstar 16", "12764 Happyville\nDenmark")
    assert (
        page.recurrence_rule == "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
    )  # Zurich keeps Berlin's clocks
    assert page.teaser == "Some Description"


@needs_shared
def test_an_event_without_uid_is_found_again(tree):
    data = read(SHARED / "icalendar_event_with_recurrence_exdates_on_different_lines.ics")
    import_calendar(data, tree.events)
    import_calendar(data, tree.events)
    pages = originals().filter(title__startswith="A Recurring event")
    assert pages.count() == 1
    assert pages.get().exception_dates.count() == 5


@needs_shared
def test_the_german_public_holidays(tree):
    data = read(SHARED / "rie_Germany.ics")
    report = import_calendar(data, tree.events, source_name="Germany.ics")
    assert len(report.created) == 159
    pages = originals().filter(ical_source="Germany.ics")
    assert pages.count() == 159 and not pages.filter(all_day=False).exists()
    mothers_day = [
        page
        for page in pages.filter(title__contains="Mother's Day")
        if page.occurrences.first().start.astimezone(BERLIN).date() == dt.date(2014, 5, 11)
    ]
    assert [page.title for page in mothers_day] == ["Germany: Mother's Day [Not a public holiday]"]
    again = import_calendar(data, tree.events, source_name="Germany.ics")
    assert (
        len(again.unchanged) == 159
        and EventPage.objects.filter(alias_of__isnull=True).count() == 159
    )


# --------------------------------------------------------------------------- our own calendars


def test_a_rule_in_a_zone_with_other_clock_changes_stays_a_rule_in_that_zone(tree):
    """New York changes its clocks on 2027-03-14, Berlin on 2027-03-28."""
    data = read(OWN / "new_york_weekly.ics")
    report = import_calendar(data, tree.events)
    page = imported(tree, "Online-Austausch mit der Diaspora in New York")
    assert page.recurrence_rule == "FREQ=WEEKLY;BYDAY=MO;COUNT=6"
    assert page.recurrence_timezone == "America/New_York"
    assert page.occurrences.count() == 1 and report.notes == []
    (dates,) = original_dates(data).values()
    assert portal_dates(page) == dates
    times = [f"{berlin(start):%H:%M}" for start, _end in page.schedule().occurrences(*EVER)]
    assert times == ["19:00", "19:00", "18:00", "18:00", "19:00", "19:00"]


def test_hourly_rules_periods_and_floating_times(tree):
    data = read(OWN / "unusual.ics")
    import_calendar(data, tree.events)
    expected = original_dates(data)
    for title, dates in expected.items():
        assert portal_dates(imported(tree, title)) == dates, title
    photos = imported(tree, "Bewerbungsfotos (drei Durchgänge)")
    assert photos.recurrence_rule == "" and photos.occurrences.count() == 3
    sewing = imported(tree, "Nähwerkstatt")
    assert [
        f"{row.start.astimezone(BERLIN):%d. %H:%M}–{row.end.astimezone(BERLIN):%H:%M}"
        for row in sewing.occurrences.all()
    ] == ["10. 10:00–12:00", "17. 10:00–14:00"]
    assert (sewing.venue_name, sewing.venue_address) == (
        "Bürgerhaus",
        "Marktplatz 1\n12345 Mittelstadt",
    )
    reading = imported(tree, "Lesung").occurrences.get()
    assert reading.start.astimezone(BERLIN).isoformat() == "2027-04-12T19:00:00+02:00"


def test_reimporting_updates_by_uid_and_reports_what_changed(tree):
    import_calendar(read(OWN / "partner_v1.ics"), tree.events)
    cafe = originals().get(ical_uid="sprachcafe@partner.example", alias_of__isnull=True)
    assert cafe.teaser == "Deutsch üben bei Kaffee und Tee."
    assert cafe.background == "<p>Deutsch üben bei Kaffee und Tee.</p><p>Ohne Anmeldung.</p>"
    cafe.save_revision().publish()  # an editor reviewed and published it

    report = import_calendar(read(OWN / "partner_v2.ics"), tree.events)
    assert report.created == ["Herbstfest"]
    changes = dict(report.updated)
    assert set(changes) == {"Sprachcafé am Dienstag", "Sommerfest"}
    assert len(changes["Sprachcafé am Dienstag"]) == 3  # title, dates, cancelled days
    assert len(changes["Sommerfest"]) == 1  # status
    assert EventPage.objects.filter(alias_of__isnull=True).count() == 3

    cafe.refresh_from_db()
    assert cafe.live and cafe.title == "Sprachcafé"  # the live page waits for an editor
    assert cafe.has_unpublished_changes
    draft = cafe.get_latest_revision_as_object()
    assert draft.title == "Sprachcafé am Dienstag"
    assert [row.date.isoformat() for row in draft.exception_dates.all()] == [
        "2027-03-16",
        "2027-03-30",
    ]
    summer = originals().get(ical_uid="sommerfest@partner.example", alias_of__isnull=True)
    assert summer.get_latest_revision_as_object().status == EventPage.Status.CANCELLED
    assert report.notes == []  # every schedule was kept as the calendar has it


def test_a_cancelled_repeating_event_keeps_its_rule(tree):
    data = (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//DE\r\nBEGIN:VEVENT\r\n"
        b"UID:chor@partner.example\r\nDTSTAMP:20270101T000000Z\r\nSUMMARY:Chorprobe\r\n"
        b"STATUS:CANCELLED\r\nDTSTART;TZID=Europe/Berlin:20270303T190000\r\n"
        b"DTEND;TZID=Europe/Berlin:20270303T210000\r\nRRULE:FREQ=WEEKLY;COUNT=4\r\n"
        b"END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    report = import_calendar(data, tree.events)
    page = imported(tree, "Chorprobe")
    assert page.status == EventPage.Status.CANCELLED
    assert page.recurrence_rule == "FREQ=WEEKLY;COUNT=4" and report.notes == []


def test_imports_go_into_the_german_tree_only(tree):
    arabic_index = tree.translate(tree.events, "ar", title="الفعاليات")
    with pytest.raises(CalendarImportError):
        import_calendar(read(OWN / "partner_v1.ics"), arabic_index)


@pytest.mark.parametrize("data", [b"", b"not a calendar", b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n"])
def test_broken_files_are_refused_with_a_reason(tree, data):
    with pytest.raises(CalendarImportError):
        import_calendar(data, tree.events)


@pytest.mark.parametrize(
    "url", ["ftp://example.org/cal.ics", "http://127.0.0.1/cal.ics", "http://10.0.0.1/x.ics"]
)
def test_only_public_web_addresses_are_fetched(url):
    with pytest.raises(CalendarImportError):
        fetch(url)


@pytest.mark.parametrize("target", ["http://127.0.0.1/cal.ics", "file:///etc/passwd"])
def test_redirects_into_the_intranet_are_refused(target):
    """A public calendar URL that redirects to a private address or a file is not followed."""
    request = Request("https://calendar.example.org/cal.ics")
    handler = PublicRedirectHandler()
    with pytest.raises(CalendarImportError):
        handler.redirect_request(request, None, 302, "Found", {}, target)


def test_the_management_command(tree):
    out = StringIO()
    call_command("import_ics", str(OWN / "partner_v1.ics"), parent=tree.events.pk, stdout=out)
    assert "2" in out.getvalue().splitlines()[-1]
    assert EventPage.objects.filter(live=False, alias_of__isnull=True).count() == 2


def test_the_admin_import_view(tree, admin_client):
    url = reverse("events_import_calendar")
    response = admin_client.get(url)
    assert response.status_code == 200
    assert "events/admin/import_calendar.html" in [t.name for t in response.templates]
    upload = SimpleUploadedFile("partner.ics", read(OWN / "partner_v1.ics"), "text/calendar")
    response = admin_client.post(url, {"parent": tree.events.pk, "file": upload})
    assert response.status_code == 200
    assert response.context["report"].created == ["Sprachcafé", "Sommerfest"]
    assert originals().get(ical_uid="sommerfest@partner.example").ical_source == "partner.ics"
    assert url in admin_client.get(reverse("wagtailadmin_home")).content.decode()  # in the menu


def test_the_admin_import_view_needs_permission_to_add_events(tree, client, django_user_model):
    user = django_user_model.objects.create_user("reader", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(reverse("events_import_calendar"))
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")  # refused
    editors = Group.objects.create(name="Veranstaltungen")
    GroupPagePermission.objects.create(
        group=editors, page=tree.events, permission=Permission.objects.get(codename="add_page")
    )
    user.groups.add(editors)
    assert client.get(reverse("events_import_calendar")).status_code == 200
