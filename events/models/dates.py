"""The dates of an event: those the editor enters, cancelled days, and the expanded rows
that listings and calendars read (see events.models)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from ..recurrence import berlin


class EventOccurrence(Orderable):
    """A date the editor enters, in Europe/Berlin wall-clock time.

    The first one starts the series that the repeat rule repeats (iCalendar's
    DTSTART); further ones are single extra dates (RDATE).
    """

    page = ParentalKey("events.EventPage", on_delete=models.CASCADE, related_name="occurrences")
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))

    panels = [FieldRowPanel([FieldPanel("start"), FieldPanel("end")])]

    class Meta(Orderable.Meta):
        verbose_name = _("date")
        verbose_name_plural = _("dates")
        indexes = [models.Index(fields=["start"]), models.Index(fields=["end"])]

    def __str__(self):
        return f"{self.start:%Y-%m-%d %H:%M}"

    def clean(self):
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The end must not be before the start.")})


class EventExceptionDate(Orderable):
    """A day on which the repetitions of an event are cancelled (iCalendar's EXDATE)."""

    page = ParentalKey("events.EventPage", on_delete=models.CASCADE, related_name="exception_dates")
    date = models.DateField(_("date"))

    panels = [FieldPanel("date")]

    class Meta(Orderable.Meta):
        verbose_name = _("cancelled day")
        verbose_name_plural = _("cancelled days")

    def __str__(self):
        return self.date.isoformat()


class EventDate(models.Model):
    """One date of an event as listings and calendars show it, expanded from its schedule.

    Never edited: EventPage.save() and ``manage.py update_event_dates`` rebuild the rows.
    """

    page = models.ForeignKey(
        "events.EventPage", on_delete=models.CASCADE, related_name="event_dates"
    )
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))

    class Meta:
        verbose_name = _("event date")
        verbose_name_plural = _("event dates")
        ordering = ["start"]
        indexes = [
            models.Index(fields=["start"]),
            models.Index(fields=["end"]),
            models.Index(fields=["page", "start"]),
        ]

    def __str__(self):
        return f"{self.page_id}: {berlin(self.start):%Y-%m-%d %H:%M}"

    @property
    def all_day(self):
        return self.page.all_day

    @property
    def is_multi_day(self):
        return berlin(self.start).date() != berlin(self.end).date()
