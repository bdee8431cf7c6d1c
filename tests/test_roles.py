"""Roles: setup_roles, and what editors, moderators and translators may do, through the admin.

A translator translates into and publishes in their own language only: every
refusal below is an HTTP request of a logged-in translator. The last tests
show that the permission patches in locales/patches.py are still needed.
"""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Page,
    Site,
    Workflow,
    WorkflowTask,
)
from wagtail_localize.models import StringSegment, Translation, TranslationSource
from wagtail_localize.views.submit_translations import SubmitPageTranslationView
from wagtail_localize.views.update_translations import UpdateTranslationsView

from home.models import ContactPerson, FieldOfAction
from locales.languages import LANGUAGES
from locales.management.commands.setup_roles import translator_group_name
from locales.patches import ORIGINALS
from tests.conftest import make_contact, make_term, shared
from tests.translation_helpers import (
    admin_edit_url,
    editor,
    sync_languages,
    translate_with_localize,
    translator,
    user_in,
)

pytestmark = pytest.mark.django_db


def refused(response):
    """Wagtail refuses with a redirect to the dashboard (and a message) or with 403."""
    if response.status_code == 302:
        return response["Location"] == reverse("wagtailadmin_home")
    return response.status_code == 403


@shared
def site(tree, django_capture_on_commit_callbacks):
    """A German guidance page with aliases everywhere, a Turkish translation of it,
    snippets with Turkish and Arabic translations, and the roles set up."""
    page = tree.guidance_page("Vereinsgründung")
    page.save_revision().publish()
    sync_languages()
    with django_capture_on_commit_callbacks(execute=True):
        _, turkish_page = translate_with_localize(page, tree.locales["tr"])
        contact = make_contact("Erika Beispiel")
        _, arabic_contact = translate_with_localize(contact, tree.locales["ar"])
        _, turkish_contact = translate_with_localize(contact, tree.locales["tr"])
    term = make_term(FieldOfAction, "Bildung", tr="Eğitim", ar="تعليم")
    tree.page, tree.turkish_page = page, turkish_page
    tree.contact, tree.turkish_contact, tree.arabic_contact = (
        contact,
        turkish_contact,
        arabic_contact,
    )
    tree.term = term
    return tree


# --------------------------------------------------------------------------- setup_roles


def test_setup_roles_creates_the_groups_and_is_safe_to_run_again(site):
    names = {"Redaktion", "Moderation"} | {
        translator_group_name(lang) for lang in LANGUAGES if lang.code != "de"
    }
    assert names <= set(Group.objects.values_list("name", flat=True))
    assert "Übersetzung Türkisch" in names and "Übersetzung Persisch" in names

    def snapshot():
        return (
            sorted(Group.objects.values_list("name", "permissions__codename")),
            sorted(GroupPagePermission.objects.values_list("group__name", "page", "permission")),
        )

    before = snapshot()
    call_command("setup_roles", verbosity=0)
    assert snapshot() == before

    turkish_home = Page.objects.get(depth=2, locale__language_code="tr")
    grants = GroupPagePermission.objects.filter(group__name="Übersetzung Türkisch")
    assert set(grants.values_list("page", "permission__codename")) == {
        (turkish_home.pk, "change_page"),
        (turkish_home.pk, "publish_page"),
    }


def test_moderation_workflow_on_the_events_section(site):
    workflow = Workflow.objects.get(name="Moderation")
    task = GroupApprovalTask.objects.get(name="Moderation")
    assert list(task.groups.values_list("name", flat=True)) == ["Moderation"]
    assert WorkflowTask.objects.filter(workflow=workflow, task=task).exists()
    assert site.events.get_workflow() == workflow
    assert site.guidance.get_workflow() != workflow
    moderator = user_in("Moderation", "moderator")
    assert site.events.permissions_for_user(moderator).can_publish()
    assert not site.guidance.permissions_for_user(moderator).can_edit()
    # Submitted events arrive in every language: so do the moderators' permissions.
    for code in ("ar", "fa"):
        assert site.in_language(site.events, code).permissions_for_user(moderator).can_publish()


# --------------------------------------------------------------------------- the translator


def test_translator_may_not_edit_or_publish_the_german_page(client, site):
    client.force_login(translator("tr"))
    url = reverse("wagtailadmin_pages:edit", args=[site.page.pk])
    assert refused(client.get(url))
    response = client.post(url, {"title": "Gekapert", "action-publish": "action-publish"})
    assert refused(response)
    assert Page.objects.get(pk=site.page.pk).title == "Vereinsgründung"
    add = reverse("wagtailadmin_pages:add", args=["home", "standardpage", site.home.pk])
    assert refused(client.get(add))


def test_translator_publishes_in_their_language(client, site, django_capture_on_commit_callbacks):
    client.force_login(translator("tr"))
    url = reverse("wagtailadmin_pages:edit", args=[site.turkish_page.pk])
    response = client.get(url)
    assert response.status_code == 200
    translation = Translation.objects.get(
        source__object_id=site.page.translation_key, target_locale__language_code="tr"
    )
    segment = StringSegment.objects.get(source=translation.source, context__path="title")
    string_url = reverse(
        "wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]
    )
    response = client.put(
        string_url, "value=Dernek kurmak", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"action": "publish"})
    assert response.status_code == 302
    assert Page.objects.get(pk=site.turkish_page.pk).title == "Dernek kurmak"


def test_translator_may_not_touch_another_language(client, site):
    client.force_login(translator("tr"))
    arabic_home = site.ar_home
    assert refused(client.get(reverse("wagtailadmin_pages:edit", args=[arabic_home.pk])))
    arabic_alias = Page.objects.get(
        translation_key=site.page.translation_key, locale__language_code="ar"
    )
    assert refused(client.get(reverse("wagtailadmin_pages:edit", args=[arabic_alias.pk])))

    # Starting a translation offers the translator's language only …
    url = reverse("wagtail_localize:submit_page_translation", args=[site.page.pk])
    response = client.get(url)
    offered = {
        locale.language_code for locale in response.context["form"].fields["locales"].queryset
    }
    assert offered == set()  # Turkish exists already
    response = client.post(url, {"locales": [site.locales["ar"].pk]})
    assert response.status_code == 200 and response.context["form"].errors
    assert Page.objects.get(pk=arabic_alias.pk).alias_of_id == site.page.pk

    # … and "Sync translated pages", which could publish every language, is refused.
    source = TranslationSource.objects.get(object_id=site.page.translation_key)
    sync = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert refused(client.get(sync))
    assert refused(client.post(sync, {"publish_translations": "on"}))


def test_translator_snippets_in_their_language_only(client, site):
    client.force_login(translator("tr"))
    assert client.get(admin_edit_url(site.turkish_contact)).status_code == 200
    turkish_term = FieldOfAction.objects.get(name="Eğitim")
    assert client.get(admin_edit_url(turkish_term)).status_code == 200
    assert refused(client.get(admin_edit_url(site.contact)))
    assert refused(client.get(admin_edit_url(site.arabic_contact)))
    assert refused(client.get(admin_edit_url(FieldOfAction.objects.get(name="تعليم"))))
    create = reverse("wagtailsnippets_home_fieldofaction:add") + "?locale=de"
    assert refused(client.get(create))

    # The translation editor's string API checks the language too.
    translation = Translation.objects.get(
        source__object_id=site.contact.translation_key, target_locale__language_code="ar"
    )
    segment = StringSegment.objects.filter(source=translation.source).first()
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    response = client.put(url, "value=x", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 403
    pofile = reverse("wagtail_localize:download_pofile", args=[translation.pk])
    assert refused(client.get(pofile))


def test_translator_may_not_change_site_settings(client, site):
    client.force_login(translator("tr"))
    site_pk = Site.objects.get(is_default_site=True).pk
    url = reverse("wagtailsettings:edit", args=["home", "sitesettings", site_pk])
    assert refused(client.get(url))
    assert refused(client.post(url, {"contact_email": "x@example.org"}))


# --------------------------------------------------------------------------- the editor


def test_editor_works_in_german(client, site):
    client.force_login(editor())
    assert client.get(reverse("wagtailadmin_pages:edit", args=[site.page.pk])).status_code == 200
    assert client.get(admin_edit_url(site.contact)).status_code == 200
    site_pk = Site.objects.get(is_default_site=True).pk
    settings_url = reverse("wagtailsettings:edit", args=["home", "sitesettings", site_pk])
    assert client.get(settings_url).status_code == 200
    # Translations are the translators' work.
    assert refused(client.get(admin_edit_url(site.turkish_contact)))
    assert refused(client.get(reverse("wagtailadmin_pages:edit", args=[site.turkish_page.pk])))
    # Editors may sync translations of what they edit.
    source = TranslationSource.objects.get(object_id=site.page.translation_key)
    sync = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert client.get(sync).status_code == 200


# --------------------------------------------------------------------------- upstream still needs …


def test_upstream_offers_every_language_when_starting_a_translation(site):
    """Delete patch 1 in locales/patches.py when this fails."""
    request = RequestFactory().get("/")
    request.user = translator("tr")
    view = SubmitPageTranslationView()
    view.setup(request, page_id=site.page.pk)
    view.object = site.page
    form = ORIGINALS["submit_get_form"](view)
    offered = {locale.language_code for locale in form.fields["locales"].queryset}
    assert "ar" in offered


def test_upstream_lets_any_translator_sync_every_language(site):
    """Delete patch 2 in locales/patches.py when this fails."""
    request = RequestFactory().get("/")
    request.user = translator("tr")
    request.session = {}
    source = TranslationSource.objects.get(object_id=site.page.translation_key)
    view = UpdateTranslationsView()
    view.setup(request, translation_source_id=source.pk)
    response = ORIGINALS["update_dispatch"](view, request, translation_source_id=source.pk)
    assert response.status_code == 200


def test_upstream_checks_snippet_permissions_per_model_not_per_language(site):
    """Delete patch 3 in locales/patches.py when this fails."""
    turkish_translator = translator("tr")
    assert ORIGINALS["user_can_edit_instance"](turkish_translator, site.arabic_contact)
    assert isinstance(site.arabic_contact, ContactPerson)
