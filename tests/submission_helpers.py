"""Set-up and helpers of the event submission tests (tests/submissions/): the form
site, valid data, images, and one submission sent."""

import datetime
import struct
import zlib
from io import BytesIO, StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext, ngettext
from PIL import Image as PILImage
from wagtail.models import TaskState

from home.form_protection import started_token
from home.models import SpokenLanguage, TargetGroup
from submissions.models import EventSubmission, EventSubmissionPage
from tests.conftest import make_term
from tests.translation_helpers import user_in

# Where submitted images wait (settings.STORAGES["private"], in memory in tests).
PRIVATE = EventSubmission._meta.get_field("image_file").storage


def private_files():
    try:
        return PRIVATE.listdir("submissions")[1]
    except FileNotFoundError:
        return []


@pytest.fixture(autouse=True)
def _empty_private_storage():
    for name in private_files():
        PRIVATE.delete(f"submissions/{name}")


# --------------------------------------------------------------------------- set-up


@pytest.fixture
def form_site(tree, django_capture_on_commit_callbacks):
    """The German submission form below the events index, with its Arabic translation,
    an organisation and terms to choose, and the roles (Moderation workflow) set up."""
    call_command("setup_roles", stdout=StringIO(), stderr=StringIO())
    tree.form = tree.add(
        tree.events, EventSubmissionPage(title="Veranstaltung melden", slug="melden")
    )
    tree.ar_events = tree.translate(tree.events, "ar", title="الفعاليات")
    tree.ar_form = tree.translate(tree.form, "ar", title="أعلن عن فعالية")
    tree.verein = tree.organisation("Elternverein Mitte")
    tree.frauen = make_term(TargetGroup, "Frauen", ar="نساء")
    tree.turkish = make_term(SpokenLanguage, "Türkisch", ar="التركية")
    tree.moderator = user_in("Moderation", "moderatorin")
    tree.moderator.email = "moderation@example.org"
    tree.moderator.save()
    return tree


def in_days(days):
    return (timezone.localdate() + datetime.timedelta(days=days)).isoformat()


def valid_data(form_site, **overrides):
    data = {
        "organisation": str(form_site.verein.pk),
        "organisation_name": "",
        "title": "Elterncafé im Mühlenhof",
        "description": "Ein offenes Treffen für Eltern.\n\nMit Kinderbetreuung.",
        "target_groups": [str(form_site.frauen.pk)],
        "languages": [str(form_site.turkish.pk)],
        "first_date": in_days(10),
        "start_time": "16:00",
        "end_time": "18:00",
        "repeat": "once",
        "more_dates": "",
        "repeat_interval": "",
        "repeat_until": "",
        "venue_name": "Begegnungszentrum Mühlenhof",
        "venue_address": "Mühlenweg 7, 12343 Mittelstadt",
        "accessibility": "Stufenlos, barrierefreies WC",
        "registration": "Keine Anmeldung nötig",
        "is_free": "on",
        "costs": "",
        "image_alt": "",
        "contact_name": "Ayşe Beispiel",
        "contact_email": "ayse@example.org",
        "contact_phone": "0521 123456",
        "privacy_consent": "on",
        "website": "",
        "form_started": started_token(),  # as the form page hands it out
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def german(message):
    """The message as a German visitor reads it (msgid, or (msgid, params))."""
    msgid, params = message if isinstance(message, tuple) else (str(message), None)
    with translation.override("de"):
        if "%(limit_value)d" in msgid:
            text = ngettext(msgid.replace("characters", "character"), msgid, params["limit_value"])
        else:
            text = gettext(msgid)
    return escape(text % params if params else text)


def png_bytes(size=(40, 30)):
    buffer = BytesIO()
    PILImage.new("RGB", size, "#336699").save(buffer, "PNG")
    return buffer.getvalue()


def bomb_png(width=50_000, height=50_000):
    """A valid PNG header announcing 2.5 gigapixels, with a few bytes of data."""

    def chunk(kind, payload):
        body = kind + payload
        return struct.pack(">I", len(payload)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    data = zlib.compress(b"\x00" * 1024)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


def send(client, page, data, image=None):
    if image is not None:
        data = {**data, "image": image}
    return client.post(page.url, data)


def upload(content, name="foto.png", content_type="image/png"):
    return SimpleUploadedFile(name, content, content_type=content_type)


@pytest.fixture
def sent(client, form_site, django_capture_on_commit_callbacks):
    """One valid submission in German, with an image; returns the submission."""
    with django_capture_on_commit_callbacks(execute=True):
        response = send(
            client,
            form_site.form,
            valid_data(form_site, image_alt="Eltern am Tisch", image_rights="on"),
            upload(png_bytes()),
        )
    assert response.status_code == 200, response.content.decode()[:2000]
    return EventSubmission.objects.get()


def workflow_action(client, event, action, comment=""):
    task_state = TaskState.objects.get(
        workflow_state__object_id=str(event.pk), status=TaskState.STATUS_IN_PROGRESS
    )
    url = reverse("wagtailadmin_pages:workflow_action", args=[event.pk, action, task_state.pk])
    return client.post(url, {"comment": comment})
