"""What the importer remembers between runs: which Wagtail object each Plone item became.

A second run of the same export finds its pages, images and documents here by
Plone UID and updates them instead of creating them again.
"""

from django.db import models
from wagtail.documents import get_document_model_string
from wagtail.images import get_image_model_string


class ImportedItem(models.Model):
    """One Plone item (by UID) and the Wagtail object it was imported as."""

    class Role(models.TextChoices):
        PAGE = "page", "page written by the importer"
        ANCHOR = "anchor", "existing page the item was mapped onto (never written)"
        CONTAINER = "container", "folder without a page of its own"
        IMAGE = "image", "image"
        DOCUMENT = "document", "document"
        LINK = "link", "link (a redirect)"
        CONTACT = "contact", "contact person (snippet)"
        VENUE = "venue", "location (the venue of events)"

    uid = models.CharField(max_length=64, unique=True)
    portal_type = models.CharField(max_length=100)
    role = models.CharField(max_length=20, choices=Role.choices)
    old_path = models.CharField(max_length=1000, db_index=True)
    language = models.CharField(max_length=20, blank=True)
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    image = models.ForeignKey(
        get_image_model_string(),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    document = models.ForeignKey(
        get_document_model_string(),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    contact_person = models.ForeignKey(
        "home.ContactPerson", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    link_url = models.CharField(max_length=2000, blank=True)
    checksum = models.CharField(
        max_length=64, blank=True, help_text="Of the exported item; unchanged items are skipped."
    )
    revision_id = models.BigIntegerField(
        null=True, blank=True, help_text="The revision the import wrote, to notice later edits."
    )
    links_pending = models.BooleanField(default=False)
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "imported Plone item"

    def __str__(self):
        return f"{self.portal_type} {self.uid} ({self.old_path})"
