"""submissions: organisations propose changes to their entry, or apply for one; a
moderator sees the diff and approves (a new revision is published) or rejects it.

Through HTTP: the public form in German and Arabic, the admin's pages and decisions as
moderator, and the refusals for editors and translators.
"""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from home.form_protection import started_token
from home.models import District, FieldOfAction
from organisations.models import OrganisationPage
from submissions.models import ProfileProposal
from tests.conftest import make_term
from tests.submission_helpers import png_bytes, upload
from tests.translation_helpers import editor, translator, user_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(tree, django_capture_on_commit_callbacks):
    call_command("setup_roles", stdout=StringIO(), stderr=StringIO())
    tree.bildung = make_term(FieldOfAction, "Bildung", ar="التعليم")
    tree.sport = make_term(FieldOfAction, "Sport", ar="الرياضة")
    tree.mitte = make_term(District, "Mitte", ar="الوسط")
    tree.verein = tree.organisation(
        "Elternverein Mitte", slug="elternverein-mitte", meeting_times="Montags 18 Uhr"
    )
    tree.verein.fields_of_action = [tree.bildung]
    tree.verein.save_revision().publish()
    tree.sync("ar")
    tree.moderator = user_in("Moderation", "moderatorin")
    return tree


def proposal_data(**overrides):
    data = {
        "organisation": "",
        "name": "Elternverein Mitte",
        "summary": "Eltern helfen Eltern.",
        "description": "Wir treffen uns jede Woche.\n\nAlle sind willkommen.",
        "fields_of_action": [],
        "district": "",
        "meeting_times": "Dienstags 17 Uhr",
        "web_address": "https://elternverein.example.org",
        "links": "Instagram https://instagram.example.org/elternverein",
        "contact_persons": "",
        "contact_name": "Ayşe Beispiel",
        "contact_email": "ayse@example.org",
        "contact_phone": "",
        "privacy_consent": "on",
        "website": "",  # the honeypot
        "form_started": started_token(),
    }
    data.update(overrides)
    return data


def propose(client, code, data, logo=None):
    if logo is not None:
        data = {**data, "logo": logo}
    return client.post(f"/{code}/organisations/propose/", data)


def test_the_form_finds_the_entry_and_fills_in_what_is_live(client, directory):
    html = client.get("/de/organisations/propose/?organisation=elternverein-mitte").content
    html = html.decode()
    assert "Montags 18 Uhr" in html and 'value="Elternverein Mitte"' in html
    assert " novalidate>" in html
    arabic = client.get("/ar/organisations/propose/").content.decode()
    assert '<html lang="ar" dir="rtl">' in arabic and "التعليم" in arabic
    page = client.get(directory.verein.url).content.decode()
    assert "/de/organisations/propose/?organisation=elternverein-mitte" in page


def test_a_proposal_waits_and_the_moderator_approves_it_as_a_new_revision(
    client, directory, django_capture_on_commit_callbacks
):
    verein = directory.verein
    data = proposal_data(
        organisation=str(verein.pk),
        fields_of_action=[str(directory.sport.pk)],
        district=str(directory.mitte.pk),
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = propose(client, "de", data, upload(png_bytes()))
    assert response.status_code == 200, response.content.decode()[:3000]
    proposal = ProfileProposal.objects.get()
    assert proposal.reference in response.content.decode()
    assert [m.to for m in mail.outbox] == [["ayse@example.org"]]
    # Nothing public yet.
    assert "Dienstags 17 Uhr" not in client.get(verein.url).content.decode()

    client.force_login(directory.moderator)
    inspect = reverse("profile_proposals:inspect", args=[proposal.pk])
    html = client.get(inspect).content.decode()
    assert "<del>Montags 18 Uhr</del>" in html and "<ins>Dienstags 17 Uhr</ins>" in html
    assert "<del>Bildung</del>" in html and "<ins>Sport</ins>" in html
    revisions = verein.revisions.count()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("submissions_proposal_decide", args=[proposal.pk, "approve"])
        )
    assert response.status_code == 302
    verein = OrganisationPage.objects.get(pk=verein.pk)
    assert verein.revisions.count() == revisions + 1 and verein.live
    assert verein.meeting_times == "Dienstags 17 Uhr" and verein.district == directory.mitte
    assert list(verein.fields_of_action.all()) == [directory.sport]
    assert verein.logo is not None
    assert [(link.label, link.url) for link in verein.links.all()] == [
        ("Instagram", "https://instagram.example.org/elternverein")
    ]
    client.logout()
    assert "Dienstags 17 Uhr" in client.get(verein.url).content.decode()
    proposal.refresh_from_db()
    assert proposal.status == ProfileProposal.Status.APPROVED and not proposal.logo_file
    assert len(mail.outbox) == 1 and verein.full_url in mail.outbox[0].body


def test_an_arabic_proposal_is_rejected_with_a_message(
    client, directory, django_capture_on_commit_callbacks
):
    data = proposal_data(organisation=str(directory.verein.pk), summary="أولياء الأمور معًا")
    with django_capture_on_commit_callbacks(execute=True):
        assert propose(client, "ar", data).status_code == 200
    proposal = ProfileProposal.objects.get()
    assert proposal.language == "ar"
    assert "تم استلام" in mail.outbox[0].subject  # the confirmation speaks Arabic
    client.force_login(directory.moderator)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("submissions_proposal_decide", args=[proposal.pk, "reject"]),
            {"comment": "Bitte mit Quelle."},
        )
    proposal.refresh_from_db()
    assert proposal.status == ProfileProposal.Status.REJECTED
    assert proposal.rejection_reason == "Bitte mit Quelle."
    assert "Bitte mit Quelle." in mail.outbox[0].body
    assert OrganisationPage.objects.get(pk=directory.verein.pk).meeting_times == "Montags 18 Uhr"


def test_a_new_organisation_applies_and_is_published_on_approval(
    client, directory, django_capture_on_commit_callbacks
):
    data = proposal_data(name="Kulturkreis Nord", summary="Musik und Tanz.")
    with django_capture_on_commit_callbacks(execute=True):
        propose(client, "de", data)
    proposal = ProfileProposal.objects.get()
    assert proposal.organisation is None
    assert not Page.objects.filter(title="Kulturkreis Nord").exists()
    client.force_login(directory.moderator)
    client.post(reverse("submissions_proposal_decide", args=[proposal.pk, "approve"]))
    page = OrganisationPage.objects.get(title="Kulturkreis Nord", locale__language_code="de")
    assert page.live and page.summary == "Musik und Tanz."
    assert client.get(page.url).status_code == 200


def test_mistakes_are_listed_in_the_portals_summary(client, directory):
    response = propose(client, "ar", proposal_data(summary="", links="Instagram kaputt"))
    html = response.content.decode()
    assert response.status_code == 400 and 'class="error-summary"' in html
    assert not ProfileProposal.objects.exists()


def test_only_moderators_decide(client, directory, django_capture_on_commit_callbacks):
    propose(client, "de", proposal_data(organisation=str(directory.verein.pk)))
    proposal = ProfileProposal.objects.get()
    inspect = reverse("profile_proposals:inspect", args=[proposal.pk])
    approve = reverse("submissions_proposal_decide", args=[proposal.pk, "approve"])
    for user in (editor(), translator("tr")):
        client.force_login(user)
        assert client.get(inspect).status_code in (302, 403)
        assert client.post(approve).status_code in (302, 403)
    client.logout()
    assert client.post(approve).status_code == 302  # to the login
    proposal.refresh_from_db()
    assert proposal.status == ProfileProposal.Status.SUBMITTED
    assert OrganisationPage.objects.get(pk=directory.verein.pk).meeting_times == "Montags 18 Uhr"


def test_personal_data_is_deleted_after_the_decision(client, directory, settings):
    propose(client, "de", proposal_data(organisation=str(directory.verein.pk)))
    proposal = ProfileProposal.objects.get()
    days = settings.PROFILE_PROPOSAL_RETENTION_DAYS
    proposal.status = ProfileProposal.Status.REJECTED
    proposal.decided_at = timezone.now() - datetime.timedelta(days=days - 1)
    proposal.save()
    call_command("anonymise_submissions", stdout=StringIO())
    proposal.refresh_from_db()
    assert proposal.contact_email == "ayse@example.org"
    proposal.decided_at = timezone.now() - datetime.timedelta(days=days + 1)
    proposal.save()
    call_command("anonymise_submissions", stdout=StringIO())
    proposal.refresh_from_db()
    assert proposal.contact_email == "" and proposal.contact_name == ""
    assert proposal.anonymised_at is not None
