"""Real-browser tests: the system's Chromium, driven by Playwright, against a live test server.

Needs
    Chromium (`apt-get install chromium`; CHROMIUM_PATH may point elsewhere). Playwright's
    own browser download (`playwright install`) is not used. For the HTML check also the
    Nu checker (`npm ci`, package.json pins vnu-jar) and Java 17+.

    Without them the tests skip and say how to install them; with CI=true in the
    environment a missing tool fails the tests instead (see tools.missing).

One site, one server, one browser, one Nu checker run per worker
    Loading the demo content takes seconds, so it happens once per test worker for the
    whole tests/browser package (package-scoped fixtures), however many modules it has.
    That is why these tests do not use pytest-django's ``live_server`` fixture: every test
    using it gets ``transactional_db``, which empties the database after each test.
    Instead ``live_site`` works on a scratch copy of the worker's test database
    (server.scratch_copy): it runs ``load_demo_content`` there, commits, so that the
    server thread sees the data, and starts pytest-django's LiveServer helper on
    127.0.0.1. When the package is done the test database is exactly as before, so
    neither the tests that follow nor a database kept by --reuse-db ever see the demo
    content. Every page of the list is loaded once (``visits``); the Nu checker reads all
    of them and the embeddable listings in one run (``html_errors``).

    The tests here use no database fixture (see test_database for why the test database
    exists anyway). Playwright's synchronous API keeps an asyncio loop in the main thread,
    and Django refuses ORM calls there while it runs; so the database work of the set-up
    happens in ``live_site`` before the browser starts and after it stops (``browser``
    depends on ``live_site``), and a test's own goes through server.in_worker_thread.

xdist
    The browser tests are sorted to the front of the run, and with ``--dist loadfile``
    tests/conftest.py keeps the whole package together as one unit of work (pytest-xdist's
    ``xdist_group`` would do it for ``--dist loadgroup``, which pytest 9.2 breaks:
    pytest-xdist issue #1386). So one worker starts on them at once (one demo load, one
    Chromium, one Nu checker run) while the other works through the rest of the suite.
    With plain ``-n 2`` they still pass, but each worker then loads the demo content and
    visits the pages itself.
"""

import os
from urllib.request import urlopen

import pytest
from django.db import connection

from .checks import run_vnu
from .pages import EMBED_PATHS, embed_page_id
from .server import CONFIGURED_DATABASE, demo_site
from .tools import (
    INSTALL_CHROMIUM,
    INSTALL_PLAYWRIGHT,
    find_chromium,
    find_java_for_vnu,
    missing,
)
from .visits import Visits, new_context

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "browser: drives a real browser (Chromium) against a live test server"
    )


# The checks of the pages as the demo has them first, then the tests that add events,
# users and registrations to the site (modules not named here follow them).
MODULE_ORDER = [
    "test_pages",
    "test_reading_direction",
    "test_privacy",
    "test_keyboard",
    "test_navigation",
    "test_event_submission",
    "test_turkish_translator",
    "test_registration",
    "test_sign_and_easy_language",
    "test_print",
    "test_embedded_listings",
]


def run_order(item):
    if item.get_closest_marker("browser") is None:
        return len(MODULE_ORDER) + 1
    module = item.module.__name__.rpartition(".")[2]
    return MODULE_ORDER.index(module) if module in MODULE_ORDER else len(MODULE_ORDER)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Browser tests first, in MODULE_ORDER (after pytest-django's own ordering, keeping the
    rest in order).

    They are the longest group: with --dist loadfile one worker starts on them at once
    while the other works through the rest of the suite. They may run before database
    tests because they leave the test database exactly as they found it.
    """
    items.sort(key=run_order)


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
    find_java_for_vnu()


# --------------------------------------------------------------------------- database and site


@pytest.fixture(scope="package")
def test_database(django_db_setup, django_db_blocker, django_db_keepdb, django_db_createdb):
    """The worker's test database, also when no collected test asked pytest-django for one.

    pytest-django creates test databases only for tests that use a database fixture or
    marker; live_site is neither, so `pytest tests/browser` alone would otherwise run on
    the database of the settings (db.sqlite3). Kept afterwards with --reuse-db, as
    pytest-django keeps its own.
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
            if not django_db_keepdb:
                teardown_databases(config, verbosity=0)


@pytest.fixture(scope="package")
def live_site(request, chromium_executable, test_database, django_db_blocker, tmp_path_factory):
    """The demo site on a live server: LiveSite with .url and the chosen .pages."""
    host = request.config.getvalue("liveserver") or "127.0.0.1"
    media_root = str(tmp_path_factory.mktemp("media"))
    with django_db_blocker.unblock(), demo_site(host, media_root) as site:
        yield site


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


# --------------------------------------------------------------------------- what the pages show


@pytest.fixture(scope="package")
def visits(browser, live_site):
    result = Visits(browser, live_site)
    yield result
    result.public_context.close()


@pytest.fixture(scope="package")
def html_errors(vnu_available, visits, live_site, tmp_path_factory):
    """{page id: [Nu checker error, …]} for every page of the list and every embeddable
    listing (embed_page_id), from one run of the checker: the JVM takes seconds to start."""
    folder = tmp_path_factory.mktemp("html")
    files = []
    for visit in visits.all():
        files.append(folder / f"{visit.page_id}.html")
        files[-1].write_text(visit.html, encoding="utf-8")
    for path in EMBED_PATHS:
        files.append(folder / f"{embed_page_id(path)}.html")
        with urlopen(live_site.url + path) as response:  # noqa: S310 - the live test server
            files[-1].write_text(response.read().decode(), encoding="utf-8")
    return {os.path.splitext(name)[0]: errors for name, errors in run_vnu(files).items()}
