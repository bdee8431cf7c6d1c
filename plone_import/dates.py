"""Plone's date strings as aware datetimes.

Plone exports ISO 8601 with an offset ("2024-03-18T15:02:30+00:00") or, for
some fields, without one ("2024-02-13T18:14:27"): that is the Plone server's
wall-clock time, read here in the site's time zone (or --time-zone).
"""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from .errors import ItemError


def site_zone():
    return ZoneInfo(settings.TIME_ZONE)


def parse_datetime(value, item_id, field, zone=None):
    """An aware datetime, None for an empty value; ItemError for a value that is no date."""
    if value in (None, "", "None"):
        return None
    if not isinstance(value, str):
        raise ItemError(item_id, field, f"not a date: {value!r}")
    text = value.strip().replace("Z", "+00:00")
    try:
        parsed = datetime.datetime.fromisoformat(text)
    except ValueError as error:
        raise ItemError(item_id, field, f"not a date: {value!r}") from error
    if timezone.is_naive(parsed):
        parsed = parsed.replace(tzinfo=zone or site_zone())
    return parsed


def local_date(value, zone=None):
    return value.astimezone(zone or site_zone()).date() if value else None
