"""What a submission sent, as a moderator reads it: labelled, in their language and time zone.

The stored data is plain JSON ("once", true, "18:00:00", "2027-03-01"); each value is
shown the way the public form's field would offer it: the choice's label, yes or no,
dates and times in the moderator's locale formats. Aware date-times are shown in the
moderator's time zone (Wagtail activates it for admin views).
"""

import datetime as dt

from django import forms
from django.utils import formats, timezone
from django.utils.dateparse import parse_date, parse_time
from django.utils.translation import gettext as _

SKIPPED = {"extra_dates"}  # the parsed copy of "further dates", which are shown as typed


def moment(value):
    """An aware date-time in the active (the moderator's) time zone, or "-"."""
    if value is None:
        return "-"
    return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")


def readable(field, value):
    """One sent value as text for the moderator; None where nothing was sent."""
    if value in ("", None, []):
        return None
    if isinstance(field, forms.BooleanField):
        return _("Yes") if value else _("No")
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if isinstance(field, forms.ModelChoiceField):
        return str(value)
    if isinstance(field, forms.ChoiceField):
        return str(dict(field.choices).get(value, value))
    if isinstance(field, forms.TimeField) and (time := parse_time(str(value))):
        return formats.time_format(time, "TIME_FORMAT")
    if isinstance(field, forms.DateField) and (day := parse_date(str(value))):
        return formats.date_format(day, "DATE_FORMAT")
    if isinstance(value, dt.datetime):
        return moment(value)
    return str(value)


def summary_rows(form_class, data):
    """(label, text) for each value sent, in the order of the form's fields."""
    fields = form_class.base_fields
    order = {name: number for number, name in enumerate(fields)}
    rows = []
    for name in sorted(data, key=lambda key: order.get(key, len(order))):
        if name in SKIPPED:
            continue
        field = fields.get(name)
        text = readable(field, data[name])
        if text is not None:
            rows.append((field.label if field else name, text))
    return rows
