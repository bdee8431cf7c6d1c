"""Delete page feedback older than PAGE_FEEDBACK_RETENTION_DAYS (run daily by cron)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from readers.models import delete_old_feedback


class Command(BaseCommand):
    help = "Delete page feedback (answers and comments) older than PAGE_FEEDBACK_RETENTION_DAYS."

    def handle(self, *args, **options):
        count = delete_old_feedback()
        days = settings.PAGE_FEEDBACK_RETENTION_DAYS
        self.stdout.write(f"Deleted {count} page feedback answer(s) older than {days} days.")
