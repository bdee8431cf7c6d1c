"""More places, or no more waiting list: publishing the event moves people up at once."""

from wagtail.signals import page_published

from events.models import EventPage


def places_changed(sender, instance, **kwargs):
    from .services import move_up_all, source_event

    if instance.registration_enabled:
        move_up_all(source_event(instance))


def connect():
    page_published.connect(places_changed, sender=EventPage, dispatch_uid="registrations-move-up")
