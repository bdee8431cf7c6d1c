"""Workarounds for wagtail-localize 1.14 and Wagtail 7.4, applied once when the app is ready.

Each patch says what upstream does, why that is wrong for this project, and
which test in tests/ shows whether upstream still needs it: those tests call
the unpatched function kept in ORIGINALS and fail once upstream is fixed, so
the patch can then be deleted.

1. Starting a translation ("Translate this page", "Translate" on a snippet)
   asks only for the global submit_translation permission and offers every
   language, so a Turkish translator could start an Arabic translation and so
   change the Arabic page tree. The form now offers every language only to
   those who may edit the original (Redaktion), the languages the user may edit
   to others (locales.permissions), and none while the page waits for approval
   in a workflow (translators translate what a moderator approved).
2. "Sync translated pages" also asks only for submit_translation, yet it can
   publish every language at once. Only people who may edit the German
   original may use it; translators refresh their own translation with
   locales.views.update_from_original, which publishes nothing.
3. The translation editor's string, PO file, machine translation and preview
   views check snippet permissions per model, not per language, so any
   translator could change any language's snippets. They now also check the
   snippet's language.
4. Wagtail's snippet lists show every language to whoever may view the model:
   snippet permissions are per model, never per object or language (upstream
   wagtail/wagtail#6731, "Snippet Permissions", open). The lists of translatable
   snippets now show the languages the user may edit.
5. When an admin view refuses (PermissionDenied), Wagtail's require_admin_access
   words "Sorry, you do not have permission …" outside the user's admin
   language, in the browser's, so a Turkish translator with a German browser
   reads the refusal in German on a Turkish dashboard. No upstream issue was
   found; the refusals themselves are discussed in wagtail/wagtail#6352. The
   message is now worded in the user's admin language, as Wagtail's own
   get_localized_response does for the views.
6. Aliases of a new page are made only in the page editor's after_create_page hook
   (synctree.create_aliases_for_new_page), into the languages that follow the page's
   language. The model layer (locales.aliases, on post_save) has made them before that
   hook runs, whatever created the page; the hook as it is would make a second version
   in each following language and fail on Wagtail's unique (translation key, locale).
   It now calls locales.aliases.ensure_every_language, which finds nothing missing.
"""

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from wagtail.admin import auth as admin_auth
from wagtail.admin.localization import get_localized_response
from wagtail.models import Page, TranslatableMixin
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView
from wagtail_localize import synctree
from wagtail_localize.models import TranslationSource
from wagtail_localize.views import edit_translation, submit_translations, update_translations

from .aliases import ensure_every_language
from .permissions import can_edit, editable_locale_ids

ORIGINALS = {}


def submit_form_for_own_languages(view):
    """SubmitTranslationView.get_form, limited to the languages the user may edit."""
    form = ORIGINALS["submit_get_form"](view)
    field = form.fields["locales"]
    user, original = view.request.user, view.object
    if isinstance(original, Page):
        tester = original.permissions_for_user(user)
        if not getattr(tester, "may_approve", lambda: True)():
            field.queryset = field.queryset.none()
            return form
    if not can_edit(user, original):
        field.queryset = field.queryset.filter(id__in=editable_locale_ids(user))
    return form


def sync_only_for_editors_of_the_original(view, request, *args, **kwargs):
    """UpdateTranslationsView.dispatch, refused to anyone who may not edit the original."""
    source = get_object_or_404(TranslationSource, id=kwargs["translation_source_id"])
    try:
        original = source.get_source_instance()
    except ObjectDoesNotExist as error:
        raise Http404 from error
    if not can_edit(request.user, original):
        raise PermissionDenied
    return ORIGINALS["update_dispatch"](view, request, *args, **kwargs)


def user_can_edit_in_language(user, instance):
    """edit_translation.user_can_edit_instance, with the snippet's language checked."""
    if isinstance(instance, Page):
        return ORIGINALS["user_can_edit_instance"](user, instance)
    return can_edit(user, instance)


def snippets_in_own_languages(view):
    """The snippet list's IndexView.get_base_queryset, limited to the user's languages."""
    queryset = ORIGINALS["snippet_queryset"](view)
    if issubclass(view.model, TranslatableMixin):
        queryset = queryset.filter(locale_id__in=editable_locale_ids(view.request.user))
    return queryset


def refuse_in_the_users_language(request):
    """wagtail.admin.auth.permission_denied, in the user's admin language."""
    return get_localized_response(ORIGINALS["permission_denied"], request)


def apply():
    if ORIGINALS:
        return
    view = submit_translations.SubmitTranslationView
    ORIGINALS["submit_get_form"] = view.get_form
    view.get_form = submit_form_for_own_languages

    view = update_translations.UpdateTranslationsView
    ORIGINALS["update_dispatch"] = view.dispatch
    view.dispatch = sync_only_for_editors_of_the_original

    ORIGINALS["user_can_edit_instance"] = edit_translation.user_can_edit_instance
    edit_translation.user_can_edit_instance = user_can_edit_in_language

    ORIGINALS["snippet_queryset"] = SnippetIndexView.get_base_queryset
    SnippetIndexView.get_base_queryset = snippets_in_own_languages

    ORIGINALS["permission_denied"] = admin_auth.permission_denied
    admin_auth.permission_denied = refuse_in_the_users_language

    ORIGINALS["create_aliases_for_new_page"] = synctree.create_aliases_for_new_page
    synctree.create_aliases_for_new_page = ensure_every_language
