"""E-mails to the person who sent a submission, in the language they used.

send_mail only queues the message (portal.mail); the task worker delivers it.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger(__name__)


def send_to_submitter(submission, kind):
    """E-mail the contact person in the language they used: received, approved or rejected."""
    if not submission.contact_email:
        return
    with translation.override(submission.language):
        context = {
            "submission": submission,
            "event_url": submission.page.full_url if submission.page else "",
            "retention_days": settings.SUBMISSION_RETENTION_DAYS,
        }
        subject = render_to_string(f"submissions/emails/{kind}_subject.txt", context).strip()
        body = render_to_string(f"submissions/emails/{kind}.txt", context)
    try:
        send_mail(subject, body, None, [submission.contact_email])
    except OSError:
        logger.exception("Could not e-mail %s about %s", kind, submission.reference)
