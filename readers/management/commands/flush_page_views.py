"""Move the page views counted in the cache into the database (cron, every 5 minutes)."""

from django.core.management.base import BaseCommand
from wagtail.models import Page

from readers.page_views import flush, recent_days


class Command(BaseCommand):
    help = "Move page views counted in the cache (today and the two days before) to the database."

    def handle(self, *args, **options):
        page_ids = list(Page.objects.filter(depth__gt=1).values_list("pk", flat=True))
        moved = flush(page_ids, recent_days())
        self.stdout.write(f"Moved {moved} page view(s) into the database.")
