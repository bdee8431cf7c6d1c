from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import navigation
from .models import SiteSettings


def _invalidate_navigation(**kwargs):
    navigation.invalidate()


def connect():
    from wagtail.models import Page

    page_published.connect(_invalidate_navigation, dispatch_uid="nav-published")
    page_unpublished.connect(_invalidate_navigation, dispatch_uid="nav-unpublished")
    post_page_move.connect(_invalidate_navigation, dispatch_uid="nav-moved")
    post_delete.connect(_invalidate_navigation, sender=Page, dispatch_uid="nav-deleted")
    post_save.connect(_invalidate_navigation, sender=SiteSettings, dispatch_uid="nav-settings")
