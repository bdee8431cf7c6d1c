"""events: organisations announce events through the public form; moderators decide.

Everything goes through HTTP: the visitor's POST, the admin's workflow actions,
the public pages, feeds and sitemap, and the admin's list of submissions.
"""

import datetime
import os
import struct
import zlib
from io import BytesIO, StringIO

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import OperationalError
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext, ngettext
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import TaskState

from events.models import EventPage
from home.form_protection import RATE_LIMIT_MESSAGE, ProtectedFormMixin, started_token
from home.models import SiteSettings, SpokenLanguage, TargetGroup
from submissions.forms import EventSubmissionForm
from submissions.models import EventSubmission, EventSubmissionPage
from tests.conftest import make_term, shared
from tests.translation_helpers import editor, user_in

pytestmark = pytest.mark.django_db


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


@shared
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


# --------------------------------------------------------------------------- the form


def test_form_renders_with_labels_for_every_field(client, form_site):
    response = client.get(form_site.form.url)
    html = response.content.decode()
    assert response.status_code == 200
    for name in ("title", "first_date", "venue_address", "contact_email", "image"):
        assert f'<label for="id_{name}"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert 'class="form-trap" aria-hidden="true"' in html
    assert "Elternverein Mitte" in html


def test_form_in_arabic_is_right_to_left_and_shows_arabic_terms(client, form_site):
    response = client.get(form_site.ar_form.url)
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "نساء" in html and "التركية" in html


def test_events_index_and_footer_link_the_form(client, form_site):
    settings = SiteSettings.for_site(form_site.home.get_site())
    settings.event_submission_page = form_site.form
    settings.save()
    index = client.get(form_site.events.url).content.decode()
    assert f'href="{form_site.form.url}"' in index
    arabic_home = client.get(form_site.ar_home.url).content.decode()
    assert f'href="{form_site.ar_form.url}"' in arabic_home  # the footer, in Arabic


# --------------------------------------------------------------------------- what it becomes


def test_valid_submission_becomes_a_draft_in_moderation(client, form_site, sent):
    event = sent.page.specific
    assert sent.status == EventSubmission.Status.SUBMITTED
    assert sent.language == "de"
    assert sent.reference.startswith("V-")
    assert event.get_parent().pk == form_site.events.pk
    assert not event.live
    assert event.locale == form_site.events.locale
    assert event.organiser == form_site.verein
    assert list(event.target_groups.all()) == [form_site.frauen]
    assert event.venue_name == "Begegnungszentrum Mühlenhof"
    assert event.workflow_in_progress
    assert event.current_workflow_task.name == "Moderation"
    # The contact person stays on the submission, never on the page.
    assert sent.contact_email == "ayse@example.org"
    assert "ayse@example.org" not in str(event.get_latest_revision().content)
    assert "contact_email" not in sent.data


def test_confirmation_page_shows_the_reference(
    client, form_site, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, form_site.form, valid_data(form_site))
    submission = EventSubmission.objects.get()
    assert submission.reference in response.content.decode()


def test_emails_go_to_moderators_and_to_the_submitter(sent, form_site):
    to_submitter = [m for m in mail.outbox if m.to == ["ayse@example.org"]]
    to_moderator = [m for m in mail.outbox if m.to == ["moderation@example.org"]]
    assert len(to_submitter) == 1 and sent.reference in to_submitter[0].subject
    assert sent.reference in to_submitter[0].body
    assert len(to_moderator) == 1
    assert "Elterncafé im Mühlenhof" in to_moderator[0].subject


def test_arabic_submission_is_arabic(client, form_site, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, form_site.ar_form, valid_data(form_site, title="مقهى الآباء"))
    assert response.status_code == 200
    submission = EventSubmission.objects.get()
    assert submission.language == "ar"
    assert submission.page.locale.language_code == "ar"
    assert submission.page.get_parent().pk == form_site.ar_events.pk
    confirmation = next(m for m in mail.outbox if m.to == ["ayse@example.org"])
    assert submission.reference in confirmation.body
    with translation.override("ar"):  # in the language the visitor used
        subject = gettext("Your event has been received (%(reference)s)")
    assert confirmation.subject == subject % {"reference": submission.reference}
    to_moderator = next(m for m in mail.outbox if m.to == ["moderation@example.org"])
    with translation.override("de"):  # the moderator's admin language, not the visitor's
        assert gettext("You can edit the page here:") in to_moderator.body


def test_nothing_submitted_is_public_before_approval(client, form_site, sent):
    """Not on the home page, the organisation's page, the listing, search, sitemap or
    calendars, and its own address answers 404; once published, each of them shows it."""
    event = sent.page.specific
    pages = {
        form_site.home.url: event.title,  # upcoming events
        form_site.verein.url: event.title,  # the organisation's events
        form_site.events.url: event.title,
        reverse("search") + "?q=Elterncafé": event.title,
        "/sitemap-pages.xml": f"/{event.slug}/",
        reverse("events_calendar"): event.title,
        f"/de/calendar/event-{event.pk}.ics": event.title,
    }

    def shown():
        found = []
        for url, marker in pages.items():
            response = client.get(url)
            body = b"".join(response) if response.streaming else response.content
            if marker.encode() in body:
                found.append(url)
        return found

    assert shown() == []
    assert client.get(f"{form_site.events.url}{event.slug}/").status_code == 404
    event.save_revision().publish()
    assert shown() == list(pages)


def test_upload_waits_in_private_storage_under_a_random_name(sent):
    name = sent.image_file.name
    assert name.startswith("submissions/") and "foto" not in name
    assert PRIVATE.exists(name)
    assert get_image_model().objects.count() == 0  # nothing in the public media yet


# --------------------------------------------------------------------------- moderation


def workflow_action(client, event, action, comment=""):
    task_state = TaskState.objects.get(
        workflow_state__object_id=str(event.pk), status=TaskState.STATUS_IN_PROGRESS
    )
    url = reverse("wagtailadmin_pages:workflow_action", args=[event.pk, action, task_state.pk])
    return client.post(url, {"comment": comment})


def test_moderator_approves_and_the_event_appears(
    client, form_site, sent, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    client.force_login(form_site.moderator)
    with django_capture_on_commit_callbacks(execute=True):
        response = workflow_action(client, sent.page, "approve")
    assert response.status_code in (200, 302)
    sent.refresh_from_db()
    event = EventPage.objects.get(pk=sent.page_id)
    assert event.live
    assert sent.status == EventSubmission.Status.APPROVED
    # The image moved from private storage to Wagtail's images, with its alt text.
    assert event.image is not None and event.image.description == "Eltern am Tisch"
    assert not sent.image_file and private_files() == []
    client.logout()
    assert "Elterncafé im Mühlenhof" in client.get(form_site.events.url).content.decode()
    assert any(m.to == ["ayse@example.org"] and event.full_url in m.body for m in mail.outbox)


def test_moderator_approves_an_arabic_submission(
    client, form_site, django_capture_on_commit_callbacks
):
    """Approving publishes, which needs the publish permission in the visitor's language."""
    with django_capture_on_commit_callbacks(execute=True):
        send(client, form_site.ar_form, valid_data(form_site, title="مقهى الآباء"))
    submission = EventSubmission.objects.get()
    client.force_login(form_site.moderator)
    with django_capture_on_commit_callbacks(execute=True):
        workflow_action(client, submission.page, "approve")
    submission.refresh_from_db()
    assert submission.status == EventSubmission.Status.APPROVED
    client.logout()
    assert "مقهى الآباء" in client.get(form_site.ar_events.url).content.decode()


def test_rejected_event_never_appears_and_the_submitter_learns_why(
    client, form_site, sent, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    client.force_login(form_site.moderator)
    with django_capture_on_commit_callbacks(execute=True):
        workflow_action(client, sent.page, "reject", comment="Bitte mit genauer Adresse.")
    sent.refresh_from_db()
    assert sent.status == EventSubmission.Status.REJECTED
    assert sent.rejection_reason == "Bitte mit genauer Adresse."
    assert not EventPage.objects.get(pk=sent.page_id).live
    client.logout()
    assert "Elterncafé im Mühlenhof" not in client.get(form_site.events.url).content.decode()
    rejection = [m for m in mail.outbox if m.to == ["ayse@example.org"]]
    assert len(rejection) == 1 and "Bitte mit genauer Adresse." in rejection[0].body


# --------------------------------------------------------------------------- bad input

LONG_ADDRESS = "Mühlenweg " * 40
BAD_INPUT = [
    ("past date", {"first_date": in_days(-1)}, "first_date", "This date is in the past."),
    (
        "end before start",
        {"end_time": "15:00"},
        "end_time",
        "The end time must be after the start time.",
    ),
    (
        "series ends before it starts",
        {"repeat": "weeks", "repeat_interval": "1", "repeat_until": in_days(3)},
        "repeat_until",
        "The series must end after its first date.",
    ),
    (
        "series without an end",
        {"repeat": "months", "repeat_interval": "1"},
        "repeat_until",
        "Enter the last day of the series.",
    ),
    (
        "too many dates",
        {"repeat": "weeks", "repeat_interval": "1", "repeat_until": in_days(700)},
        "repeat_interval",
        None,  # names the count; the field's error list is checked
    ),
    (
        "not a date",
        {"repeat": "dates", "more_dates": "nächsten Montag"},
        "more_dates",
        (
            "Line %(number)s (“%(text)s”) is not a date such as 24.12.2027.",
            {"number": 1, "text": "nächsten Montag"},
        ),
    ),
    (
        "address too long",
        {"venue_address": LONG_ADDRESS},
        "venue_address",
        (
            "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
            {"limit_value": 300, "show_value": len(LONG_ADDRESS.strip())},
        ),
    ),
    ("not an e-mail", {"contact_email": "ayse@"}, "contact_email", "Enter a valid email address."),
    (
        "no organisation",
        {"organisation": "", "organisation_name": ""},
        "organisation_name",
        "Choose your organisation from the list or enter its name.",
    ),
    (
        "no consent",
        {"privacy_consent": None},
        "privacy_consent",
        "Please agree to the privacy notice to send the form.",
    ),
]


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [case[1:] for case in BAD_INPUT],
    ids=[case[0] for case in BAD_INPUT],
)
def test_bad_input_is_named_and_everything_typed_is_kept(
    client, form_site, overrides, field, message
):
    response = send(client, form_site.form, valid_data(form_site, **overrides))
    html = response.content.decode()
    assert response.status_code == 400
    assert EventSubmission.objects.count() == 0 and not EventPage.objects.exists()
    assert 'id="error-summary"' in html
    errors = html.split(f'<ul class="field-errors" id="id_{field}_error">')[1].split("</ul>")[0]
    if message:
        assert german(message) in errors
    assert f'href="#id_{field}' in html  # the summary links to the field
    assert 'value="Elterncafé im Mühlenhof"' in html  # the input is kept
    assert "Ein offenes Treffen für Eltern." in html
    assert 'value="ayse@example.org"' in html or field == "contact_email"


IMAGE_CASES = [
    (
        "not an image",
        upload(b"%PDF-1.4 not an image", "foto.png"),
        "This file is not an image. Please choose a JPEG, PNG or WebP file.",
    ),
    (
        "decompression bomb",
        upload(bomb_png()),
        (
            "The image has too many pixels. Please choose one of at most %(pixels)s megapixels.",
            {"pixels": 40},
        ),
    ),
]


@pytest.mark.parametrize(
    ("image", "message"), [case[1:] for case in IMAGE_CASES], ids=[c[0] for c in IMAGE_CASES]
)
def test_bad_images_are_refused_and_the_page_asks_to_choose_again(
    client, form_site, image, message
):
    data = valid_data(form_site, image_alt="Foto", image_rights="on")
    response = send(client, form_site.form, data, image)
    html = response.content.decode()
    assert response.status_code == 400
    assert german(message) in html
    assert (
        german("Only the image has to be chosen again: browsers do not keep a chosen file.") in html
    )
    assert private_files() == [] and not EventSubmission.objects.exists()


def test_too_large_image_is_refused(client, form_site, settings):
    settings.EVENT_SUBMISSION_MAX_IMAGE_BYTES = 1 << 20
    noise = BytesIO()
    PILImage.frombytes("RGB", (800, 800), os.urandom(800 * 800 * 3)).save(noise, "PNG")
    assert len(noise.getvalue()) > 1 << 20
    data = valid_data(form_site, image_alt="Foto", image_rights="on")
    response = send(client, form_site.form, data, upload(noise.getvalue()))
    assert response.status_code == 400
    message = "The image is larger than %(limit)s MB. Please choose a smaller file."
    assert german((message, {"limit": 1})) in response.content.decode()


def test_image_needs_alt_text_and_rights(client, form_site):
    response = send(client, form_site.form, valid_data(form_site), upload(png_bytes()))
    html = response.content.decode()
    assert german("Please describe the image in a few words.") in html
    assert german("Please confirm that the image may be published.") in html


def test_html_is_stored_as_text_and_shown_escaped(
    client, form_site, django_capture_on_commit_callbacks
):
    script = '<script>alert("x")</script><b>fett</b>'
    with django_capture_on_commit_callbacks(execute=True):
        send(
            client,
            form_site.form,
            valid_data(form_site, title=f"Fest {script}", description=script),
        )
    submission = EventSubmission.objects.get()
    assert submission.data["description"] == script
    event = submission.page.specific
    event.save_revision().publish()
    html = client.get(event.url).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_several_dates_and_a_series(client, form_site, django_capture_on_commit_callbacks):
    extra = (timezone.localdate() + datetime.timedelta(days=20)).strftime("%d.%m.%Y")
    with django_capture_on_commit_callbacks(execute=True):
        send(client, form_site.form, valid_data(form_site, repeat="dates", more_dates=extra))
        send(
            client,
            form_site.form,
            valid_data(
                form_site,
                title="Sprachcafé",
                repeat="months",
                repeat_interval="2",
                repeat_until=in_days(200),
            ),
        )
    several = EventSubmission.objects.get(title="Elterncafé im Mühlenhof").page.specific
    series = EventSubmission.objects.get(title="Sprachcafé").page.specific
    assert several.occurrences.count() == 2
    assert series.recurrence_rule.startswith("FREQ=MONTHLY;INTERVAL=2;UNTIL=")
    assert len(series.schedule().occurrences()) == 4  # every second month for 200 days


def test_eastern_arabic_digits_in_further_dates(
    client, form_site, django_capture_on_commit_callbacks
):
    day = timezone.localdate() + datetime.timedelta(days=30)
    arabic = day.strftime("%d.%m.%Y").translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    with django_capture_on_commit_callbacks(execute=True):
        response = send(
            client, form_site.ar_form, valid_data(form_site, repeat="dates", more_dates=arabic)
        )
    assert response.status_code == 200
    assert EventSubmission.objects.get().page.specific.occurrences.count() == 2


# --------------------------------------------------------------------------- abuse


def test_honeypot_looks_successful_but_stores_nothing(client, form_site):
    response = send(client, form_site.form, valid_data(form_site, website="http://spam.example"))
    assert response.status_code == 200
    assert german("Thank you: your event has been sent") in response.content.decode()
    assert not EventSubmission.objects.exists() and not EventPage.objects.exists()
    assert mail.outbox == []


def test_too_fast_is_refused_with_input_kept(client, form_site, settings):
    settings.FORM_MIN_FILL_SECONDS = 60
    form_html = client.get(form_site.form.url).content.decode()
    token = form_html.split('name="form_started" value="')[1].split('"')[0]
    response = send(client, form_site.form, valid_data(form_site, form_started=token))
    assert response.status_code == 400
    assert german(ProtectedFormMixin.too_fast_message) in response.content.decode()
    assert 'value="Elterncafé im Mühlenhof"' in response.content.decode()
    assert not EventSubmission.objects.exists()


def test_forged_time_stamp_is_refused(client, form_site, settings):
    settings.FORM_MIN_FILL_SECONDS = 1
    response = send(client, form_site.form, valid_data(form_site, form_started="12345:forged"))
    assert response.status_code == 400
    assert not EventSubmission.objects.exists()


def test_rate_limit_per_client_address(
    client, form_site, settings, django_capture_on_commit_callbacks
):
    settings.FORM_RATE_LIMIT = 2
    with django_capture_on_commit_callbacks(execute=True):
        statuses = [
            send(client, form_site.form, valid_data(form_site)).status_code for _ in range(3)
        ]
    assert statuses == [200, 200, 429]
    assert EventSubmission.objects.count() == 2
    refused = send(client, form_site.form, valid_data(form_site))
    assert refused.status_code == 429
    assert german(RATE_LIMIT_MESSAGE) in refused.content.decode()
    assert 'value="Elterncafé im Mühlenhof"' in refused.content.decode()  # nothing lost
    other = Client(REMOTE_ADDR="192.0.2.99")
    assert send(other, form_site.form, valid_data(form_site)).status_code == 200


def test_mistakes_do_not_count_towards_the_rate_limit(client, form_site, settings):
    settings.FORM_RATE_LIMIT = 1
    for _ in range(3):
        response = send(client, form_site.form, valid_data(form_site, contact_email="x@"))
        assert response.status_code == 400
    assert send(client, form_site.form, valid_data(form_site)).status_code == 200


def test_no_open_redirect(client, form_site):
    data = valid_data(form_site, next="https://evil.example/")
    response = client.post(f"{form_site.form.url}?next=https://evil.example/", data)
    assert response.status_code == 200 and not response.has_header("Location")


def test_csrf_is_required(form_site):
    strict = Client(enforce_csrf_checks=True)
    assert send(strict, form_site.form, valid_data(form_site)).status_code == 403
    assert not EventSubmission.objects.exists()


def test_database_failure_leaves_nothing_half_written(client, form_site, monkeypatch):
    def fail(event):
        raise OperationalError("the database went away")

    monkeypatch.setattr("submissions.services.start_moderation", fail)
    data = valid_data(form_site, image_alt="Foto", image_rights="on")
    response = send(client, form_site.form, data, upload(png_bytes()))
    assert response.status_code == 503
    assert (
        german(
            "Please go back with your browser: your entries are still in the form. "
            "Send it again in a few minutes."
        )
        in response.content.decode()
    )
    assert not EventSubmission.objects.exists() and not EventPage.objects.exists()
    assert private_files() == []
    assert mail.outbox == []


# --------------------------------------------------------------------------- the admin


def test_moderators_see_contact_details_editors_do_not(client, form_site, sent):
    inspect = reverse("event_submissions:inspect", args=[sent.pk])
    client.force_login(form_site.moderator)
    listing = client.get(reverse("event_submissions:index")).content.decode()
    assert sent.reference in listing and german(EventSubmission.Status.SUBMITTED.label) in listing
    details = client.get(inspect).content.decode()
    assert "ayse@example.org" in details
    label = EventSubmissionForm.base_fields["venue_address"].label  # what was sent, labelled
    assert f"<dt>{german(label)}</dt><dd>Mühlenweg 7, 12343 Mittelstadt</dd>" in details
    assert client.get(reverse("submissions_image", args=[sent.pk])).status_code == 200

    client.force_login(editor())
    assert sent.reference in client.get(reverse("event_submissions:index")).content.decode()
    html = client.get(inspect).content.decode()
    assert sent.title in html and "ayse@example.org" not in html
    refused = client.get(reverse("submissions_image", args=[sent.pk]))
    assert refused.status_code in (302, 403) and not refused.streaming


def test_the_event_editor_shows_where_the_event_came_from(client, form_site, sent):
    client.force_login(form_site.moderator)
    editor_html = client.get(reverse("wagtailadmin_pages:edit", args=[sent.page_id])).content
    html = editor_html.decode()
    assert reverse("event_submissions:inspect", args=[sent.pk]) in html
    assert sent.reference in html and 'href="mailto:ayse@example.org"' in html
    heading = german("Sent through the public form")
    assert heading in html
    # An event written by an editor has no such panel.
    event = form_site.event("Sommerfest")
    html = client.get(reverse("wagtailadmin_pages:edit", args=[event.pk])).content.decode()
    assert heading not in html


def test_nobody_edits_or_deletes_submissions_in_the_admin(client, form_site, sent, admin_user):
    client.force_login(admin_user)
    edit = client.get(reverse("event_submissions:edit", args=[sent.pk]))
    delete = client.post(reverse("event_submissions:delete", args=[sent.pk]))
    assert edit.status_code in (302, 403) and delete.status_code in (302, 403)
    assert EventSubmission.objects.filter(pk=sent.pk).exists()


def test_visitors_cannot_reach_the_admin_list(client, sent):
    response = client.get(reverse("event_submissions:index"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


# --------------------------------------------------------------------------- privacy


def test_anonymise_command_deletes_personal_data_when_due(form_site, sent, settings):
    now = timezone.now()
    old_rejection = EventSubmission.objects.create(
        title="Alt",
        language="de",
        organisation_name="Verein",
        status=EventSubmission.Status.REJECTED,
        decided_at=now - datetime.timedelta(days=settings.REJECTED_SUBMISSION_RETENTION_DAYS + 1),
        last_date=now + datetime.timedelta(days=30),
        contact_name="Alte Person",
        contact_email="alt@example.org",
    )
    past_event = EventSubmission.objects.create(
        title="Vorbei",
        language="de",
        organisation_name="Verein",
        status=EventSubmission.Status.APPROVED,
        last_date=now - datetime.timedelta(days=settings.SUBMISSION_RETENTION_DAYS + 1),
        contact_email="vorbei@example.org",
        contact_phone="0521 1",
    )
    call_command("anonymise_submissions", stdout=StringIO())
    for submission in (old_rejection, past_event):
        submission.refresh_from_db()
        assert submission.contact_email == "" and submission.contact_name == ""
        assert submission.contact_phone == "" and submission.anonymised_at is not None
    sent.refresh_from_db()  # its event lies ahead: kept
    assert sent.contact_email == "ayse@example.org" and sent.anonymised_at is None
    assert sent.image_file


def test_anonymising_deletes_a_waiting_image(form_site, sent, settings):
    sent.status = EventSubmission.Status.REJECTED
    sent.decided_at = timezone.now() - datetime.timedelta(days=31)
    sent.save()
    call_command("anonymise_submissions", stdout=StringIO())
    sent.refresh_from_db()
    assert not sent.image_file and private_files() == []


def test_privacy_page_of_the_demo_names_the_retention(settings):
    from demo.content import PAGES, read_page

    text = " ".join(read_page(PAGES / "02-datenschutz.md")["body"].split())
    assert f"{settings.SUBMISSION_RETENTION_DAYS} Tage nach ihrem letzten Termin" in text
    assert f"{settings.REJECTED_SUBMISSION_RETENTION_DAYS} Tage nach der Ablehnung" in text
    assert f"{settings.FORM_SUBMISSION_RETENTION_DAYS} Tage nach dem Absenden" in text


def test_submission_through_an_untranslated_form(
    client, form_site, django_capture_on_commit_callbacks
):
    """Russian has no translation yet: the form is an alias of the German one, in Russian."""
    form_site.sync("ru")
    russian_form = form_site.in_language(form_site.form, "ru")
    assert russian_form.alias_of_id == form_site.form.pk
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, russian_form, valid_data(form_site, title="Кафе для родителей"))
    assert response.status_code == 200
    submission = EventSubmission.objects.get()
    assert submission.language == "ru"
    assert submission.page.locale.language_code == "ru"
    assert submission.page.get_parent().pk == russian_form.get_parent().pk
    assert submission.page.specific.workflow_in_progress


def test_dashboard_counts_waiting_submissions_for_editors(client, form_site, sent):
    client.force_login(editor())
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    with translation.override("de"):
        expected = ngettext(
            "%(counter)s event submission waiting for moderation",
            "%(counter)s event submissions waiting for moderation",
            1,
        ) % {"counter": 1}
    assert expected in " ".join(dashboard.split())
    assert f"{reverse('event_submissions:index')}?status=submitted" in dashboard


def test_unlisted_organisation_is_named_in_the_notes(
    client, form_site, django_capture_on_commit_callbacks
):
    data = valid_data(form_site, organisation="", organisation_name="Kulturverein Nord")
    with django_capture_on_commit_callbacks(execute=True):
        send(client, form_site.form, data)
    submission = EventSubmission.objects.get()
    assert submission.organisation_name == "Kulturverein Nord"
    event = submission.page.specific
    assert event.organiser is None
    assert "Kulturverein Nord" in event.notes


def test_without_the_workflow_the_submission_is_still_stored(
    client, form_site, settings, caplog, django_capture_on_commit_callbacks
):
    """A site where setup_roles has not run yet: nothing is lost, the log says what is missing."""
    settings.EVENT_SUBMISSION_WORKFLOW = "Gibt es nicht"
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, form_site.form, valid_data(form_site))
    assert response.status_code == 200
    submission = EventSubmission.objects.get()
    assert not submission.page.live and not submission.page.workflow_in_progress
    assert "Gibt es nicht" in caplog.text


def test_leap_day_is_a_date_like_any_other(client, form_site, monkeypatch):
    """On 29 February "two years ahead" is 28 February, not an error page."""
    leap_day = datetime.date(2028, 2, 29)
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args, **kwargs: leap_day)
    data = valid_data(
        form_site,
        first_date="2028-02-29",
        repeat="weeks",
        repeat_interval="4",
        repeat_until="2030-03-01",
    )
    response = send(client, form_site.form, data)
    assert response.status_code == 400  # a series of more than two years, refused politely
    message = "A series may run for at most two years. Please send a new one later."
    assert german(message) in response.content.decode()


def test_retention_follows_dates_that_moderators_moved(form_site, sent, settings):
    """The event was moved a year ahead after it was sent: its contact data stays that long."""
    event = sent.page.specific
    later = timezone.now() + datetime.timedelta(days=365)
    occurrence = event.occurrences.first()
    occurrence.start, occurrence.end = later, later + datetime.timedelta(hours=2)
    event.occurrences = [occurrence]
    event.save()
    days = settings.SUBMISSION_RETENTION_DAYS
    EventSubmission.objects.filter(pk=sent.pk).update(
        last_date=timezone.now() - datetime.timedelta(days=days + 1)  # as sent: long over
    )
    call_command("anonymise_submissions", stdout=StringIO())
    sent.refresh_from_db()
    assert sent.contact_email == "ayse@example.org" and sent.anonymised_at is None
