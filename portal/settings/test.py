"""Tests: fast hashing, memory caches and e-mail, plain static storage.

DATABASE_URL selects PostgreSQL (as CI does); without it the tests use SQLite.
"""

from .base import *  # noqa: F403

DEBUG = False

# SQLite: the test database is a file (one per xdist worker: .test-db.sqlite3_gw0, …) that
# --reuse-db keeps, so a run skips the migrations. No fsync: a lost file is simply rebuilt.
_database = DATABASES["default"]  # noqa: F405
if _database["ENGINE"] == "django.db.backends.sqlite3":
    _database["TEST"] = {"NAME": str(BASE_DIR / ".test-db.sqlite3")}  # noqa: F405
    _database.setdefault("OPTIONS", {})["init_command"] = "PRAGMA synchronous=OFF"

SECRET_KEY = "test-only-key"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Django's test runner puts mail into mail.outbox, and tasks run at once here.
# tests/test_tasks.py queues both as production does (database backend and its worker).
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "private": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 20_000},
    },
    "renditions": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "r"},
}
ALLOWED_HOSTS = ["*"]
WAGTAILADMIN_BASE_URL = "http://testserver"

# whitenoise serves from the finders here; there is no collected static/ folder.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Tests that measure the fill time set it themselves.
FORM_MIN_FILL_SECONDS = 0

# Tests of two-factor login switch it on themselves; the others sign in with a password.
ADMIN_2FA_REQUIRED = False
