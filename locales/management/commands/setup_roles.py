"""Create the editorial groups and their permissions. Safe to run again: it only adds.

- "Redaktion" (editors): everything in German — pages below the German home
  page, every translatable snippet, images, documents, redirects, site
  settings — and submitting pages and snippets for translation.
- "Moderation": runs the sections named in settings.MODERATED_SECTIONS (page
  types, e.g. the events index) in every language, and approves what is
  submitted there: the workflow named settings.EVENT_SUBMISSION_WORKFLOW, whose
  one task (a group approval task of the same name) this group approves. Events
  that organisations send through the public form go into this workflow in the
  visitor's language. settings.EDITOR_PERMISSIONS and MODERATOR_PERMISSIONS add
  the content apps' own permissions (e.g. seeing submissions, their contact
  details, sign-ups of form pages).
- "Übersetzung <Sprache>" per language but German (e.g. "Übersetzung Türkisch"):
  edits and publishes below that language's home page, edits that language's
  snippets (the language check lives in locales.permissions and the hooks in
  locales.wagtail_hooks), starts translations into that language only.

The names are in locales.roles. Wagtail's default groups ("Editors",
"Moderators") and its default workflow "Moderators approval" (on the root page,
so offered for every page) are deleted, unless someone still uses them: then
the command says so and leaves them.
"""

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
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
    WorkflowState,
    WorkflowTask,
)
from wagtail.snippets.permissions import get_permission_name

from locales.languages import DEFAULT_LANGUAGE, LANGUAGES
from locales.roles import (
    EDITORS,
    MODERATION,
    TRANSLATORS_PREFIX,
    WAGTAIL_DEFAULT_GROUPS,
    WAGTAIL_DEFAULT_WORKFLOW,
    grant_moderation,
    moderation_workflow_name,
)
from locales.status import translatable_snippet_models

EDITOR_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
]
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
    return f"{TRANSLATORS_PREFIX} {german_name(language)}"


def permission(label):
    app_label, codename = label.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def home_page(locale):
    """The language's home page (the page at depth 2 of that locale), if it exists."""
    return Page.objects.filter(depth=2, locale=locale).order_by("path").first()


def moderated_sections():
    """Pages of the types in settings.MODERATED_SECTIONS, in every language."""
    labels = [label.lower().split(".") for label in settings.MODERATED_SECTIONS]
    types = [ContentType.objects.get_by_natural_key(*label) for label in labels]
    return Page.objects.filter(content_type__in=types)


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
        self.remove_wagtail_defaults()

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
        # Every language version: submissions arrive in the visitor's language, and
        # approving publishes, which needs the publish permission there.
        for section in moderated_sections():
            grant_moderation(section, group)
        for section in moderated_sections().filter(locale=german, alias_of__isnull=True):
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
        """The moderation workflow with its group approval task, created if missing."""
        name = moderation_workflow_name()
        task = GroupApprovalTask.objects.filter(name=name).first()
        if task is None:
            task = GroupApprovalTask.objects.create(name=name)
            self.stdout.write(f"Created the approval task {name}.")
        task.groups.add(group)
        workflow, created = Workflow.objects.get_or_create(name=name)
        if created:
            self.stdout.write(f"Created the workflow {name}.")
        if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
            order = WorkflowTask.objects.filter(workflow=workflow).count()
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
        return workflow

    def remove_wagtail_defaults(self):
        """Wagtail's groups and workflow from its migrations, which nobody here is meant to use."""
        for group in Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS):
            if group.user_set.exists():
                self.stderr.write(f"Wagtail's group {group.name} still has members; left as it is.")
            else:
                group.delete()
                self.stdout.write(f"Deleted Wagtail's default group {group.name}.")
        for workflow in Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW):
            if WorkflowState.objects.filter(workflow=workflow).exists():
                # Its history stays readable; deactivating unassigns it from every page.
                workflow.deactivate()
                self.stdout.write(f"Disabled Wagtail's default workflow {workflow.name}.")
                continue
            tasks = [link.task for link in WorkflowTask.objects.filter(workflow=workflow)]
            workflow.delete()
            for task in tasks:
                if not WorkflowTask.objects.filter(task=task).exists():
                    task.delete()
            self.stdout.write(f"Deleted Wagtail's default workflow {workflow.name}.")
