"""Settings: production is safe by `check --deploy` and refuses to start without its secret."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from locales.languages import DEFAULT_LANGUAGE, LANGUAGES

PROJECT = Path(__file__).resolve().parent.parent


def manage(*args, **env):
    """Run manage.py in a fresh process with the production settings and the given variables."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "DJANGO_SETTINGS_MODULE", "ALLOWED_HOSTS", "DEBUG"}
    }
    environment.update(DJANGO_SETTINGS_MODULE="portal.settings.production", **env)
    return subprocess.run(  # noqa: S603 – fixed arguments, our own manage.py
        [sys.executable, "manage.py", *args],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_passes_check_deploy_without_warnings():
    result = manage(
        "check", "--deploy", SECRET_KEY=secrets.token_urlsafe(64), ALLOWED_HOSTS="example.org"
    )
    assert result.returncode == 0, result.stderr
    output = result.stdout + result.stderr
    assert "System check identified no issues" in output, output
    assert "WARNINGS" not in output


@pytest.mark.parametrize("secret_key", [None, "", "too-short-for-production"])
def test_production_refuses_to_start_without_a_secret_key(secret_key):
    env = {} if secret_key is None else {"SECRET_KEY": secret_key}
    result = manage("check", ALLOWED_HOSTS="example.org", **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY" in result.stderr


def test_languages_come_from_the_one_list():
    assert settings.LANGUAGE_CODE == DEFAULT_LANGUAGE == "de"
    codes = [language.code for language in LANGUAGES]
    assert [code for code, _name in settings.LANGUAGES] == codes
    assert [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES] == codes
    assert settings.WAGTAIL_I18N_ENABLED


def test_only_one_locales_app_is_installed():
    """wagtail.locales and wagtail_localize.locales share an app label."""
    assert "wagtail_localize.locales" in settings.INSTALLED_APPS
    assert "wagtail.locales" not in settings.INSTALLED_APPS


def test_test_settings_are_fast_and_isolated():
    assert settings.PASSWORD_HASHERS == ["django.contrib.auth.hashers.MD5PasswordHasher"]
    assert settings.STORAGES["default"]["BACKEND"].endswith("InMemoryStorage")
    assert all(cache["BACKEND"].endswith("LocMemCache") for cache in settings.CACHES.values())


def test_uploads_from_public_forms_wait_outside_the_web_root():
    """Submitted images are stored where neither Django nor whitenoise serves files."""
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings as s; "
        "print(s.STORAGES['private']['OPTIONS']['location'], s.MEDIA_ROOT, s.STATIC_ROOT)",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="portal.example.org",
    )
    assert result.returncode == 0, result.stderr
    private, media, static = (
        Path(part).resolve() for part in result.stdout.splitlines()[-1].split()
    )
    for served in (media, static):
        assert not private.is_relative_to(served) and not served.is_relative_to(private)
