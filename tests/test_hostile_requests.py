"""Broken and hostile requests get clear, cheap answers: 400, 429 or 503, never a 500.

Through HTTP with real CSRF checks where the attack needs them: a post in another
charset, an oversized or over-long form, a flood of invalid posts, a database
that does not answer; and Eastern Arabic and Persian digits, which are not hostile
at all and must be read.
"""

import logging
import re
import time
from urllib.parse import quote_from_bytes

import pytest
from django.core import signing
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client
from django.utils import timezone

from home.form_protection import RATE_LIMIT_MESSAGE, ProtectedFormMixin, started_token
from submissions.models import EventSubmission
from tests import submission_helpers
from tests.submission_helpers import german, in_days, send, valid_data

form_site = submission_helpers.form_site  # the submission form and its Arabic translation

pytestmark = pytest.mark.django_db

CSRF_TOKEN = "a" * 32


def csrf_client():
    client = Client(enforce_csrf_checks=True)
    client.cookies["csrftoken"] = CSRF_TOKEN
    return client


def raw_post(client, path, body, content_type):
    return client.generic("POST", path, body, content_type=content_type)


# --------------------------------------------------------------------------- unreadable bodies


@pytest.mark.parametrize("path", ["/de/", "/ar/", "/de/veranstaltungen/", "/admin/login/"])
def test_a_latin1_post_gets_the_400_page(tree, path):
    body = (
        f"csrfmiddlewaretoken={CSRF_TOKEN}&title=".encode()
        + quote_from_bytes("Müller".encode("latin-1")).encode()
        + b"\xfc\xff"
    )
    response = raw_post(
        csrf_client(), path, body, "application/x-www-form-urlencoded; charset=latin-1"
    )
    assert response.status_code == 400
    assert "Traceback" not in response.content.decode()


def test_the_400_page_is_in_the_visitors_language(tree):
    response = raw_post(
        csrf_client(), "/ar/", b"a=\xff", "application/x-www-form-urlencoded; charset=latin-1"
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert 'lang="ar"' in html and 'dir="rtl"' in html
    assert "تعذّرت قراءة طلبك" in html


def test_a_broken_multipart_body_gets_the_400_page(tree):
    response = raw_post(csrf_client(), "/de/", b"--x\r\nbroken", "multipart/form-data")
    assert response.status_code == 400
    assert "Ihre Anfrage konnte nicht gelesen werden" in response.content.decode()


def test_a_body_over_the_size_limit_is_refused_before_parsing(client, form_site, settings):
    data = valid_data(form_site, repeat="dates", more_dates="24.12.2027\n" * 200_000)  # 2.2 MB
    started = time.process_time()
    response = send(client, form_site.form, data)
    assert response.status_code == 400
    assert time.process_time() - started < 1
    assert "Ihre Anfrage konnte nicht gelesen werden" in response.content.decode()
    assert not EventSubmission.objects.exists()


def test_too_many_fields_are_refused(client, form_site):
    data = valid_data(form_site, target_groups=[str(n) for n in range(2000)])
    assert send(client, form_site.form, data).status_code == 400


# --------------------------------------------------------------------------- bounded fields


def test_long_further_dates_are_refused_in_a_short_answer(client, form_site):
    more_dates = "\n".join([in_days(20)] * 9000)  # about 100 KB
    started = time.process_time()
    response = send(
        client, form_site.form, valid_data(form_site, repeat="dates", more_dates=more_dates)
    )
    assert time.process_time() - started < 1
    assert response.status_code == 400
    assert len(response.content) < len(more_dates) + 50_000  # the input shown, no error per line
    assert "Zeile 2" not in response.content.decode()
    assert not EventSubmission.objects.exists()


def test_more_further_dates_than_allowed_are_refused_at_once(client, form_site):
    more_dates = "\n".join(["kein Datum"] * 61)
    response = send(
        client, form_site.form, valid_data(form_site, repeat="dates", more_dates=more_dates)
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "höchstens 60" in html or "at most 60" in html
    assert "Zeile 2 " not in html and "Line 2 " not in html  # no line was parsed


@pytest.mark.parametrize("field", ["title", "first_date", "start_time", "contact_phone", "website"])
def test_every_field_has_a_length_limit(client, form_site, field):
    response = send(client, form_site.form, valid_data(form_site, **{field: "1" * 20_000}))
    assert response.status_code == 400
    assert not EventSubmission.objects.exists()


def test_invalid_posts_count_towards_the_post_limit(client, form_site, settings):
    settings.FORM_POST_LIMIT = 3
    for _ in range(3):
        assert send(client, form_site.form, valid_data(form_site, title="")).status_code == 400
    refused = send(client, form_site.form, valid_data(form_site))
    assert refused.status_code == 429
    assert german(RATE_LIMIT_MESSAGE) in refused.content.decode()
    other = Client(REMOTE_ADDR="192.0.2.98")
    assert send(other, form_site.form, valid_data(form_site)).status_code == 200


# --------------------------------------------------------------------------- the fill-time stamp


def test_an_old_form_stamp_is_refused_with_a_fresh_one(client, form_site, settings, monkeypatch):
    settings.FORM_MAX_AGE_SECONDS = 3600
    two_hours_ago = time.time() - 7200
    monkeypatch.setattr(signing.time, "time", lambda: two_hours_ago)
    old_stamp = started_token()
    monkeypatch.undo()
    response = send(client, form_site.form, valid_data(form_site, form_started=old_stamp))
    html = response.content.decode()
    assert response.status_code == 400
    assert german(ProtectedFormMixin.expired_message) in html
    assert old_stamp not in html
    assert not EventSubmission.objects.exists()


# --------------------------------------------------------------------------- digits


def eastern(text, digits="٠١٢٣٤٥٦٧٨٩"):
    return text.translate(str.maketrans("0123456789", digits))


@pytest.mark.parametrize("digits", ["٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹"])
def test_eastern_arabic_and_persian_digits_are_read(client, form_site, digits):
    first = timezone.localdate() + timezone.timedelta(days=10)
    data = valid_data(
        form_site,
        first_date=eastern(first.isoformat(), digits),
        start_time=eastern("16:00", digits),
        end_time=eastern("18:30", digits),
        repeat="weeks",
        repeat_interval=eastern("2", digits),
        repeat_until=eastern((first + timezone.timedelta(days=28)).isoformat(), digits),
        contact_phone=eastern("0521 123456", digits),
    )
    response = client.post(form_site.ar_form.url, data)
    assert response.status_code == 200, re.findall(
        r'class="[^"]*error[^"]*"[^>]*>([^<]*)', response.content.decode()
    )
    submission = EventSubmission.objects.get()
    assert submission.contact_phone == "0521 123456"
    assert submission.data["repeat_interval"] == 2
    assert submission.page.occurrences.count() >= 1


# --------------------------------------------------------------------------- database outage


def test_a_database_outage_answers_503_with_retry_after(client, tree, monkeypatch):
    def gone(self, *args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    client.get("/ar/")  # the site's root paths are cached; the outage starts now
    monkeypatch.setattr(BaseDatabaseWrapper, "cursor", gone)
    client.raise_request_exception = False
    response = client.get("/ar/?not-in-the-page-cache")
    html = response.content.decode()
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert 'lang="ar"' in html and 'dir="rtl"' in html
    assert "غير متاح مؤقتًا" in html
    assert "server closed" not in html


def test_a_database_outage_is_logged_once_a_minute_not_per_request(
    client, tree, monkeypatch, caplog
):
    def gone(self, *args, **kwargs):
        raise OperationalError("connection refused")

    for log_filter in logging.getLogger("django.request").filters:
        monkeypatch.setattr(log_filter, "last_report", None)  # earlier tests' outages
    client.get("/de/")
    monkeypatch.setattr(BaseDatabaseWrapper, "cursor", gone)
    client.raise_request_exception = False
    with caplog.at_level(logging.ERROR, logger="django.request"):
        paths = ["/de/?uncached", "/ar/", "/tr/"] * 3  # /de/ itself is in the page cache
        statuses = {client.get(path).status_code for path in paths}
    assert statuses == {503}
    reports = [record for record in caplog.records if record.name == "django.request"]
    assert len(reports) == 1 and isinstance(reports[0].exc_info[1], OperationalError)
