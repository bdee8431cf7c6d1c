"""Personal links for organisation contacts, instead of passwords.

A contact asks for a link with their e-mail address. Where the address is known (it sent
an event or a proposal whose data is still kept, or it is an organisation's published
address), a signed link (TimestampSigner) is e-mailed. It expires after
ACCESS_LINK_MAX_AGE seconds and works once (UsedAccessToken). Opening it puts the
address into the visitor's session, which then shows that address's own submissions and
proposals and fills in the contact details of the next form; nothing else.
"""

import secrets

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from locales.utils import absolute_url
from organisations.models import OrganisationPage

from .models import EventSubmission, ProfileProposal, UsedAccessToken

SALT = "submissions.access-link"
SESSION_KEY = "submissions_contact_email"


def signer():
    return signing.TimestampSigner(salt=SALT)


def is_known(email):
    return (
        EventSubmission.objects.filter(contact_email__iexact=email).exists()
        or ProfileProposal.objects.filter(contact_email__iexact=email).exists()
        or OrganisationPage.objects.live().filter(email__iexact=email).exists()
    )


def make_token(email):
    return signer().sign_object({"email": email, "nonce": secrets.token_urlsafe(16)})


def send_link(email, request, language):
    """E-mail a personal link where the address is known; the caller says the same either way."""
    if not is_known(email):
        return False
    with translation.override(language):
        path = reverse("submitter_access", args=[make_token(email)])
        context = {
            "url": absolute_url(path, request),
            "hours": settings.ACCESS_LINK_MAX_AGE // 3600,
        }
        subject = render_to_string("submissions/emails/access_link_subject.txt", context)
        body = render_to_string("submissions/emails/access_link.txt", context)
    send_mail(subject.strip(), body, None, [email])
    return True


def redeem(token):
    """The e-mail address of a valid, unused link (now used), or None."""
    try:
        data = signer().unsign_object(token, max_age=settings.ACCESS_LINK_MAX_AGE)
    except signing.BadSignature:  # SignatureExpired is one
        return None
    try:
        with transaction.atomic():
            UsedAccessToken.objects.create(nonce=data["nonce"])
    except IntegrityError:
        return None
    return data["email"]


def contact_email(request):
    return request.session.get(SESSION_KEY, "")


def own_records(email):
    """The address's event submissions and profile proposals, newest first."""
    return (
        list(EventSubmission.objects.filter(contact_email__iexact=email)),
        list(ProfileProposal.objects.filter(contact_email__iexact=email)),
    )


def contact_initial(request):
    """Contact details for the next form, from the newest record of the session's address."""
    email = contact_email(request)
    if not email:
        return {}
    submissions, proposals = own_records(email)
    latest = max([*submissions, *proposals], key=lambda record: record.created_at, default=None)
    initial = {"contact_email": email}
    if latest is not None:
        initial.update(contact_name=latest.contact_name, contact_phone=latest.contact_phone)
    return initial
