"""Import a partner's iCalendar file into draft events for moderation.

Every UID in the calendar becomes one German EventPage below a chosen event
index, saved as a draft (never published): editors review, complete and publish
it. Importing the same calendar again finds the events by UID and saves a new
draft revision where something changed, so nothing is duplicated and live pages
change only when an editor publishes.

What the calendar says maps onto the event's schedule (events.recurrence):

- DTSTART/DTEND (or DURATION) is the first date; DATE values make an all-day event;
  times in other zones, in UTC or floating become Berlin wall-clock times;
- RRULE is kept; EXDATE becomes cancelled days; RDATE becomes extra dates;
- an overridden occurrence (RECURRENCE-ID) that is cancelled becomes a cancelled
  day; one that moved becomes a cancelled day plus an extra date;
- STATUS:CANCELLED on the event makes the whole event cancelled.

Each event's dates are checked against python-recurring-ical-events' reading of
the original. Where the portal's form of the schedule would give other dates
(a rule in a time zone whose clocks change on other days than Berlin's, several
repetitions a day, …), the event gets the original's dates as single dates
instead, and the report says so.
"""

import datetime as dt
import hashlib
import ipaddress
import socket
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import HTTPRedirectHandler, Request, build_opener

import icalendar
import recurring_ical_events
from django.db import transaction
from django.utils.html import escape
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext as _
from django.utils.translation import override
from wagtail.coreutils import find_available_slug

from locales.languages import DEFAULT_LANGUAGE

from .models import EventExceptionDate, EventOccurrence, EventPage
from .recurrence import (
    BERLIN,
    WINDOW_FUTURE,
    Frequency,
    Schedule,
    at_midnight,
    berlin,
    end_of_day,
    normalise_rule,
    rule_parts,
)

MAX_DOWNLOAD = 5 * 1024 * 1024
MAX_SINGLE_DATES = 500


class CalendarImportError(Exception):
    """The calendar cannot be read or imported; the message says why."""


@dataclass
class Report:
    """What an import did, event by event."""

    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)  # (title, [names of what changed])
    unchanged: list = field(default_factory=list)
    notes: list = field(default_factory=list)

    def lines(self):
        lines = [_("Created: %(title)s") % {"title": title} for title in self.created]
        lines += [
            _("Updated: %(title)s (%(changes)s)") % {"title": title, "changes": ", ".join(changes)}
            for title, changes in self.updated
        ]
        lines += [_("Unchanged: %(title)s") % {"title": title} for title in self.unchanged]
        lines += [_("Note: %(note)s") % {"note": note} for note in self.notes]
        return lines

    def summary(self):
        return _("%(created)d created, %(updated)d updated, %(unchanged)d unchanged") % {
            "created": len(self.created),
            "updated": len(self.updated),
            "unchanged": len(self.unchanged),
        }


# --- Reading ---------------------------------------------------------------------------------


def read_source(source):
    """(bytes, name) of a file path or an http(s) URL."""
    if urlsplit(source).scheme in {"http", "https"}:
        return fetch(source), source
    path = Path(source)
    if not path.is_file():
        raise CalendarImportError(_("No such file: %(path)s") % {"path": source})
    return path.read_bytes(), path.name


def check_public_address(url):
    """Refuse what is not an http(s) URL on a host with public addresses only."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise CalendarImportError(_("Only http and https addresses can be imported."))
    try:
        addresses = socket.getaddrinfo(parts.hostname, parts.port or 443)
    except OSError as error:
        raise CalendarImportError(str(error)) from error
    for address in addresses:
        ip = ipaddress.ip_address(address[4][0])
        if not ip.is_global:
            raise CalendarImportError(_("This address is not on the public internet."))


class PublicRedirectHandler(HTTPRedirectHandler):
    """Follows a redirect only to another public address (no detour into the intranet)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        check_public_address(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(url, timeout=20):
    """The body of an http(s) URL on a public host, at most MAX_DOWNLOAD bytes."""
    check_public_address(url)
    request = Request(url, headers={"User-Agent": "Integrationsportal calendar import"})  # noqa: S310
    opener = build_opener(PublicRedirectHandler)
    try:
        with opener.open(request, timeout=timeout) as response:
            data = response.read(MAX_DOWNLOAD + 1)
    except OSError as error:
        raise CalendarImportError(str(error)) from error
    if len(data) > MAX_DOWNLOAD:
        raise CalendarImportError(_("The calendar is larger than 5 MB."))
    return data


def parse_calendar(data):
    """The VCALENDAR in data (a lone VEVENT is wrapped in one)."""
    try:
        parsed = icalendar.Calendar.from_ical(data)
    except ValueError as error:
        message = _("This is not an iCalendar file: %(error)s") % {"error": error}
        raise CalendarImportError(message) from error
    if parsed.name == "VEVENT":
        calendar = icalendar.Calendar()
        calendar.add_component(parsed)
        return calendar
    if parsed.name != "VCALENDAR":
        raise CalendarImportError(_("This is not an iCalendar file."))
    return parsed


# --- Converting --------------------------------------------------------------------------------


def to_berlin(value):
    """A DATE or DATE-TIME value as an aware Berlin datetime (dates at midnight)."""
    if not isinstance(value, dt.datetime):
        return at_midnight(value)
    if value.tzinfo is None:  # floating time: read as local time
        return value.replace(tzinfo=BERLIN)
    return berlin(value)


def is_date(value):
    return not isinstance(value, dt.datetime)


def start_and_end(component):
    """(start, end) of a VEVENT as written: DATE or DATE-TIME values."""
    start = component["DTSTART"].dt
    if "DTEND" in component:
        end = component["DTEND"].dt
    elif "DURATION" in component:
        end = start + component["DURATION"].dt
    else:
        end = start + dt.timedelta(days=1) if is_date(start) else start
    return start, end


def as_row(start, end, all_day):
    """(start, end) for an EventOccurrence of an event that is (or is not) all-day."""
    if all_day:
        last = (
            to_berlin(end).date() - dt.timedelta(days=1) if is_date(end) else to_berlin(end).date()
        )
        first = to_berlin(start).date()
        return at_midnight(first), end_of_day(max(first, last))
    start, end = to_berlin(start), to_berlin(end)
    return start, max(start, end)


def values_of(component, name):
    """Every value of a property that may repeat and hold lists (EXDATE, RDATE)."""
    properties = component.get(name)
    if properties is None:
        return []
    if not isinstance(properties, list):
        properties = [properties]
    return [value.dt for prop in properties for value in prop.dts]


def text(component, name):
    return str(component.get(name, "") or "").strip()


def synthetic_uid(component):
    """For VEVENTs without a UID: the same for the same start and summary."""
    key = f"{component.get('DTSTART').to_ical()!r}|{text(component, 'SUMMARY')}"
    return f"{hashlib.sha1(key.encode(), usedforsecurity=False).hexdigest()[:20]}@import"


@dataclass
class ImportedEvent:
    """One UID of the calendar in the portal's terms."""

    uid: str
    title: str
    description: str
    location: str
    cancelled: bool
    all_day: bool
    first: tuple
    rule: str = ""
    exceptions: set = field(default_factory=set)
    extra: list = field(default_factory=list)
    notes: list = field(default_factory=list)

    def schedule(self):
        return Schedule(
            first=self.first,
            rule=self.rule,
            exceptions=frozenset(self.exceptions),
            extra=list(self.extra),
            all_day=self.all_day,
        )


def read_event(uid, master, overrides):
    """An ImportedEvent from the VEVENT without RECURRENCE-ID and those with one."""
    start, end = start_and_end(master)
    all_day = is_date(start)
    title = text(master, "SUMMARY")
    event = ImportedEvent(
        uid=uid,
        title=title,
        description=text(master, "DESCRIPTION"),
        location=text(master, "LOCATION"),
        cancelled=text(master, "STATUS").upper() == "CANCELLED",
        all_day=all_day,
        first=as_row(start, end, all_day),
    )
    length = end - start
    rules = master.get("RRULE")
    if isinstance(rules, list):
        event.notes.append(
            _("%(title)s: only the first of several rules is used.") % {"title": title}
        )
        rules = rules[0]
    if rules is not None:
        event.rule = normalise_rule(rules.to_ical().decode(), all_day)
        if rule_parts(event.rule).get("FREQ") not in Frequency.values:
            event.rule = ""  # hourly and finer: the dates are taken one by one below
    event.exceptions = {to_berlin(value).date() for value in values_of(master, "EXDATE")}
    for value in values_of(master, "RDATE"):
        if isinstance(value, tuple):  # PERIOD: (start, end) or (start, duration)
            extra_start, until = value
            extra_end = extra_start + until if isinstance(until, dt.timedelta) else until
        else:
            extra_start, extra_end = value, value + length
        event.extra.append(as_row(extra_start, extra_end, all_day))
    for changed in overrides:
        read_override(event, changed, length)
    return event


def read_override(event, changed, length):
    """A changed or cancelled occurrence (RECURRENCE-ID)."""
    original = changed["RECURRENCE-ID"].dt
    day = to_berlin(original).date()
    if text(changed, "STATUS").upper() == "CANCELLED":
        event.exceptions.add(day)
        return
    if "DTSTART" in changed:
        start, end = start_and_end(changed)
    else:
        start, end = original, original + length
    moved = as_row(start, end, event.all_day)
    if moved != as_row(original, original + length, event.all_day):
        event.exceptions.add(day)
        event.extra.append(moved)
    summary = text(changed, "SUMMARY")
    if summary and summary != event.title:
        event.notes.append(
            _("%(title)s: the date on %(day)s is called “%(summary)s” in the calendar.")
            % {"title": event.title, "day": day.isoformat(), "summary": summary}
        )


# --- Checking against the original -------------------------------------------------------------


def period(start, end):
    """A comparable (start, end) in UTC; DATE values count from midnight in Berlin."""
    return to_berlin(start).astimezone(dt.UTC), to_berlin(end).astimezone(dt.UTC)


def original_dates(components, timezones, after, before, keep_cancelled=False):
    """The dates python-recurring-ical-events reads from the original.

    Cancelled occurrences are left out, unless the whole event is cancelled (the
    portal keeps its dates and shows the event as cancelled).
    """
    calendar = icalendar.Calendar()
    for zone in timezones:
        calendar.add_component(zone)
    for component in components:
        calendar.add_component(component)
    dates = set()
    for occurrence in recurring_ical_events.of(calendar).between(after, before):
        if text(occurrence, "STATUS").upper() == "CANCELLED" and not keep_cancelled:
            continue
        dates.add(period(*start_and_end(occurrence)))
    return dates


def portal_dates(event, after, before):
    """The dates the portal would show for event, in the form original_dates() gives."""
    dates = set()
    for start, end in event.schedule().occurrences(after, before):
        if event.all_day:
            dates.add(period(start.date(), end.date() + dt.timedelta(days=1)))
        else:
            dates.add(period(start, end))
    return dates


def check_dates(event, components, timezones, now):
    """Make event's schedule give the original's dates, falling back to single dates."""
    after = event.first[0] - dt.timedelta(days=1)
    before = max(event.first[0], now) + WINDOW_FUTURE
    original = original_dates(components, timezones, after, before, event.cancelled)
    if portal_dates(event, after, before) == original:
        return
    event.notes.append(
        _("%(title)s: the repeat rule cannot be kept exactly; the dates are imported one by one.")
        % {"title": event.title}
    )
    rows = []
    for start, end in sorted(original):
        start, end = berlin(start), berlin(end)
        if event.all_day:  # the original's DTEND is the day after the last day
            end = end_of_day((end - dt.timedelta(seconds=1)).date())
        rows.append((start, end))
    if len(rows) > MAX_SINGLE_DATES:
        event.notes.append(
            _("%(title)s: only the first %(number)d dates are imported.")
            % {"title": event.title, "number": MAX_SINGLE_DATES}
        )
        rows = rows[:MAX_SINGLE_DATES]
    if rows:
        event.first, event.extra = rows[0], rows[1:]
    event.rule, event.exceptions = "", set()


def read_events(calendar, now):
    """ImportedEvents of every UID in the calendar, in the calendar's order."""
    groups = {}
    for component in calendar.walk("VEVENT"):
        if "DTSTART" not in component:
            continue
        uid = text(component, "UID") or synthetic_uid(component)
        group = groups.setdefault(uid, {"master": None, "overrides": []})
        if "RECURRENCE-ID" in component:
            group["overrides"].append(component)
        elif group["master"] is None:
            group["master"] = component
    timezones = calendar.walk("VTIMEZONE")
    events = []
    for uid, group in groups.items():
        master, overrides = group["master"], group["overrides"]
        if master is None:  # only changed occurrences: the first one stands for the event
            master, overrides = overrides[0], overrides[1:]
        event = read_event(uid, master, overrides)
        check_dates(event, [master, *overrides], timezones, now)
        events.append(event)
    return events


# --- Saving ------------------------------------------------------------------------------------


def paragraphs(description):
    parts = [part.strip() for part in description.replace("\r\n", "\n").split("\n\n")]
    return [part for part in parts if part]


def page_values(event):
    """EventPage field values for an ImportedEvent."""
    title = Truncator(event.title or _("Untitled event")).chars(255)
    texts = paragraphs(event.description)
    lines = [line.strip() for line in event.location.splitlines() if line.strip()]
    return {
        "title": title,
        "teaser": Truncator(texts[0] if texts else title).chars(400),
        "background": "".join(f"<p>{escape(part).replace(chr(10), '<br/>')}</p>" for part in texts),
        "venue_name": Truncator(lines[0] if lines else "").chars(200),
        "venue_address": Truncator("\n".join(lines[1:])).chars(500),
        "status": EventPage.Status.CANCELLED if event.cancelled else EventPage.Status.SCHEDULED,
        "all_day": event.all_day,
        "recurrence_rule": normalise_rule(event.rule, event.all_day),
    }


def utc_rows(rows):
    return [(start.astimezone(dt.UTC), end.astimezone(dt.UTC)) for start, end in rows]


def changes(page, values, rows, exceptions):
    """Names of what the import changes on page (its latest revision)."""
    changed = [
        str(EventPage._meta.get_field(name).verbose_name)
        for name, value in values.items()
        if getattr(page, name) != value
    ]
    current = [(row.start, row.end) for row in page.occurrences.all()]
    if utc_rows(current) != utc_rows(rows):
        changed.append(_("dates"))
    if sorted(row.date for row in page.exception_dates.all()) != exceptions:
        changed.append(_("cancelled days"))
    return changed


def apply(page, values, rows, exceptions, source_name):
    for name, value in values.items():
        setattr(page, name, value)
    page.occurrences = [EventOccurrence(start=start, end=end) for start, end in rows]
    page.exception_dates = [EventExceptionDate(date=day) for day in exceptions]
    page.ical_source = source_name[:500]


def import_calendar(data, parent, user=None, source_name="", now=None):
    """Import the iCalendar bytes below parent (a German EventIndexPage); returns a Report."""
    if parent.locale.language_code != DEFAULT_LANGUAGE:
        raise CalendarImportError(_("Events are imported into the German event index."))
    now = now or dt.datetime.now(BERLIN)
    report = Report()
    with override(DEFAULT_LANGUAGE):
        events = read_events(parse_calendar(data), now)
    for event in events:
        report.notes += event.notes
        with override(DEFAULT_LANGUAGE):
            values = page_values(event)
        rows = [event.first, *event.extra]
        exceptions = sorted(event.exceptions)
        with transaction.atomic():
            existing = EventPage.objects.filter(ical_uid=event.uid, locale=parent.locale).first()
            if existing is None:
                create(parent, event.uid, values, rows, exceptions, source_name, user)
                report.created.append(values["title"])
                continue
            latest = existing.get_latest_revision_as_object()
            changed = changes(latest, values, rows, exceptions)
            if not changed:
                report.unchanged.append(values["title"])
                continue
            apply(latest, values, rows, exceptions, source_name)
            latest.save_revision(user=user, log_action=True)
            report.updated.append((values["title"], changed))
    return report


def create(parent, uid, values, rows, exceptions, source_name, user):
    slug = find_available_slug(parent, slugify(values["title"])[:80] or "termin")
    page = EventPage(slug=slug, locale=parent.locale, live=False, ical_uid=uid)
    apply(page, values, rows, exceptions, source_name)
    parent.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    return page
