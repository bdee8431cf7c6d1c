"""Import a partner's iCalendar file into draft events for moderation.

Every UID in the calendar becomes one German EventPage below a chosen event
index, saved as a draft (never published): editors review, complete and publish
it. Importing the same calendar again finds the events by UID and saves a new
draft revision where something changed, so nothing is duplicated and live pages
change only when an editor publishes.

What the calendar says maps onto the event's schedule (events.recurrence):

- DTSTART/DTEND (or DURATION) is the first date; DATE values make an all-day event;
  missing ends, DTEND = DTSTART on dates and DATE/DATE-TIME mixtures are read as
  RFC 5545 3.6.1 says (see start_and_end);
- RRULE is kept as a rule in the zone of its DTSTART (floating times: Berlin's);
  EXDATE becomes cancelled days; RDATE becomes extra dates; a rule more often than
  daily becomes single dates if it ends within MAX_SINGLE_DATES, else is refused;
- an overridden occurrence (RECURRENCE-ID) that is cancelled becomes a cancelled
  day; one that moved becomes a cancelled day plus an extra date;
- STATUS:CANCELLED on the event makes the whole event cancelled;
- CATEGORIES become target groups where a label matches, ORGANIZER the organiser
  where an organisation has that name; the rest, URL and CONTACT go to "other notes";
- SEQUENCE and LAST-MODIFIED keep an older copy from overwriting a newer one.

The same engine (python-dateutil, events.recurrence) expands the rules here, in the
listing and in the feeds; tests compare its dates with python-recurring-ical-events'.
A file is imported all or nothing in one transaction: every VEVENT is read first, and
one that cannot be read (InvalidEvent, whose message names the event and property)
stops the import unless skip_invalid.
"""

import datetime as dt
import hashlib
import ipaddress
import socket
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import HTTPRedirectHandler, Request, build_opener
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import icalendar
from dateutil.rrule import rrulestr
from django.db import transaction
from django.utils.html import escape
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext as _
from django.utils.translation import override
from wagtail.coreutils import find_available_slug
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from home.models import TargetGroup
from locales.languages import DEFAULT_LANGUAGE
from organisations.models import OrganisationPage

from .models import EventExceptionDate, EventOccurrence, EventPage
from .recurrence import (
    BERLIN,
    SUB_DAILY,
    Frequency,
    Schedule,
    at_midnight,
    berlin,
    end_of_day,
    local,
    normalise_rule,
    rule_parts,
    rule_problem,
    zone_of,
)

# Size of a calendar file or download (the command's --max-size raises it).
MAX_DOWNLOAD = 5 * 1024 * 1024
# Dates of a rule finer than daily that are imported one by one; more refuse the event.
MAX_SINGLE_DATES = 500
# Longest DESCRIPTION, and longest SUMMARY, LOCATION, URL, CONTACT … (characters).
MAX_DESCRIPTION = 100_000
MAX_SHORT_TEXT = 2_000
EARLIEST_YEAR, LATEST_YEAR = 1900, 2200
MAX_PROBLEMS_SHOWN = 20


class CalendarImportError(Exception):
    """The calendar cannot be read or imported; the message says why (lines: each reason)."""

    def __init__(self, message, lines=None):
        super().__init__(message)
        self.lines = lines or [message]


@dataclass
class Report:
    """What an import did, event by event."""

    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)  # (title, [names of what changed])
    unchanged: list = field(default_factory=list)
    older: list = field(default_factory=list)  # older copies than the ones imported before
    skipped: list = field(default_factory=list)  # messages of VEVENTs that cannot be read
    notes: list = field(default_factory=list)

    def lines(self):
        lines = [_("Created: %(title)s") % {"title": title} for title in self.created]
        lines += [
            _("Updated: %(title)s (%(changes)s)") % {"title": title, "changes": ", ".join(changes)}
            for title, changes in self.updated
        ]
        lines += [_("Unchanged: %(title)s") % {"title": title} for title in self.unchanged]
        lines += [
            _("Not applied, an older copy than the one imported before: %(title)s")
            % {"title": title}
            for title in self.older
        ]
        lines += [_("Skipped: %(problem)s") % {"problem": problem} for problem in self.skipped]
        lines += [_("Note: %(note)s") % {"note": note} for note in self.notes]
        return lines

    def summary(self):
        summary = _("%(created)d created, %(updated)d updated, %(unchanged)d unchanged") % {
            "created": len(self.created),
            "updated": len(self.updated),
            "unchanged": len(self.unchanged),
        }
        if self.older or self.skipped:
            summary += "; " + _("%(older)d older copies not applied, %(skipped)d skipped") % {
                "older": len(self.older),
                "skipped": len(self.skipped),
            }
        return summary


# --- Reading ---------------------------------------------------------------------------------


def too_large(max_size):
    return CalendarImportError(
        _("The calendar is larger than %(size)s MB.") % {"size": f"{max_size / 2**20:g}"}
    )


def read_source(source, max_size=MAX_DOWNLOAD):
    """(bytes, name) of a file path or an http(s) URL, at most max_size bytes."""
    if urlsplit(source).scheme in {"http", "https"}:
        return fetch(source, max_size=max_size), source
    path = Path(source)
    if not path.is_file():
        raise CalendarImportError(_("No such file: %(path)s") % {"path": source})
    if path.stat().st_size > max_size:
        raise too_large(max_size)
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


def fetch(url, timeout=20, max_size=MAX_DOWNLOAD):
    """The body of an http(s) URL on a public host, at most max_size bytes."""
    check_public_address(url)
    request = Request(url, headers={"User-Agent": "Integrationsportal calendar import"})  # noqa: S310
    opener = build_opener(PublicRedirectHandler)
    try:
        with opener.open(request, timeout=timeout) as response:
            data = response.read(max_size + 1)
    except OSError as error:
        raise CalendarImportError(str(error)) from error
    if len(data) > max_size:
        raise too_large(max_size)
    return data


def parse_calendar(data):
    """The VCALENDAR in data (a lone VEVENT is wrapped in one)."""
    try:
        parsed = icalendar.Calendar.from_ical(data)
    except UNREADABLE as error:
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


class InvalidEvent(Exception):  # noqa: N818 - a message for the report, not a bug
    """One VEVENT cannot be imported; the message names the event and the property."""


def describe(component):
    """“Summary” (UID …): how messages name an event."""
    summary = Truncator(text(component, "SUMMARY") or _("untitled")).chars(60)
    uid = Truncator(text(component, "UID") or "?").chars(80)
    return _("“%(summary)s” (UID %(uid)s)") % {"summary": summary, "uid": uid}


def broken(component, name, error):
    return InvalidEvent(
        _("%(event)s: %(property)s cannot be read: %(error)s")
        % {"event": describe(component), "property": name, "error": error}
    )


# What reading a broken value of a calendar raises (icalendar's errors are ValueErrors).
UNREADABLE = (ValueError, TypeError, AttributeError, KeyError, IndexError, OverflowError, OSError)


def prop(component, name, read):
    """read(property) of component's property name; a broken value names event and property."""
    try:
        return read(component[name])
    except UNREADABLE as error:
        raise broken(component, name, error) from error


def moment(component, name):
    """The DATE or DATE-TIME of a property, within the years the portal handles."""
    value = prop(component, name, lambda found: found.dt)
    if not isinstance(value, dt.date) or isinstance(value, dt.timedelta):
        raise broken(component, name, _("not a date"))
    if not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        raise broken(
            component,
            name,
            _("the year must lie between %(first)d and %(last)d")
            % {"first": EARLIEST_YEAR, "last": LATEST_YEAR},
        )
    return value


def zone_name(value):
    """The series' time zone of a DTSTART: "" for Berlin, floating times and dates."""
    tzinfo = getattr(value, "tzinfo", None)
    if tzinfo is None:
        return ""
    if value.utcoffset() == dt.timedelta(0) and tzinfo in (dt.UTC, ZoneInfo("UTC")):
        return "UTC"
    name = getattr(tzinfo, "key", "") or ""
    try:
        ZoneInfo(name)
    except (ValueError, OSError, ZoneInfoNotFoundError):  # OSError: a folder such as "Europe"
        return ""
    return "" if name == BERLIN.key else name


def in_zone(value, zone):
    """A DATE or DATE-TIME value as an aware datetime in zone (dates at midnight; floating
    times are the zone's wall clock, so a floating 10:00 never moves by the UTC offset)."""
    if not isinstance(value, dt.datetime):
        return at_midnight(value, zone)
    if value.tzinfo is None:
        return value.replace(tzinfo=zone)
    return local(value, zone)


def is_date(value):
    return not isinstance(value, dt.datetime)


def start_and_end(component, notes):
    """(start, end) of a VEVENT by RFC 5545 3.6.1; the end has DTSTART's value type.

    No DTEND nor DURATION: a DATE lasts the day, a DATE-TIME ends where it starts.
    """
    if "DTSTART" not in component:
        raise InvalidEvent(_("%(event)s: DTSTART is missing.") % {"event": describe(component)})
    start = moment(component, "DTSTART")
    if "DTEND" in component:
        end = moment(component, "DTEND")
        name = "DTEND"
    elif "DURATION" in component:
        duration = prop(component, "DURATION", lambda found: found.dt)
        if not isinstance(duration, dt.timedelta) or duration < dt.timedelta(0):
            raise broken(component, "DURATION", _("not a positive duration"))
        end, name = start + duration, "DURATION"
    else:
        end, name = (start + dt.timedelta(days=1) if is_date(start) else start), ""
    if not is_date(start) and not is_date(end) and (start.tzinfo is None) != (end.tzinfo is None):
        # A floating start with a zoned end, or the reverse: the end takes the start's form.
        end = (
            in_zone(end, BERLIN).replace(tzinfo=None)
            if start.tzinfo is None
            else in_zone(end, start.tzinfo)
        )
    if is_date(start) != is_date(end):
        notes.append(
            _("%(event)s: DTSTART and %(property)s mix DATE and DATE-TIME; read by DTSTART’s type.")
            % {"event": describe(component), "property": name}
        )
        end = (
            end.date() + dt.timedelta(days=int(end.time() != dt.time.min))
            if is_date(start)
            else dt.datetime.combine(end, dt.time.min, tzinfo=start.tzinfo)
        )
    return start, end


def as_row(start, end, all_day, zone):
    """(start, end) for an EventOccurrence of an event that is (or is not) all-day."""
    if all_day:
        first = start if is_date(start) else in_zone(start, BERLIN).date()
        last = end - dt.timedelta(days=1) if is_date(end) else in_zone(end, BERLIN).date()
        # DTEND = DTSTART on a DATE is a day, not an end before the beginning.
        return at_midnight(first), end_of_day(max(first, last))
    start, end = in_zone(start, zone), in_zone(end, zone)
    return berlin(start), berlin(max(start, end))


def values_of(component, name):
    """Every value of a property that may repeat and hold lists (EXDATE, RDATE)."""
    properties = component.get(name)
    if properties is None:
        return []
    if not isinstance(properties, list):
        properties = [properties]
    try:
        values = [value.dt for found in properties for value in found.dts]
    except (ValueError, TypeError, AttributeError) as error:
        raise broken(component, name, error) from error
    for value in values:
        first = value[0] if isinstance(value, tuple) else value
        if not isinstance(first, dt.date):
            raise broken(component, name, _("not a date"))
    return values


def text(component, name):
    return str(component.get(name, "") or "").strip()


def limited_text(component, name, limit):
    value = text(component, name)
    if len(value) > limit:
        raise InvalidEvent(
            _("%(event)s: %(property)s is longer than %(limit)d characters.")
            % {"event": describe(component), "property": name, "limit": limit}
        )
    return value


def synthetic_uid(component):
    """For VEVENTs without a UID: the same for the same start and summary."""
    name = "DTSTART" if "DTSTART" in component else "RECURRENCE-ID"
    start = component.get(name)
    written = start.to_ical() if hasattr(start, "to_ical") else str(start).encode()
    key = f"{written!r}|{text(component, 'SUMMARY')}"
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
    zone: str = ""
    rule: str = ""
    exceptions: set = field(default_factory=set)
    extra: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    url: str = ""
    contact: str = ""
    organizer: tuple = ("", "")  # (name, address)
    categories: list = field(default_factory=list)
    sequence: int | None = None
    modified: dt.datetime | None = None

    def schedule(self):
        return Schedule(
            first=self.first,
            rule=self.rule,
            exceptions=frozenset(self.exceptions),
            extra=list(self.extra),
            all_day=self.all_day,
            zone=self.zone,
        )


def read_event(uid, master, overrides):
    """An ImportedEvent from the VEVENT without RECURRENCE-ID and those with one."""
    notes = []
    start, end = start_and_end(master, notes)
    all_day = is_date(start)
    zone = "" if all_day else zone_name(start)
    event = ImportedEvent(
        uid=uid,
        title=limited_text(master, "SUMMARY", MAX_SHORT_TEXT),
        description=limited_text(master, "DESCRIPTION", MAX_DESCRIPTION),
        location=limited_text(master, "LOCATION", MAX_SHORT_TEXT),
        cancelled=text(master, "STATUS").upper() == "CANCELLED",
        all_day=all_day,
        first=as_row(start, end, all_day, zone_of(zone)),
        zone=zone,
        notes=notes,
    )
    read_details(event, master)
    read_rule(event, master, start, end - start)
    for changed in overrides:
        read_override(event, changed, end - start)
    if not event.rule:
        event.zone = ""
    return event


def read_details(event, master):
    """URL, CONTACT, ORGANIZER, CATEGORIES, SEQUENCE and LAST-MODIFIED."""
    event.url = limited_text(master, "URL", MAX_SHORT_TEXT)
    event.contact = limited_text(master, "CONTACT", MAX_SHORT_TEXT)
    if "ORGANIZER" in master:
        organizer = master["ORGANIZER"]
        name = str(organizer.params.get("CN", "")).strip()
        address = str(organizer).strip().removeprefix("mailto:").removeprefix("MAILTO:")
        event.organizer = (name[:MAX_SHORT_TEXT], address[:MAX_SHORT_TEXT])
    if "CATEGORIES" in master:
        found = master["CATEGORIES"]
        found = found if isinstance(found, list) else [found]
        labels = [str(label).strip() for part in found for label in getattr(part, "cats", [])]
        event.categories = list(dict.fromkeys(label for label in labels if label))
    if "SEQUENCE" in master:
        event.sequence = prop(master, "SEQUENCE", lambda found: int(found))
        if not 0 <= event.sequence < 2**31:
            raise broken(master, "SEQUENCE", _("out of range"))
    if "LAST-MODIFIED" in master:
        modified = moment(master, "LAST-MODIFIED")
        if isinstance(modified, dt.datetime):
            event.modified = in_zone(modified, dt.UTC)


def read_rule(event, master, start, length):
    """RRULE, EXDATE and RDATE; a rule finer than daily becomes single dates if it ends soon."""
    zone = zone_of(event.zone)
    rules = master.get("RRULE")
    if isinstance(rules, list):
        raise InvalidEvent(
            _("%(event)s: RRULE appears %(number)d times; one rule per event is supported.")
            % {"event": describe(master), "number": len(rules)}
        )
    if rules is not None:
        rule = prop(master, "RRULE", lambda found: found.to_ical().decode())
        rule = rule.replace("\\;", ";").replace("\\,", ",")  # a broken value comes escaped
        problem = rule_problem(rule)
        if problem is None:
            event.rule = normalise_rule(rule, event.all_day, zone)
        else:
            event.extra += few_dates(master, rule, problem, start, length, event)
    event.exceptions = {in_zone(value, zone).date() for value in values_of(master, "EXDATE")}
    for value in values_of(master, "RDATE"):
        if isinstance(value, tuple):  # PERIOD: (start, end) or (start, duration)
            extra_start, until = value
            extra_end = extra_start + until if isinstance(until, dt.timedelta) else until
        else:
            if is_date(value) and not event.all_day:  # a DATE in a timed series: its start time
                value = dt.datetime.combine(value, in_zone(start, zone).timetz())
            extra_start, extra_end = value, value + length
        event.extra.append(as_row(extra_start, extra_end, event.all_day, zone))


def few_dates(master, rule, problem, start, length, event):
    """The dates of a rule the portal does not keep as a rule (hourly …), if it ends within
    MAX_SINGLE_DATES dates; otherwise the event is refused (never cut off silently)."""
    parts = rule_parts(rule)
    refused = InvalidEvent(
        _("%(event)s: RRULE %(problem)s (at most %(number)d dates of such a rule are imported).")
        % {"event": describe(master), "problem": problem, "number": MAX_SINGLE_DATES}
    )
    if parts.get("FREQ") not in (*Frequency.values, *SUB_DAILY):
        raise broken(master, "RRULE", problem)
    if "COUNT" not in parts and "UNTIL" not in parts:
        raise refused
    zone = zone_of(event.zone)
    try:
        dates = rrulestr(normalise_rule(rule, False, zone), dtstart=in_zone(start, zone))
        starts = list(islice(dates, MAX_SINGLE_DATES + 1))
    except (ValueError, TypeError, OverflowError) as error:
        raise broken(master, "RRULE", error) from error
    if len(starts) > MAX_SINGLE_DATES:
        raise refused
    return [as_row(begin, begin + length, event.all_day, zone) for begin in starts[1:]]


def read_override(event, changed, length):
    """A changed or cancelled occurrence (RECURRENCE-ID)."""
    zone = zone_of(event.zone)
    original = moment(changed, "RECURRENCE-ID")
    day = in_zone(original, zone).date()
    if text(changed, "STATUS").upper() == "CANCELLED":
        event.exceptions.add(day)
        return
    if "DTSTART" in changed:
        start, end = start_and_end(changed, event.notes)
    else:
        start, end = original, original + length
    moved = as_row(start, end, event.all_day, zone)
    if moved != as_row(original, original + length, event.all_day, zone):
        event.exceptions.add(day)
        event.extra.append(moved)
    summary = text(changed, "SUMMARY")
    if summary and summary != event.title:
        event.notes.append(
            _("%(title)s: the date on %(day)s is called “%(summary)s” in the calendar.")
            % {"title": event.title, "day": day.isoformat(), "summary": summary}
        )


def read_events(calendar):
    """(ImportedEvents, messages about VEVENTs that cannot be imported), in calendar order."""
    groups, problems = {}, []
    for component in calendar.walk("VEVENT"):
        if "DTSTART" not in component and "RECURRENCE-ID" not in component:
            problems.append(_("%(event)s: DTSTART is missing.") % {"event": describe(component)})
            continue
        try:
            uid = text(component, "UID") or synthetic_uid(component)
        except (ValueError, TypeError) as error:
            problems.append(str(broken(component, "DTSTART", error)))
            continue
        group = groups.setdefault(uid, {"master": None, "overrides": []})
        if "RECURRENCE-ID" in component:
            group["overrides"].append(component)
        elif group["master"] is None:
            group["master"] = component
    events = []
    for uid, group in groups.items():
        master, overrides = group["master"], group["overrides"]
        if master is None:  # only changed occurrences: the first one stands for the event
            master, overrides = overrides[0], overrides[1:]
        try:
            events.append(read_event(uid, master, overrides))
        except InvalidEvent as error:
            problems.append(str(error))
        except UNREADABLE as error:  # a value that passed the checks above and still fails
            problems.append(str(broken(master, "VEVENT", error)))
    return events, problems


# --- Saving ------------------------------------------------------------------------------------


def paragraphs(description):
    parts = [part.strip() for part in description.replace("\r\n", "\n").split("\n\n")]
    return [part for part in parts if part]


class Lookups:
    """Target groups and organisations that an import matches by name, read once."""

    def __init__(self):
        self.target_groups = {}
        for group in TargetGroup.objects.select_related("locale"):
            self.target_groups.setdefault(group.slug.casefold(), group.translation_key)
            self.target_groups[group.name.casefold()] = group.translation_key
        sources = TargetGroup.objects.filter(locale__language_code=DEFAULT_LANGUAGE)
        self.german_groups = {group.translation_key: group for group in sources}
        self.organisations = {
            page.title.casefold(): page
            for page in OrganisationPage.objects.filter(locale__language_code=DEFAULT_LANGUAGE)
        }

    def groups(self, categories):
        """(German target groups, labels that match none) of CATEGORIES."""
        matched, kept = [], []
        for label in categories:
            group = self.german_groups.get(self.target_groups.get(label.casefold()))
            if group is None:
                kept.append(label)
            elif group not in matched:
                matched.append(group)
        return matched, kept


def kept_details(event, organiser, unmatched):
    """What has no field of its own, kept for the editor in "other notes"."""
    name, address = event.organizer
    lines = []
    if event.url:
        lines.append(_("Web page: %(url)s") % {"url": event.url})
    if event.contact:
        lines.append(_("Contact: %(contact)s") % {"contact": event.contact})
    if (name or address) and organiser is None:
        who = f"{name} <{address}>" if name and address else name or address
        lines.append(_("Organiser: %(name)s") % {"name": who})
    if unmatched:
        lines.append(_("Categories: %(names)s") % {"names": ", ".join(unmatched)})
    return "\n".join(lines)


def page_values(event, lookups):
    """(EventPage field values, German target groups) for an ImportedEvent."""
    title = Truncator(event.title or _("Untitled event")).chars(255)
    texts = paragraphs(event.description)
    lines = [line.strip() for line in event.location.splitlines() if line.strip()]
    organiser = (
        lookups.organisations.get(event.organizer[0].casefold()) if event.organizer[0] else None
    )
    groups, unmatched = lookups.groups(event.categories)
    values = {
        "title": title,
        "teaser": Truncator(texts[0] if texts else title).chars(400),
        "background": "".join(f"<p>{escape(part).replace(chr(10), '<br/>')}</p>" for part in texts),
        "venue_name": Truncator(lines[0] if lines else "").chars(200),
        "venue_address": Truncator("\n".join(lines[1:])).chars(500),
        "status": EventPage.Status.CANCELLED if event.cancelled else EventPage.Status.SCHEDULED,
        "all_day": event.all_day,
        "recurrence_rule": event.rule,
        "recurrence_timezone": event.zone,
        "organiser": organiser,
        "notes": kept_details(event, organiser, unmatched),
        "ical_sequence": event.sequence,
        "ical_modified": event.modified,
    }
    return values, groups


def utc_rows(rows):
    return [(start.astimezone(dt.UTC), end.astimezone(dt.UTC)) for start, end in rows]


VERSION_FIELDS = {"ical_sequence", "ical_modified"}


def changes(page, values, groups, rows, exceptions):
    """Names of what the import changes on page (its latest revision)."""
    changed = [
        str(EventPage._meta.get_field(name).verbose_name)
        for name, value in values.items()
        if name not in VERSION_FIELDS and getattr(page, name) != value
    ]
    if sorted(group.pk for group in page.target_groups.all()) != sorted(g.pk for g in groups):
        changed.append(str(EventPage._meta.get_field("target_groups").verbose_name))
    current = [(row.start, row.end) for row in page.occurrences.all()]
    if utc_rows(current) != utc_rows(rows):
        changed.append(_("dates"))
    if sorted(row.date for row in page.exception_dates.all()) != exceptions:
        changed.append(_("cancelled days"))
    return changed


def is_older(page, event):
    """Whether event is an older copy than the one page was imported from (RFC 5545:
    a higher SEQUENCE is newer; with the same SEQUENCE, the later LAST-MODIFIED)."""
    sequences = (page.ical_sequence, event.sequence)
    if None not in sequences and sequences[0] != sequences[1]:
        return event.sequence < page.ical_sequence
    if page.ical_modified is not None and event.modified is not None:
        return event.modified < page.ical_modified
    return False


def apply(page, values, groups, rows, exceptions, source_name):
    for name, value in values.items():
        setattr(page, name, value)
    page.target_groups = groups
    page.occurrences = [EventOccurrence(start=start, end=end) for start, end in rows]
    page.exception_dates = [EventExceptionDate(date=day) for day in exceptions]
    page.ical_source = source_name[:500]


def refused(problems):
    """A CalendarImportError listing (the first of) the problems."""
    shown = problems[:MAX_PROBLEMS_SHOWN]
    lines = [
        _("Nothing was imported: %(number)d event(s) cannot be read.") % {"number": len(problems)}
    ]
    lines += shown
    if len(problems) > len(shown):
        lines.append(_("… and %(number)d more.") % {"number": len(problems) - len(shown)})
    return CalendarImportError("\n".join(lines), lines)


def import_calendar(
    data,
    parent,
    user=None,
    source_name="",
    *,
    skip_invalid=False,
    max_size=MAX_DOWNLOAD,
    progress=None,
):
    """Import the iCalendar bytes below parent (a German EventIndexPage); returns a Report.

    All or nothing: one transaction, and a VEVENT that cannot be read stops the import
    before anything is written, unless skip_invalid (then the report lists it).
    progress(done, total) is called after each event.
    """
    if parent.locale.language_code != DEFAULT_LANGUAGE:
        raise CalendarImportError(_("Events are imported into the German event index."))
    if len(data) > max_size:
        raise too_large(max_size)
    report = Report()
    events, problems = read_events(parse_calendar(data))
    if problems and not skip_invalid:
        raise refused(problems)
    report.skipped = problems
    lookups = Lookups()
    # Originals only: an alias carries its source's UID but is never edited itself.
    originals = EventPage.objects.filter(locale=parent.locale, alias_of__isnull=True)
    existing = {page.ical_uid: page for page in originals.exclude(ical_uid="")}
    saved = []
    # The reference index is brought up to date once per page at the end, not per save.
    with transaction.atomic(), disable_reference_index_auto_update():
        for number, event in enumerate(events, 1):
            page = import_event(event, parent, existing, lookups, report, user, source_name)
            if page is not None:
                saved.append(page)
            if progress is not None:
                progress(number, len(events))
        for page in saved:
            ReferenceIndex.create_or_update_for_object(page)
    return report


def import_event(event, parent, existing, lookups, report, user, source_name):
    """Create or update the page of event; returns the page if it was saved."""
    report.notes += event.notes
    with override(DEFAULT_LANGUAGE):
        values, groups = page_values(event, lookups)
    rows = [event.first, *event.extra]
    exceptions = sorted(event.exceptions)
    page = existing.get(event.uid)
    if page is None:
        page = create(parent, event.uid, values, groups, rows, exceptions, source_name, user)
        existing[event.uid] = page  # a UID twice in one file: the second updates the first
        report.created.append(values["title"])
        return page
    latest = page.get_latest_revision_as_object()
    if is_older(latest, event):
        report.older.append(values["title"])
        return None
    changed = changes(latest, values, groups, rows, exceptions)
    if not changed:
        report.unchanged.append(values["title"])
        return None
    apply(latest, values, groups, rows, exceptions, source_name)
    latest.save_revision(user=user, log_action=True, clean=False)  # the values were checked
    report.updated.append((values["title"], changed))
    return page


def create(parent, uid, values, groups, rows, exceptions, source_name, user):
    slug = find_available_slug(parent, slugify(values["title"])[:80] or "termin")
    page = EventPage(slug=slug, locale=parent.locale, live=False, ical_uid=uid)
    apply(page, values, groups, rows, exceptions, source_name)
    parent.add_child(instance=page)  # validates the page (full_clean)
    page.save_revision(user=user, log_action=True, clean=False)
    return page
