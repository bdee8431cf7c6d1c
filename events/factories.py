"""Factories for events: the index, events with their dates."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from .models import EventIndexPage, EventOccurrence, EventPage


def in_days(days, hour=18, length_hours=2):
    """(start, end) of an occurrence `days` from today, in the site's time zone."""
    start = timezone.localtime().replace(hour=hour, minute=0, second=0, microsecond=0)
    start += datetime.timedelta(days=days)
    return start, start + datetime.timedelta(hours=length_hours)


class EventIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventIndexPage

    title = "Veranstaltungen"


class EventPageFactory(wagtail_factories.PageFactory):
    """An event, by default on one date a week from now; `dates` takes in_days() arguments,
    e.g. dates=((7,), (-3,)), or pass `occurrences` yourself."""

    class Meta:
        model = EventPage

    class Params:
        dates = ((7,),)

    title = "Elterncafé"
    teaser = factory.LazyAttribute(lambda o: f"{o.title}: offenes Treffen.")
    occurrences = factory.LazyAttribute(
        lambda o: [EventOccurrence(start=s, end=e) for s, e in (in_days(*d) for d in o.dates)]
    )
