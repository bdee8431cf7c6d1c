"""What one new page costs in every language: a German event with its occurrences, created
below the events index as a script or an import does it (add_child), then published, with
its alias in each of the six other languages.

Builds a throw-away SQLite database (german_site.py) with every language of
locales/languages.py and the site synchronised into them, then creates events. Where
creating the page made no aliases (before the language invariant sat in the model
layer), it makes them as the page editor's after_create_page hook does, and counts them
in. Run it with

    .venv/bin/python benchmarks/page_aliases.py [pages, default 20]
"""

import datetime as dt
import io
import logging
import statistics
import sys
import time

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from german_site import german_site  # before any model: Django on a throw-away database
from wagtail.models import Page
from wagtail_localize.synctree import create_aliases_for_new_page

from events.models import EventOccurrence, EventPage
from locales.languages import LANGUAGES


def event(number, group):
    start = timezone.now().replace(microsecond=0) + dt.timedelta(days=10 + number)
    page = EventPage(
        title=f"Elterncafé {number}",
        slug=f"elterncafe-{number}",
        teaser="Ein offenes Treffen für Eltern.",
        background="<p>Mit Kinderbetreuung.</p>",
        venue_name="Begegnungszentrum Mühlenhof",
        occurrences=[
            EventOccurrence(start=start, end=start + dt.timedelta(hours=2)),
            EventOccurrence(
                start=start + dt.timedelta(days=7), end=start + dt.timedelta(days=7, hours=2)
            ),
        ],
    )
    page.target_groups = [group]
    return page


def create(events, page):
    """Create the page and its aliases; (queries, milliseconds)."""
    page.locale = events.locale
    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        events.add_child(instance=page)
        if Page.objects.filter(translation_key=page.translation_key).count() == 1:
            create_aliases_for_new_page(page)  # what the page editor's hook did
        milliseconds = (time.perf_counter() - started) * 1000
    return len(captured), milliseconds


def publish(page):
    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        page.save_revision().publish()
        milliseconds = (time.perf_counter() - started) * 1000
    return len(captured), milliseconds


def main(count):
    logging.getLogger("wagtail").setLevel(logging.WARNING)  # a line per page saved
    events, _organisers, group = german_site(5)
    call_command("sync_languages", stdout=io.StringIO(), stderr=io.StringIO())
    created, published = [], []
    for number in range(count):
        page = event(number, group)
        created.append(create(events, page))
        published.append(publish(page))
        versions = Page.objects.filter(translation_key=page.translation_key, live=True).count()
        assert versions == len(LANGUAGES), f"{versions} live versions, not {len(LANGUAGES)}"

    def line(what, figures):
        queries = [q for q, _ in figures]
        times = [ms for _, ms in figures]
        return (
            f"{what}: queries median {statistics.median(queries):.0f}, max {max(queries)}; "
            f"median {statistics.median(times):.0f} ms"
        )

    print(f"{count} German events, each with {len(LANGUAGES) - 1} aliases")
    print(line("create with aliases", created))
    print(line("publish (aliases follow)", published))
    total = [c[0] + p[0] for c, p in zip(created, published, strict=True)]
    print(f"create and publish: queries median {statistics.median(total):.0f}, max {max(total)}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
