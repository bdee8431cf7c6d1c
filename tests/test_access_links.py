"""submissions: personal links for organisation contacts (signed, expiring, single-use).

Through HTTP in German and Arabic: asking for a link, opening it once, the page of one's
own submissions and proposals, the next form filled in; nothing for anyone else.
"""

import re
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from home.form_protection import started_token
from submissions.models import ProfileProposal

pytestmark = pytest.mark.django_db


@pytest.fixture
def contact(tree):
    call_command("setup_roles", stdout=StringIO(), stderr=StringIO())
    tree.sync("ar")
    tree.verein = tree.organisation("Elternverein Mitte", slug="elternverein-mitte")
    for name, email in (("Elternverein Mitte", "ayse@example.org"), ("Andere", "x@example.org")):
        ProfileProposal.objects.create(
            language="de",
            organisation=tree.verein,
            name=name,
            contact_name="Ayşe Beispiel" if email.startswith("ayse") else "X",
            contact_email=email,
        )
    return tree


def ask(client, code, email):
    data = {"email": email, "website": "", "form_started": started_token()}
    return client.post(f"/{code}/organisations/my-link/", data)


def link_in(message):
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


@pytest.mark.parametrize("code", ["de", "ar"])
def test_a_known_contact_gets_a_link_that_opens_its_own_records_once(client, contact, code):
    response = ask(client, code, "ayse@example.org")
    assert response.status_code == 200 and 'role="status"' in response.content.decode()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["ayse@example.org"]
    link = link_in(mail.outbox[0])
    assert link.startswith(f"/{code}/organisations/my-link/")

    opened = client.get(link)
    assert opened.status_code == 302 and opened["Location"].endswith("/organisations/mine/")
    own = client.get(opened["Location"]).content.decode()
    assert "Elternverein Mitte" in own and "Andere" not in own
    # The next proposal has the contact's details filled in.
    form = client.get(f"/{code}/organisations/propose/").content.decode()
    assert 'value="ayse@example.org"' in form and 'value="Ayşe Beispiel"' in form

    # Single use: a second opening, in another browser too, is refused.
    other = client.__class__()
    assert other.get(link).status_code == 410
    assert other.get(f"/{code}/organisations/mine/").status_code == 302  # nothing to see


def test_unknown_addresses_get_the_same_answer_and_no_mail(client, contact):
    known = ask(client, "de", "ayse@example.org").content.decode()
    mail.outbox.clear()
    unknown = ask(client, "de", "nobody@example.org").content.decode()
    assert mail.outbox == []
    assert re.sub(r'value="[^"]*"', "", known) == re.sub(r'value="[^"]*"', "", unknown)


def test_expired_and_forged_links_are_refused(client, contact, settings):
    ask(client, "de", "ayse@example.org")
    link = link_in(mail.outbox[0])
    settings.ACCESS_LINK_MAX_AGE = -1  # every link has expired
    assert client.get(link).status_code == 410
    settings.ACCESS_LINK_MAX_AGE = 3600
    forged = link.rstrip("/")[:-2] + "xx/"  # the signature no longer matches
    assert client.get(forged).status_code in (404, 410)
    assert client.get("/de/organisations/mine/").status_code == 302


def test_the_form_uses_the_portals_error_summary(client, contact):
    response = ask(client, "ar", "kein-mail")
    assert response.status_code in (200, 400)
    html = response.content.decode()
    assert 'class="error-summary"' in html and " novalidate>" in html
