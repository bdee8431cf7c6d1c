"""Background work runs in the database task queue and is retried while the outside fails.

The issue: "The sign-up form answers 500 when the mail server is down, yet stores the
sign-up: the visitor sends it again and creates duplicates. Mail is sent inside the
request." These tests run the tasks through the production backend (django-tasks-db)
and its worker (``manage.py db_worker``), with a mail server that refuses connections
(a real closed port on loopback).
"""

import http.server
import os
import socket
import subprocess
import sys
import threading
from io import StringIO

import pytest
import requests
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult
from wagtail.contrib.forms.models import FormSubmission
from wagtail_localize.models import StringTranslation

from events.models import EventPage
from locales.machine_translation_queue import translate_untranslated
from portal.mail import deliver_email
from submissions.models import EventSubmission
from tests.submission_helpers import (  # noqa: F401  (fixture)
    form_site,
    send,
    valid_data,
    workflow_action,
)
from tests.test_form_page import entries, sign_up  # noqa: F401  (fixture)
from tests.test_ics_import import OWN as CALENDARS
from tests.test_machine_translation import FAKES, FakeDeepL, started  # noqa: F401  (fixture)
from tests.translation_helpers import translator

pytestmark = pytest.mark.django_db

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
SMTP = "django.core.mail.backends.smtp.EmailBackend"
LOCMEM = "django.core.mail.backends.locmem.EmailBackend"


def closed_port():
    """A loopback port nobody listens on: connecting is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def queue(settings, monkeypatch):
    """The production queue (database backend), mail via SMTP to a server that is down."""
    # Between tasks the worker closes connections that are not in autocommit mode; the
    # test's own connection is inside the test's transaction (on PostgreSQL; SQLite's
    # in-memory database ignores closing), so here it stays open.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    settings.TASKS = DATABASE_QUEUE
    # Django's test runner replaces EMAIL_BACKEND with its outbox; put the queue back.
    settings.EMAIL_BACKEND = "portal.mail.QueuedEmailBackend"
    settings.EMAIL_DELIVERY_BACKEND = SMTP
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", closed_port()
    settings.EMAIL_TIMEOUT = 2
    return settings


def run_worker():
    """The worker command, until no task is due (what `make run` keeps running)."""
    call_command(
        "db_worker",
        "--batch",
        "--interval=0",
        "--no-startup-delay",
        "--no-reload",
        verbosity=0,
        stdout=StringIO(),
    )


def mail_tasks():
    return DBTaskResult.objects.filter(task_path=deliver_email.module_path).order_by("enqueued_at")


def mail_server_returns(settings):
    """The mail server is back, and the retry delay has passed."""
    settings.EMAIL_DELIVERY_BACKEND = LOCMEM
    DBTaskResult.objects.filter(status=TaskResultStatus.READY).update(run_after=timezone.now())


def test_sign_up_succeeds_while_the_mail_server_is_down(client, queue, sign_up):  # noqa: F811
    response = client.post(sign_up.url, entries())
    assert response.status_code == 200
    assert "Wir haben Ihre Anmeldung erhalten." in response.content.decode()
    assert FormSubmission.objects.filter(page=sign_up).count() == 1
    # Nothing was sent in the request: the notice to the editors and the confirmation wait.
    assert mail.outbox == []
    assert mail_tasks().filter(status=TaskResultStatus.READY).count() == 2

    run_worker()  # the mail server refuses: each task is back in the queue, for later
    for task in mail_tasks():
        assert task.status == TaskResultStatus.READY
        assert task.run_after > timezone.now()
        assert len(task.worker_ids) == 1
        assert task.exception_class_path == "builtins.ConnectionRefusedError"
    assert mail.outbox == []

    mail_server_returns(queue)
    run_worker()
    assert {task.status for task in mail_tasks()} == {TaskResultStatus.SUCCESSFUL}
    assert {task.worker_ids.__len__() for task in mail_tasks()} == {2}
    assert sorted(m.to[0] for m in mail.outbox) == ["redaktion@example.org", "verein@example.org"]
    confirmation = next(m for m in mail.outbox if m.to == ["verein@example.org"])
    assert confirmation.body.startswith("Danke für Ihre Anmeldung")
    assert confirmation.from_email == "portal@example.org"
    # The sign-up was stored once, whatever the mail server did.
    assert FormSubmission.objects.filter(page=sign_up).count() == 1


def test_event_submission_mails_wait_for_the_mail_server(
    client,
    queue,
    form_site,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, form_site.form, valid_data(form_site))
    assert response.status_code == 200
    submission = EventSubmission.objects.get()
    assert submission.reference in response.content.decode()
    # The confirmation to the submitter and Wagtail's notice to the moderators.
    assert mail_tasks().count() == 2 and mail.outbox == []

    run_worker()
    assert mail.outbox == []
    mail_server_returns(queue)
    run_worker()
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == ["ayse@example.org", "moderation@example.org"]
    confirmation = next(m for m in mail.outbox if m.to == ["ayse@example.org"])
    assert submission.reference in confirmation.subject

    # The moderator's decision is e-mailed the same way.
    mail.outbox.clear()
    queue.EMAIL_DELIVERY_BACKEND = SMTP
    client.force_login(form_site.moderator)
    with django_capture_on_commit_callbacks(execute=True):
        response = workflow_action(client, submission.page, "reject", comment="Adresse fehlt.")
    assert response.status_code in (200, 302)
    submission.refresh_from_db()
    assert submission.status == EventSubmission.Status.REJECTED
    run_worker()
    assert mail.outbox == []
    mail_server_returns(queue)
    run_worker()
    assert [m.to for m in mail.outbox] == [["ayse@example.org"]]
    assert "Adresse fehlt." in mail.outbox[0].body


def test_retries_end_after_the_configured_attempts(queue):
    queue.TASK_RETRY_DELAYS = [0, 0]  # due again at once, so one worker run tries them all
    mail.send_mail("Betreff", "Text", None, ["someone@example.org"])
    run_worker()
    task = mail_tasks().get()
    assert task.status == TaskResultStatus.FAILED
    assert len(task.worker_ids) == 3  # the first attempt and two retries


def test_a_task_that_fails_for_another_reason_is_not_retried(queue):
    queue.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.nonexistent.EmailBackend"
    mail.send_mail("Betreff", "Text", None, ["someone@example.org"])
    run_worker()
    task = mail_tasks().get()
    assert task.status == TaskResultStatus.FAILED
    assert len(task.worker_ids) == 1


def test_html_alternatives_and_attachments_survive_the_queue(queue):
    queue.EMAIL_DELIVERY_BACKEND = LOCMEM
    message = mail.EmailMultiAlternatives(
        "Betreff", "Text", "portal@example.org", ["a@example.org"], cc=["b@example.org"]
    )
    message.attach_alternative("<p>Text</p>", "text/html")
    message.attach("liste.csv", "a;b\n1;2\n", "text/csv")
    message.send()
    assert mail.outbox == []
    run_worker()
    [delivered] = mail.outbox
    assert delivered.cc == ["b@example.org"] and delivered.from_email == "portal@example.org"
    assert delivered.alternatives[0][0] == "<p>Text</p>"
    assert delivered.attachments[0][0] == "liste.csv"
    assert "1;2" in delivered.attachments[0][1]


@pytest.mark.parametrize("module", ["dev", "production"])
def test_the_real_settings_queue_mail_and_tasks(module):
    """What the tests above configure is what the dev and production settings say."""
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.EMAIL_BACKEND, s.TASKS['default']['BACKEND'])"
    )
    environ = {**os.environ, "DJANGO_SETTINGS_MODULE": f"portal.settings.{module}"}
    environ["SECRET_KEY"] = "x" * 60
    output = subprocess.run(  # noqa: S603  (this interpreter, a fixed snippet)
        [sys.executable, "-c", code], env=environ, capture_output=True, text=True, check=True
    ).stdout.split()
    assert output == ["portal.mail.QueuedEmailBackend", "django_tasks_db.DatabaseBackend"]


# --------------------------------------------------------------------------- machine translation


class FlakyDeepL(FakeDeepL):
    """The fake DeepL, unreachable while ``down`` is set."""

    down = False

    def translate(self, source_locale, target_locale, strings):
        if FlakyDeepL.down:
            raise requests.ConnectionError("DeepL is unreachable")
        return super().translate(source_locale, target_locale, strings)


FLAKY = {
    "CLASS": "locales.machine_translation.LanguageRouter",
    "OPTIONS": {"SERVICES": [{"CLASS": f"{__name__}.FlakyDeepL", "LANGUAGES": ["tr"]}]},
}


def machine_tasks():
    return DBTaskResult.objects.filter(task_path=translate_untranslated.module_path)


def test_machine_translation_runs_in_the_worker_and_waits_for_the_service(
    client,
    started,  # noqa: F811
    queue,
    monkeypatch,
):
    queue.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = FLAKY
    monkeypatch.setattr(FlakyDeepL, "down", True)
    page, translations = started
    translation = translations["tr"]
    client.force_login(translator("tr", "turkish-queue"))
    next_url = reverse("wagtailadmin_pages:edit", args=[translation.get_target_instance().pk])
    url = reverse("wagtail_localize:machine_translate", args=[translation.pk])
    response = client.post(url, {"next": next_url})
    assert response.status_code == 302 and response.url == next_url
    strings = StringTranslation.objects.filter(locale=translation.target_locale)
    assert not strings.exists()  # the request did not wait for the service
    assert machine_tasks().get().status == TaskResultStatus.READY

    run_worker()  # DeepL unreachable: the task waits for another try
    assert machine_tasks().get().status == TaskResultStatus.READY
    assert not strings.exists()

    monkeypatch.setattr(FlakyDeepL, "down", False)
    DBTaskResult.objects.filter(status=TaskResultStatus.READY).update(run_after=timezone.now())
    run_worker()
    assert machine_tasks().get().status == TaskResultStatus.SUCCESSFUL
    assert strings.get(context__path="title").data == "FakeDeepL:tr:Vereinsgründung"
    assert set(strings.values_list("translation_type", flat=True)) == {"machine"}


def test_no_task_for_a_language_the_translator_may_not_edit(
    client,
    started,  # noqa: F811
    queue,
):
    queue.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = FAKES
    page, translations = started
    client.force_login(translator("tr", "turkish-other"))
    url = reverse("wagtail_localize:machine_translate", args=[translations["fa"].pk])
    assert client.post(url).status_code in (302, 403)  # Wagtail's admin redirects refusals
    assert not machine_tasks().exists()
    assert not StringTranslation.objects.filter(locale__language_code="fa").exists()


# --------------------------------------------------------------------------- calendar downloads


class CalendarServer(http.server.ThreadingHTTPServer):
    """A partner's calendar server on loopback, serving partner_v1.ics."""

    def __init__(self, port):
        body = (CALENDARS / "partner_v1.ics").read_bytes()

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                self.send_response(200)
                self.send_header("Content-Type", "text/calendar")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        super().__init__(("127.0.0.1", port), Handler)
        threading.Thread(target=self.serve_forever, daemon=True).start()


def test_a_calendar_download_waits_for_the_partners_server(admin_client, tree, queue, monkeypatch):
    # The importer refuses loopback addresses (no detour into the intranet); the test's
    # partner server is on loopback.
    monkeypatch.setattr("events.importer.check_public_address", lambda url: None)
    monkeypatch.setattr("events.admin_views.check_public_address", lambda url: None)
    port = closed_port()
    address = f"http://127.0.0.1:{port}/partner.ics"
    page = reverse("events_import_calendar")
    response = admin_client.post(page, {"parent": tree.events.pk, "url": address})
    assert response.status_code == 302  # answered at once, nothing downloaded yet
    assert not EventPage.objects.filter(ical_uid__endswith="@partner.example").exists()

    run_worker()  # the partner's server is down: the download waits for another try
    [download] = admin_client.get(page).context["downloads"]
    assert download["url"] == address and download["state"] == "wartet auf den Download"

    server = CalendarServer(port)
    try:
        DBTaskResult.objects.filter(status=TaskResultStatus.READY).update(run_after=timezone.now())
        run_worker()
    finally:
        server.shutdown()
        server.server_close()
    drafts = EventPage.objects.filter(
        ical_uid__endswith="@partner.example", live=False, alias_of__isnull=True
    )
    assert sorted(drafts.values_list("title", flat=True)) == ["Sommerfest", "Sprachcafé"]
    [download] = admin_client.get(page).context["downloads"]
    assert download["state"].startswith("2 ")
    assert "Angelegt: Sommerfest" in download["lines"]


def test_the_worker_waits_out_a_database_outage(queue, monkeypatch):
    """db_worker itself stops when the database does not answer; task_worker goes on."""
    from django.db import OperationalError
    from django_tasks_db.management.commands.db_worker import Worker

    from portal.management.commands import task_worker

    queue.EMAIL_DELIVERY_BACKEND = LOCMEM
    mail.send_mail("Betreff", "Text", None, ["someone@example.org"])
    real_run, outages = Worker.run, []

    def run_after_an_outage(worker):
        if not outages:
            outages.append(1)
            raise OperationalError("server closed the connection unexpectedly")
        return real_run(worker)

    monkeypatch.setattr(Worker, "run", run_after_an_outage)
    monkeypatch.setattr(task_worker, "TASK_WORKER_PAUSE", 0)
    monkeypatch.setattr(task_worker.connections, "close_all", lambda: None)  # the test's own
    call_command(
        "task_worker", "--batch", "--interval=0", "--no-startup-delay", "--no-reload", verbosity=0
    )
    assert outages == [1]
    assert [m.to for m in mail.outbox] == [["someone@example.org"]]


def test_mail_overtakes_a_backlog_of_bulk_work(queue, tree):
    """After an import Wagtail queues thousands of reference-index updates; a confirmation
    must not wait behind them."""
    from wagtail.tasks import update_reference_index_task

    queue.EMAIL_DELIVERY_BACKEND = LOCMEM
    for page in tree.home.get_descendants():
        update_reference_index_task.enqueue("wagtailcore", "page", str(page.pk))
    mail.send_mail("Betreff", "Text", None, ["someone@example.org"])
    call_command(
        "db_worker",
        "--max-tasks=1",
        "--interval=0",
        "--no-startup-delay",
        "--no-reload",
        verbosity=0,
        stdout=StringIO(),
    )
    assert [m.to for m in mail.outbox] == [["someone@example.org"]]
