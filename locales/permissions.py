"""Who may work on which language.

Wagtail gives pages per-tree permissions but snippets only per-model ones, and
wagtail.locales (with its locale permissions) is replaced by wagtail-localize.
So one rule decides the language of everything that is not a page: a user may
edit content in a language when one of their groups may edit that language's
home page (or the root, which covers every language). Roles are set up by the
setup_roles command; see README ("Roles and permissions").

Pages: Wagtail asks the page itself what a user may do (Page.permissions_for_user,
meant to be overridden per page class). Every page model of the portal mixes in
RolePagePermissions, so the admin's single and bulk views, Wagtail's actions and
wagtail-localize all get the same answer from RolePagePermissionTester.
"""

from django.contrib.admin.utils import quote
from django.db.models import CharField
from django.db.models.functions import Cast
from django.urls import reverse
from wagtail.models import (
    GroupPagePermission,
    Locale,
    Page,
    PagePermissionTester,
    PageViewRestriction,
    WorkflowState,
    get_default_page_content_type,
)
from wagtail.snippets.permissions import get_permission_name


def editable_locale_ids(user):
    """Ids of the locales whose content the user may edit (two queries, then cached on the user)."""
    cached = getattr(user, "_editable_locale_ids", None)
    if cached is not None:
        return cached
    if not user.is_active:
        ids = frozenset()
    elif user.is_superuser:
        ids = frozenset(Locale.objects.values_list("id", flat=True))
    else:
        grants = GroupPagePermission.objects.filter(
            group__user=user, permission__codename="change_page", page__depth__lte=2
        ).values_list("page__depth", "page__locale_id")
        grants = list(grants)
        if any(depth == 1 for depth, _ in grants):
            ids = frozenset(Locale.objects.values_list("id", flat=True))
        else:
            ids = frozenset(locale_id for _, locale_id in grants)
    user._editable_locale_ids = ids
    return ids


def can_edit(user, instance):
    """May the user change this page or snippet (its language included)?"""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_edit()
    return user.has_perm(
        get_permission_name("change", type(instance))
    ) and instance.locale_id in editable_locale_ids(user)


def edit_url(instance):
    """The admin edit view of a page or snippet; wagtail-localize takes it over for translations."""
    if isinstance(instance, Page):
        return reverse("wagtailadmin_pages:edit", args=[instance.pk])
    return snippet_url(type(instance), "edit", instance.pk)


def snippet_url(model, action, pk=None):
    meta = model._meta
    name = f"wagtailsnippets_{meta.app_label}_{meta.model_name}:{action}"
    return reverse(name, args=[quote(pk)] if pk is not None else [])


class RolePagePermissionTester(PagePermissionTester):
    """Wagtail's page permissions, narrowed to the portal's roles.

    - Delete, move, copy, unpublish, reorder and view restrictions change the
      structure of a tree and need the permission to add pages there (Redaktion in
      German, Moderation in the moderated sections). Wagtail grants them to anyone
      who may edit and publish: translators, who may only translate.
    - A page waiting in a workflow, or any translation or alias of it, is edited
      and published only by those who may approve it (and superusers). Wagtail
      lets anyone with the publish permission publish past a workflow, and its
      bulk publish ignores the workflow's lock.
    """

    def may_change_structure(self):
        return self.user.is_superuser or "add" in self.permissions

    @property
    def waiting_workflow(self):
        """The unfinished workflow of this page or of a translation (alias) of it, if any.

        Kept on the page object: Wagtail makes a new tester for every button of a listing.
        """
        if not hasattr(self.page, "_waiting_workflow"):
            self.page._waiting_workflow = self.find_waiting_workflow()
        return self.page._waiting_workflow

    def find_waiting_workflow(self):
        versions = (
            Page.objects.filter(translation_key=self.page.translation_key)
            .annotate(pk_text=Cast("pk", CharField()))
            .values("pk_text")
        )
        return (
            WorkflowState.objects.active()
            .filter(base_content_type=get_default_page_content_type(), object_id__in=versions)
            .select_related("current_task_state__task")
            .first()
        )

    def may_approve(self):
        """Is nothing waiting for approval, or is the user one who may approve it?"""
        if self.user.is_superuser:
            return True
        state = self.waiting_workflow
        if state is None:
            return True
        task_state = state.current_task_state
        if task_state is None:
            return False
        task = task_state.task.specific
        return bool(task.get_actions(state.content_object, self.user))

    def can_edit(self):
        if not super().can_edit():
            return False
        return self.may_change_structure() or self.may_approve()

    def can_publish(self):
        return super().can_publish() and self.may_approve()

    def can_unpublish(self):
        return super().can_unpublish() and self.may_change_structure()

    def can_delete(self, ignore_bulk=False):
        return super().can_delete(ignore_bulk) and self.may_change_structure()

    def can_copy(self):
        return super().can_copy() and self.may_change_structure()

    def can_reorder_children(self):
        return super().can_reorder_children() and self.may_change_structure()

    def can_set_view_restrictions(self):
        return super().can_set_view_restrictions() and self.may_change_structure()


class RolePagePermissions:
    """Mixed into every page model: Wagtail then asks RolePagePermissionTester."""

    def permissions_for_user(self, user):
        return RolePagePermissionTester(user, self)

    def get_view_restrictions(self):
        """Wagtail's, without a query where routing (home.routing) found no restriction on
        this page and the pages above it."""
        if getattr(self, "view_restricted", None) is False:
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
