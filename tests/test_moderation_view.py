"""submissions: the moderator's page of a submission, and the slug of a submitted event.

Through the admin's URLs: the summary in the moderator's language and time zone,
approve and reject (with a message that reaches the submitter) from that page, and
the refusals for editors and translators.
"""

import datetime
import re
from html import unescape

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.users.models import UserProfile

from events.models import EventPage
from submissions.models import EventSubmission
from tests import submission_helpers as base
from tests.submission_helpers import png_bytes, send, upload, valid_data
from tests.translation_helpers import editor, translator

pytestmark = pytest.mark.django_db
form_site, sent = base.form_site, base.sent  # the fixtures of the event form's tests


def inspect_url(submission):
    return reverse("event_submissions:inspect", args=[submission.pk])


def speaks(user, language, time_zone=""):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language, profile.current_time_zone = language, time_zone
    profile.save()
    return user


def form_actions(html):
    """The decision forms of the page: {"approve": url, "reject": url}."""
    urls = [unescape(url) for url in re.findall(r'<form method="post" action="([^"]+)"', html)]
    return {url.split("?")[0].rstrip("/").split("/")[-2]: url for url in urls}


def test_the_summary_is_readable_in_german(client, form_site, sent):
    client.force_login(speaks(form_site.moderator, "de", "Europe/Berlin"))
    html = client.get(inspect_url(sent)).content.decode()
    start = html.index("<dl><dt>")  # what was sent, inside the list of fields
    data = html[start : html.index("</dl>", start)]
    assert "<dd>Einmalig</dd>" in data, data  # the choice's label, not "once"
    assert "<dd>16:00</dd>" in data and "16:00:00" not in data
    assert "<dd>Ja</dd>" in data and "True" not in data and "None" not in data
    day = timezone.localdate() + datetime.timedelta(days=10)
    assert f"<dd>{day.day}. " in data and day.isoformat() not in data
    assert "Deutsch" in html  # the language the submitter used, named


def test_the_summary_speaks_arabic_in_the_moderators_time_zone(client, form_site, sent):
    client.force_login(speaks(form_site.moderator, "ar", "Asia/Tokyo"))
    html = client.get(inspect_url(sent)).content.decode()
    assert "<dd>مرة واحدة</dd>" in html  # "Once"
    tokyo = timezone.localtime(sent.created_at, datetime.timezone(datetime.timedelta(hours=9)))
    assert f"{tokyo:%H:%M}" in html or f"{tokyo:%-I:%M}" in html
    assert "الموافقة والنشر" in html  # "Approve and publish"


def test_approve_from_the_submission_page(
    client, form_site, sent, django_capture_on_commit_callbacks
):
    client.force_login(form_site.moderator)
    html = client.get(inspect_url(sent)).content.decode()
    actions = form_actions(html)
    assert set(actions) == {"approve", "reject"}
    assert f'href="{reverse("wagtailadmin_pages:edit", args=[sent.page_id])}"' in html
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(actions["approve"])
    assert response.status_code == 302 and response["Location"] == inspect_url(sent)
    sent.refresh_from_db()
    assert sent.status == EventSubmission.Status.APPROVED
    assert EventPage.objects.get(pk=sent.page_id).live
    assert [m.to for m in mail.outbox if "ayse@example.org" in m.to]
    after = client.get(inspect_url(sent)).content.decode()
    assert form_actions(after) == {}  # decided: nothing left to approve


def test_reject_with_a_message_to_the_submitter(
    client, form_site, sent, django_capture_on_commit_callbacks
):
    client.force_login(speaks(form_site.moderator, "ar"))
    actions = form_actions(client.get(inspect_url(sent)).content.decode())
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(actions["reject"], {"comment": "Bitte die genaue Uhrzeit angeben."})
    sent.refresh_from_db()
    assert sent.status == EventSubmission.Status.REJECTED
    assert not EventPage.objects.get(pk=sent.page_id).live
    to_submitter = [m for m in mail.outbox if m.to == ["ayse@example.org"]]
    assert len(to_submitter) == 1
    assert "Bitte die genaue Uhrzeit angeben." in to_submitter[0].body


def test_editors_see_no_decision_and_translators_are_refused(
    client, form_site, sent, django_capture_on_commit_callbacks
):
    client.force_login(form_site.moderator)
    moderator_actions = form_actions(client.get(inspect_url(sent)).content.decode())
    client.force_login(editor())
    html = client.get(inspect_url(sent)).content.decode()
    assert form_actions(html) == {}  # Redaktion edits German drafts but does not approve
    refused = client.post(moderator_actions["approve"])
    assert refused.status_code in (302, 403)

    client.force_login(translator("tr"))
    assert client.get(inspect_url(sent)).status_code in (302, 403)
    with django_capture_on_commit_callbacks(execute=True):
        refused = client.post(moderator_actions["approve"])
    assert refused.status_code in (302, 403)
    sent.refresh_from_db()
    assert sent.status == EventSubmission.Status.SUBMITTED
    assert not EventPage.objects.get(pk=sent.page_id).live


# --------------------------------------------------------------------------- slugs


@pytest.mark.parametrize(
    ("form", "title", "slug"),
    [
        ("form", "Elterncafé im Mühlenhof", "elterncafe-im-muhlenhof"),
        ("ar_form", "مقهى الآباء", "mqha-lab"),
    ],
)
def test_submitted_events_get_a_slug_from_their_title(client, form_site, form, title, slug):
    for _ in range(2):
        send(client, getattr(form_site, form), valid_data(form_site, title=title))
    slugs = sorted(EventSubmission.objects.values_list("page__slug", flat=True))
    assert slugs[0] == slug and slugs[1].startswith(slug) and slugs[1] != slug


def test_public_forms_leave_checking_to_the_portal(client, form_site):
    html = client.get(form_site.ar_form.url).content.decode()
    assert re.search(r'<form class="public-form"[^>]* novalidate>', html)
    response = send(client, form_site.ar_form, valid_data(form_site, title=""), upload(png_bytes()))
    assert response.status_code == 400  # the form again, with the portal's error summary
    assert 'class="error-summary"' in response.content.decode()
