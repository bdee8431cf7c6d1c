"""What online registration costs: the event page with its form, registering, cancelling.

Builds a throw-away SQLite database (german_site.py) with one weekly event (12 dates
offered, 15 places each, waiting list on), registers N people for its first date (the
first 15 get places, the rest wait), then cancels the confirmed ones through their links,
each cancellation moving up the next. Run it with

    .venv/bin/python benchmarks/event_registration.py [registrations, default 60]
"""

import datetime as dt
import logging
import os
import re
import statistics
import sys
import time

from django.conf import settings
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

os.environ.setdefault("PAGE_CACHE_SECONDS", "0")  # measure rendering, not the page cache
from german_site import german_site  # noqa: E402 - before any model: a throw-away database

from events.models import EventOccurrence, EventPage
from home.form_protection import started_token
from registrations.models import Registration

CAPACITY = 15


def event(index):
    start = timezone.localtime().replace(hour=18, minute=0, second=0, microsecond=0)
    start += dt.timedelta(days=7)
    page = EventPage(
        title="Vernetzungstreffen",
        slug="vernetzungstreffen",
        teaser="Jede Woche.",
        locale=index.locale,
        recurrence_rule="FREQ=WEEKLY",
        occurrences=[EventOccurrence(start=start, end=start + dt.timedelta(hours=3))],
        registration_enabled=True,
        registration_capacity=CAPACITY,
    )
    index.add_child(instance=page)
    return page


def timed(call):
    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        response = call()
        elapsed = (time.perf_counter() - started) * 1000
    return response, elapsed, len(captured)


def summary(label, durations, queries):
    print(
        f"{label}: median {statistics.median(durations):.1f} ms, max {max(durations):.1f} ms, "
        f"queries median {statistics.median(queries):.0f}, max {max(queries)}"
    )


def main(count):
    logging.getLogger("wagtail").setLevel(logging.WARNING)
    settings.FORM_RATE_LIMIT = settings.FORM_POST_LIMIT = count * 3
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    events, _organisers, _group = german_site(2)
    page = event(events)
    client = Client()
    html = client.get(page.url).content.decode()
    key = re.search(r'name="date" value="([^"]+)"', html).group(1)
    url = reverse("registration_register", args=[page.pk])

    page_ms, page_queries, post_ms, post_queries = [], [], [], []
    for number in range(count):
        _, elapsed, queries = timed(lambda: client.get(page.url))
        page_ms.append(elapsed)
        page_queries.append(queries)
        data = {
            "date": key,
            "name": f"Person {number}",
            "email": f"person{number}@example.org",
            "people": "1",
            "consent": "on",
            "form_started": started_token(),
        }
        response, elapsed, queries = timed(lambda data=data: client.post(url, data))
        assert response.status_code == 200, response.status_code
        post_ms.append(elapsed)
        post_queries.append(queries)
    confirmed = Registration.objects.filter(status=Registration.Status.CONFIRMED).count()
    assert confirmed == min(count, CAPACITY)

    links = [
        re.search(r"/\w+/registration/cancel/[^\s]+/", message.body).group(0)
        for message in mail.outbox[:CAPACITY]
    ]
    cancel_ms, cancel_queries = [], []
    for link in links:
        _, elapsed, queries = timed(lambda link=link: client.post(link))
        cancel_ms.append(elapsed)
        cancel_queries.append(queries)
    still = Registration.objects.filter(status=Registration.Status.CONFIRMED).count()
    assert still == min(max(count - CAPACITY, 0), CAPACITY), still

    EventPage.objects.filter(pk=page.pk).update(registration_enabled=False)
    plain_ms, plain_queries = [], []
    for _ in range(10):
        _, elapsed, queries = timed(lambda: client.get(page.url))
        plain_ms.append(elapsed)
        plain_queries.append(queries)

    print(f"weekly event, 12 dates offered, {CAPACITY} places, {count} registrations")
    summary("event page without registration (uncached)", plain_ms, plain_queries)
    summary("event page with the form (uncached)", page_ms, page_queries)
    summary("registering (15 places, then waiting list)", post_ms, post_queries)
    summary("cancelling through the link, moving up the next", cancel_ms, cancel_queries)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 60)
