"""The public event form refuses bad input, bad images and abuse, keeping what was typed."""

import datetime
import os
from io import BytesIO

import pytest
from django.core import mail
from django.db import OperationalError
from django.test import Client
from django.utils import timezone
from PIL import Image as PILImage

from events.models import EventPage
from home.form_protection import RATE_LIMIT_MESSAGE, ProtectedFormMixin
from submissions.models import EventSubmission
from tests.submission_helpers import (
    bomb_png,
    german,
    in_days,
    png_bytes,
    private_files,
    send,
    upload,
    valid_data,
)

pytestmark = pytest.mark.django_db


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
