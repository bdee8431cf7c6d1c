"""Hostile calendars: what the import refuses, names and leaves behind, in the command and
the admin's upload (RFC 5545 readings: tests/test_ics_rfc.py)."""

import time
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from wagtail.users.models import UserProfile

from events import importer
from tests.test_ics_rfc import OWN, originals, post

pytestmark = pytest.mark.django_db


CALENDAR = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//DE\r\n{events}END:VCALENDAR\r\n"


def vevent(uid, summary, *lines):
    body = "".join(f"{line}\r\n" for line in lines)
    return f"BEGIN:VEVENT\r\nUID:{uid}\r\nSUMMARY:{summary}\r\n{body}END:VEVENT\r\n"


def calendar(*events):
    return CALENDAR.format(events="".join(events)).encode()


GOOD = [
    vevent(f"good-{n}@partner.example", f"Treffen {n}", f"DTSTART:2027030{n}T170000Z")
    for n in range(1, 4)
]
# The 222-byte file of the issue: it ran past 180 s and 1.28 GB.
SECONDLY = (
    b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:tick@x\r\n"
    b"DTSTAMP:20270101T000000Z\r\nSUMMARY:Tick\r\nDTSTART:20270101T000000Z\r\n"
    b"RRULE:FREQ=SECONDLY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)
HOSTILE = {
    "secondly": (
        vevent("tick@x", "Tick", "DTSTART:20270101T000000Z", "RRULE:FREQ=SECONDLY"),
        ["“Tick” (UID tick@x)", "RRULE", "secondly"],
    ),
    "impossible date": (
        vevent("bad@x", "Kaputt", "DTSTART:2027-13-45T99"),
        ["“Kaputt” (UID bad@x)", "DTSTART"],
    ),
    "no start": (
        vevent("nostart@x", "Ohne Beginn", "DTEND:20270101T100000Z"),
        ["“Ohne Beginn” (UID nostart@x)", "DTSTART is missing"],
    ),
    "huge description": (
        vevent("long@x", "Lang", "DTSTART:20270101T100000Z", "DESCRIPTION:" + "x" * 200_000),
        ["“Lang” (UID long@x)", "DESCRIPTION is longer than 100000 characters"],
    ),
    "broken exdate": (
        vevent("ex@x", "Serie", "DTSTART:20270101T100000Z", "RRULE:FREQ=DAILY", "EXDATE:2027xx"),
        ["“Serie” (UID ex@x)", "EXDATE"],
    ),
    "sequence beyond the database's integers": (
        vevent("seq@x", "Folge", "DTSTART:20270101T100000Z", "SEQUENCE:99999999999"),
        ["“Folge” (UID seq@x)", "SEQUENCE"],
    ),
    "floating start, zoned end": (
        vevent("zones@x", "Zonen", "DTSTART:20270101T100000", "DTEND;TZID=Foo/Bar:2027xx"),
        ["“Zonen” (UID zones@x)", "DTEND"],
    ),
    "broken rule": (
        vevent("rule@x", "Regel", "DTSTART:20270101T100000Z", "RRULE:FREQ=DAILY;COUNT=x"),
        ["“Regel” (UID rule@x)", "RRULE"],
    ),
}


def test_the_222_byte_secondly_file_is_refused_at_once(tree, tmp_path):
    path = tmp_path / "tick.ics"
    path.write_bytes(SECONDLY)
    started = time.perf_counter()
    with pytest.raises(CommandError, match="RRULE repeats “secondly”"):
        call_command("import_ics", str(path), parent=tree.events.pk, stdout=StringIO())
    assert time.perf_counter() - started < 1


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_event_is_named_by_the_command_and_nothing_is_imported(tree, name, tmp_path):
    hostile, words = HOSTILE[name]
    path = tmp_path / "partner.ics"
    path.write_bytes(calendar(*GOOD, hostile))
    started = time.perf_counter()
    with pytest.raises(CommandError) as refused:
        call_command(
            "import_ics", str(path), parent=tree.events.pk, stdout=StringIO(), stderr=StringIO()
        )
    assert time.perf_counter() - started < 5
    message = str(refused.value)
    assert message.startswith("Nothing was imported: 1 event(s) cannot be read.")
    assert all(word in message for word in words), message
    assert "Traceback" not in message and originals().count() == 0


def test_skip_invalid_imports_the_others_and_lists_the_skipped(tree, tmp_path):
    path = tmp_path / "partner.ics"
    path.write_bytes(calendar(*GOOD, vevent("bad@x", "Kaputt", "DTSTART:2027-13-45T99")))
    out, err = StringIO(), StringIO()
    call_command(
        "import_ics", str(path), parent=tree.events.pk, skip_invalid=True, stdout=out, stderr=err
    )
    assert originals().count() == 3
    assert "Skipped: “Kaputt” (UID bad@x): DTSTART cannot be read" in out.getvalue()
    assert (
        "3 created, 0 updated, 0 unchanged; 0 older copies not applied, 1 skipped" in out.getvalue()
    )
    assert "Importing 3/3 events (100 %)" in err.getvalue()


def test_a_failure_midway_leaves_nothing_behind(tree, tmp_path, monkeypatch):
    """Was: each event its own transaction; a stopped import left 3,205 events behind."""
    path = tmp_path / "partner.ics"
    path.write_bytes(calendar(*GOOD))
    original = importer.create
    calls = []

    def create_then_stop(*args):
        calls.append(original(*args))
        if len(calls) == 2:
            raise KeyboardInterrupt

    monkeypatch.setattr(importer, "create", create_then_stop)
    with pytest.raises(KeyboardInterrupt):
        call_command(
            "import_ics", str(path), parent=tree.events.pk, stdout=StringIO(), stderr=StringIO()
        )
    assert len(calls) == 2 and originals().count() == 0


def test_the_command_has_the_admins_size_limit(tree, tmp_path):
    path = tmp_path / "big.ics"
    path.write_bytes(calendar(*GOOD) + b" " * (5 * 2**20))
    with pytest.raises(CommandError, match="larger than 5 MB"):
        call_command("import_ics", str(path), parent=tree.events.pk, stdout=StringIO())
    call_command(
        "import_ics",
        str(path),
        parent=tree.events.pk,
        max_size=6,
        stdout=StringIO(),
        stderr=StringIO(),
    )
    assert originals().count() == 3


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_event_is_named_by_the_admin_upload(tree, admin_client, name):
    """In the editor's language (German here); the event's UID and the property in any."""
    hostile, words = HOSTILE[name]
    started = time.perf_counter()
    response = post(admin_client, tree, calendar(*GOOD, hostile))
    assert time.perf_counter() - started < 5
    assert response.status_code == 200  # was: HTTP 500
    errors = response.context["form"].non_field_errors()
    assert errors[0] == "Nichts wurde importiert: 1 Veranstaltung(en) nicht lesbar."
    uid, prop = words[0].rsplit(" (", 1)[1], words[1].split()[0]
    assert uid in errors[1] and prop in errors[1], errors
    assert originals().count() == 0


def test_the_admin_upload_speaks_the_editors_language(tree, admin_client, admin_user):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    response = post(admin_client, tree, SECONDLY)
    assert response.context["form"].non_field_errors() == [
        "Nothing was imported: 1 event(s) cannot be read.",
        "“Tick” (UID tick@x): RRULE repeats “secondly”; only daily, weekly, monthly and yearly "
        "rules are kept (at most 500 dates of such a rule are imported).",
    ]


def test_the_admin_upload_can_skip_invalid_events(tree, admin_client):
    data = calendar(*GOOD, vevent("nostart@x", "Ohne Beginn", "DTEND:20270101T100000Z"))
    response = post(admin_client, tree, data, skip_invalid="on")
    assert response.status_code == 200
    assert originals().count() == 3
    assert response.context["report"].skipped == ["„Ohne Beginn“ (UID nostart@x): DTSTART fehlt."]


def test_the_admin_upload_imports_date_and_date_time_mixtures(tree, admin_client):
    """Was: TypeError, an HTTP 500."""
    response = post(admin_client, tree, (OWN / "mixed_value_types.ics").read_bytes())
    assert response.status_code == 200
    assert len(response.context["report"].created) == 3
    assert "DTSTART und DTEND mischen DATE und DATE-TIME" in response.content.decode()


def test_a_failure_midway_in_the_admin_leaves_nothing_behind(tree, admin_client, monkeypatch):
    original, calls = importer.create, []

    def create_then_fail(*args):
        calls.append(original(*args))
        if len(calls) == 2:
            raise RuntimeError("the database went away")

    monkeypatch.setattr(importer, "create", create_then_fail)
    with pytest.raises(RuntimeError):
        post(admin_client, tree, calendar(*GOOD))
    assert len(calls) == 2 and originals().count() == 0


def test_the_admin_upload_refuses_large_files_before_reading_them(tree, admin_client):
    data = calendar(
        vevent("long@x", "Lang", "DTSTART:20270101T100000Z", "DESCRIPTION:" + "x" * 20 * 2**20)
    )
    response = post(admin_client, tree, data)
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == ["Der Kalender ist größer als 5 MB."]
    assert originals().count() == 0
