"""Registrations for the dates of an event (EventPage with online registration on).

One row per registration: who, for which date, how many people, and whether they
have a place or wait for one. The row is personal data: only groups with the
permission "view registration" see it (the admin's list and its CSV), and
``manage.py delete_old_registrations`` deletes it REGISTRATION_RETENTION_DAYS after
the date; cancelling deletes it at once. The rules (capacity, waiting list,
deadline, moving up) live in registrations.services, the one place that writes rows.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from events.models import EventPage


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Has a place")
        WAITING = "waiting", _("On the waiting list")

    # The event's first page (its source language): places are shared by every language.
    event = models.ForeignKey(
        EventPage,
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="online_registrations",
    )
    start = models.DateTimeField(_("date"))
    end = models.DateTimeField(_("end"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("e-mail"))
    organisation = models.CharField(_("organisation or initiative"), max_length=200, blank=True)
    people = models.PositiveSmallIntegerField(_("number of people"), default=1)
    needs = models.TextField(_("accessibility and other needs"), max_length=1000, blank=True)
    spoken_language = models.CharField(_("preferred language"), max_length=100, blank=True)
    language = models.CharField(_("language of the form"), max_length=10)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    moved_up_at = models.DateTimeField(_("moved up from the waiting list"), null=True, blank=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["start", "created_at", "pk"]
        indexes = [
            models.Index(fields=["event", "start", "status"]),
            models.Index(fields=["end"]),
        ]

    def __str__(self):
        return f"{self.name} ({self.start:%Y-%m-%d})"
