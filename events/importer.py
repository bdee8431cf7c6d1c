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
one that cannot be read (ical_events.InvalidEvent, whose message names the event and property)
stops the import unless skip_invalid.
"""

import datetime as dt
import ipaddress
import socket
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import HTTPRedirectHandler, Request, build_opener

import icalendar
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

from .ical_events import UNREADABLE, read_events
from .models import EventExceptionDate, EventOccurrence, EventPage

# Size of a calendar file or download (the command's --max-size raises it).
MAX_DOWNLOAD = 5 * 1024 * 1024
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
