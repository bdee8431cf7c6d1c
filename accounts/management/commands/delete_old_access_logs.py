"""Delete django-axes' records of log-ins and failed attempts after the retention period.

Run daily by cron; ACCESS_LOG_RETENTION_DAYS (default 14) sets the period.
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from accounts.retention import delete_old_access_logs


class Command(BaseCommand):
    help = "Delete log-in records (addresses, user agents) older than ACCESS_LOG_RETENTION_DAYS."

    def handle(self, *args, **options):
        deleted = delete_old_access_logs()
        days = settings.ACCESS_LOG_RETENTION_DAYS
        counts = ", ".join(f"{count} {name}" for name, count in deleted.items())
        self.stdout.write(f"Deleted {counts} older than {days} days.")
