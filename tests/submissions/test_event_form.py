"""events: organisations announce events through the public form; moderators decide.

Everything goes through HTTP: the visitor's POST, the admin's workflow actions,
the public pages, feeds and sitemap, and the admin's list of submissions. Bad input and
abuse: test_input.py; the admin and personal data: test_admin.py.
"""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.images import get_image_model

from events.models import EventPage
from home.models import SiteSettings
from submissions.models import EventSubmission
from tests.submission_helpers import (
    PRIVATE,
    private_files,
    send,
    valid_data,
    workflow_action,
)

pytestmark = pytest.mark.django_db


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
