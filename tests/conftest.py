"""The shared test base: locales, the German site tree, its language versions, page helpers.

Every test that needs content asks for the ``tree`` fixture (built by tests/page_tree.py:
locales, the German home page with its four index pages, an Arabic home page, helpers that
add and translate pages) or ``one_of_each`` (one filled page of every type). Both, and a
module's ``@shared`` fixtures, are built once per test module (tests/shared_data.py).
"""

import re

import pytest
from django.core.cache import caches
from django.db import DatabaseError, connection, connections
from pytest_django.fixtures import validate_django_db
from wagtail.coreutils import get_dummy_request
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

# Test modules import these helpers from here (tests.conftest), as before they moved.
from tests.page_tree import (  # noqa: F401
    PAGE_TYPES,
    Tree,
    build_one_of_each,
    build_tree,
    ensure_locales,
    in_days,
    make_contact,
    make_document,
    make_image,
    make_term,
    rich_body,
)
from tests.shared_data import SHARED, shared  # noqa: F401

# --------------------------------------------------------------------------- helpers


def html_attrs(html, tag):
    """The attributes of the first <tag …> in html, as a dict."""
    match = re.search(rf"<{tag}\b([^>]*)>", html)
    assert match, f"no <{tag}> in the response"
    return dict(re.findall(r'([\w:-]+)="([^"]*)"', match.group(1)))


def hreflang_links(html):
    """{hreflang: href} of the <link rel="alternate" hreflang=…> tags in html."""
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', html))


# --------------------------------------------------------------------------- shared data


@pytest.hookimpl(tryfirst=True)
def pytest_fixture_setup(fixturedef, request):
    """Right before pytest-django opens a test's transaction: the test's layers."""
    if fixturedef.argname == "_django_db_helper":
        blocker = request.getfixturevalue("django_db_blocker")
        SHARED.ensure(SHARED.keys(request.node), blocker, request.node.getparent(pytest.Module))
        marker = request.node.get_closest_marker("django_db")
        if marker and validate_django_db(marker)[3]:  # serialized_rollback
            SHARED.emptied = True  # it empties the database when it ends


@pytest.fixture(scope="module", autouse=True)
def _migrated_data_after_transactional_tests(django_db_blocker):
    """A transactional test with serialized_rollback empties the database when it ends, and
    puts back what the migrations made (Wagtail's root page, the default site, …) when the
    next one starts. After its module: back for the tests that follow and for --reuse-db."""
    yield
    if SHARED.emptied and hasattr(connection, "_test_serialized_contents"):
        with django_db_blocker.unblock():
            connection.creation.deserialize_db_from_string(connection._test_serialized_contents)
        SHARED.emptied = False


@pytest.fixture(scope="session")
def django_db_createdb(request, django_db_modify_db_settings, django_db_blocker):
    """--create-db, or a test database to (re)create: --reuse-db keeps one only if it is
    there and has Wagtail's root page (a run killed in a transactional test leaves it empty)."""
    if request.config.getvalue("create_db"):
        return True
    default = connections["default"]
    name = default.creation._get_test_db_name()
    probe = type(default)({**default.settings_dict, "NAME": name}, alias="probe")
    with django_db_blocker.unblock():
        try:
            with probe.cursor() as cursor:
                cursor.execute("SELECT 1 FROM wagtailcore_page WHERE depth = 1")
                return cursor.fetchone() is None
        except DatabaseError:
            return True
        finally:
            probe.close()


def pytest_collection_modifyitems(items):
    """Within each module, tests with fewer layers first (stable otherwise)."""
    start = 0
    for end in range(1, len(items) + 1):
        if end == len(items) or items[end].path != items[start].path:
            items[start:end] = sorted(items[start:end], key=SHARED.keys)
            start = end


# --------------------------------------------------------------------------- fixtures


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "demo_content: loads the demo content (slow; part of the normal run)"
    )


@pytest.fixture(autouse=True)
def _empty_caches():
    """Navigation and site root paths are cached; no test sees another test's cache."""
    for cache in caches.all():
        cache.clear()
    yield


@pytest.fixture
def locales(db):
    return ensure_locales()


@pytest.fixture
def tree(locales):
    """The German site with its index pages and a real Arabic home page (see SharedData)."""
    built = SHARED.value("tree")
    return build_tree(locales) if built is None else SHARED.fresh(built)


@pytest.fixture
def every_language_home(tree):
    """A home page in every language: aliases of the German one (Arabic keeps its translation)."""
    for locale in tree.locales.values():
        if not Page.objects.filter(depth=2, locale=locale).exists():
            tree.home.copy_for_translation(locale, alias=True)
    return tree


@pytest.fixture
def one_of_each(tree):
    """One German page of every page type, filled the way editors fill them, by type name."""
    built = SHARED.value("one_of_each")
    return build_one_of_each(tree) if built is None else SHARED.fresh(built)


@pytest.fixture(params=PAGE_TYPES)
def page_type(request):
    """Parametrizes a test over every page type (use with one_of_each)."""
    return request.param


class _PageAssertions(WagtailPageTestCase):
    """Wagtail's page assertions, bound to pytest's client (see the page_asserts fixture)."""

    def runTest(self):  # unittest needs a test method to instantiate the case
        pass


@pytest.fixture
def page_asserts(client):
    """assertCanCreateAt, assertAllowedSubpageTypes, assertPageIsRenderable, assertCanCreate …"""
    case = _PageAssertions()
    case.client = client
    case.dummy_request = get_dummy_request()
    return case


# --------------------------------------------------------------------------- xdist


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """With --dist loadfile: the browser tests' modules as one unit, on one worker.

    They share one demo site, browser and Nu checker run per worker (tests/browser/
    conftest.py); split over two workers, both would load the demo content.
    """
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    class BrowserTestsTogether(LoadFileScheduling):
        def _split_scope(self, nodeid):
            if nodeid.startswith("tests/browser/"):
                return "tests/browser/"
            return super()._split_scope(nodeid)

    return BrowserTestsTogether(config, log)
