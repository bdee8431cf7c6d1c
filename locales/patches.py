"""Workarounds for wagtail-localize 1.14, applied once when the app is ready.

Each patch says what upstream does, why that is wrong for this project, and
which test in tests/ shows whether upstream still needs it: those tests call
the unpatched function kept in ORIGINALS and fail once upstream is fixed, so
the patch can then be deleted.

1. Starting a translation ("Translate this page", "Translate" on a snippet)
   asks only for the global submit_translation permission and offers every
   language, so a Turkish translator could start an Arabic translation and so
   change the Arabic page tree. The form now offers only the languages the
   user may edit (locales.permissions).
2. "Sync translated pages" also asks only for submit_translation, yet it can
   publish every language at once. Only people who may edit the German
   original may use it; translators refresh their own translation with
   locales.views.update_from_original, which publishes nothing.
3. The translation editor's string, PO file, machine translation and preview
   views check snippet permissions per model, not per language, so any
   translator could change any language's snippets. They now also check the
   snippet's language.
4. Aliases of a new page are made only in the page editor's after_create_page hook
   (synctree.create_aliases_for_new_page), into the languages that follow the page's
   language. The model layer (locales.aliases, on post_save) has made them before that
   hook runs, whatever created the page; the hook as it is would make a second version
   in each following language and fail on Wagtail's unique (translation key, locale).
   It now calls locales.aliases.ensure_every_language, which finds nothing missing.
"""

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from wagtail.models import Page
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
    field.queryset = field.queryset.filter(id__in=editable_locale_ids(view.request.user))
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

    ORIGINALS["create_aliases_for_new_page"] = synctree.create_aliases_for_new_page
    synctree.create_aliases_for_new_page = ensure_every_language
