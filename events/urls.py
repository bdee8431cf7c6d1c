"""Calendar URLs, inside the language prefix: /de/calendar/events.ics, /tr/calendar/event-12.ics."""

from django.urls import path

from . import views

urlpatterns = [
    path("calendar/events.ics", views.events_calendar, name="events_calendar"),
    path("calendar/event-<int:page_id>.ics", views.event_calendar, name="event_calendar"),
]
