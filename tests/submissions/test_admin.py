"""Event submissions in the admin, and their personal data deleted on schedule."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import ngettext

from submissions.forms import EventSubmissionForm
from submissions.models import EventSubmission
from tests.submission_helpers import (
    german,
    private_files,
    send,
    valid_data,
)
from tests.translation_helpers import editor

pytestmark = pytest.mark.django_db


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
