"""The shared test base: locales, the German site tree, its language versions, page helpers.

Every test that needs content asks for the ``tree`` fixture. It holds

- a Wagtail Locale for every language in locales.languages.LANGUAGES,
- the German HomePage as the default Site's root (Wagtail's welcome page is gone),
- the four index pages below it (organisations, events, news, guidance),
- a real Arabic translation of the home page,

and helpers that add pages (``tree.organisation(...)``, ``tree.event(...)``, …),
translate them (``tree.translate(page, "ar", title=...)``). Every page gets its
aliases in every language when it is created (locales.aliases); ``tree.sync("ar")``
repairs what a test deleted.
"""

import datetime
import inspect
import re
import sys
from functools import partial
from io import BytesIO

import pytest
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import DatabaseError, connection, connections, transaction
from django.db.models import Model
from django.test import TestCase
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image as PILImage
from pytest_django.fixtures import validate_django_db
from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.coreutils import get_dummy_request
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText
from wagtail.test.utils import WagtailPageTestCase

from events.models import EventIndexPage, EventOccurrence, EventPage
from guidance.models import GuidanceContact, GuidanceIndexPage, GuidancePage, GuidanceTopic
from home.models import (
    ContactPerson,
    District,
    FieldOfAction,
    FormField,
    FormPage,
    FundingNote,
    HomePage,
    SiteSettings,
    SpokenLanguage,
    StandardPage,
    TargetGroup,
)
from locales.aliases import repair
from locales.languages import LANGUAGES
from news.models import NewsCategory, NewsIndexPage, NewsPage
from organisations.models import (
    Committee,
    CommitteeKind,
    OrganisationContact,
    OrganisationIndexPage,
    OrganisationLink,
    OrganisationPage,
)
from submissions.models import EventSubmissionPage

# --------------------------------------------------------------------------- helpers


def html_attrs(html, tag):
    """The attributes of the first <tag …> in html, as a dict."""
    match = re.search(rf"<{tag}\b([^>]*)>", html)
    assert match, f"no <{tag}> in the response"
    return dict(re.findall(r'([\w:-]+)="([^"]*)"', match.group(1)))


def hreflang_links(html):
    """{hreflang: href} of the <link rel="alternate" hreflang=…> tags in html."""
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', html))


def make_image(title="Bild", size=(12, 8)):
    """A tiny PNG as a Wagtail image (test settings keep files in memory)."""
    buffer = BytesIO()
    PILImage.new("RGB", size, "#336699").save(buffer, "PNG")
    return get_image_model().objects.create(
        title=title, file=ImageFile(buffer, name=f"{slugify(title) or 'bild'}.png")
    )


def make_term(model, name, slug=None, **translations):
    """A German taxonomy snippet and its translations.

    make_term(FieldOfAction, "Bildung", tr="Eğitim") also creates the Turkish "Eğitim".
    """
    term = model.objects.create(
        name=name, slug=slug or slugify(name), locale=Locale.objects.get(language_code="de")
    )
    for code, translated_name in translations.items():
        copy = term.copy_for_translation(Locale.objects.get(language_code=code))
        copy.name = translated_name
        copy.save()
    return term


def make_document(title="Satzung"):
    return get_document_model().objects.create(
        title=title, file=ContentFile(b"%PDF-1.4 test", name=f"{slugify(title)}.pdf")
    )


def make_contact(name="Erika Beispiel", role="Koordination", **fields):
    return ContactPerson.objects.create(
        name=name, role=role, locale=Locale.objects.get(language_code="de"), **fields
    )


def rich_body(image=None, document=None, person=None):
    """A StreamField value that uses every block of BaseStreamBlock (optional ones if given)."""
    body = [
        ("heading", {"text": "Worum es geht", "level": "h2"}),
        ("paragraph", RichText("<p>Ein Absatz mit <b>fettem</b> Text.</p>")),
        ("quote", {"text": "Gemeinsam geht mehr.", "speaker": "Aylin Muster", "role": "Vorsitz"}),
        ("callout", {"kind": "tip", "title": "Tipp", "text": RichText("<p>Früh einladen.</p>")}),
        (
            "accordion",
            {
                "title": "Fragen",
                "items": [{"question": "Wer?", "answer": RichText("<p>Alle.</p>")}],
            },
        ),
        (
            "table",
            {
                "caption": "Sprechzeiten",
                "header_row": True,
                "rows": [
                    {"cells": [RichText("<p>Tag</p>"), RichText("<p>Uhrzeit</p>")]},
                    {"cells": [RichText("<p>Montag</p>"), RichText("<p>10 Uhr</p>")]},
                ],
            },
        ),
    ]
    if image:
        body.append(
            (
                "image",
                {
                    "image": image,
                    "alt_text": "Menschen an einem langen Tisch",
                    "caption": "Beim Treffen",
                    "credit": "Verein",
                },
            )
        )
    if document:
        body.append(("document", {"document": document, "title": ""}))
    if person:
        body.append(("contact_person", {"person": person}))
    return body


def in_days(days, hour=18, length_hours=2):
    """(start, end) of an occurrence `days` from today, in the site's time zone."""
    start = timezone.localtime().replace(hour=hour, minute=0, second=0, microsecond=0)
    start += datetime.timedelta(days=days)
    return start, start + datetime.timedelta(hours=length_hours)


class Tree:
    """The German site and helpers to grow it; see the module docstring."""

    def __init__(self, locales, home, indexes):
        self.locales = locales
        self.home = home
        self.organisations, self.events, self.news, self.guidance = indexes

    # Pages ----------------------------------------------------------------

    def add(self, parent, page):
        """Add a live page below parent and return it."""
        page.locale = parent.locale
        if not page.slug:
            page.slug = slugify(page.title)
        parent.add_child(instance=page)
        return page

    def standard(self, title="Impressum", parent=None, **fields):
        return self.add(parent or self.home, StandardPage(title=title, **fields))

    def organisation(self, title="Türkischer Elternverein", **fields):
        fields.setdefault("summary", f"{title} stellt sich vor.")
        return self.add(self.organisations, OrganisationPage(title=title, **fields))

    def event(self, title="Elterncafé", dates=((7,),), **fields):
        """An event; dates are in_days() arguments, e.g. ((7,), (-3,)) for next week and past."""
        fields.setdefault("teaser", f"{title}: offenes Treffen.")
        occurrences = [EventOccurrence(start=s, end=e) for s, e in (in_days(*d) for d in dates)]
        return self.add(self.events, EventPage(title=title, occurrences=occurrences, **fields))

    def news_item(self, title="Neuer Vorstand gewählt", date=None, **fields):
        fields.setdefault("teaser", f"{title}: Meldung.")
        return self.add(
            self.news, NewsPage(title=title, date=date or timezone.localdate(), **fields)
        )

    def guidance_page(self, title="Vereinsgründung", **fields):
        fields.setdefault("intro", f"{title} Schritt für Schritt.")
        return self.add(self.guidance, GuidancePage(title=title, **fields))

    # Languages --------------------------------------------------------------

    def translate(self, page, code, **fields):
        """A real, published translation of page into the language code.

        Untranslated parents become aliases; an existing alias of the page becomes
        the translation (as wagtail-localize does when a translator starts).
        """
        alias = Page.objects.filter(
            translation_key=page.translation_key, locale=self.locales[code]
        ).first()
        if alias is not None:
            ConvertAliasPageAction(alias.specific).execute(skip_permission_checks=True)
            translation = Page.objects.get(pk=alias.pk).specific
        else:
            translation = page.specific.copy_for_translation(self.locales[code], copy_parents=True)
        for name, value in fields.items():
            setattr(translation, name, value)
        translation.save_revision().publish()
        translation.refresh_from_db()
        return translation

    def sync(self, code):
        """Aliases for every page missing in a language (check_languages --repair).

        Pages get them when they are created (locales.aliases); this repairs what a
        test deleted on purpose."""
        repair()

    def in_language(self, page, code):
        """The page's version (translation or alias) in the language."""
        return page.get_translation(self.locales[code]).specific


# --------------------------------------------------------------------------- shared data


class SharedData:
    """The tree (~1,700 queries: every page gets its aliases in eight languages),
    one_of_each (~3,500 more) and a module's own @shared fixtures, built once per test
    module instead of once per test.

    They are layers: each is built inside a transaction that stays open, the next one on top,
    and each test runs in pytest-django's savepoint above them, rolled back after it. Before
    a test's database is set up (pytest_fixture_setup below), the layers it does not ask for
    are rolled back and those it asks for are built; the tests of a module are sorted so that
    each layer is built once (pytest_collection_modifyitems). What is left is rolled back when
    the module ends. A test gets the layers' objects fresh from the database (fresh()), so
    what it changes in memory stays its own. Transactional tests commit, so they see no
    layer: their fixtures build the data as they always did.
    """

    # What a layer's builder may ask for besides the layers below it.
    ARGUMENTS = {"django_capture_on_commit_callbacks": TestCase.captureOnCommitCallbacks}

    def __init__(self):
        self.builders = {"tree": build_tree, "one_of_each": build_one_of_each}
        self.layers = []  # [(key, atomic block, value)], innermost last
        self.fresh_objects = {}  # for the current test: built object's id, or row → fresh one
        self.emptied = False

    def value(self, key):
        return next((value for layer, _, value in self.layers if layer == key), None)

    def keys(self, item):
        """The layers a test uses: tree, one_of_each, its module's @shared fixtures."""
        names = set(getattr(item, "fixturenames", ()))
        marker = item.get_closest_marker("django_db")
        transactional, reset_sequences, *_ = validate_django_db(marker) if marker else (0, 0)
        if transactional or reset_sequences or {"transactional_db", "live_server"} & names:
            return ()
        if getattr(item, "cls", None) is not None and hasattr(item.cls, "_pre_setup"):
            return ()  # a Django TestCase class, which closes the connection when it ends
        module = getattr(getattr(item, "module", None), "__name__", "")
        return tuple(
            key
            for key in self.builders
            if key.rpartition("::")[2] in names
            and (key in ("tree", "one_of_each") or key.startswith(f"{module}::"))
        )

    def ensure(self, keys, blocker, module):
        """Exactly these layers, for a test about to start."""
        self.fresh_objects = {}
        same = 0
        while same < min(len(keys), len(self.layers)) and self.layers[same][0] == keys[same]:
            same += 1
        self.roll_back_to(same, blocker)
        if len(self.layers) == len(keys):
            return
        with blocker.unblock():
            for key in keys[same:]:
                block = transaction.atomic()
                block.__enter__()
                try:
                    value = self.build(key)
                except BaseException:
                    block.__exit__(*sys.exc_info())
                    raise
                self.layers.append((key, block, value))
                module.addfinalizer(partial(self.roll_back_to, len(self.layers) - 1, blocker))
        self.fresh_objects = {}
        for cache in caches.all():  # what building cached is not the test's
            cache.clear()

    def build(self, key):
        builder = self.builders[key]
        arguments = {}
        for name in inspect.signature(builder).parameters:
            if name == "locales":
                arguments[name] = ensure_locales()
            elif name in self.ARGUMENTS:
                arguments[name] = self.ARGUMENTS[name]
            else:  # a layer below
                arguments[name] = self.fresh(self.value(self.key(name, builder)))
        return builder(**arguments)

    def key(self, name, builder):
        return name if name in ("tree", "one_of_each") else f"{builder.__module__}::{name}"

    def fresh(self, value):
        """value with every model instance in it loaded again (one object per row and test)."""
        if isinstance(value, Model) and value.pk is not None:
            row = (type(value), value.pk)
            if row not in self.fresh_objects:
                self.fresh_objects[row] = type(value)._base_manager.get(pk=value.pk)
            return self.fresh_objects[row]
        if id(value) in self.fresh_objects:
            return self.fresh_objects[id(value)]
        if isinstance(value, Tree):  # a module's fixture adds to the test's one tree
            base = self.value("tree")
            result = object.__new__(Tree) if value is base else self.fresh(base)
            self.fresh_objects[id(value)] = result
            for name, item in vars(value).items():
                setattr(result, name, self.fresh(item))
        elif isinstance(value, (list, tuple, set)):
            result = type(value)(self.fresh(item) for item in value)
        elif isinstance(value, dict):
            result = {name: self.fresh(item) for name, item in value.items()}
        else:
            return value
        self.fresh_objects[id(value)] = result
        return result

    def roll_back_to(self, depth, blocker):
        with blocker.unblock():
            while len(self.layers) > depth:
                _, block, _ = self.layers.pop()
                transaction.set_rollback(True)
                block.__exit__(None, None, None)


def shared(builder):
    """@shared instead of @pytest.fixture: a module's fixture built once for the module.

    For fixtures that only add data on top of tree / one_of_each (the builder may ask for
    those, `locales` and django_capture_on_commit_callbacks); each test gets what it returned
    fresh from the database (see SharedData). Mail sent while building is not in a test's
    outbox.
    """
    names = list(inspect.signature(builder).parameters)
    key = f"{builder.__module__}::{builder.__name__}"
    known = {"locales", *SharedData.ARGUMENTS}
    unknown = [
        name
        for name in names
        if name not in known and SHARED.key(name, builder) not in SHARED.builders
    ]
    assert not unknown, f"@shared {builder.__name__} cannot ask for {unknown}: @pytest.fixture"
    SHARED.builders[key] = builder

    def fixture(request, **arguments):
        built = SHARED.value(key)
        return builder(**arguments) if built is None else SHARED.fresh(built)

    parameters = [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY) for name in names]
    fixture.__signature__ = inspect.Signature(
        [inspect.Parameter("request", inspect.Parameter.POSITIONAL_OR_KEYWORD), *parameters]
    )
    fixture.__doc__ = builder.__doc__
    return pytest.fixture(name=builder.__name__)(fixture)


def ensure_locales():
    return {
        language.code: Locale.objects.get_or_create(language_code=language.code)[0]
        for language in LANGUAGES
    }


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


def build_tree(locales):
    """The German site with its index pages and a real Arabic home page."""
    root = Page.get_first_root_node()
    home = root.add_child(
        instance=HomePage(
            title="Startseite", slug="start", locale=locales["de"], intro="Willkommen"
        )
    )
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    SiteSettings.for_site(site)  # a configured site has its settings row
    # Wagtail's welcome page (the home page's aliases in the other languages stay)
    Page.objects.filter(depth=2).exclude(translation_key=home.translation_key).delete()

    def index(model, title, slug):
        return home.add_child(
            instance=model(title=title, slug=slug, locale=locales["de"], show_in_menus=True)
        )

    indexes = (
        index(OrganisationIndexPage, "Organisationen", "organisationen"),
        index(EventIndexPage, "Veranstaltungen", "veranstaltungen"),
        index(NewsIndexPage, "Aktuelles", "aktuelles"),
        index(GuidanceIndexPage, "Handreichungen", "handreichungen"),
    )
    result = Tree(locales, home, indexes)
    result.ar_home = result.translate(home, "ar", title="الصفحة الرئيسية", intro="أهلاً وسهلاً")
    return result


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


def build_one_of_each(tree):
    image, document = make_image("Gruppenfoto"), make_document()
    person = make_contact(photo=image, phone="0521 123456", email="erika@example.org")
    bildung = make_term(FieldOfAction, "Bildung", tr="Eğitim", ar="تعليم")
    frauen = make_term(TargetGroup, "Frauen", ar="نساء")
    turkish = make_term(SpokenLanguage, "Türkisch")
    mitte = make_term(District, "Mitte")
    organisation = tree.organisation(
        "Elternverein Mitte",
        logo=image,
        body=rich_body(image, document, person),
        fields_of_action=[bildung],
        target_groups=[frauen],
        languages=[turkish],
        district=mitte,
        street="Marktplatz 1",
        postcode="12345",
        city="Mittelstadt",
        is_member=True,
        member_since=2015,
        contact_persons=[OrganisationContact(person=person)],
        links=[OrganisationLink(label="Instagram", url="https://example.org/elternverein")],
    )
    committee = Committee.objects.create(
        name="Integrationsrat",
        kind=make_term(CommitteeKind, "Beirat"),
        locale=tree.locales["de"],
    )
    committee.members.add(organisation)
    committee.save()
    funding = FundingNote.objects.create(
        title="AMIF", text="Kofinanziert von der EU.", logo=image, locale=tree.locales["de"]
    )
    event = tree.event(
        "Interkulturelles Frühstück",
        dates=((5,), (40,), (-30,)),
        image=image,
        image_alt="Ein gedeckter Frühstückstisch",
        background="<p>Hintergrund</p>",
        target_groups=[frauen],
        languages=[turkish],
        organiser=organisation,
        funding_note=funding,
        venue_name="Bürgerhaus",
        accessibility="Stufenlos erreichbar",
        body=rich_body(image, document, person),
    )
    news = tree.news_item(
        "Gemeinsame Pressemitteilung",
        kind=NewsPage.Kind.PRESS_RELEASE,
        categories=[make_term(NewsCategory, "Presse", ar="صحافة")],
        lead_image=image,
        lead_image_alt="Der Vorstand vor dem Rathaus",
        lead_image_caption="Vorstand",
        lead_image_credit="Verein",
        body=rich_body(image, document, person),
        partner_organisations=[organisation],
        press_contact=person,
    )
    guidance = tree.guidance_page(
        "Vereinsgründung",
        kind=GuidancePage.Kind.METHOD,
        body=rich_body(image, document, person),
        topics=[make_term(GuidanceTopic, "Vereinsarbeit")],
        last_reviewed=timezone.localdate(),
        contact_persons=[GuidanceContact(person=person)],
    )
    return {
        "HomePage": tree.home,
        "StandardPage": tree.standard("Über uns", body=rich_body(image, document, person)),
        "OrganisationIndexPage": tree.organisations,
        "OrganisationPage": organisation,
        "EventIndexPage": tree.events,
        "EventPage": event,
        "NewsIndexPage": tree.news,
        "NewsPage": news,
        "GuidanceIndexPage": tree.guidance,
        "GuidancePage": guidance,
        "EventSubmissionPage": tree.add(
            tree.events,
            EventSubmissionPage(
                title="Veranstaltung melden",
                intro="<p>Melden Sie Ihre Veranstaltung.</p>",
                confirmation_text="<p>Danke!</p>",
            ),
        ),
        "FormPage": tree.add(
            tree.home,
            FormPage(
                title="Anmeldung",
                intro="<p>Melden Sie Ihren Verein an.</p>",
                thank_you_text="<p>Danke!</p>",
                to_address="redaktion@example.org",
                subject="Anmeldung",
                confirmation_text="Danke für Ihre Anmeldung.",
                form_fields=[
                    FormField(label="Name des Vereins", field_type="singleline"),
                    FormField(label="E-Mail", field_type="email"),
                    FormField(label="Art", field_type="dropdown", choices="Verein\nInitiative"),
                ],
            ),
        ),
    }


PAGE_TYPES = [
    "HomePage",
    "StandardPage",
    "OrganisationIndexPage",
    "OrganisationPage",
    "EventIndexPage",
    "EventPage",
    "NewsIndexPage",
    "NewsPage",
    "GuidanceIndexPage",
    "GuidancePage",
    "EventSubmissionPage",
    "FormPage",
]


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


SHARED = SharedData()  # after the builders it names
