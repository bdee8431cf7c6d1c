"""The probes of the permission matrix test (tests/test_permission_matrix.py): a session per
role, and for each action of the README's table the admin requests that try it."""

import re

from django.db import transaction
from django.test import Client, TestCase
from django.urls import reverse
from wagtail.models import Page, Site, TaskState
from wagtail_localize.models import Translation

from submissions.models import EventSubmission
from tests.permission_portal import registration_sent, submission_data

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
