"""How the events listing scales: render time and queries for 50, 200 and 1000 repeating events.

Builds a throw-away SQLite database (nothing touches db.sqlite3), adds events with
weekly, monthly and daily rules, and requests /de/veranstaltungen/ (warm: the first
requests fill the caches; rendered page fragments are not cached unless
PAGE_FRAGMENT_CACHE_SECONDS is set). Run it with

    .venv/bin/python benchmarks/events_listing.py [50 200 1000]
"""

import datetime as dt
import statistics
import sys
import time

from django.db import connection
from django.test import Client
from django.utils import timezone
from german_site import DATABASE, german_site  # before any model: Django on a throw-away database

from events.models import EventDate, EventOccurrence, EventPage

RULES = [
    "FREQ=WEEKLY;BYDAY=TU,TH",  # unbounded: two dates a week for the whole window
    "FREQ=MONTHLY;BYDAY=2WE",
    "FREQ=DAILY;COUNT=10",
    "",  # a single date
]
REPEATS = 7


def add_events(index, organisers, group, start, count):
    first = timezone.localtime().replace(hour=18, minute=0, second=0, microsecond=0)
    for number in range(start, start + count):
        begin = first + dt.timedelta(days=number % 28 + 1)
        page = EventPage(
            title=f"Treffen {number:04}",
            slug=f"treffen-{number:04}",
            teaser="Ein regelmäßiges Treffen.",
            locale=index.locale,
            organiser=organisers[number % len(organisers)],
            recurrence_rule=RULES[number % len(RULES)],
            occurrences=[EventOccurrence(start=begin, end=begin + dt.timedelta(hours=2))],
            target_groups=[group],
        )
        index.add_child(instance=page)


def measure(client, url):
    """(median milliseconds, number of queries) of a warm request for url."""
    client.get(url)  # warm the caches (site root paths, renditions, translations)
    client.get(url)
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        response = client.get(url)
    assert response.status_code == 200, response.status_code
    timings = []
    for _ in range(REPEATS):
        began = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - began) * 1000)
    return statistics.median(timings), len(queries)


def main(sizes):
    index, organisers, group = german_site()
    client = Client()
    print(f"database: {DATABASE}")
    print(
        f"{'events':>7} {'dates':>7} {'listing ms':>11} {'queries':>8} {'filtered ms':>12} "
        f"{'queries':>8} {'feed ms':>8} {'queries':>8}"
    )
    created = 0
    for size in sizes:
        began = time.perf_counter()
        add_events(index, organisers, group, created, size - created)
        created = size
        setup = time.perf_counter() - began
        listing = measure(client, "/de/veranstaltungen/")
        filtered = measure(
            client, "/de/veranstaltungen/?target_group=jugendliche&organiser=verein-1"
        )
        feed = measure(client, "/de/calendar/events.ics?organiser=verein-1")
        print(
            f"{size:>7} {EventDate.objects.count():>7} {listing[0]:>11.1f} {listing[1]:>8} "
            f"{filtered[0]:>12.1f} {filtered[1]:>8} {feed[0]:>8.1f} {feed[1]:>8}"
            f"   (setup {setup:.0f} s)"
        )


if __name__ == "__main__":
    main([int(size) for size in sys.argv[1:]] or [50, 200, 1000])
