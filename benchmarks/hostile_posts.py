"""What the worst public posts cost: each case is sent to the event submission form and
the CPU time of the request is printed, the slowest last. No case may cost more than a
few hundred milliseconds.

Builds a throw-away SQLite database (german_site.py) with 200 organisations. Run it with

    .venv/bin/python benchmarks/hostile_posts.py [repetitions per case, default 3]
"""

import datetime as dt
import io
import logging
import sys
import time

from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from german_site import german_site  # before any model: Django on a throw-away database

from home.form_protection import started_token
from submissions.models import EventSubmissionPage

MB = 1024 * 1024


def site():
    events, organisers, group = german_site(200)
    form = events.add_child(
        instance=EventSubmissionPage(
            title="Veranstaltung melden", slug="melden", locale=events.locale
        )
    )
    call_command("setup_roles", stdout=io.StringIO(), stderr=io.StringIO())
    return form, organisers[-1], group


def valid(organisation, group, **overrides):
    day = (timezone.localdate() + dt.timedelta(days=10)).isoformat()
    data = {
        "organisation": str(organisation.pk),
        "title": "Elterncafé",
        "description": "Ein offenes Treffen für Eltern.",
        "target_groups": [str(group.pk)],
        "first_date": day,
        "start_time": "16:00",
        "end_time": "18:00",
        "repeat": "once",
        "venue_name": "Begegnungszentrum",
        "venue_address": "Mühlenweg 7, 12343 Mittelstadt",
        "contact_name": "Ayşe Beispiel",
        "contact_email": "ayse@example.org",
        "privacy_consent": "on",
        "website": "",
        "form_started": started_token(),
    }
    data.update(overrides)
    return data


def cases(organisation, group):
    day = (timezone.localdate() + dt.timedelta(days=20)).strftime("%d.%m.%Y")
    dates = lambda count: "\n".join([day] * count)  # noqa: E731
    return {
        "valid (stored)": valid(organisation, group),
        "further dates: 59 lines (the most allowed)": valid(
            organisation, group, repeat="dates", more_dates=dates(59)
        ),
        "further dates: 59 lines of garbage": valid(
            organisation, group, repeat="dates", more_dates="\n".join(["x" * 19] * 59)
        ),
        "further dates: 1,000,000 lines (2 MB)": valid(
            organisation, group, repeat="dates", more_dates="1\n" * 1_000_000
        ),
        "further dates: 100 KB": valid(organisation, group, repeat="dates", more_dates=dates(9000)),
        "every text field 1 MB - 1 KB": valid(organisation, group, description="x" * (MB - 1024)),
        "weekly series for two years": valid(
            organisation,
            group,
            repeat="weeks",
            repeat_interval="1",
            repeat_until=(timezone.localdate() + dt.timedelta(days=700)).isoformat(),
        ),
        "999 target groups": valid(organisation, group, target_groups=[str(n) for n in range(999)]),
        "2000 fields": valid(organisation, group, **{f"f{n}": "x" for n in range(2000)}),
        "40-character dates": valid(organisation, group, first_date="9" * 40),
    }


def cpu_ms(client, url, data):
    started = time.process_time()
    response = client.post(url, data)
    return (time.process_time() - started) * 1000, response.status_code


def main(repetitions):
    logging.disable(logging.WARNING)  # one "Bad Request" line per refused post
    form, organisation, group = site()
    settings.FORM_RATE_LIMIT = settings.FORM_POST_LIMIT = 10_000
    client = Client()
    client.get(form.url)  # warm caches
    results = []
    for name, data in cases(organisation, group).items():
        runs = [cpu_ms(client, form.url, data) for _ in range(repetitions)]
        results.append((max(ms for ms, _ in runs), runs[-1][1], name))
    for ms, status, name in sorted(results):
        print(f"{ms:7.0f} ms CPU  {status}  {name}")
    print(f"slowest: {results and max(results)[0]:.0f} ms CPU ({max(results)[2]})")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
