"""What one event submission costs: the form page, and a valid POST that stores the
submission and its draft event and starts the moderation workflow.

Builds a throw-away SQLite database (german_site.py) with 200 organisations
in the directory, then shows the form and sends valid submissions with an image. Run it
with

    .venv/bin/python benchmarks/event_submission.py [submissions, default 40]
"""

import datetime as dt
import io
import logging
import statistics
import sys
import time
import tracemalloc

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from german_site import german_site  # before any model: Django on a throw-away database
from PIL import Image

from home.form_protection import started_token
from submissions.models import EventSubmission, EventSubmissionPage

ORGANISATIONS = 200


def site():
    """The German site with the submission form and the Moderation workflow."""
    events, organisers, group = german_site(ORGANISATIONS)
    form = events.add_child(
        instance=EventSubmissionPage(
            title="Veranstaltung melden", slug="melden", locale=events.locale
        )
    )
    call_command("setup_roles", stdout=io.StringIO(), stderr=io.StringIO())
    return form, organisers[-1], group


def image_file():
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 800), "#336699").save(buffer, "JPEG")
    return SimpleUploadedFile("foto.jpg", buffer.getvalue(), content_type="image/jpeg")


def entries(number, organisation, group):
    day = (timezone.localdate() + dt.timedelta(days=10 + number % 30)).isoformat()
    return {
        "organisation": str(organisation.pk),
        "title": f"Elterncafé {number}",
        "description": "Ein offenes Treffen für Eltern.\n\nMit Kinderbetreuung.",
        "target_groups": [str(group.pk)],
        "first_date": day,
        "start_time": "16:00",
        "end_time": "18:00",
        "repeat": "weeks",
        "repeat_interval": "2",
        "repeat_until": (timezone.localdate() + dt.timedelta(days=200)).isoformat(),
        "venue_name": "Begegnungszentrum Mühlenhof",
        "venue_address": "Mühlenweg 7, 12343 Mittelstadt",
        "contact_name": "Ayşe Beispiel",
        "contact_email": "ayse@example.org",
        "privacy_consent": "on",
        "image": image_file(),
        "image_alt": "Eltern am Tisch",
        "image_rights": "on",
        "website": "",
        "form_started": started_token(),
    }


def main(count):
    logging.getLogger("wagtail").setLevel(logging.WARNING)  # a line per page saved
    form, organisation, group = site()
    settings.FORM_RATE_LIMIT = count + 1
    client = Client()
    client.get(form.url)  # warm caches
    with CaptureQueriesContext(connection) as page_queries:
        started = time.perf_counter()
        assert client.get(form.url).status_code == 200
        page_ms = (time.perf_counter() - started) * 1000

    durations, queries = [], []
    tracemalloc.start()
    for number in range(count):
        data = entries(number, organisation, group)
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.post(form.url, data)
            durations.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
        queries.append(len(captured))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert EventSubmission.objects.count() == count

    print(
        f"form page with {ORGANISATIONS} organisations: {page_ms:.0f} ms, "
        f"{len(page_queries)} queries"
    )
    print(
        f"{count} submissions (image, fortnightly series): "
        f"median {statistics.median(durations):.0f} ms, max {max(durations):.0f} ms, "
        f"queries median {statistics.median(queries):.0f}, max {max(queries)}"
    )
    print(f"peak Python memory while submitting: {peak / 2**20:.1f} MiB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 40)
