"""Moderation decisions on submitted events: Wagtail's signals to submissions.services."""

from wagtail.signals import page_published, workflow_rejected

from events.models import EventPage

from .services import record_publication, record_rejection


def on_published(sender, instance, revision=None, **kwargs):
    record_publication(instance, revision)


def on_rejected(sender, instance, user=None, **kwargs):
    event = getattr(instance.content_object, "specific", None)  # the base Page
    if isinstance(event, EventPage):
        task_state = instance.current_task_state
        record_rejection(event, task_state.specific.get_comment() if task_state else "")


def connect():
    page_published.connect(
        on_published, sender=EventPage, dispatch_uid="events-submission-published"
    )
    workflow_rejected.connect(on_rejected, dispatch_uid="events-submission-rejected")
