"""What one event submission costs: the form page, and a valid POST that stores the
submission and its draft event and starts the moderation workflow.

Builds a throw-away SQLite database (nothing touches db.sqlite3) with 200 organisations
in the directory, then shows the form and sends valid submissions with an image. Run it
with

    .venv/bin/python benchmarks/event_submission.py [submissions, default 40]
"""

import datetime as dt
import io
import logging
import os
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATABASE = Path(tempfile.mkdtemp(prefix="submission-benchmark-")) / "benchmark.sqlite3"
os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
os.environ["DATABASE_URL"] = f"sqlite:///{DATABASE}"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402
from PIL import Image  # noqa: E402
from wagtail.models import Locale, Page, Site  # noqa: E402

from events.models import EventIndexPage, EventSubmission, EventSubmissionPage  # noqa: E402
from home.form_protection import started_token  # noqa: E402
from home.models import HomePage, TargetGroup  # noqa: E402
from organisations.models import OrganisationIndexPage, OrganisationPage  # noqa: E402

ORGANISATIONS = 200


def site():
    german = Locale.objects.get_or_create(language_code="de")[0]
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Startseite", slug="start", locale=german))
    Site.objects.filter(is_default_site=True).update(root_page=home)
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    events = home.add_child(
        instance=EventIndexPage(title="Veranstaltungen", slug="veranstaltungen", locale=german)
    )
    form = events.add_child(
        instance=EventSubmissionPage(title="Veranstaltung melden", slug="melden", locale=german)
    )
    directory = home.add_child(
        instance=OrganisationIndexPage(title="Organisationen", slug="organisationen", locale=german)
    )
    organisation = None
    for number in range(ORGANISATIONS):
        organisation = directory.add_child(
            instance=OrganisationPage(
                title=f"Verein {number:03}", slug=f"verein-{number}", summary="…", locale=german
            )
        )
    group = TargetGroup.objects.create(name="Frauen", slug="frauen", locale=german)
    call_command("setup_roles", stdout=io.StringIO(), stderr=io.StringIO())
    return form, organisation, group


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
    call_command("migrate", verbosity=0)
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
