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

import re
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import transaction
from django.test import Client, RequestFactory, TestCase
from django.urls import reverse
from django.utils.text import slugify
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Locale, Page, Site, TaskState
from wagtail_localize.models import Translation

from events.models import EventIndexPage, EventPage
from guidance.models import GuidanceIndexPage
from home.form_protection import started_token
from home.models import FormField, FormPage, HomePage, SiteSettings
from locales.languages import LANGUAGES
from news.models import NewsIndexPage
from organisations.models import OrganisationIndexPage
from submissions.models import EventSubmission, EventSubmissionPage
from tests.conftest import Tree, in_days, make_contact
from tests.translation_helpers import translate_with_localize

README = Path(__file__).resolve().parent.parent / "README.md"
ROLES = [
    "anonymous",
    "organisation",
    "Redaktion",
    "Moderation",
    "Übersetzung Türkisch",
    "superuser",
]
PASSWORD = "a-long-test-password"


def read_matrix():
    """{(action, where): {role: bool}} from the table between the markers in README.md."""
    text = README.read_text(encoding="utf-8")
    block = text.split("<!-- permission matrix")[1].split("<!-- end of permission matrix")[0]
    rows = [line for line in block.splitlines() if line.startswith("|")]
    header = [cell.strip() for cell in rows[0].strip("|").split("|")]
    assert header == ["action", "where", *ROLES], header
    matrix = {}
    for line in rows[2:]:
        action, where, *cells = [cell.strip() for cell in line.strip("|").split("|")]
        assert set(cells) <= {"yes", "no"}, line
        matrix[action, where] = dict(zip(ROLES, [cell == "yes" for cell in cells], strict=True))
    return matrix


MATRIX = read_matrix()


# --------------------------------------------------------------------------- the portal


def build_portal():
    """A German site, synchronised into every language, with what each cell needs."""
    locales = {
        lang.code: Locale.objects.get_or_create(language_code=lang.code)[0] for lang in LANGUAGES
    }
    root = Page.get_first_root_node()
    home = root.add_child(
        instance=HomePage(title="Startseite", slug="start", locale=locales["de"], intro="Hallo")
    )
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    SiteSettings.for_site(site)
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    indexes = [
        home.add_child(instance=model(title=title, slug=title.lower(), locale=locales["de"]))
        for model, title in (
            (OrganisationIndexPage, "Organisationen"),
            (EventIndexPage, "Veranstaltungen"),
            (NewsIndexPage, "Aktuelles"),
            (GuidanceIndexPage, "Handreichungen"),
        )
    ]
    tree = Tree(locales, home, indexes)
    tree.page = tree.guidance_page("Vereinsgründung")
    tree.untranslated = tree.guidance_page("Satzung")
    tree.form = tree.add(
        tree.events, EventSubmissionPage(title="Veranstaltung melden", slug="melden")
    )
    # With its field, as the page editor saves it: the aliases in every language are
    # copied when the page is created (locales.aliases), fields included.
    tree.signup = tree.add(
        home,
        FormPage(
            title="Anmeldung",
            slug="anmeldung",
            to_address="",
            from_address="",
            form_fields=[FormField(label="Name", field_type="singleline")],
        ),
    )
    tree.verein = tree.organisation("Elternverein Mitte")
    tree.contact = make_contact("Erika Beispiel")
    # Wagtail's migrations made its default groups and workflow; sync_languages removes them.
    assert Group.objects.filter(name__in=["Editors", "Moderators"]).count() == 2
    assert Page.get_first_root_node().get_workflow().name == "Moderators approval"
    call_command("sync_languages", stdout=StringIO(), stderr=StringIO())

    with TestCase.captureOnCommitCallbacks(execute=True):
        _, tree.tr_page = translate_with_localize(tree.page, locales["tr"])
        _, tree.ar_page = translate_with_localize(tree.page, locales["ar"])
        _, tree.tr_contact = translate_with_localize(tree.contact, locales["tr"])
        _, tree.ar_contact = translate_with_localize(tree.contact, locales["ar"])
    tree.tr_form = tree.translate(tree.form, "tr", title="Etkinlik bildir")
    tree.tr_signup = tree.translate(tree.signup, "tr", title="Kayıt")
    tree.tr_events = tree.in_language(tree.events, "tr")
    for form_page in (tree.signup, tree.tr_signup):
        FormSubmission.objects.create(page=form_page, form_data={"name": "Ayşe Beispiel"})
    # A live Turkish event, as an approved submission leaves it, with online registration
    # and one registration.
    tree.tr_event = add_event(tree, tree.tr_events, "Kahvaltı")
    EventPage.objects.filter(pk=tree.tr_event.pk).update(registration_enabled=True)
    assert registration_sent(Client(), tree.tr_event, "Ayşe Beispiel")
    # Drafts waiting to be published, so that publishing shows.
    for page in (tree.page, tree.tr_page, tree.ar_page):
        page = page.specific
        page.title += " (neu)"
        page.save_revision()

    # Submissions through the public forms; only the last has an image (approving one
    # moves its file, and files are not rolled back with the database).
    client = Client()
    for form_page, title, image in (
        (tree.tr_form, "Kahve sabahı", False),
        (tree.form, "Elterncafé", False),
        (tree.tr_form, "Fotoğraflı", True),
    ):
        with TestCase.captureOnCommitCallbacks(execute=True):
            data = submission_data(tree, title, image=image)
            response = client.post(form_page.url, data, format="multipart")
        assert response.status_code == 200, response.content.decode()[:500]
    tree.submitted_tr = EventSubmission.objects.get(title="Kahve sabahı")
    tree.submitted_de = EventSubmission.objects.get(title="Elterncafé")
    tree.with_image = EventSubmission.objects.get(title="Fotoğraflı")
    assert tree.with_image.image_file

    tree.users = {
        role: make_user(role) for role in ROLES if role not in ("anonymous", "organisation")
    }
    return tree


def add_event(tree, parent, title):
    from events.models import EventOccurrence, EventPage

    start, end = in_days(7)
    event = EventPage(
        title=title, teaser=title, occurrences=[EventOccurrence(start=start, end=end)]
    )
    return tree.add(parent, event)


def registration_sent(client, event, name):
    """Register through the form on the event page; True when a registration was stored."""
    from registrations.models import Registration

    html = client.get(event.url).content.decode()
    dates = re.findall(r'name="date" value="([^"]+)"', html)
    data = {
        "date": dates[0] if dates else "",
        "name": name,
        "email": f"{slugify(name)}@example.org",  # another person each time, not a repeat
        "people": "1",
        "consent": "on",
        "form_started": started_token(),
    }
    if "csrftoken" in client.cookies:
        data["csrfmiddlewaretoken"] = client.cookies["csrftoken"].value
    before = Registration.objects.count()
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(reverse("registration_register", args=[event.pk]), data)
    return Registration.objects.count() == before + 1


def submission_data(tree, title, image=False):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from home.form_protection import started_token
    from tests.test_submissions import png_bytes

    return {
        "organisation": str(tree.verein.pk),
        "title": title,
        "description": "Ein offenes Treffen.",
        "first_date": in_days(10)[0].date().isoformat(),
        "start_time": "16:00",
        "end_time": "18:00",
        "repeat": "once",
        "venue_name": "Mühlenhof",
        "venue_address": "Mühlenweg 7, 12343 Mittelstadt",
        "is_free": "on",
        "contact_name": "Ayşe Beispiel",
        "contact_email": "ayse@example.org",
        "contact_phone": "0521 123456",
        "privacy_consent": "on",
        "form_started": started_token(),
    } | (
        {
            "image_alt": "Eltern am Tisch",
            "image_rights": "on",
            "image": SimpleUploadedFile("foto.png", png_bytes(), content_type="image/png"),
        }
        if image
        else {}
    )


def make_user(role):
    name = re.sub(r"\W", "", role.lower())
    if role == "superuser":
        return get_user_model().objects.create_superuser(name, f"{name}@example.org", PASSWORD)
    user = get_user_model().objects.create_user(name, f"{name}@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name=role))
    return user


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


# --------------------------------------------------------------------------- sessions


class Session:
    """A client as the role, with CSRF checks on and the token taken from its cookie."""

    def __init__(self, role, portal):
        self.client = Client(enforce_csrf_checks=True)
        self.role = role
        if role in portal.users:
            self.client.force_login(portal.users[role])
            self.client.get(reverse("wagtailadmin_home"))
        else:
            self.client.get(reverse("wagtailadmin_login"))

    def get(self, url, **params):
        return self.client.get(url, params)

    def post(self, url, data=None, **kwargs):
        """A POST whose transaction commits (wagtail-localize publishes on commit)."""
        data = {"csrfmiddlewaretoken": self.client.cookies["csrftoken"].value, **(data or {})}
        with TestCase.captureOnCommitCallbacks(execute=True):
            return self.client.post(url, data, **kwargs)


def refused(response):
    """Wagtail refuses with 403, with a redirect to the dashboard, or sends visitors to log in."""
    if response.status_code == 403:
        return True
    if response.status_code == 302:
        location = response["Location"]
        return location == reverse("wagtailadmin_home") or location.startswith(
            reverse("wagtailadmin_login")
        )
    return False


def answered(response):
    """True when the request was served, False when refused; anything else is a bug."""
    if refused(response):
        return False
    assert response.status_code in (200, 302), (response.status_code, response.content[:300])
    return True


def attempt(action):
    """Run an attempt and undo what it did, so that the next attempt starts afresh."""
    with transaction.atomic():
        result = action()
        transaction.set_rollback(True)
    return result


def agree(**answers):
    """Every route to one action gives the same answer (single and bulk, GET and POST)."""
    values = set(answers.values())
    assert len(values) == 1, answers
    return values.pop()


def fresh(page):
    return Page.objects.filter(pk=page.pk).first()


def bulk_url(action, *pages):
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", action])
    return url + "?" + "&".join(f"id={page.pk}" for page in pages)


def bulk_offers(session, action, page):
    """The bulk action's confirmation lists the page as one the user may act on."""
    response = session.get(bulk_url(action, page))
    if not answered(response):
        return False
    return any(item["item"].pk == page.pk for item in response.context["items"])


def published(page):
    page = fresh(page)
    return page is not None and page.live and not page.has_unpublished_changes


# --------------------------------------------------------------------------- probes


CAN_PUBLISH = re.compile(r"canPublish(?:&quot;|\\?\")\s*:\s*(true|false)")


def editor_offers_publishing(session, page):
    """The page's editor offers Publish (Wagtail's, or wagtail-localize's for translations)."""
    response = session.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    if not answered(response):
        return False
    html = response.content.decode()
    localize = CAN_PUBLISH.search(html)
    if localize:
        return localize.group(1) == "true"
    return 'name="action-publish"' in html


def publish_single(session, page):
    """Publishing from the editor. Wagtail's editor form needs its JavaScript to be sent
    (StreamFields), so its POST is tried only by those who may not open the editor at all
    (a bare POST then); wagtail-localize's translation editor publishes with a plain POST."""
    offered = editor_offers_publishing(session, page)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    if not offered and not answered(session.get(url)):
        data = {"action-publish": "action-publish", "action": "publish"}
        assert refused(session.post(url, data)) and not published(page)
    elif CAN_PUBLISH.search(session.get(url).content.decode()):
        assert attempt(lambda: session.post(url, {"action": "publish"}) and published(page))
    return offered


def probe_publish(session, page):
    return agree(
        single=publish_single(session, page),
        bulk_post=attempt(lambda: session.post(bulk_url("publish", page)) and published(page)),
        bulk_get=bulk_offers(session, "publish", page),
    )


def probe_unpublish(session, page):
    url = reverse("wagtailadmin_pages:unpublish", args=[page.pk])

    def gone_offline(response):
        return not fresh(page).live

    return agree(
        get=answered(session.get(url)),
        post=attempt(lambda: gone_offline(session.post(url))),
        bulk_post=attempt(lambda: gone_offline(session.post(bulk_url("unpublish", page)))),
        bulk_get=bulk_offers(session, "unpublish", page),
    )


def probe_delete(session, page):
    url = reverse("wagtailadmin_pages:delete", args=[page.pk])
    return agree(
        get=answered(session.get(url)),
        post=attempt(lambda: session.post(url) and fresh(page) is None),
        bulk_post=attempt(lambda: session.post(bulk_url("delete", page)) and fresh(page) is None),
        bulk_get=bulk_offers(session, "delete", page),
    )


def probe_move(session, page):
    parent = page.get_parent()
    confirm = reverse("wagtailadmin_pages:move_confirm", args=[page.pk, parent.pk])
    return agree(
        get=answered(session.get(reverse("wagtailadmin_pages:move", args=[page.pk]))),
        post=attempt(lambda: answered(session.post(confirm))),
        bulk_get=bulk_offers(session, "move", page),
    )


def probe_copy(session, page):
    url = reverse("wagtailadmin_pages:copy", args=[page.pk])
    data = {
        "new_title": "Kopie",
        "new_slug": "kopie-aus-der-matrix",
        "new_parent_page": str(page.get_parent().pk),
    }
    return agree(
        get=answered(session.get(url)),
        post=attempt(
            lambda: (
                session.post(url, data)
                and Page.objects.filter(slug="kopie-aus-der-matrix").exists()
            )
        ),
    )


def probe_lock(session, page):
    url = reverse("wagtailadmin_pages:lock", args=[page.pk])
    return attempt(lambda: session.post(url) and fresh(page).locked)


def probe_workflow(session, page):
    task_state = TaskState.objects.get(
        workflow_state__object_id=str(page.pk), status=TaskState.STATUS_IN_PROGRESS
    )

    def act(action):
        url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
        session.post(url, {"comment": "Aus der Matrix"})
        return TaskState.objects.get(pk=task_state.pk).status

    return agree(
        approve=attempt(lambda: act("approve") == TaskState.STATUS_APPROVED and published(page)),
        reject=attempt(lambda: act("reject") == TaskState.STATUS_REJECTED),
    )


def probe_start_translation(session, page, portal):
    turkish = portal.locales["tr"]
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])

    def started():
        session.post(url, {"locales": [turkish.pk]})
        return Translation.objects.filter(
            source__object_id=page.translation_key, target_locale=turkish
        ).exists()

    return attempt(started)


def probe_view(session, url, must_contain=None):
    response = session.get(url)
    if not answered(response):
        return False
    assert response.status_code == 200, response.status_code
    content = b"".join(response) if response.streaming else response.content
    return must_contain is None or must_contain.encode() in content


def probe_sign_ups(session, form_page):
    url = reverse("wagtailforms:list_submissions", args=[form_page.pk])
    return agree(
        listing=probe_view(session, url, "Ayşe Beispiel"),
        csv=probe_view(session, url + "?export=csv", "Ayşe Beispiel"),
    )


def probe_public_form(session, portal):
    def sent():
        before = EventSubmission.objects.count()
        with TestCase.captureOnCommitCallbacks(execute=True):
            session.post(portal.tr_form.url, submission_data(portal, "Matrix"), format="multipart")
        return EventSubmission.objects.count() == before + 1

    return probe_view(session, portal.tr_form.url) and attempt(sent)


def place(portal, where):
    return {
        "German": portal.page,
        "Turkish": portal.tr_page,
        "Arabic": portal.ar_page,
        "submitted in Turkish": portal.submitted_tr.page,
        "submitted in German": portal.submitted_de.page,
        "events in Turkish": portal.tr_event,
    }[where]


def snippet(portal, where):
    return {"German": portal.contact, "Turkish": portal.tr_contact, "Arabic": portal.ar_contact}[
        where
    ]


def try_action(session, action, where, portal):
    """Try the action at the place as the session's role: True if it was done or shown."""
    page_actions = {
        "view draft": lambda page: answered(
            session.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
        ),
        "edit": lambda page: answered(
            session.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        ),
        "publish": lambda page: probe_publish(session, page),
        "unpublish": lambda page: probe_unpublish(session, page),
        "delete": lambda page: probe_delete(session, page),
        "move": lambda page: probe_move(session, page),
        "copy": lambda page: probe_copy(session, page),
        "lock": lambda page: probe_lock(session, page),
        "approve or reject": lambda page: probe_workflow(session, page),
    }
    if action in page_actions:
        return page_actions[action](place(portal, where))
    if action == "start a translation":
        page = portal.untranslated if where == "German" else place(portal, where)
        return probe_start_translation(session, page, portal)
    if action == "edit snippets":
        obj = snippet(portal, where)
        meta = obj._meta
        url = reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", args=[obj.pk])
        return answered(session.get(url))
    if action == "list snippets":
        obj = snippet(portal, where)
        url = reverse("wagtailsnippets_home_contactperson:list")
        return probe_view(session, f"{url}?locale={obj.locale.language_code}", obj.name)
    if action == "see sign-ups and their CSV":
        return probe_sign_ups(session, portal.tr_signup if where == "Turkish" else portal.signup)
    submission = portal.submitted_tr
    site_pk = Site.objects.get(is_default_site=True).pk
    views = {
        "send a public form": lambda: probe_public_form(session, portal),
        "see event submissions": lambda: probe_view(
            session, reverse("event_submissions:index"), submission.reference
        ),
        "see submitters' contact details": lambda: probe_view(
            session,
            reverse("event_submissions:inspect", args=[submission.pk]),
            "ayse@example.org",
        ),
        "see waiting images": lambda: probe_view(
            session, reverse("submissions_image", args=[portal.with_image.pk])
        ),
        "register for an event": lambda: attempt(
            lambda: registration_sent(session.client, portal.tr_event, "Matrix")
        ),
        "see event registrations": lambda: probe_view(
            session, reverse("registrations:index"), "Ayşe Beispiel"
        ),
        "export event registrations (CSV)": lambda: probe_view(
            session, reverse("registrations:index") + "?export=csv", "Ayşe Beispiel"
        ),
        "import a calendar": lambda: probe_view(session, reverse("events_import_calendar")),
        "site settings": lambda: probe_view(
            session, reverse("wagtailsettings:edit", args=["home", "sitesettings", site_pk])
        ),
        "users and groups": lambda: agree(
            users=probe_view(session, reverse("wagtailusers_users:index")),
            groups=probe_view(session, reverse("wagtailusers_groups:index")),
        ),
    }
    return views[action]()


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
