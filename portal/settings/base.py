"""Settings shared by every environment.

Everything that differs between machines comes from the environment; see
README.md ("Configuration") for the list of variables.
"""

import os
from pathlib import Path

import dj_database_url

from locales.languages import DEFAULT_LANGUAGE, admin_languages, django_languages

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Project apps first, so their templates override Wagtail's.
    "portal",
    "locales",
    "home",
    "organisations",
    "events",
    "submissions",
    "news",
    "guidance",
    "registrations",
    "plone_import",
    "demo",
    "accounts",
    "syndication",
    "readers",
    # Wagtail and wagtail-localize
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.api.v2",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks",
    "django_tasks_db",
    # Django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "portal.middleware.PermissionsPolicyMiddleware",
    "portal.middleware.PortalCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Page views per page and day, outside the page cache so its hits count (readers app).
    "readers.page_views.PageViewMiddleware",
    # Whole pages for anonymous readers (portal/page_cache.py), before the session is read.
    "portal.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Before anything reads request.POST: an unreadable body gets the 400 page.
    "portal.middleware.UnreadableBodyMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Two-factor login: who has entered a code (django-otp), and who still owes one.
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: locks out after repeated failed logins.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "portal" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "locales.context_processors.language",
                "home.context_processors.content",
            ],
        },
    },
]

# Database: SQLite is the zero-setup default, DATABASE_URL selects PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set, process memory otherwise. Wagtail keeps
# image renditions in the "renditions" cache so warm pages skip those lookups.
# With Redis gone, pages are served uncached (portal/cache.py); short timeouts
# keep a hanging Redis from holding up requests.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    _cache = {
        "BACKEND": "portal.cache.ResilientRedisCache",
        "LOCATION": REDIS_URL,
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }
    CACHES = {
        "default": {**_cache, "KEY_PREFIX": "portal"},
        "renditions": {**_cache, "KEY_PREFIX": "renditions", "TIMEOUT": 60 * 60 * 24},
    }
else:
    # Room for whole pages and their tags (Django's default keeps 300 entries).
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        },
        "renditions": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "renditions",
            "TIMEOUT": 60 * 60 * 24,
        },
    }

# Every account here is a staff account: at least 12 characters (a passphrase is welcome),
# not like the user's name or e-mail, not a common or an all-digit password.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": int(os.environ.get("PASSWORD_MIN_LENGTH", "12"))},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: one list in locales/languages.py; German is the source.
LANGUAGE_CODE = DEFAULT_LANGUAGE
LANGUAGES = django_languages()
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = admin_languages()
LOCALE_PATHS = [BASE_DIR / "locales" / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True
# No language cookie: the URL prefix carries the language, so readers get no cookies.
LANGUAGE_COOKIE_AGE = None

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "portal" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Uploads from public forms wait here, outside MEDIA_ROOT and never served, until approved.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private"))


def storages_setting(environ):
    """Media and waiting uploads: local folders, or S3-compatible object storage.

    AWS_STORAGE_BUCKET_NAME switches to S3 (django-storages): uploads go under media/ in
    that bucket, images waiting for moderation under private/ in AWS_PRIVATE_BUCKET_NAME
    (default: the same bucket), stored private and never linked. AWS_S3_ENDPOINT_URL
    names an S3-compatible server (MinIO, Ceph, a cloud's object storage); credentials
    come from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, as boto3 reads them. App
    servers then keep no files of their own.
    """
    bucket = environ.get("AWS_STORAGE_BUCKET_NAME", "")
    if not bucket:
        return {
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "private": {
                "BACKEND": "django.core.files.storage.FileSystemStorage",
                "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
            },
            "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
        }
    common = {
        "endpoint_url": environ.get("AWS_S3_ENDPOINT_URL") or None,
        "region_name": environ.get("AWS_S3_REGION_NAME") or None,
        "file_overwrite": False,
    }
    return {
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **common,
                "bucket_name": bucket,
                "location": "media",
                # Public media: plain URLs (through AWS_S3_CUSTOM_DOMAIN, a CDN, if set).
                "querystring_auth": False,
                "custom_domain": environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            },
        },
        "private": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **common,
                "bucket_name": environ.get("AWS_PRIVATE_BUCKET_NAME") or bucket,
                "location": "private",
                "default_acl": "private",
                "querystring_auth": True,
            },
        },
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }


STORAGES = storages_setting(os.environ)

# Background work (mail, machine translation, calendar downloads, Wagtail's reference
# index): django-tasks on the database, run by `manage.py db_worker`. A task that failed
# because something outside was unreachable runs again after these delays (portal.tasks).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
TASK_RETRY_DELAYS = [60, 5 * 60, 15 * 60, 60 * 60, 3 * 60 * 60, 6 * 60 * 60, 12 * 60 * 60]

# Whole pages for anonymous readers and rendered fragments are cached this long at most;
# a change drops only the pages that show it (home/cache.py, home/signals.py). 0 disables.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
PAGE_FRAGMENT_CACHE_SECONDS = int(os.environ.get("PAGE_FRAGMENT_CACHE_SECONDS", "300"))

# A CDN or Varnish in front (Wagtail's frontend cache): publishing purges the pages that
# show the change. FRONTEND_CACHE_PURGE_URL: an HTTP cache that takes PURGE requests;
# CLOUDFLARE_ZONE_ID with CLOUDFLARE_BEARER_TOKEN: Cloudflare. Pages then carry
# s-maxage=FRONTEND_CACHE_SECONDS for the shared cache (browsers always revalidate).
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if os.environ.get("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": os.environ["CLOUDFLARE_ZONE_ID"],
        "BEARER_TOKEN": os.environ.get("CLOUDFLARE_BEARER_TOKEN", ""),
    }
# Each language's page is purged by its own URL; Wagtail need not multiply them.
WAGTAILFRONTENDCACHE_LANGUAGES = []
FRONTEND_CACHE_SECONDS = int(os.environ.get("FRONTEND_CACHE_SECONDS", "3600"))

# Request bodies: Django refuses (400) a body whose fields, files aside, exceed 1 MB or
# that has too many fields, before parsing it; form fields bound each value.
DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
# While the database does not answer, pages are a 503 asking to come back this much later.
RETRY_AFTER_SECONDS = 30
# Uploads: refuse oversized files and decompression bombs.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000

# Public forms (home.form_protection): seconds a person needs at least and how long a
# shown form stays valid, how many submissions (valid ones) and posts (any, mistakes
# included) one client address may send per period (seconds).
FORM_MIN_FILL_SECONDS = int(os.environ.get("FORM_MIN_FILL_SECONDS", "3"))
FORM_MAX_AGE_SECONDS = int(os.environ.get("FORM_MAX_AGE_SECONDS", str(24 * 60 * 60)))
FORM_RATE_LIMIT = int(os.environ.get("FORM_RATE_LIMIT", "10"))
FORM_POST_LIMIT = int(os.environ.get("FORM_POST_LIMIT", "30"))
FORM_RATE_LIMIT_PERIOD = int(os.environ.get("FORM_RATE_LIMIT_PERIOD", "3600"))
# Event submissions (submissions.services): image limit, workflow, and how long personal
# data is kept: days after the event's last date, days after a rejection; profile
# proposals (submissions.profiles): days after the decision.
EVENT_SUBMISSION_MAX_IMAGE_BYTES = int(os.environ.get("EVENT_SUBMISSION_MAX_IMAGE_MB", "5")) << 20
# The one name of the moderation workflow: setup_roles creates it, submissions enter it.
EVENT_SUBMISSION_WORKFLOW = os.environ.get("EVENT_SUBMISSION_WORKFLOW", "Moderation")
# Personal links for organisation contacts (submissions.access): seconds until they expire.
ACCESS_LINK_MAX_AGE = int(os.environ.get("ACCESS_LINK_MAX_AGE", str(48 * 3600)))
PROFILE_PROPOSAL_RETENTION_DAYS = int(os.environ.get("PROFILE_PROPOSAL_RETENTION_DAYS", "30"))
SUBMISSION_RETENTION_DAYS = int(os.environ.get("SUBMISSION_RETENTION_DAYS", "90"))
REJECTED_SUBMISSION_RETENTION_DAYS = int(os.environ.get("REJECTED_SUBMISSION_RETENTION_DAYS", "30"))
# Sign-ups sent through the form builder's pages (home.FormPage) are deleted after this.
FORM_SUBMISSION_RETENTION_DAYS = int(os.environ.get("FORM_SUBMISSION_RETENTION_DAYS", "90"))
# Registrations for event dates (registrations app) are deleted this long after the date.
REGISTRATION_RETENTION_DAYS = int(os.environ.get("REGISTRATION_RETENTION_DAYS", "30"))

# The read API (syndication.api): requests per client address ("120/minute"; DRF's rate
# format), and how long clients and shared caches may keep an answer (seconds).
API_RATE_LIMIT = os.environ.get("API_RATE_LIMIT", "120/minute")
API_CACHE_SECONDS = int(os.environ.get("API_CACHE_SECONDS", "300"))
# Who may frame the embeddable listings (/<lang>/embed/…; CSP frame-ancestors): any site
# by default; e.g. "https://www.mittelstadt.de https://app.example.org" to name them.
EMBED_FRAME_ANCESTORS = os.environ.get("EMBED_FRAME_ANCESTORS", "*").split()

# "Was this page helpful?" (readers app): on pages of these types; answers (page, language,
# day, optional comment) are deleted after this many days (delete_old_page_feedback).
PAGE_FEEDBACK_PAGE_TYPES = [
    "news.NewsPage",
    "events.EventPage",
    "guidance.GuidancePage",
    "organisations.OrganisationPage",
    "home.StandardPage",
]
PAGE_FEEDBACK_RETENTION_DAYS = int(os.environ.get("PAGE_FEEDBACK_RETENTION_DAYS", "180"))

# Mail is only queued in the request (portal.mail); the task worker delivers it with
# EMAIL_DELIVERY_BACKEND (the EMAIL_BACKEND variable), trying again while the server is down.
EMAIL_BACKEND = "portal.mail.QueuedEmailBackend"
EMAIL_DELIVERY_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "20"))
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "portal@localhost")

WAGTAIL_SITE_NAME = "Integrationsportal"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Domain of exported iCalendar UIDs; empty: the default Wagtail Site's host name.
CALENDAR_UID_DOMAIN = os.environ.get("CALENDAR_UID_DOMAIN", "")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# Security headers, content security policies, the client's address behind proxies and
# the login lockout: security.py.
from .security import *  # noqa: E402, F403

# Two-factor login for the admin (accounts.two_factor): required of superusers and the
# Moderation group while on, optional for everyone else; codes from an authenticator app.
ADMIN_2FA_REQUIRED = env_bool("ADMIN_2FA_REQUIRED", True)
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "database_outage": {"()": "portal.errors.DatabaseOutageFilter"},
        "decorative_images": {"()": "syndication.pdf_logging.DecorativeImages"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Wagtail runs its search and reference-index updates as tasks; each logs two lines.
        "django_tasks": {"level": "WARNING"},
        "django.request": {"filters": ["database_outage"]},
        # WeasyPrint (PDFs, syndication.pdf_layout) logs each step, and each screen-only CSS
        # property of site.css it does not know, for every PDF.
        "weasyprint": {"level": "ERROR", "filters": ["decorative_images"]},
    },
}

# --- translation workflow (locales app) ---
# Machine translation is an aid for translators: DeepL when DEEPL_AUTH_KEY is set,
# LibreTranslate when LIBRETRANSLATE_URL (and LIBRETRANSLATE_API_KEY) is set, each
# language sent to a service that knows it; without either, no translate button.
from locales.machine_translation import translator_setting  # noqa: E402

WAGTAILLOCALIZE_MACHINE_TRANSLATOR = translator_setting(os.environ)
# Submitting a page for translation does not publish it: a translator publishes.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Page types whose pages (in every language) the Moderation group runs and approves
# (setup_roles; locales.roles grants the permissions on sections that appear later).
MODERATED_SECTIONS = ["events.EventIndexPage"]
# Further permissions setup_roles gives: editors see event submissions, moderators
# also the submitters' contact details; both see sign-ups sent through form pages.
EDITOR_PERMISSIONS = [
    "submissions.view_eventsubmission",
    "wagtailforms.view_formsubmission",
    "registrations.view_registration",
    "readers.view_pagefeedback",
    "readers.view_pageviewday",
]
MODERATOR_PERMISSIONS = [
    "submissions.view_eventsubmission",
    "submissions.view_contact_details",
    "submissions.view_profileproposal",
    "submissions.moderate_profileproposal",
    "wagtailforms.view_formsubmission",
    "registrations.view_registration",
]
# --- end of translation workflow ---
