"""Bump the content version (cache.py) whenever something visitors read changes."""

from django.db.models.signals import post_delete, post_save
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Page, TranslatableMixin
from wagtail.signals import page_published, page_unpublished, post_page_move

from locales.models import ContentChange

from .cache import bump_content_version
from .models import SiteSettings

# ContentChange: marking a change as minor alters the "original was updated" notice.
VISIBLE_MODELS = (
    Page,
    TranslatableMixin,
    AbstractImage,
    AbstractDocument,
    SiteSettings,
    ContentChange,
)


def _content_changed(**kwargs):
    bump_content_version()


def _saved_or_deleted(sender, instance, created=False, **kwargs):
    if isinstance(instance, SiteSettings) and created:
        return  # created on first read of a fresh site; nothing visible changed
    if isinstance(instance, VISIBLE_MODELS):
        bump_content_version()


def connect():
    page_published.connect(_content_changed, dispatch_uid="content-published")
    page_unpublished.connect(_content_changed, dispatch_uid="content-unpublished")
    post_page_move.connect(_content_changed, dispatch_uid="content-moved")
    post_save.connect(_saved_or_deleted, dispatch_uid="content-saved")
    post_delete.connect(_saved_or_deleted, dispatch_uid="content-deleted")
