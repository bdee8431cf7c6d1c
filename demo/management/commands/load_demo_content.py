"""load_demo_content [--site-url URL]: the demo portal, from data (see demo/README.md)."""

import io
import logging
import time
from contextlib import ExitStack
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

ADMIN_USERNAME, ADMIN_PASSWORD = "admin", "demo-admin-2026"  # noqa: S105 - see README
MODERATOR_USERNAME, MODERATOR_PASSWORD = "moderation", "demo-moderation-2026"  # noqa: S105
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


def pause_search_index(stack):
    """No index task queued per save (thousands, for the task worker to redo later):
    update_index indexes everything once, at the end."""
    for model in index.get_indexed_models():
        if post_save.disconnect(post_save_signal_handler, sender=model):
            stack.callback(post_save.connect, post_save_signal_handler, sender=model)


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
        # Cached pages are dropped, the search and reference indexes rebuilt once, at the end.
        with ExitStack() as stack:
            stack.enter_context(invalidation_paused())
            pause_search_index(stack)
            stack.enter_context(transaction.atomic())
            with disable_reference_index_auto_update():
                loader = DemoLoader(urlsplit(options["site_url"]))
                loader.run()
                create_users(loader)
            if loader.created:
                management.call_command("update_index", verbosity=0)
                management.call_command("rebuild_references_index", verbosity=0)
        logging.disable(logging.NOTSET)
        created = ", ".join(f"{number} {label}" for label, number in loader.created.items())
        pages = Page.objects.filter(depth__gt=1)
        self.stdout.write(self.style.SUCCESS(f"Created: {created or 'nothing (all there)'}."))
        self.stdout.write(
            f"Pages: {pages.count()}, of which {pages.filter(alias_of__isnull=False).count()} "
            f"aliases. Done in {time.monotonic() - started:.1f} s."
        )
        self.stdout.write(f"Admin login: {ADMIN_USERNAME} / {ADMIN_PASSWORD}  ->  /admin/")
        self.stdout.write(f"Moderator login: {MODERATOR_USERNAME} / {MODERATOR_PASSWORD}")
