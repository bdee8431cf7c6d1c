"""Who may work on which language.

Wagtail gives pages per-tree permissions but snippets only per-model ones, and
wagtail.locales (with its locale permissions) is replaced by wagtail-localize.
So one rule decides the language of everything that is not a page: a user may
edit content in a language when one of their groups may edit that language's
home page (or the root, which covers every language). Roles are set up by the
setup_roles command; see README ("Translation workflow").
"""

from django.contrib.admin.utils import quote
from django.urls import reverse
from wagtail.models import GroupPagePermission, Locale, Page
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
