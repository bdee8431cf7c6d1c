"""Delete the personal data of event submissions once it is no longer needed.

Run daily by cron. The contact person's name, e-mail and phone and an image still
waiting for approval are deleted SUBMISSION_RETENTION_DAYS after the event's last
date (default 90) or REJECTED_SUBMISSION_RETENTION_DAYS after a rejection
(default 30). The record itself (reference, status, what was published) stays.
"""

from django.core.management.base import BaseCommand

from submissions.retention import anonymise_due


class Command(BaseCommand):
    help = "Anonymise event submissions whose retention period is over."

    def handle(self, *args, **options):
        count = anonymise_due()
        self.stdout.write(f"Anonymised {count} event submission(s).")
