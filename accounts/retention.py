"""Deletes stored client addresses and user agents after ACCESS_LOG_RETENTION_DAYS.

django-axes keeps them in its log of log-ins (AccessLog), its log of failures
(AccessFailureLog) and its failed-attempt counters (AccessAttempt, which matter only during
the one-hour cool-off). Nothing else in the portal stores an address or a user agent: the
public forms' rate limit counts per address in the cache, where entries expire after the
period.
"""

from datetime import timedelta

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.utils import timezone


def delete_old_access_logs(days=None):
    """Delete the records older than the retention period; returns {model name: count}."""
    days = settings.ACCESS_LOG_RETENTION_DAYS if days is None else days
    cutoff = timezone.now() - timedelta(days=days)
    deleted = {}
    for model in (AccessLog, AccessFailureLog, AccessAttempt):
        count, _ = model.objects.filter(attempt_time__lt=cutoff).delete()
        deleted[model.__name__] = count
    return deleted
