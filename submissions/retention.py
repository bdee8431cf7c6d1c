"""Personal data of submissions is deleted on schedule (``manage.py anonymise_submissions``).

The contact person's data and a waiting image go once the event is over
(SUBMISSION_RETENTION_DAYS) or the rejection old enough
(REJECTED_SUBMISSION_RETENTION_DAYS); the record itself stays.
"""

import datetime as dt

from django.conf import settings
from django.db.models import Max, Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from .models import EventSubmission


def due_for_anonymising(now=None):
    """Submissions whose retention is over: rejected long enough ago, or events long over.

    An event's end is its last date now (moderators may have moved the dates), or the
    last date as submitted where the event is gone or its dates lie outside the table.
    """
    now = now or timezone.now()
    event_over = now - dt.timedelta(days=settings.SUBMISSION_RETENTION_DAYS)
    rejected = now - dt.timedelta(days=settings.REJECTED_SUBMISSION_RETENTION_DAYS)
    return (
        EventSubmission.objects.filter(anonymised_at__isnull=True)
        .annotate(event_end=Coalesce(Max("page__event_dates__end"), "last_date"))
        .filter(
            Q(status=EventSubmission.Status.REJECTED, decided_at__lt=rejected)
            | (~Q(status=EventSubmission.Status.REJECTED) & Q(event_end__lt=event_over))
        )
    )


def anonymise(submission):
    """Delete the contact person's data and a waiting image; the rest stays for the record."""
    if submission.image_file:
        submission.image_file.delete(save=False)
    for name in EventSubmission.CONTACT_FIELDS:
        setattr(submission, name, "")
    submission.anonymised_at = timezone.now()
    submission.save()


def anonymise_due(now=None):
    """Anonymise every submission whose time is up; returns how many."""
    submissions = list(due_for_anonymising(now))
    for submission in submissions:
        anonymise(submission)
    return len(submissions)
