"""Page feedback: "Was this page helpful?" with an optional comment.

Stored with the page, its language and the day only: no time of day, no address, no
cookie, nothing that links two answers to one reader. The comment is free text and may
hold what a reader chose to write, so answers are deleted after
PAGE_FEEDBACK_RETENTION_DAYS (``manage.py delete_old_page_feedback``).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page


class PageFeedback(models.Model):
    page = models.ForeignKey(
        Page, verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )
    language = models.CharField(_("language"), max_length=10)
    date = models.DateField(_("date"), default=timezone.localdate, db_index=True)
    helpful = models.BooleanField(_("helpful"))
    comment = models.TextField(_("comment"), max_length=1000, blank=True)

    class Meta:
        verbose_name = _("page feedback")
        verbose_name_plural = _("page feedback")
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["page", "language"])]

    def __str__(self):
        return f"{self.page_id} {self.language} {self.date}"


def delete_old_feedback(today=None):
    """Delete answers older than PAGE_FEEDBACK_RETENTION_DAYS; returns how many."""
    today = today or timezone.localdate()
    cutoff = today - timezone.timedelta(days=settings.PAGE_FEEDBACK_RETENTION_DAYS)
    deleted, _ = PageFeedback.objects.filter(date__lt=cutoff).delete()
    return deleted


class PageViewDay(models.Model):
    """How often a page (in its language) was read on a day (readers.page_views)."""

    page = models.ForeignKey(
        Page, verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )
    language = models.CharField(_("language"), max_length=10)
    date = models.DateField(_("date"))
    views = models.PositiveIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("page views per day")
        verbose_name_plural = _("page views per day")
        constraints = [
            models.UniqueConstraint(fields=["page", "date"], name="one_count_per_page_and_day")
        ]
        indexes = [models.Index(fields=["date", "language"])]

    def __str__(self):
        return f"{self.page_id} {self.date}: {self.views}"
