"""The German site tree the tests build on, and the content helpers that fill it.

``build_tree`` makes what the ``tree`` fixture holds (tests/conftest.py):

- a Wagtail Locale for every language in locales.languages.LANGUAGES,
- the German HomePage as the default Site's root (Wagtail's welcome page is gone),
- the four index pages below it (organisations, events, news, guidance),
- a real Arabic translation of the home page,

with helpers that add pages (``tree.organisation(...)``, ``tree.event(...)``, …) and
translate them (``tree.translate(page, "ar", title=...)``). Every page gets its aliases in
every language when it is created (locales.aliases); ``tree.sync("ar")`` repairs what a
test deleted. ``build_one_of_each`` adds one filled page of every page type (PAGE_TYPES).
"""

import datetime
from io import BytesIO

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image as PILImage
from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

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

# --------------------------------------------------------------------------- content helpers


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


# --------------------------------------------------------------------------- builders


def ensure_locales():
    return {
        language.code: Locale.objects.get_or_create(language_code=language.code)[0]
        for language in LANGUAGES
    }


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
