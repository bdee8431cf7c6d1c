"""What organisations send through the public forms, and the form pages themselves.

The models moved here from events/ (their tables kept their names, see migration 0001):
the submissions app sits above events and organisations and imports them openly;
neither of them imports it.
"""

import secrets
import uuid

from django.core.files.storage import storages
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from events.models import EventPage
from home.blocks import RICH_TEXT_FEATURES
from home.models import page_translatable_fields
from locales.permissions import RolePagePermissions
from organisations.models import OrganisationPage

from .forms import EventSubmissionForm


class EventSubmissionPage(RolePagePermissions, Page):
    """The public form through which organisations announce their events (one per language).

    What the form sends becomes an EventSubmission and a draft EventPage under the
    events index, which goes into the moderation workflow (submissions.services).
    Sending is handled by submissions.views (Wagtail's ``before_serve_page`` hook);
    the page itself renders the empty form (previews, GET).
    """

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)
    confirmation_text = RichTextField(
        _("confirmation text"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Shown after sending, above the reference number."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("confirmation_text")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    translatable_fields = page_translatable_fields(
        TranslatableField("intro"), TranslatableField("confirmation_text")
    )

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    cache_fragments = False  # the form carries a CSRF token and the visitor's input
    max_count_per_parent = 1

    class Meta:
        db_table = "events_eventsubmissionpage"
        verbose_name = _("event submission form")

    def get_context(self, request, *args, form=None, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["form"] = form or EventSubmissionForm()  # built once: it lists the choices
        return context


def private_storage():
    return storages["private"]


def random_upload_name(instance, filename):
    """A random name: nothing of the visitor's file name reaches the disk."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"submissions/{uuid.uuid4().hex}.{extension}"


def new_reference():
    """A reference number such as V-7K3M-Q2PX: short, readable, not guessable."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    code = "".join(secrets.choice(alphabet) for _ in range(8))
    return f"V-{code[:4]}-{code[4:]}"


class ModeratedSubmission(models.Model):
    """What the public forms' submissions share: a status a moderator decides, and the
    contact person's data, kept apart from any page and deleted on schedule
    (``manage.py anonymise_submissions``)."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Waiting for moderation")
        APPROVED = "approved", _("Published")
        REJECTED = "rejected", _("Rejected")

    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    language = models.CharField(_("language"), max_length=10)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    rejection_reason = models.TextField(_("reason for the rejection"), blank=True)
    # Personal data: only for moderators, deleted by anonymise_submissions.
    contact_name = models.CharField(_("contact person"), max_length=150, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    anonymised_at = models.DateTimeField(_("personal data deleted"), null=True, blank=True)

    CONTACT_FIELDS = ["contact_name", "contact_email", "contact_phone"]

    class Meta:
        abstract = True
        ordering = ["-created_at"]


class EventSubmission(ModeratedSubmission):
    """What an organisation sent through the public form, and what became of it.

    The contact person's data stays here, apart from the draft EventPage, and only
    users with the permission "view contact details" see it. ``manage.py
    anonymise_submissions`` deletes it after the event or a rejection.
    """

    reference = models.CharField(
        _("reference number"), max_length=20, unique=True, default=new_reference, editable=False
    )
    page = models.ForeignKey(
        EventPage,
        verbose_name=_("event page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submissions",
    )
    title = models.CharField(_("title"), max_length=255)
    organisation_name = models.CharField(_("organisation"), max_length=255)
    data = models.JSONField(_("what was sent"), default=dict, blank=True)
    last_date = models.DateTimeField(_("end of the last date"), null=True)
    image_file = models.FileField(
        _("image waiting for approval"),
        storage=private_storage,
        upload_to=random_upload_name,
        blank=True,
    )
    image_alt = models.CharField(_("alternative text"), max_length=250, blank=True)

    class Meta(ModeratedSubmission.Meta):
        db_table = "events_eventsubmission"
        verbose_name = _("event submission")
        verbose_name_plural = _("event submissions")
        permissions = [("view_contact_details", _("Can see the contact details of submissions"))]

    def __str__(self):
        return f"{self.reference}: {self.title}"


def new_proposal_reference():
    """A reference number such as P-7K3M-Q2PX (P for profile)."""
    return "P" + new_reference()[1:]


class ProfileProposal(ModeratedSubmission):
    """Changes to an organisation's entry, or a new organisation's application, as sent
    through the public form (submissions.profiles). Nothing reaches the page before a
    moderator approves; approving publishes a new revision of the organisation's page.
    """

    reference = models.CharField(
        _("reference number"),
        max_length=20,
        unique=True,
        default=new_proposal_reference,
        editable=False,
    )
    organisation = models.ForeignKey(
        OrganisationPage,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Empty: a new organisation applies for an entry."),
    )
    name = models.CharField(_("name of the organisation"), max_length=255)
    data = models.JSONField(_("what was proposed"), default=dict, blank=True)
    published_page = models.ForeignKey(
        OrganisationPage,
        verbose_name=_("published page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    logo_file = models.FileField(
        _("logo waiting for approval"),
        storage=private_storage,
        upload_to=random_upload_name,
        blank=True,
    )

    class Meta(ModeratedSubmission.Meta):
        verbose_name = _("profile proposal")
        verbose_name_plural = _("profile proposals")
        permissions = [("moderate_profileproposal", _("Can approve or reject profile proposals"))]

    def __str__(self):
        return f"{self.reference}: {self.name}"


class UsedAccessToken(models.Model):
    """A personal link that has been opened (submissions.access): each works only once."""

    nonce = models.CharField(max_length=64, unique=True)
    used_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("used personal link")
        verbose_name_plural = _("used personal links")

    def __str__(self):
        return f"{self.nonce[:6]}… {self.used_at:%Y-%m-%d %H:%M}"
