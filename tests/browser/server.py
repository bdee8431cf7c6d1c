"""The demo site on a live server, on a scratch copy of the worker's test database.

Playwright's synchronous API keeps an asyncio loop in the main thread, and Django refuses
ORM calls there while it runs: database work during the browser tests goes through
in_worker_thread.
"""

import io
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection, connections
from django.test.utils import modify_settings, override_settings
from django.utils import translation

from .pages import find_pages

# The database the settings name, before pytest-django swaps in the test database.
CONFIGURED_DATABASE = settings.DATABASES["default"]["NAME"]
SCRATCH_SUFFIX = "browser"


@contextmanager
def scratch_copy(connection):
    """Run the block on a copy of the test database; afterwards it is as it was.

    PostgreSQL and an SQLite file: clone the test database (CREATE DATABASE … TEMPLATE or
    a file copy, as Django's parallel test runner does), point the connection settings at
    the clone and drop it at the end. The settings dict is shared by every thread, so the
    live server's threads use the clone too, and a run that is killed half-way leaves the
    test database kept by --reuse-db untouched. An in-memory SQLite database (shared with
    the live server's threads) is backed up and restored instead.
    """
    assert connection.settings_dict["NAME"] != CONFIGURED_DATABASE, "not a test database"
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        connection.ensure_connection()
        saved = sqlite3.connect(":memory:")
        connection.connection.backup(saved)
        try:
            yield
        finally:
            saved.backup(connection.connection)
            saved.close()
        return
    original = connection.settings_dict["NAME"]
    clone = connection.creation.get_test_db_clone_settings(SCRATCH_SUFFIX)["NAME"]
    connection.close()
    connection.creation.clone_test_db(suffix=SCRATCH_SUFFIX, verbosity=0)
    connection.settings_dict["NAME"] = clone
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict["NAME"] = original
        connection.creation.destroy_test_db(suffix=SCRATCH_SUFFIX, verbosity=0)


class LiveSite:
    def __init__(self, url, pages):
        self.url = url
        self.pages = pages

    def __getitem__(self, page_id):
        """The full URL of a page of the list, e.g. site["ar-organisation"]."""
        return self.url + self.pages.paths[page_id]


@contextmanager
def demo_site(host, media_root):
    """The demo content on a live server at host: a LiveSite with .url and the chosen .pages.

    Runs load_demo_content on a scratch copy of the test database and commits, so that the
    server's threads see the data. Media go to media_root on disk (the test settings keep
    uploads in memory, which the live server cannot serve).
    """
    from pytest_django.live_server_helper import LiveServer

    media = override_settings(
        MEDIA_ROOT=media_root,
        STORAGES={
            **settings.STORAGES,
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        },
    )
    hosts = modify_settings(ALLOWED_HOSTS={"append": host.split(":")[0]})
    with scratch_copy(connection), media, hosts:
        try:
            call_command("load_demo_content", stdout=io.StringIO(), stderr=io.StringIO())
            with translation.override(None):  # the client's requests activate languages
                pages = find_pages()
            server = LiveServer(host)
            try:
                yield LiveSite(server.url, pages)
            finally:
                server.stop()
        finally:
            clear_caches()


def clear_caches():
    for cache in caches.all():
        cache.clear()


def in_worker_thread(work):
    """Database work while Playwright runs: its asyncio loop keeps the ORM out of this thread."""

    def run():
        try:
            return work()
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(run).result()
