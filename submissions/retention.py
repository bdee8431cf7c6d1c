"""Personal data of submissions is deleted on schedule (``manage.py anonymise_submissions``).

Event submissions: the contact person's data and a waiting image go once the event
is over (SUBMISSION_RETENTION_DAYS) or the rejection old enough
(REJECTED_SUBMISSION_RETENTION_DAYS). Profile proposals: the contact person's data
and a waiting logo go PROFILE_PROPOSAL_RETENTION_DAYS after the decision. The
records themselves stay.
"""

import datetime as dt

from django.conf import settings
from django.db.models import Max, Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from .models import EventSubmission, ProfileProposal, UsedAccessToken


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


def proposals_due(now=None):
    """Profile proposals decided long enough ago whose personal data is still kept."""
    now = now or timezone.now()
    decided = now - dt.timedelta(days=settings.PROFILE_PROPOSAL_RETENTION_DAYS)
    return ProfileProposal.objects.filter(anonymised_at__isnull=True, decided_at__lt=decided)


def anonymise(record):
    """Delete the contact person's data and a waiting file; the rest stays for the record."""
    for name in ("image_file", "logo_file"):
        waiting = getattr(record, name, None)
        if waiting:
            waiting.delete(save=False)
    for name in record.CONTACT_FIELDS:
        setattr(record, name, "")
    record.anonymised_at = timezone.now()
    record.save()


def anonymise_due(now=None):
    """Anonymise every submission and proposal whose time is up; returns how many."""
    expired = (now or timezone.now()) - dt.timedelta(seconds=settings.ACCESS_LINK_MAX_AGE)
    UsedAccessToken.objects.filter(used_at__lt=expired).delete()  # useless once expired
    records = [*due_for_anonymising(now), *proposals_due(now)]
    for record in records:
        anonymise(record)
    return len(records)
