"""The permission matrix of README ("Roles and permissions"), cell by cell, through the admin.

The table in README.md is the data: every row is an action at a place, every
column a role, every cell "yes" or "no". For each cell a client logs in as that
role (anonymous and organisation stay anonymous: organisations have no account)
and tries the action through the admin's real URLs, with a session and CSRF
checks on, single and bulk, GET and POST; the cell passes when what happened
(the page published, deleted, …, or the request refused) is what the table says.

The portal is built once for the module (it takes a while) inside an outer
transaction; every test runs in a savepoint that is rolled back, so a deletion
in one cell is not seen by the next.
"""

from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import transaction
from django.test import Client, RequestFactory, TestCase
from django.urls import reverse
from wagtail.models import Page

from submissions.models import EventSubmission
from tests.permission_portal import MATRIX, build_portal, submission_data
from tests.permission_probes import Session, bulk_url, fresh, probe_workflow, refused, try_action


@pytest.fixture(scope="module")
def portal(django_db_setup, django_db_blocker):
    """Built once; rolled back after the module, as Django's TestCase.setUpTestData does."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield build_portal()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


CELLS = [
    pytest.param(action, where, role, id=f"{action} | {where} | {role}")
    for (action, where), row in MATRIX.items()
    for role in row
]


@pytest.mark.parametrize(("action", "where", "role"), CELLS)
def test_cell(portal, db, action, where, role):
    expected = MATRIX[action, where][role]
    assert try_action(Session(role, portal), action, where, portal) is expected


# --------------------------------------------------------------------------- the observations


def turkish_translator(portal):
    return Session("Übersetzung Türkisch", portal)


def test_translator_cannot_bulk_publish_a_submitted_event(portal, db):
    """Observed: the bulk publish answered 302, the event went live, the submission approved."""
    session = turkish_translator(portal)
    event = portal.submitted_tr.page
    response = session.post(bulk_url("publish", event) + "&next=/admin/")
    assert response.status_code == 302
    assert not fresh(event).live
    portal.submitted_tr.refresh_from_db()
    assert portal.submitted_tr.status == EventSubmission.Status.SUBMITTED
    assert not any(
        item["item"].pk == event.pk
        for item in session.get(bulk_url("publish", event)).context["items"]
    )


def test_moderation_approves_without_skipping_permission_checks(portal, db, settings):
    """Wagtail's own finishing action publishes, with the approver's publish permission."""
    assert not hasattr(settings, "WAGTAIL_FINISH_WORKFLOW_ACTION")
    event = portal.submitted_tr.page
    assert probe_workflow(Session("Moderation", portal), event)


def test_translator_cannot_delete_move_or_copy_a_published_page(portal, db):
    """Observed: POST /admin/pages/<id>/delete/ answered 302; move and copy forms opened."""
    session = turkish_translator(portal)
    page = portal.tr_page
    assert refused(session.post(reverse("wagtailadmin_pages:delete", args=[page.pk])))
    assert fresh(page) is not None
    for name in ("move", "copy", "unpublish", "delete"):
        assert refused(session.get(reverse(f"wagtailadmin_pages:{name}", args=[page.pk]))), name
    assert refused(session.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk])))
    assert fresh(page).live


def test_translator_cannot_read_sign_ups(portal, db):
    """Observed: the Turkish sign-up form's submissions and CSV were open to its translator."""
    session = turkish_translator(portal)
    url = reverse("wagtailforms:list_submissions", args=[portal.tr_signup.pk])
    assert refused(session.get(url))
    assert refused(session.get(url + "?export=csv"))
    assert url not in session.get(reverse("wagtailforms:index")).content.decode()


def test_every_page_model_asks_the_role_tester():
    from wagtail.models import get_page_models

    from locales.permissions import RolePagePermissions

    models = [model for model in get_page_models() if model is not Page]
    assert models and all(issubclass(model, RolePagePermissions) for model in models)


def test_moderation_is_granted_when_a_language_appears(portal, db):
    """A language's events index that appears after setup_roles ran (here: synchronised
    anew without setup_roles) gets Moderation's permissions from the signal, and an event
    submitted there is approved and published by a moderator with them."""
    from wagtail.models import GroupPagePermission

    Page.objects.get(pk=portal.in_language(portal.events, "uk").pk).delete()
    call_command("sync_languages", "--no-roles", stdout=StringIO(), stderr=StringIO())
    events = Page.objects.get(
        translation_key=portal.events.translation_key, locale__language_code="uk"
    )
    granted = GroupPagePermission.objects.filter(group__name="Moderation", page=events)
    assert {"add_page", "change_page", "publish_page"} <= set(
        granted.values_list("permission__codename", flat=True)
    )
    form = Page.objects.get(translation_key=portal.form.translation_key, locale=events.locale)
    with TestCase.captureOnCommitCallbacks(execute=True):
        Client().post(form.url, submission_data(portal, "Кав'ярня"), format="multipart")
    submission = EventSubmission.objects.get(title="Кав'ярня")
    assert submission.page.get_parent().pk == events.pk
    assert probe_workflow(Session("Moderation", portal), submission.page)


def test_wagtail_defaults_are_gone(portal, db):
    from wagtail.models import Workflow

    from locales.roles import WAGTAIL_DEFAULT_GROUPS, WAGTAIL_DEFAULT_WORKFLOW

    assert not Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS).exists()
    assert not Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW).exists()
    # Editors are offered no workflow outside the moderated sections.
    assert fresh(portal.page).get_workflow() is None
    assert fresh(portal.events).get_workflow().name == "Moderation"


def test_a_default_group_with_members_is_left_and_named(portal, db):
    editors = Group.objects.create(name="Editors")
    portal.users["Redaktion"].groups.add(editors)
    err = StringIO()
    call_command("setup_roles", stdout=StringIO(), stderr=err)
    assert Group.objects.filter(name="Editors").exists()
    assert "Editors" in err.getvalue()


def test_the_workflow_has_one_name(portal, db, settings, django_capture_on_commit_callbacks):
    """setup_roles creates the workflow that submissions enter, whatever its configured name."""
    from wagtail.models import WorkflowPage

    settings.EVENT_SUBMISSION_WORKFLOW = "Freigabe"
    WorkflowPage.objects.filter(page=portal.events).delete()
    call_command("setup_roles", stdout=StringIO(), stderr=StringIO())
    assert fresh(portal.events).get_workflow().name == "Freigabe"
    with django_capture_on_commit_callbacks(execute=True):
        Client().post(portal.form.url, submission_data(portal, "Neu"), format="multipart")
    event = EventSubmission.objects.get(title="Neu").page
    assert event.workflow_in_progress and event.current_workflow_state.workflow.name == "Freigabe"


def test_upstream_lists_every_language_of_a_snippet(portal, db):
    """Delete patch 4 in locales/patches.py when this fails (wagtail/wagtail#6731)."""
    from home.models import ContactPerson
    from locales.patches import ORIGINALS

    request = RequestFactory().get("/")
    request.user = portal.users["Übersetzung Türkisch"]
    index = ContactPerson.snippet_viewset.index_view
    view = index.view_class(**index.view_initkwargs)
    view.setup(request)
    listed = ORIGINALS["snippet_queryset"](view)
    assert portal.ar_contact in listed and portal.contact in listed


def with_admin_language(user, code):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = code
    profile.save()
    return user


def test_refusals_are_worded_in_the_admin_language(portal, db):
    with_admin_language(portal.users["Übersetzung Türkisch"], "tr")
    session = turkish_translator(portal)
    url = reverse("wagtailadmin_pages:delete", args=[portal.tr_page.pk])
    response = session.client.get(url, follow=True, HTTP_ACCEPT_LANGUAGE="de")
    assert "Üzgünüm, bu alana erişim yetkiniz yok." in response.content.decode()


def test_upstream_words_refusals_in_the_browser_language(portal, db):
    """Delete patch 5 in locales/patches.py when this fails."""
    from django.contrib.messages import get_messages
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.utils import translation

    from locales.patches import ORIGINALS

    request = RequestFactory().get("/admin/")
    request.user = with_admin_language(portal.users["Übersetzung Türkisch"], "tr")
    request.session = {}
    request._messages = FallbackStorage(request)
    with translation.override("de"):
        ORIGINALS["permission_denied"](request)
    assert [str(m).strip() for m in get_messages(request)] == [
        "Sie haben leider keinen Zugang zu diesem Bereich."
    ]
