"""A Plone Event (plone.app.event) as an EventPage with its schedule.

start, end        the first date (EventOccurrence); times keep their offset and are
                  read in the item's `timezone` (else the site's) when they have none
whole_day         all_day (the page stores whole days as 00:00 to 23:59:59)
open_end          the first date ends at the end of its day
recurrence        RFC 5545 text: RRULE -> recurrence_rule, EXDATE -> cancelled days
                  (EventExceptionDate), RDATE -> further dates with the first's length
sync_uid          ical_uid (calendar clients keep recognising the event)
location          venue (longer than the field: venue address)
location_reference  venue name and address from the Location item (people.venue_values)
organisational_unit_reference  organiser (the OrganisationPage of the unit)
contact_*         registration (who to ask)
event_url         a link at the end of the body (FieldMapper.html)
image             image (Plone 6 lead image), like a news item's
"""

import datetime as dt
from html import escape
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil.parser import isoparse

from events.models import EventExceptionDate, EventOccurrence
from events.recurrence import at_midnight, berlin, end_of_day

from .dates import parse_datetime, site_zone
from .errors import ItemError

VENUE_MAX = 200


def event_fields(mapper, entry, item, html):
    zone = item_zone(item)
    start, end = first_date(entry, item, zone)
    rule, exceptions, extra = parse_recurrence(entry, item.get("recurrence"), zone)
    length = end - start
    occurrences = [EventOccurrence(start=start, end=end)]
    occurrences += [EventOccurrence(start=when, end=when + length) for when in extra]
    location = " ".join(str(item.get("location") or "").split())
    venue_name, venue_address = mapper.venue(item)
    body = mapper.body(html)
    values = {
        "teaser": mapper.short_text(item, html, 400, "teaser"),
        "body": body,
        "all_day": bool(item.get("whole_day")),
        "recurrence_rule": rule,
        "occurrences": occurrences,
        "exception_dates": [EventExceptionDate(date=day) for day in sorted(exceptions)],
        "ical_uid": str(item.get("sync_uid") or "")[:255],
        "ical_source": entry.item_id[:500],
        "venue_name": (venue_name or location)[:VENUE_MAX],
        "venue_address": venue_address or (location if len(location) > VENUE_MAX else ""),
        "registration": contact(item),
        "image_id": mapper.lead_image(entry, item) or None,
        "organiser_id": mapper.organiser(item),
    }
    if venue_name and location and location != venue_name:  # both: keep the text too
        values["venue_address"] = "\n".join(filter(None, (venue_address, location)))[:500]
    return values


def item_zone(item):
    try:
        return ZoneInfo(item["timezone"]) if item.get("timezone") else site_zone()
    except (ZoneInfoNotFoundError, ValueError):
        return site_zone()


def first_date(entry, item, zone):
    start = parse_datetime(item.get("start"), entry.item_id, "start", zone)
    if start is None:
        raise ItemError(entry.item_id, "start", "an event needs a start")
    end = parse_datetime(item.get("end"), entry.item_id, "end", zone) or start
    if item.get("whole_day"):
        start, end = at_midnight(berlin(start).date()), end_of_day(berlin(end).date())
    elif item.get("open_end"):
        end = end_of_day(berlin(start).date())
    if end < start:
        raise ItemError(entry.item_id, "end", "the end lies before the start")
    return start, end


def parse_recurrence(entry, text, zone):
    """(RRULE text, {cancelled day}, [extra start]) from Plone's recurrence field."""
    rule, exceptions, extra = "", set(), []
    for line in str(text or "").replace("\\n", "\n").splitlines():
        name, _, value = line.strip().partition(":")
        name, _, params = name.upper().partition(";")
        if name == "RRULE":
            rule = value.strip()
        elif name in ("EXDATE", "RDATE"):
            line_zone = tzid(params) or zone
            moments = [ical_moment(entry, part, line_zone) for part in value.split(",") if part]
            if name == "EXDATE":
                exceptions.update(berlin(moment).date() for moment in moments)
            else:
                extra.extend(moments)
        elif name and name not in ("DTSTART", "DTEND"):
            raise ItemError(entry.item_id, "recurrence", f"unknown recurrence line {line!r}")
    return rule, exceptions, extra


def tzid(params):
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.upper() == "TZID":
            try:
                return ZoneInfo(value)
            except (ZoneInfoNotFoundError, ValueError):
                return None
    return None


def ical_moment(entry, value, zone):
    """20240110T100000Z, 20240110T100000 (in zone) or 20240110 (midnight in zone)."""
    try:
        moment = isoparse(value.strip())
    except ValueError as error:
        raise ItemError(entry.item_id, "recurrence", f"not a date: {value!r}") from error
    if isinstance(moment, dt.date) and not isinstance(moment, dt.datetime):
        moment = dt.datetime.combine(moment, dt.time.min)
    return moment if moment.tzinfo else moment.replace(tzinfo=zone)


def contact(item):
    parts = [item.get("contact_name"), item.get("contact_email"), item.get("contact_phone")]
    return "\n".join(str(part).strip() for part in parts if part and str(part).strip())


def event_link(url):
    if not url:
        return ""
    return f'<p><a href="{escape(str(url))}">{escape(str(url))}</a></p>'
