"""Security headers, CSP, clickjacking protection and the admin log-in lockout."""

import pytest
from django.contrib.auth import get_user_model

PUBLIC_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
}


@pytest.fixture
def home_response(client, tree):
    response = client.get("/de/")
    assert response.status_code == 200
    return response


def test_public_pages_send_security_headers(home_response):
    for name, value in PUBLIC_HEADERS.items():
        assert home_response[name] == value
    assert "camera=()" in home_response["Permissions-Policy"]
    assert "geolocation=()" in home_response["Permissions-Policy"]


def test_public_csp_allows_no_inline_script_and_no_other_hosts(home_response):
    policy = dict(
        directive.strip().split(" ", 1)
        for directive in home_response["Content-Security-Policy"].split(";")
    )
    assert policy["script-src"] == "'self'"
    assert policy["default-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in home_response["Content-Security-Policy"]


def test_admin_has_its_own_policy(client, db):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "script-src 'self' 'unsafe-inline'" in policy
    assert "frame-ancestors 'self'" in policy


def test_failed_admin_logins_lock_the_account(client, db, settings):
    get_user_model().objects.create_superuser("redaktion", "r@example.org", "richtig-2026!")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post("/admin/login/", {"username": "redaktion", "password": "falsch"})
        assert response.status_code == 200  # the form again, with an error
    last_try = client.post("/admin/login/", {"username": "redaktion", "password": "falsch"})
    assert last_try.status_code == 429
    locked = client.post(
        "/admin/login/",
        {"username": "redaktion", "password": "richtig-2026!"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert locked.status_code == 429
    assert "Too many failed log-in attempts" in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_correct_login_before_the_limit_succeeds(client, db):
    get_user_model().objects.create_superuser("redaktion", "r@example.org", "richtig-2026!")
    client.post("/admin/login/", {"username": "redaktion", "password": "falsch"})
    response = client.post("/admin/login/", {"username": "redaktion", "password": "richtig-2026!"})
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_server_error_page_shows_no_technical_detail(client, tree, monkeypatch):
    from home import models as home_models

    def explode(self, request, *args, **kwargs):
        raise RuntimeError("database password is hunter2")

    monkeypatch.setattr(home_models.HomePage, "get_context", explode)
    client.raise_request_exception = False
    response = client.get("/ar/", HTTP_ACCEPT_LANGUAGE="ar")
    body = response.content.decode()
    assert response.status_code == 500
    assert 'lang="ar"' in body and 'dir="rtl"' in body
    assert "hunter2" not in body and "Traceback" not in body and "RuntimeError" not in body
