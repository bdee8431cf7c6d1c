"""python manage.py load_demo_content [--site-url URL]: the demo portal of Mittelstadt.

The content is data (demo/content, demo/translations, demo/media; see demo/README.md).
Safe to run again: whatever exists is left as it is. Never load it on a production database.
"""

import contextlib
import io
import logging
import time
from urllib.parse import urlsplit

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import management
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, get_page_models
from wagtail.signal_handlers import disable_reference_index_auto_update

from demo.loader import DemoLoader
from home.signals import invalidation_paused
from locales.languages import DEFAULT_LANGUAGE

ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "demo-admin-2026"  # noqa: S105 - the documented demo login, see README
MODERATOR_USERNAME = "moderation"
MODERATOR_PASSWORD = "demo-moderation-2026"  # noqa: S105 - the documented demo login
DEMO_SITE_URL = "http://127.0.0.1:8000"  # where `make run` serves the demo
QUIET_LOGGERS = ["wagtail", "wagtail_localize", "django_tasks", "modelsearch"]


@contextlib.contextmanager
def quiet_logs(quiet=True):
    """Hide the INFO lines Wagtail and the task runner log for each of the many saves."""
    loggers = [logging.getLogger(name) for name in QUIET_LOGGERS] if quiet else []
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(max(logger.getEffectiveLevel(), logging.WARNING))
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


def create_users(loader):
    """The demo admin, the editorial groups and workflows (setup_roles), a demo moderator."""
    users = get_user_model().objects
    if not users.filter(username=ADMIN_USERNAME).exists():
        users.create_superuser(ADMIN_USERNAME, "admin@example.org", ADMIN_PASSWORD)
        loader.count("users")
    management.call_command("setup_roles", stdout=io.StringIO(), stderr=io.StringIO())
    if not users.filter(username=MODERATOR_USERNAME).exists():
        user = users.create_user(
            MODERATOR_USERNAME,
            "moderation@example.org",
            MODERATOR_PASSWORD,
            first_name="Demo",
            last_name="Moderation",
        )
        user.groups.add(Group.objects.get(name="Moderation"))
        loader.count("users")


class Command(BaseCommand):
    help = "Load the demo portal of the fictional town Mittelstadt, with translations."

    def add_arguments(self, parser):
        parser.add_argument(
            "--site-url",
            default=DEMO_SITE_URL,
            help=f"Where the demo is served (the default Site's host and port; {DEMO_SITE_URL}).",
        )

    def handle(self, *args, **options):
        started = time.monotonic()
        # The reference index is rebuilt and cached pages dropped once, at the end.
        with (
            quiet_logs(options["verbosity"] < 2),
            invalidation_paused(),
            transaction.atomic(),
            disable_reference_index_auto_update(),
        ):
            loader = DemoLoader(urlsplit(options["site_url"]))
            loader.run()
            create_users(loader)
        with transaction.atomic():  # one commit instead of one per index row
            management.call_command("update_index", verbosity=0)
            management.call_command("rebuild_references_index", verbosity=0)
        self.report(loader, time.monotonic() - started)

    def report(self, loader, seconds):
        write = self.stdout.write
        if loader.created:
            created = ", ".join(f"{number} {label}" for label, number in loader.created.items())
            write(self.style.SUCCESS(f"Created: {created}."))
        else:
            write(self.style.SUCCESS("Nothing to do: the demo content exists already."))
        write(f"{'':24}{'German':>8}{'translated':>12}{'aliases':>9}")
        for model in get_page_models():
            if model is not Page:
                pages = model.objects.all()
                german = pages.filter(locale__language_code=DEFAULT_LANGUAGE).count()
                aliases = pages.filter(alias_of__isnull=False).count()
                translated = pages.count() - german - aliases
                write(f"{model.__name__:24}{german:>8}{translated:>12}{aliases:>9}")
        write(
            f"Locales: {Locale.objects.count()}, images: {get_image_model().objects.count()}, "
            f"documents: {get_document_model().objects.count()}"
        )
        write(f"Admin login: {ADMIN_USERNAME} / {ADMIN_PASSWORD}  ->  /admin/")
        write(f"Moderator login: {MODERATOR_USERNAME} / {MODERATOR_PASSWORD}")
        write(f"Done in {seconds:.1f} s.")
