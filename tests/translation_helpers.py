"""Helpers for the translation workflow tests (test_translation_*.py, test_roles.py, …).

Plain functions on top of the shared ``tree`` fixture (tests/conftest.py):
languages synchronised and roles set up as in production, users in the
editorial groups, and wagtail-localize translations filled string by string.
"""

from io import StringIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import (
    RelatedObjectSegment,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from locales.languages import BY_CODE
from locales.management.commands.setup_roles import EDITORS, translator_group_name


def sync_languages():
    """Run sync_languages (which also runs setup_roles); returns its output."""
    out = StringIO()
    call_command("sync_languages", stdout=out, stderr=out)
    return out.getvalue()


def user_in(group_name, username):
    user = get_user_model().objects.create_user(
        username, f"{username}@example.org", "a-long-test-password"
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


def editor(username="redaktion"):
    return user_in(EDITORS, username)


def translator(code, username=None):
    return user_in(translator_group_name(BY_CODE[code]), username or f"translator-{code}")


def translated_text(code, text):
    """A recognisable "translation": the language code in front of the German text."""
    return f"{code}-{text}"


def translate_strings(source, locale, translation_type="manual", skip=()):
    """A StringTranslation for every string of the source (except the paths in skip)."""
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        if segment.context.path in skip:
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": translated_text(locale.language_code, segment.string.data),
                "translation_type": translation_type,
            },
        )


def translate_with_localize(instance, locale, publish=True, translation_type="manual"):
    """Translate an object and what it refers to, as wagtail-localize's editor does.

    TranslationSource.get_or_create_from_instance, a Translation record, every string
    translated, then create_or_update_translation. Call inside
    django_capture_on_commit_callbacks(execute=True): pages are published on commit.
    """
    source, _ = TranslationSource.get_or_create_from_instance(instance)
    for segment in RelatedObjectSegment.objects.filter(source=source).select_related("object"):
        related = segment.object.get_instance(source.locale)
        if not segment.object.has_translation(locale):
            translate_with_localize(related, locale)
    Translation.objects.get_or_create(source=source, target_locale=locale)
    translate_strings(source, locale, translation_type)
    translated, _ = source.create_or_update_translation(
        locale, publish=publish, copy_parent_pages=True
    )
    return source, translated


def admin_edit_url(obj):
    if isinstance(obj, Page):
        return reverse("wagtailadmin_pages:edit", args=[obj.pk])
    meta = obj._meta
    return reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", args=[obj.pk])
