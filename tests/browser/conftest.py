"""Real-browser tests: the system's Chromium, driven by Playwright, against a live test server.

Needs
    Chromium (`apt-get install chromium`; CHROMIUM_PATH may point elsewhere). Playwright's
    own browser download (`playwright install`) is not used. For the HTML check also the
    Nu checker (`npm ci`, package.json pins vnu-jar) and Java 17+.

    Without them the tests skip and say how to install them; with CI=true in the
    environment a missing tool fails the tests instead (see support.missing).

One site, one server, one browser per worker
    Loading the demo content takes seconds, so it happens once per test worker for the
    whole tests/browser package (package-scoped fixtures), not once per test. That is
    why these tests do not use pytest-django's ``live_server`` fixture: every test using
    it gets ``transactional_db``, which empties the database after each test. Instead
    ``live_site`` works on a scratch copy of the worker's test database (scratch_copy):
    it runs ``load_demo_content`` there, commits, so that the server thread sees the
    data, and starts pytest-django's LiveServer helper on 127.0.0.1. When the package is
    done the test database is exactly as before, so neither the tests that follow nor a
    database kept by --reuse-db ever see the demo content.

    The tests here use no database fixture (see test_database for why the test database
    exists anyway). Media go to a temporary folder on disk (the test settings keep
    uploads in memory, which the live server cannot serve).

    Playwright's synchronous API keeps an asyncio loop in the main thread, and Django
    refuses ORM calls there while it runs; so all database work happens in ``live_site``
    before the browser starts and after it stops (``browser`` depends on ``live_site``).

xdist
    All browser tests live in one module (test_site.py) and are sorted to the front of the
    run. With ``--dist loadfile`` xdist sends that module to one worker (one demo load,
    one Chromium, one Nu checker run), which starts on it at once while the other worker
    runs the rest of the suite. They are also marked ``xdist_group("browser")`` for
    ``--dist loadgroup``, which pytest 9.2 currently breaks (pytest-xdist issue #1386:
    the group suffix of the node id is lost). With plain ``-n 2`` they still pass, but
    each worker then loads the demo content and visits the pages itself.
"""

import io
import os
import sqlite3
from contextlib import contextmanager

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test.utils import modify_settings, override_settings
from django.utils import translation

from .support import (
    ADMIN_PAGE_IDS,
    AXE_TAGS,
    BIDI_CHECK,
    CHECKED_PAGE_IDS,
    INSTALL_CHROMIUM,
    INSTALL_PLAYWRIGHT,
    INSTALL_VNU,
    RTL_LANGUAGES,
    RTL_PAGE_IDS,
    VNU_JAR,
    Visit,
    find_chromium,
    find_pages,
    is_form_page,
    language_of,
    measure_layouts,
    missing,
    run_vnu,
)

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "browser: drives a real browser (Chromium) against a live test server"
    )


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Browser tests first (after pytest-django's own ordering, keeping the rest in order).

    They are the longest group: with --dist loadgroup one worker starts on them at once
    while the other works through the rest of the suite. They may run before database
    tests because they leave the test database exactly as they found it.
    """
    items.sort(key=lambda item: item.get_closest_marker("browser") is None)


# --------------------------------------------------------------------------- tools


@pytest.fixture(scope="package")
def chromium_executable():
    """The Chromium binary; skips (or, with CI=true, fails) the test when there is none."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing(INSTALL_PLAYWRIGHT)
    executable = find_chromium()
    if executable is None:
        missing(INSTALL_CHROMIUM)
    return executable


@pytest.fixture(scope="package")
def vnu_available():
    import shutil

    if not VNU_JAR.exists() or shutil.which("java") is None:
        missing(INSTALL_VNU)


# --------------------------------------------------------------------------- database

# The database the settings name, before pytest-django swaps in the test database.
CONFIGURED_DATABASE = settings.DATABASES["default"]["NAME"]


@pytest.fixture(scope="package")
def test_database(django_db_setup, django_db_blocker, django_db_keepdb, django_db_createdb):
    """The worker's test database, also when no collected test asked pytest-django for one.

    pytest-django creates test databases only for tests that use a database fixture or
    marker; live_site is neither, so `pytest tests/browser` alone would otherwise run on
    the database of the settings (db.sqlite3).
    """
    from django.test.utils import setup_databases, teardown_databases

    with django_db_blocker.unblock():
        if connection.settings_dict["NAME"] != CONFIGURED_DATABASE:
            yield  # pytest-django has set it up
            return
        keepdb = django_db_keepdb and not django_db_createdb
        config = setup_databases(verbosity=0, interactive=False, aliases={"default"}, keepdb=keepdb)
        try:
            yield
        finally:
            if not keepdb:
                teardown_databases(config, verbosity=0)


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


SCRATCH_SUFFIX = "browser"


# --------------------------------------------------------------------------- site and server


class LiveSite:
    def __init__(self, url, pages):
        self.url = url
        self.pages = pages

    def __getitem__(self, page_id):
        """The full URL of a page of the list, e.g. site["ar-organisation"]."""
        return self.url + self.pages.paths[page_id]


@pytest.fixture(scope="package")
def live_site(request, chromium_executable, test_database, django_db_blocker, tmp_path_factory):
    """The demo site on a live server: LiveSite with .url and the chosen .pages."""
    from pytest_django.live_server_helper import LiveServer

    host = request.config.getvalue("liveserver") or "127.0.0.1"
    media = override_settings(
        MEDIA_ROOT=str(tmp_path_factory.mktemp("media")),
        STORAGES={
            **settings.STORAGES,
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        },
    )
    hosts = modify_settings(ALLOWED_HOSTS={"append": host.split(":")[0]})
    with django_db_blocker.unblock(), scratch_copy(connection), media, hosts:
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
            for cache in caches.all():
                cache.clear()


# --------------------------------------------------------------------------- browser


@pytest.fixture(scope="package")
def browser(chromium_executable, live_site):
    """One headless Chromium for the package (started after live_site's database work)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=chromium_executable, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


def new_context(browser, locale="de-DE"):
    context = browser.new_context(locale=locale, viewport={"width": 1280, "height": 800})
    context.set_default_timeout(20_000)
    return context


@pytest.fixture(scope="package")
def interaction_context(browser):
    context = new_context(browser)
    yield context
    context.close()


@pytest.fixture
def tab(interaction_context):
    """A new tab for an interaction test (the context is shared; the site sets no cookies)."""
    tab = interaction_context.new_page()
    yield tab
    tab.close()


@pytest.fixture
def own_tab(browser):
    """A tab in a browser context of its own, so that a login or a form's cookie stays there."""
    context = new_context(browser)
    tab = context.new_page()
    yield tab
    context.close()


class Visits:
    """Each page of the list loaded once, with everything the checks need recorded.

    Reading pages share one browser context, so that the privacy test can look at the
    cookies that reading all of them left; the admin login page and the form pages (which
    set the CSRF cookie) get a context of their own in their language.
    """

    def __init__(self, browser, site):
        self.browser = browser
        self.site = site
        self.public_context = new_context(browser)
        self._visits = {}

    def __getitem__(self, page_id):
        if page_id not in self._visits:
            self._visits[page_id] = self._visit(page_id)
        return self._visits[page_id]

    def all(self, page_ids=CHECKED_PAGE_IDS):
        return [self[page_id] for page_id in page_ids]

    def _visit(self, page_id):
        from axe_playwright_python.sync_playwright import Axe

        if page_id in ADMIN_PAGE_IDS or is_form_page(page_id):
            context = new_context(self.browser, locale=language_of(page_id))
        else:
            context = self.public_context
        tab = context.new_page()
        visit = Visit(page_id=page_id, url=self.site[page_id])

        def on_console(message):
            if message.type == "error":
                visit.console_errors.append(message.text)

        def on_response(response):
            if response.status >= 400:
                visit.broken_resources.append(f"{response.url}: HTTP {response.status}")

        tab.on("request", lambda request: visit.requests.append(request.url))
        tab.on("console", on_console)
        tab.on("pageerror", lambda error: visit.console_errors.append(str(error)))
        tab.on("response", on_response)
        tab.on(
            "requestfailed", lambda req: visit.broken_resources.append(f"{req.url}: {req.failure}")
        )

        response = tab.goto(visit.url, wait_until="load")
        visit.status = response.status
        visit.html = response.text()
        visit.lang, visit.dir = tab.evaluate(
            "() => [document.documentElement.lang, document.documentElement.dir]"
        )
        if page_id in RTL_PAGE_IDS:
            visit.bidi = tab.evaluate(BIDI_CHECK, list(RTL_LANGUAGES))
        options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
        visit.axe_violations = Axe().run(tab, options=options).response["violations"]
        visit.layouts = measure_layouts(tab)
        tab.close()
        if context is not self.public_context:
            visit.cookies = context.cookies()
            context.close()
        return visit


@pytest.fixture(scope="package")
def visits(browser, live_site):
    result = Visits(browser, live_site)
    yield result
    result.public_context.close()


@pytest.fixture(scope="package")
def html_errors(vnu_available, visits, tmp_path_factory):
    """{page id: [Nu checker error, …]} for every page, from one run of the checker."""
    folder = tmp_path_factory.mktemp("html")
    files = []
    for visit in visits.all():
        path = folder / f"{visit.page_id}.html"
        path.write_text(visit.html, encoding="utf-8")
        files.append(path)
    return {os.path.splitext(name)[0]: errors for name, errors in run_vnu(files).items()}
