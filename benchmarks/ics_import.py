"""Benchmark of `manage.py import_ics` on a large generated calendar and on hostile ones.

    .venv/bin/python benchmarks/ics_import.py                # 5,000 events
    .venv/bin/python benchmarks/ics_import.py --events 45540  # the size of the issue's file

It writes an .ics of N events (single dates, weekly series with cancelled days and a
moved date, all-day dates, open series in UTC and series in New York; every tenth with a long
description) into a temporary directory, migrates a throw-away SQLite database there,
creates the home page and the German events index, and runs the import in a separate
process: events per second and that process's peak memory (resident set size). Then
each hostile calendar of issue 14 is imported the same way and its time printed.
Nothing outside the temporary directory is touched.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SETUP = """
from wagtail.models import Locale, Page, Site
from home.models import HomePage
from events.models import EventIndexPage
locale = Locale.objects.get(language_code="de")
home = Page.get_first_root_node().add_child(
    instance=HomePage(title="Startseite", slug="start", locale=locale)
)
site = Site.objects.get(is_default_site=True)
site.root_page = home
site.save()
Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
index = EventIndexPage(title="Veranstaltungen", slug="veranstaltungen", locale=locale)
home.add_child(instance=index)
"""
HEADER = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Benchmark//DE\r\n"
FOOTER = "END:VCALENDAR\r\n"


def event(number):
    """One VEVENT (and an override for some series) of a varied partner calendar."""
    uid = f"event-{number}@partner.example"
    day = 1 + number % 28
    lines = [f"UID:{uid}", "DTSTAMP:20270101T000000Z", f"SUMMARY:Treffen Nummer {number}"]
    description = "Austausch und Beratung. " * (200 if number % 10 == 0 else 3)
    lines.append(f"DESCRIPTION:{description}")
    lines.append(f"LOCATION:Bürgerhaus {number % 50}\\nMarktplatz 1\\n12345 Mittelstadt")
    kind = number % 5
    if kind == 0:  # a single date
        lines += [f"DTSTART;TZID=Europe/Berlin:202703{day:02d}T180000", "DURATION:PT2H"]
    elif kind == 1:  # a weekly series with a cancelled day, and a moved date
        lines += [
            f"DTSTART;TZID=Europe/Berlin:202701{day:02d}T170000",
            f"DTEND;TZID=Europe/Berlin:202701{day:02d}T190000",
            "RRULE:FREQ=WEEKLY;COUNT=20",
            f"EXDATE;TZID=Europe/Berlin:202702{day:02d}T170000",
            "CATEGORIES:Eltern,Sprache",
            "URL:https://partner.example/termine",
        ]
    elif kind == 2:  # all-day
        lines += [f"DTSTART;VALUE=DATE:202705{day:02d}", f"DTEND;VALUE=DATE:202705{day:02d}"]
    elif kind == 3 and number % 50 == 3:  # daily in UTC, no end (~700 dates in the window)
        lines += ["DTSTART:20200101T090000Z", "DTEND:20200101T093000Z", "RRULE:FREQ=DAILY"]
    elif kind == 3:  # weekly in UTC, no end
        lines += ["DTSTART:20200101T090000Z", "DTEND:20200101T093000Z", "RRULE:FREQ=WEEKLY"]
    else:  # monthly in New York
        lines += [
            f"DTSTART;TZID=America/New_York:202701{day:02d}T130000",
            f"DTEND;TZID=America/New_York:202701{day:02d}T140000",
            "RRULE:FREQ=MONTHLY;BYDAY=1MO;COUNT=12",
            "SEQUENCE:1",
            "LAST-MODIFIED:20270101T120000Z",
        ]
    text = "BEGIN:VEVENT\r\n" + "".join(f"{line}\r\n" for line in lines) + "END:VEVENT\r\n"
    if kind == 1:
        text += (
            f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20270101T000000Z\r\n"
            f"RECURRENCE-ID;TZID=Europe/Berlin:202703{day:02d}T170000\r\n"
            f"DTSTART;TZID=Europe/Berlin:202703{day:02d}T190000\r\n"
            f"DTEND;TZID=Europe/Berlin:202703{day:02d}T210000\r\n"
            f"SUMMARY:Treffen Nummer {number}\r\nEND:VEVENT\r\n"
        )
    return text


def generate(path, total):
    with open(path, "w", encoding="utf-8", newline="") as file:
        file.write(HEADER)
        for number in range(total):
            file.write(event(number))
        file.write(FOOTER)


def vevent(uid, *lines):
    body = "".join(f"{line}\r\n" for line in lines)
    return f"BEGIN:VEVENT\r\nUID:{uid}\r\nSUMMARY:{uid}\r\n{body}END:VEVENT\r\n"


HOSTILE = {
    "secondly.ics (222 bytes, RRULE:FREQ=SECONDLY, no end)": (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Partner//Kalender//DE\r\n"
        "BEGIN:VEVENT\r\nUID:tick@partner.example\r\nDTSTAMP:20270101T000000Z\r\n"
        "SUMMARY:Tick\r\nDTSTART:20270101T000000Z\r\nRRULE:FREQ=SECONDLY\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    ),
    "impossible DTSTART (2027-13-45T99)": HEADER
    + vevent("bad@x", "DTSTART:2027-13-45T99")
    + FOOTER,
    "DATE/DATE-TIME mixtures": HEADER
    + vevent("mix@x", "DTSTART;VALUE=DATE:20270501", "DTEND:20270502T100000Z")
    + vevent("mix2@x", "DTSTART;TZID=Europe/Berlin:20270501T200000", "DTEND;VALUE=DATE:20270502")
    + FOOTER,
    "VEVENT without DTSTART": HEADER + vevent("nostart@x", "DTEND:20270101T100000Z") + FOOTER,
    "20 MB DESCRIPTION (with --max-size 25)": HEADER
    + vevent("long@x", "DTSTART:20270101T100000Z", "DESCRIPTION:" + "x" * 20 * 2**20)
    + FOOTER,
    "hourly rule with UNTIL one year on": HEADER
    + vevent("hourly@x", "DTSTART:20270101T100000Z", "RRULE:FREQ=HOURLY;UNTIL=20280101T000000Z")
    + FOOTER,
}


def manage(env, *args, stdin=None):
    command = [sys.executable, str(REPO / "manage.py"), *args]
    return subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        command, env=env, input=stdin, text=True, capture_output=True, check=True
    )


def run_import_measured(path, max_size):
    """Child process: the import itself, then its figures as JSON on the last line."""
    import django

    django.setup()
    from django.core.management import CommandError, call_command

    started = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_SELF)
    outcome = "imported"
    try:
        call_command(
            "import_ics", path, "--no-progress", "--max-size", str(max_size), stdout=sys.stderr
        )
    except CommandError as error:
        outcome = str(error).splitlines()[-1][:160]
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(
        json.dumps(
            {
                "seconds": time.perf_counter() - started,
                "cpu_seconds": usage.ru_utime + usage.ru_stime - before.ru_utime - before.ru_stime,
                "peak_rss_mib": usage.ru_maxrss / 1024,
                "outcome": outcome,
            }
        )
    )


def measure(env, path, max_size=5):
    command = [sys.executable, __file__, "--measure", str(path), "--max-size", str(max_size)]
    child = subprocess.run(command, env=env, text=True, capture_output=True, check=False)  # noqa: S603
    if child.returncode:
        print(child.stderr[-5000:], file=sys.stderr)
        sys.exit(child.returncode)
    return json.loads(child.stdout.strip().splitlines()[-1]), child.stderr


def report(what, events, result):
    print(
        f"{what} in {result['seconds']:.1f} s ({result['cpu_seconds']:.1f} s CPU): "
        f"{events / result['seconds']:.0f} events/s "
        f"({events / result['cpu_seconds']:.0f} per CPU second), "
        f"peak RSS {result['peak_rss_mib']:.0f} MiB"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=5_000)
    parser.add_argument("--keep", action="store_true", help="Keep the temporary directory.")
    parser.add_argument("--measure", help=argparse.SUPPRESS)  # internal: the child process
    parser.add_argument("--max-size", type=float, default=5, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        sys.path.insert(0, str(REPO))
        run_import_measured(args.measure, args.max_size)
        return
    tmp = Path(tempfile.mkdtemp(prefix="ics-bench-"))
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp / 'db.sqlite3'}",
        "MEDIA_ROOT": str(tmp / "media"),
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DEBUG": "false",
        "LOG_LEVEL": "WARNING",
    }
    calendar = tmp / "partner.ics"
    generate(calendar, args.events)
    size = calendar.stat().st_size / 2**20
    print(f"calendar: {args.events} events, {size:.1f} MiB in {tmp}")
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "sync_languages", "--no-roles")
    manage(env, "shell", stdin=SETUP)
    result, output = measure(env, calendar, max_size=size + 1)
    print(output.strip().splitlines()[-1])
    report(f"imported {args.events} events", args.events, result)
    result, _output = measure(env, calendar, max_size=size + 1)
    report("imported again (all unchanged)", args.events, result)
    print("hostile calendars (import_ics after Django's start: time, CPU time, peak RSS):")
    for name, text in HOSTILE.items():
        path = tmp / "hostile.ics"
        path.write_text(text, encoding="utf-8", newline="")
        result, _output = measure(env, path, max_size=25)
        print(
            f"  {result['seconds']:6.2f} s ({result['cpu_seconds']:.2f} s CPU) "
            f"{result['peak_rss_mib']:5.0f} MiB  {name}: "
            f"{result['outcome']}"
        )
    if not args.keep:
        import shutil

        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
