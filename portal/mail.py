"""Every e-mail goes out through the task queue, never inside a request.

settings.EMAIL_BACKEND is QueuedEmailBackend: whatever sends mail through Django
(the submission confirmations, the decisions e-mailed to submitters, the form
pages' notifications and confirmations, Wagtail's moderation notices, password
resets) only stores the message as a task. The worker delivers it with
EMAIL_DELIVERY_BACKEND (SMTP in production); while the mail server is down the
task fails with an OSError and is tried again later (portal.tasks). So a mail
outage never changes what a visitor sees, and no message is lost with it.
"""

import base64

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django_tasks import task

from .tasks import PERSON_WAITS


def serialise(message):
    """The parts of an EmailMessage as JSON-able data (the task's argument)."""
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "content_subtype": message.content_subtype,
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": [attachment_data(attachment) for attachment in message.attachments],
    }


def attachment_data(attachment):
    filename, content, mimetype = attachment  # MIMEBase attachments are not sent by this site
    if isinstance(content, str):
        content = content.encode()
    return [filename, base64.b64encode(content).decode("ascii"), mimetype]


def deserialise(data):
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
        alternatives=[tuple(alternative) for alternative in data["alternatives"]],
    )
    message.content_subtype = data["content_subtype"]
    for filename, content, mimetype in data["attachments"]:
        message.attach(filename, base64.b64decode(content), mimetype)
    return message


@task(priority=PERSON_WAITS)
def deliver_email(data):
    """Send one message with the real backend; an OSError (mail server down) means retry."""
    connection = get_connection(settings.EMAIL_DELIVERY_BACKEND, fail_silently=False)
    return connection.send_messages([deserialise(data)])


class QueuedEmailBackend(BaseEmailBackend):
    """Stores each message as a deliver_email task; nothing waits for the mail server."""

    def send_messages(self, email_messages):
        for message in email_messages:
            deliver_email.enqueue(serialise(message))
        return len(email_messages)
