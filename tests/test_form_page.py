"""home.FormPage: the form builder's sign-up pages, protected, private and translatable."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission

from home.form_protection import started_token
from home.models import FormField, FormPage
from tests.translation_helpers import translate_with_localize

pytestmark = pytest.mark.django_db


@pytest.fixture
def sign_up(tree):
    """A kick-off sign-up as editors build it: association, e-mail, participants, consent."""
    return tree.add(
        tree.home,
        FormPage(
            title="Anmeldung Auftaktveranstaltung",
            slug="anmeldung",
            to_address="redaktion@example.org",
            from_address="portal@example.org",
            subject="Neue Anmeldung",
            confirmation_text="Danke für Ihre Anmeldung zur Auftaktveranstaltung.",
            thank_you_text="<p>Wir haben Ihre Anmeldung erhalten.</p>",
            form_fields=[
                FormField(label="Name des Vereins", field_type="singleline", required=True),
                FormField(label="E-Mail", field_type="email", required=True),
                FormField(label="Anzahl der Teilnehmenden", field_type="number", required=True),
                FormField(
                    label="Ich bin mit der Speicherung einverstanden",
                    field_type="checkbox",
                    required=True,
                ),
            ],
        ),
    )


def entries(**overrides):
    data = {
        "name_des_vereins": "Elternverein Mitte",
        "e_mail": "verein@example.org",
        "anzahl_der_teilnehmenden": "3",
        "ich_bin_mit_der_speicherung_einverstanden": "on",
        "website": "",
        "form_started": started_token(),
    }
    data.update(overrides)
    return data


def test_sign_up_is_stored_without_the_protection_fields(client, sign_up):
    response = client.post(sign_up.url, entries())
    assert response.status_code == 200
    assert "Wir haben Ihre Anmeldung erhalten." in response.content.decode()
    submission = FormSubmission.objects.get(page=sign_up)
    data = submission.get_data()
    assert data["name_des_vereins"] == "Elternverein Mitte"
    assert "website" not in data and "form_started" not in data


def test_editors_and_the_person_signing_up_get_an_email(client, sign_up):
    client.post(sign_up.url, entries())
    to_editors = [m for m in mail.outbox if m.to == ["redaktion@example.org"]]
    confirmation = [m for m in mail.outbox if m.to == ["verein@example.org"]]
    assert len(to_editors) == 1 and "Elternverein Mitte" in to_editors[0].body
    assert len(confirmation) == 1
    assert confirmation[0].body.startswith("Danke für Ihre Anmeldung")
    assert "Anzahl der Teilnehmenden: 3" in confirmation[0].body
    assert "website" not in confirmation[0].body


def test_mistakes_are_explained_and_the_input_kept(client, sign_up):
    response = client.post(sign_up.url, entries(e_mail="kein-mail", anzahl_der_teilnehmenden=""))
    html = response.content.decode()
    assert response.status_code == 400
    assert 'id="error-summary"' in html
    assert 'href="#id_e_mail"' in html and 'href="#id_anzahl_der_teilnehmenden"' in html
    assert 'value="Elternverein Mitte"' in html and 'value="kein-mail"' in html
    assert not FormSubmission.objects.exists()


def test_honeypot_and_rate_limit(client, sign_up, settings):
    assert client.post(sign_up.url, entries(website="spam")).status_code == 200
    assert not FormSubmission.objects.exists() and mail.outbox == []
    settings.FORM_RATE_LIMIT = 2  # the honeypot's post counted as one
    assert client.post(sign_up.url, entries()).status_code == 200
    refused = client.post(sign_up.url, entries())
    assert refused.status_code == 429
    assert FormSubmission.objects.count() == 1


def test_submissions_are_exported_as_csv_in_the_admin(client, sign_up, admin_user):
    client.post(sign_up.url, entries())
    client.force_login(admin_user)
    url = reverse("wagtailforms:list_submissions", args=[sign_up.pk]) + "?export=csv"
    response = client.get(url)
    body = b"".join(response) if response.streaming else response.content
    assert response.status_code == 200
    assert "Elternverein Mitte" in body.decode()
    assert "Name des Vereins" in body.decode()


def test_form_fields_are_translated_with_wagtail_localize(
    client, tree, sign_up, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _source, arabic = translate_with_localize(sign_up, tree.locales["ar"])
    html = client.get(arabic.url).content.decode()
    assert "ar-Name des Vereins" in html
    assert '<html lang="ar" dir="rtl">' in html
    data = entries()
    response = client.post(arabic.url, data)
    assert response.status_code == 200
    assert FormSubmission.objects.get(page=arabic).get_data()["name_des_vereins"] == (
        "Elternverein Mitte"
    )


def test_old_sign_ups_are_deleted_by_the_command(sign_up, settings):
    old = FormSubmission.objects.create(page=sign_up, form_data={"name_des_vereins": "Alt"})
    recent = FormSubmission.objects.create(page=sign_up, form_data={"name_des_vereins": "Neu"})
    days = settings.FORM_SUBMISSION_RETENTION_DAYS
    FormSubmission.objects.filter(pk=old.pk).update(
        submit_time=timezone.now() - datetime.timedelta(days=days + 1)
    )
    call_command("delete_old_form_submissions", stdout=StringIO())
    assert list(FormSubmission.objects.values_list("pk", flat=True)) == [recent.pk]


def test_persian_digits_are_read_in_number_fields(client, sign_up):
    response = client.post(sign_up.url, entries(anzahl_der_teilnehmenden="۱۲"))
    assert response.status_code == 200
    assert FormSubmission.objects.get(page=sign_up).get_data()["anzahl_der_teilnehmenden"] == "12"


def test_overlong_entries_are_refused(client, sign_up):
    response = client.post(sign_up.url, entries(anzahl_der_teilnehmenden="1" * 5000))
    assert response.status_code == 400
    assert not FormSubmission.objects.exists()
