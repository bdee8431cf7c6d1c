"""Event submissions: from the public form to a draft in moderation, and what follows.

1. submissions.views shows the form and, for a valid one, calls submit(): in one
   transaction an EventSubmission (reference number, what was sent, contact data
   kept apart) and a draft EventPage under the events index, in the visitor's
   language, which is put into the moderation workflow
   (settings.EVENT_SUBMISSION_WORKFLOW). Wagtail e-mails the workflow's approvers;
   after the commit the submitter gets a confirmation e-mail.
2. A moderator approves (Wagtail publishes the page) or rejects with a comment.
   The signal handlers (submissions.signals) record the decision here, move an
   approved image from private storage into Wagtail's images, and e-mail the submitter.
3. submissions.retention deletes the personal data on schedule.
"""

import logging

from django.conf import settings
from django.core.files.images import ImageFile
from django.db import DatabaseError, transaction
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext as _
from wagtail.coreutils import find_available_slug, string_to_ascii
from wagtail.images import get_image_model
from wagtail.models import Collection, Workflow

from events.models import EventOccurrence, EventPage
from locales.utils import active_language_code

from .emails import send_to_submitter
from .models import EventSubmission

logger = logging.getLogger(__name__)

# --------------------------------------------------------------------------- storing


def submit(form, page):
    """Store the submission and its draft event, in moderation; all or nothing."""
    data = form.cleaned_data
    submission = EventSubmission(
        language=active_language_code(),
        title=data["title"],
        organisation_name=organisation_label(data),
        data=sent_data(form),
        contact_name=data["contact_name"],
        contact_email=data["contact_email"],
        contact_phone=data["contact_phone"],
        image_alt=data["image_alt"] if data.get("image") else "",
    )
    occurrences = form.occurrences()
    submission.last_date = occurrences[-1][1] if occurrences else form.first_occurrence()[1]
    try:
        with transaction.atomic():
            if data.get("image"):
                name = f"upload.{form.image_extension}"  # upload_to makes it random
                submission.image_file.save(name, data["image"], save=False)
            submission.page = create_draft_event(form, page.get_parent())
            submission.save()
            start_moderation(submission.page)
            transaction.on_commit(lambda: send_to_submitter(submission, "received"))
    except DatabaseError:
        if submission.image_file.name:  # nothing half-written remains, on disk either
            submission.image_file.storage.delete(submission.image_file.name)
        raise
    return submission


def organisation_label(data):
    organisation = data.get("organisation")
    return organisation.title if organisation else data["organisation_name"].strip()


def sent_data(form):
    """What was sent, as text, without the contact person's data (kept in their own fields)."""
    skip = {*EventSubmission.CONTACT_FIELDS, "image", *form.protection_field_names()}
    result = {}
    for name, value in form.cleaned_data.items():
        if name in skip:
            continue
        if hasattr(value, "all") or isinstance(value, list):  # chosen terms, further dates
            value = [str(item) for item in value]
        elif value is not None and not isinstance(value, (str, bool, int)):
            value = str(value)
        result[name] = value
    return result


def paragraphs(text):
    """Plain text as rich-text paragraphs; whatever was typed is escaped."""
    blocks = [block.strip() for block in text.replace("\r\n", "\n").split("\n\n")]
    return "".join(
        "<p>" + "<br/>".join(escape(line) for line in block.split("\n")) + "</p>"
        for block in blocks
        if block
    )


def create_draft_event(form, index):
    """A draft EventPage below the events index, in the index's (the visitor's) language."""
    data = form.cleaned_data
    first = form.first_occurrence()
    event = EventPage(
        title=data["title"],
        slug=find_available_slug(index, title_slug(data["title"])),
        locale=index.locale,
        live=False,
        teaser=Truncator(" ".join(data["description"].split())).chars(400),
        background=paragraphs(data["description"]),
        venue_name=data["venue_name"],
        venue_address=data["venue_address"],
        accessibility=data["accessibility"],
        registration=data["registration"],
        is_free=data["is_free"],
        costs=data["costs"],
        organiser=data.get("organisation"),
        notes=unlisted_organiser(data),
        recurrence_rule=form.rule_text(),
        occurrences=[
            EventOccurrence(start=start, end=end)
            for start, end in [first, *form.extra_occurrences()]
        ],
    )
    event.target_groups = list(data["target_groups"])
    event.languages = list(data["languages"])
    index.add_child(instance=event)
    event.save_revision(log_action=True)
    return event


def title_slug(title):
    """A slug from the title by Wagtail's rule (WAGTAIL_ALLOW_UNICODE_SLUGS); where that
    leaves nothing (Arabic script with ASCII slugs), the title transliterated as Wagtail
    does (anyascii)."""
    allow_unicode = getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True)
    return slugify(title, allow_unicode=allow_unicode) or slugify(string_to_ascii(title)) or "event"


def unlisted_organiser(data):
    """The organiser not in the directory, named in the event's notes (page language)."""
    if data.get("organisation"):
        return ""
    return _("Organiser: %(name)s") % {"name": data["organisation_name"].strip()}


def start_moderation(event):
    workflow = Workflow.objects.filter(name=settings.EVENT_SUBMISSION_WORKFLOW, active=True).first()
    if workflow is None:
        # Still stored and listed under "Event submissions"; setup_roles creates the workflow.
        logger.warning(
            "No active workflow %r for event submissions", settings.EVENT_SUBMISSION_WORKFLOW
        )
        return
    # Wagtail e-mails the approvers in their admin language, or else the active one:
    # the visitor's. Moderators without a preference read the site's default language.
    with translation.override(settings.LANGUAGE_CODE):
        workflow.start(event, None)


# --------------------------------------------------------------------------- decisions


def waiting_submissions(event):
    return EventSubmission.objects.filter(page=event, status=EventSubmission.Status.SUBMITTED)


def decide(submission, status, **fields):
    """Record a moderator's decision on the submission (status, time, further fields)."""
    submission.status, submission.decided_at = status, timezone.now()
    for name, value in fields.items():
        setattr(submission, name, value)
    submission.save(update_fields=["status", "decided_at", *fields])


def record_publication(event, revision):
    """The event was published (approved in moderation, or by an editor directly)."""
    for submission in waiting_submissions(event):
        decide(submission, EventSubmission.Status.APPROVED)
        if submission.image_file:
            publish_image(submission, event, revision)
        send_to_submitter(submission, "approved")


def record_rejection(event, comment):
    for submission in waiting_submissions(event):
        decide(submission, EventSubmission.Status.REJECTED, rejection_reason=comment or "")
        send_to_submitter(submission, "rejected")


def publish_image(submission, event, revision):
    """Move the approved image from private storage into Wagtail's images, on the event."""
    extension = submission.image_file.name.rsplit(".", 1)[-1]
    with submission.image_file.open("rb") as private_file:
        image = get_image_model().objects.create(
            title=Truncator(submission.title).chars(250),
            description=submission.image_alt,
            collection=Collection.get_first_root_node(),
            file=ImageFile(private_file, name=f"event-{event.pk}.{extension}"),
        )
    EventPage.objects.filter(pk=event.pk).update(image=image)
    if revision is not None:  # so that the next edit keeps the image
        revision.content["image"] = image.pk
        revision.save(update_fields=["content"])
    submission.image_file.delete(save=False)
    submission.save(update_fields=["image_file"])
