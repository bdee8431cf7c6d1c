"""Delete what people sent through the form builder's pages after the retention period.

Run daily by cron; FORM_SUBMISSION_RETENTION_DAYS (default 90) sets the period.
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from home.models import delete_old_form_submissions


class Command(BaseCommand):
    help = "Delete form submissions older than FORM_SUBMISSION_RETENTION_DAYS."

    def handle(self, *args, **options):
        deleted = delete_old_form_submissions()
        days = settings.FORM_SUBMISSION_RETENTION_DAYS
        self.stdout.write(f"Deleted {deleted} form submission(s) older than {days} days.")
