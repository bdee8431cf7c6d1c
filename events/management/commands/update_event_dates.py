"""manage.py update_event_dates: run daily, so repeating events stay listed 24 months ahead."""

from django.core.management.base import BaseCommand

from events.models import EventPage
from home.cache import ALL, bump


class Command(BaseCommand):
    help = (
        "Expand the dates of repeating events again for the window of 24 months either "
        "side of today. Run it once a day (cron, systemd timer)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Also events without a repeat rule.")

    def handle(self, *args, **options):
        pages = EventPage.objects.all()
        if not options["all"]:
            pages = pages.exclude(recurrence_rule="")
        count = 0
        for page in pages.iterator(chunk_size=200):
            page.rebuild_dates()
            count += 1
        bump([ALL])  # cached pages and listings show the new dates
        self.stdout.write(self.style.SUCCESS(f"Dates of {count} events updated."))
