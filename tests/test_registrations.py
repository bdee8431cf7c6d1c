"""registrations: people register for an event's dates on its page, in German and Arabic.

Everything goes through HTTP: the event page and its form, the e-mails' cancellation
links, the admin's list and CSV. Places are counted per date and shared by every
language version of the event.
"""

import datetime
import re
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from events.models import EventPage
from home.form_protection import started_token
from registrations.models import Registration
from tests.conftest import shared
from tests.translation_helpers import editor, translator, user_in

pytestmark = pytest.mark.django_db


# --------------------------------------------------------------------------- set-up


@shared
def site(tree):
    """The quarterly networking meeting of seed 003 (next date in three weeks), with
    registration on, two places per date, and its Arabic alias."""
    call_command("setup_roles", stdout=StringIO(), stderr=StringIO())
    tree.meeting = tree.event(
        "Vernetzungstreffen Ehrenamtskoordination",
        dates=((21,), (112,)),
        registration_enabled=True,
        registration_capacity=2,
    )
    tree.sync("ar")
    tree.ar_meeting = tree.in_language(tree.meeting, "ar")
    return tree


def configure(page, **fields):
    EventPage.objects.filter(pk=page.pk).update(**fields)
    for alias in EventPage.objects.filter(alias_of=page):
        EventPage.objects.filter(pk=alias.pk).update(**fields)


def date_keys(html):
    return re.findall(r'name="date" value="([^"]+)"', html)


def register(client, page, name="Ayşe Beispiel", email="ayse@example.org", date=0, **extra):
    """Open the event page, choose a date (by position) and send the form."""
    html = client.get(page.url).content.decode()
    keys = date_keys(html)
    data = {
        "date": keys[date] if isinstance(date, int) else date,
        "name": name,
        "email": email,
        "organisation": "Flüchtlingshilfe Nord",
        "people": "1",
        "needs": "",
        "spoken_language": "",
        "consent": "on",
        "website": "",
        "form_started": started_token(),
    } | extra
    return client.post(reverse("registration_register", args=[page.pk]), data)


def cancel_link(message):
    return re.search(r"https?://[^\s]+/registration/cancel/[^\s]+/", message.body).group(0)


def path_of(url):
    return re.sub(r"^https?://[^/]+", "", url)


# --------------------------------------------------------------------------- registering


@pytest.mark.parametrize(
    ("code", "registered", "subject", "places"),
    [
        ("de", "Sie sind angemeldet", "Anmeldung bestätigt", "2 Plätze frei"),
        ("ar", "لقد سجّلت", "تأكيد التسجيل", "مقعدان متبقيان"),
    ],
)
def test_register_on_the_event_page(
    site, code, registered, subject, places, django_capture_on_commit_callbacks
):
    page = site.meeting if code == "de" else site.ar_meeting
    client = Client()
    html = client.get(page.url).content.decode()
    assert 'id="registration"' in html and "novalidate" in html
    assert places in html
    assert len(date_keys(html)) == 2  # each date of the series, registered separately
    with django_capture_on_commit_callbacks(execute=True):
        response = register(client, page)
    assert response.status_code == 200
    assert registered in response.content.decode()
    registration = Registration.objects.get()
    # One set of places for every language: the German page holds them.
    assert registration.event_id == site.meeting.pk and registration.language == code
    assert registration.status == Registration.Status.CONFIRMED
    (message,) = mail.outbox
    assert message.to == ["ayse@example.org"] and subject in message.subject
    assert f"/{code}/registration/cancel/" in cancel_link(message)
    assert "30" in message.body  # the retention period is stated
    html = client.get(page.url).content.decode()
    assert ("1 Platz frei" if code == "de" else "مقعد واحد متبقٍ") in html


def test_a_second_registration_of_one_address_sends_the_confirmation_again(
    site, django_capture_on_commit_callbacks
):
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        register(client, site.meeting)
        register(client, site.meeting, email="AYSE@example.org")
    assert Registration.objects.count() == 1 and len(mail.outbox) == 2


def test_mistakes_are_shown_with_the_input_kept(site):
    client = Client()
    response = register(client, site.ar_meeting, name="", email="keine-adresse", consent="")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="error-summary"' in html and 'href="#id_name"' in html
    assert 'value="keine-adresse"' in html and 'value="Flüchtlingshilfe Nord"' in html
    assert 'aria-invalid="true"' in html
    assert not Registration.objects.exists()


def test_the_form_is_protected_like_the_other_public_forms(site):
    assert register(Client(), site.meeting, website="http://spam.example").status_code == 200
    assert not Registration.objects.exists()  # the honeypot: the usual answer, nothing stored
    response = register(Client(enforce_csrf_checks=True), site.meeting)
    assert response.status_code == 403 and not Registration.objects.exists()


def test_full_dates_fill_the_waiting_list_and_a_cancellation_moves_up(
    site, django_capture_on_commit_callbacks
):
    configure(site.meeting, registration_capacity=1)
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        register(client, site.meeting, name="Erika Muster", email="erika@example.org")
        html = client.get(site.ar_meeting.url).content.decode()
        assert "قائمة الانتظار" in html  # the full date offers the waiting list
        response = register(client, site.ar_meeting, name="سلمى", email="salma@example.org")
    assert "قائمة الانتظار" in response.content.decode()
    salma = Registration.objects.get(email="salma@example.org")
    assert salma.status == Registration.Status.WAITING
    first_mail, waiting_mail = mail.outbox
    assert "قائمة الانتظار" in waiting_mail.subject

    link = path_of(cancel_link(first_mail))
    page = client.get(link)  # opening the link (a mail scanner, too) cancels nothing
    assert page.status_code == 200 and Registration.objects.count() == 2
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(link)
    assert "abgemeldet" in response.content.decode()
    assert not Registration.objects.filter(email="erika@example.org").exists()
    salma.refresh_from_db()
    assert salma.status == Registration.Status.CONFIRMED and salma.moved_up_at
    moved_mail = mail.outbox[-1]
    assert moved_mail.to == ["salma@example.org"] and "أصبح لك مقعد" in moved_mail.subject
    assert client.post(link).status_code == 404  # cancelled once; the link is spent


def test_a_forged_link_cancels_nothing(site, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        register(Client(), site.meeting)
    link = path_of(cancel_link(mail.outbox[0]))
    assert Client().post(link[:-3] + "xx/").status_code == 404
    assert Registration.objects.count() == 1


def test_without_a_waiting_list_a_full_date_is_not_offered(site):
    configure(site.meeting, registration_capacity=1, registration_waiting_list=False)
    client = Client()
    html = client.get(site.meeting.url).content.decode()
    full_key = date_keys(html)[0]
    register(client, site.meeting)
    assert full_key not in date_keys(client.get(site.meeting.url).content.decode())
    response = register(client, site.meeting, email="zwei@example.org", date=full_key)
    assert response.status_code == 400 and Registration.objects.count() == 1


def test_no_registration_after_the_deadline(site):
    configure(site.meeting, registration_closes_days=30)  # the first date is in 21 days
    client = Client()
    html = client.get(site.meeting.url).content.decode()
    assert len(date_keys(html)) == 1  # only the date after next
    assert "30 Tage vor jedem Termin" in html
    configure(site.meeting, registration_closes_days=200)
    html = client.get(site.meeting.url).content.decode()
    assert not date_keys(html)
    assert "Derzeit gibt es keinen Termin, für den Sie sich anmelden können." in html


def test_more_places_move_people_up_when_the_event_is_published(
    site, django_capture_on_commit_callbacks
):
    configure(site.meeting, registration_capacity=0)
    with django_capture_on_commit_callbacks(execute=True):
        register(Client(), site.meeting)
    assert Registration.objects.get().status == Registration.Status.WAITING
    page = EventPage.objects.get(pk=site.meeting.pk)
    page.registration_capacity = 5
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert Registration.objects.get().status == Registration.Status.CONFIRMED
    assert "frei geworden" in mail.outbox[-1].subject


# --------------------------------------------------------------------------- the organisers


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("Redaktion", True), ("Moderation", True), ("translator", False), ("superuser", True)],
)
def test_the_list_and_its_csv_for_those_who_may_see_personal_data(site, role, allowed):
    register(Client(), site.meeting, name="=HYPERLINK(1)")
    if role == "translator":
        user = translator("ar")
    elif role == "superuser":
        from django.contrib.auth import get_user_model

        user = get_user_model().objects.create_superuser("root", "root@example.org", "pw")
    else:
        user = user_in(role, role.lower())
    client = Client()
    client.force_login(user)
    url = reverse("registrations:index") + f"?event={site.meeting.pk}"
    listing, export = client.get(url), client.get(url + "&export=csv")
    if not allowed:
        assert listing.status_code == 302 and export.status_code == 302
        return
    assert "ayse@example.org" in listing.content.decode()
    csv = b"".join(export.streaming_content).decode()
    assert "ayse@example.org" in csv and "'=HYPERLINK(1)" in csv  # no formula runs
    start = timezone.localtime(Registration.objects.get().start)
    assert start.strftime("%Y-%m-%d %H:%M") in csv  # local time, as the organisers read it


def test_the_event_editor_links_its_registrations(site):
    client = Client()
    client.force_login(editor())
    html = client.get(reverse("wagtailadmin_pages:edit", args=[site.meeting.pk])).content
    assert (reverse("registrations:index") + f"?event={site.meeting.pk}").encode() in html


# --------------------------------------------------------------------------- privacy


def test_registrations_are_deleted_on_schedule(site, settings):
    register(Client(), site.meeting, email="alt@example.org")
    register(Client(), site.meeting, email="neu@example.org")
    now = timezone.now()
    Registration.objects.filter(email="alt@example.org").update(
        end=now - datetime.timedelta(days=settings.REGISTRATION_RETENTION_DAYS, hours=1)
    )
    Registration.objects.filter(email="neu@example.org").update(
        end=now - datetime.timedelta(days=settings.REGISTRATION_RETENTION_DAYS - 1)
    )
    out = StringIO()
    call_command("delete_old_registrations", stdout=out)
    assert "Deleted 1 registration" in out.getvalue()
    assert list(Registration.objects.values_list("email", flat=True)) == ["neu@example.org"]
