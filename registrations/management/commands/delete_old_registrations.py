"""Delete event registrations once the date is over (personal data).

Run daily by cron, like anonymise_submissions: registrations (confirmed and waiting)
are deleted REGISTRATION_RETENTION_DAYS after their date's end (default 30).
Cancelling deletes a registration at once.
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from registrations.services import delete_due


class Command(BaseCommand):
    help = "Delete event registrations older than REGISTRATION_RETENTION_DAYS after their date."

    def handle(self, *args, **options):
        deleted = delete_due()
        days = settings.REGISTRATION_RETENTION_DAYS
        self.stdout.write(f"Deleted {deleted} registration(s) of dates over for {days} days.")
