"""load_demo_content [--site-url URL]: the demo portal, from data (see demo/README.md)."""

import io
import logging
import time
from contextlib import contextmanager
from urllib.parse import urlsplit

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import management
from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models.signals import post_save
from modelsearch import index
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import Page
from wagtail.signal_handlers import disable_reference_index_auto_update

from demo.loader import DemoLoader
from home.signals import invalidation_paused
from locales.languages import DEFAULT_LANGUAGE

ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "demo-admin-2026"  # noqa: S105 - the documented demo login, see README
MODERATOR_USERNAME = "moderation"
MODERATOR_PASSWORD = "demo-moderation-2026"  # noqa: S105 - the documented demo login
DEMO_SITE_URL = "http://127.0.0.1:8000"  # where `make run` serves the demo


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


@contextmanager
def search_index_paused():
    """No index task queued per save (thousands, for the worker to redo): update_index
    indexes everything once, at the end."""
    models = [m for m in index.get_indexed_models() if getattr(m, "search_auto_update", True)]
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        yield
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)


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
        if options["verbosity"] < 2:
            logging.disable(logging.INFO)  # Wagtail logs a line or two for each of many saves
        # The reference index is rebuilt and cached pages dropped once, at the end.
        with (
            invalidation_paused(),
            search_index_paused(),
            transaction.atomic(),
            disable_reference_index_auto_update(),
        ):
            loader = DemoLoader(urlsplit(options["site_url"]))
            loader.run()
            create_users(loader)
        logging.disable(logging.NOTSET)
        with transaction.atomic():  # one commit instead of one per index row
            management.call_command("update_index", verbosity=0)
            management.call_command("rebuild_references_index", verbosity=0)
        self.report(loader, time.monotonic() - started)

    def report(self, loader, seconds):
        created = ", ".join(f"{number} {label}" for label, number in loader.created.items())
        self.stdout.write(self.style.SUCCESS(f"Created: {created or 'nothing (all there)'}."))
        pages = Page.objects.exclude(depth=1)
        self.stdout.write(
            f"Pages: {pages.filter(locale__language_code=DEFAULT_LANGUAGE).count()} German, "
            f"{pages.filter(alias_of__isnull=True).exclude(locale__language_code=DEFAULT_LANGUAGE).count()}"
            f" translations, {pages.filter(alias_of__isnull=False).count()} aliases."
        )
        self.stdout.write(f"Admin login: {ADMIN_USERNAME} / {ADMIN_PASSWORD}  ->  /admin/")
        self.stdout.write(f"Moderator login: {MODERATOR_USERNAME} / {MODERATOR_PASSWORD}")
        self.stdout.write(f"Done in {seconds:.1f} s.")
