"""Create the editorial groups and their permissions. Safe to run again: it only adds.

- "Redaktion" (editors): everything in German — pages below the German home
  page, every translatable snippet, images, documents, redirects, site
  settings — and submitting pages and snippets for translation.
- "Moderation": edits and publishes the sections named in
  settings.MODERATED_SECTIONS (page types, e.g. the events index) in every
  language, and approves what is submitted there: the Wagtail workflow
  "Moderation", whose one task (a group approval task, also "Moderation") this
  group approves. Events that organisations send through the public form go
  into this workflow in the visitor's language. settings.EDITOR_PERMISSIONS and
  MODERATOR_PERMISSIONS add the content apps' own permissions (e.g. seeing
  submissions, and their contact details).
- "Übersetzung <Sprache>" per language but German (e.g. "Übersetzung Türkisch"):
  edits and publishes below that language's home page, edits that language's
  snippets (the language check lives in locales.permissions and the hooks in
  locales.wagtail_hooks), starts translations into that language only.

Wagtail's default groups ("Editors", "Moderators") and its default workflow are
left as they are.
"""

from django.apps import apps
from django.conf import settings
from django.conf.locale import LANG_INFO
from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.snippets.permissions import get_permission_name

from locales.languages import DEFAULT_LANGUAGE, LANGUAGES
from locales.status import translatable_snippet_models

EDITORS = "Redaktion"
MODERATION = "Moderation"
EDITOR_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
]
MODERATOR_PAGE_PERMISSIONS = ["change_page", "publish_page", "lock_page", "unlock_page"]
TRANSLATOR_PAGE_PERMISSIONS = ["change_page", "publish_page"]
MEDIA_ACTIONS = ["add", "change", "delete", "choose"]


def german_name(language):
    """The language's name in German, from Django's list of languages ("Türkisch")."""
    info = LANG_INFO.get(language.code)
    if info is None:
        return language.english_name
    with translation.override("de"):
        return translation.gettext(info["name"])


def translator_group_name(language):
    return f"Übersetzung {german_name(language)}"


def permission(label):
    app_label, codename = label.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def home_page(locale):
    """The language's home page (the page at depth 2 of that locale), if it exists."""
    return Page.objects.filter(depth=2, locale=locale).order_by("path").first()


class Command(BaseCommand):
    help = "Create the groups Redaktion, Moderation and Übersetzung <Sprache> with their rights."

    @transaction.atomic
    def handle(self, *args, **options):
        german = Locale.objects.get(language_code=DEFAULT_LANGUAGE)
        german_home = home_page(german)
        self.setup_editors(german_home)
        self.setup_moderation(german)
        for language in LANGUAGES:
            if language.code != DEFAULT_LANGUAGE:
                self.setup_translators(language)

    # Groups ------------------------------------------------------------------

    def setup_editors(self, german_home):
        group = self.group(EDITORS)
        labels = ["wagtailadmin.access_admin", "wagtail_localize.submit_translation"]
        for model in translatable_snippet_models():
            labels += [get_permission_name(action, model) for action in ("add", "change", "delete")]
        labels += [get_permission_name("change", model) for model in settings_registry]
        labels += [f"wagtailredirects.{action}_redirect" for action in ("add", "change", "delete")]
        labels += getattr(settings, "EDITOR_PERMISSIONS", [])
        self.grant(group, labels)
        self.grant_media(group, MEDIA_ACTIONS)
        self.grant_pages(group, german_home, EDITOR_PAGE_PERMISSIONS)

    def setup_moderation(self, german):
        group = self.group(MODERATION)
        self.grant(
            group, ["wagtailadmin.access_admin", *getattr(settings, "MODERATOR_PERMISSIONS", [])]
        )
        workflow = self.moderation_workflow(group)
        for model_label in getattr(settings, "MODERATED_SECTIONS", []):
            model = apps.get_model(model_label)
            # Every language version: submissions arrive in the visitor's language, and
            # approving publishes, which needs the publish permission there.
            for section in model.objects.all():
                self.grant_pages(group, section, MODERATOR_PAGE_PERMISSIONS)
            for section in model.objects.filter(locale=german, alias_of__isnull=True):
                assigned, _ = WorkflowPage.objects.get_or_create(
                    page=section, defaults={"workflow": workflow}
                )
                if assigned.workflow_id != workflow.id:
                    self.stderr.write(f"{section} keeps its workflow {assigned.workflow}.")

    def setup_translators(self, language):
        group = self.group(translator_group_name(language))
        labels = ["wagtailadmin.access_admin", "wagtail_localize.submit_translation"]
        for model in translatable_snippet_models():
            labels += [get_permission_name(action, model) for action in ("change", "view")]
        self.grant(group, labels)
        self.grant_media(group, ["choose"])
        locale = Locale.objects.filter(language_code=language.code).first()
        home = home_page(locale) if locale else None
        if home is None:
            self.stderr.write(
                f"No home page in {language.code} yet: run sync_languages, then setup_roles again."
            )
            return
        self.grant_pages(group, home, TRANSLATOR_PAGE_PERMISSIONS)

    # Helpers -----------------------------------------------------------------

    def group(self, name):
        group, created = Group.objects.get_or_create(name=name)
        if created:
            self.stdout.write(f"Created group {name}.")
        return group

    def grant(self, group, labels):
        group.permissions.add(*[permission(label) for label in labels])

    def grant_media(self, group, actions):
        root = Collection.get_first_root_node()
        for app_label, model in (("wagtailimages", "image"), ("wagtaildocs", "document")):
            for action in actions:
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root,
                    permission=permission(f"{app_label}.{action}_{model}"),
                )

    def grant_pages(self, group, page, codenames):
        if page is None:
            self.stderr.write(f"No page to give {group} its page permissions.")
            return
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group, page=page, permission=permission(f"wagtailcore.{codename}")
            )

    def moderation_workflow(self, group):
        """The workflow "Moderation" with its group approval task, created if missing."""
        task = GroupApprovalTask.objects.filter(name=MODERATION).first()
        if task is None:
            task = GroupApprovalTask.objects.create(name=MODERATION)
            self.stdout.write("Created the approval task Moderation.")
        task.groups.add(group)
        workflow, created = Workflow.objects.get_or_create(name=MODERATION)
        if created:
            self.stdout.write("Created the workflow Moderation.")
        if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
            order = WorkflowTask.objects.filter(workflow=workflow).count()
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
        return workflow
