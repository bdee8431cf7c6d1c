"""The portal's roles: one name for each group and workflow, and grants that follow new pages.

setup_roles creates the groups and the workflow under these names; the events app
starts submitted events in the workflow named here (settings.EVENT_SUBMISSION_WORKFLOW,
the one place that names it). The Moderation group approves in every language, so
it needs its page permissions on every language's moderated section
(settings.MODERATED_SECTIONS): setup_roles grants them, and so does a signal when
such a section appears later (a new language, a translation, a new index).
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db.models.signals import post_save
from wagtail.models import GroupPagePermission

EDITORS = "Redaktion"
MODERATION = "Moderation"
TRANSLATORS_PREFIX = "Übersetzung"
# Created by Wagtail's own migrations; setup_roles removes them (or says why not).
WAGTAIL_DEFAULT_GROUPS = ("Editors", "Moderators")
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"

MODERATOR_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
]


def moderation_workflow_name():
    return settings.EVENT_SUBMISSION_WORKFLOW


def is_moderated_section(page):
    return page._meta.label in settings.MODERATED_SECTIONS


def grant_moderation(section, group=None):
    """The Moderation group's permissions on one moderated section; False without the group."""
    group = group or Group.objects.filter(name=MODERATION).first()
    if group is None:
        return False  # setup_roles has not run yet; it grants them when it does
    for codename in MODERATOR_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=section,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    return True


def grant_on_new_section(sender, instance, created=False, raw=False, **kwargs):
    if created and not raw and is_moderated_section(instance):
        grant_moderation(instance)


def connect():
    """Called from LocalesConfig.ready(); the label check keeps locales free of content apps."""
    post_save.connect(grant_on_new_section, dispatch_uid="locales-moderated-section")
