"""Event descriptions and their dates.

An EventPage follows the structure of a municipal event description
(background, target groups, goals, format, procedure, speakers, schedule,
venue, equipment, costs, promotion, registration).

Its schedule (events.recurrence) is what editors enter: the dates
(EventOccurrence rows; the first one starts the series), an optional repeat rule
(RRULE text the admin form builds from plain fields) and cancelled days
(EventExceptionDate rows). Every save expands the schedule into EventDate rows,
one per date within a window of 24 months either side of today; listings, the
home page and calendar feeds read those rows, so a weekly event costs listings no
more than a single date. ``manage.py update_event_dates`` (daily) moves the
window on.
"""

from .dates import EventDate, EventExceptionDate, EventOccurrence
from .event import EventPage
from .index import (
    FILTERS,
    EventIndexPage,
    date_param,
    event_filter,
    upcoming_occurrences,
    with_localized_organisers,
)

__all__ = [
    "FILTERS",
    "EventDate",
    "EventExceptionDate",
    "EventIndexPage",
    "EventOccurrence",
    "EventPage",
    "date_param",
    "event_filter",
    "upcoming_occurrences",
    "with_localized_organisers",
]
