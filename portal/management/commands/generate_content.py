"""manage.py generate_content --pages N: a large, reproducible site to measure.

Adds N German pages (organisations, news, events and guidance in turn, with
taxonomy labels, dates and organisers drawn from a seeded random generator)
below the sections of the default Site's German home page, creating the home
page and sections where they are missing, then gives every page an alias in
every other language (wagtail-localize's tree synchronisation). The same seed
gives the same site. For benchmarks and load tests; never on a production
database.
"""

import datetime as dt
import random
import time

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page, Site
from wagtail_localize.synctree import synchronize_tree

from events.models import EventIndexPage, EventOccurrence, EventPage
from guidance.models import GuidanceIndexPage, GuidancePage, GuidanceTopic
from home.models import FieldOfAction, HomePage, TargetGroup
from home.signals import invalidation_paused
from locales.languages import DEFAULT_LANGUAGE, LANGUAGES
from news.models import NewsCategory, NewsIndexPage, NewsPage
from organisations.models import OrganisationIndexPage, OrganisationPage

WORDS = [
    "Eltern",
    "Jugend",
    "Frauen",
    "Sport",
    "Kultur",
    "Bildung",
    "Arbeit",
    "Gesundheit",
    "Nachbarschaft",
    "Sprache",
    "Beratung",
    "Begegnung",
    "Netzwerk",
    "Garten",
    "Musik",
    "Theater",
    "Kochen",
    "Lernen",
    "Zukunft",
    "Heimat",
]
SECTIONS = (
    (OrganisationIndexPage, "Organisationen", "organisationen"),
    (EventIndexPage, "Veranstaltungen", "veranstaltungen"),
    (NewsIndexPage, "Aktuelles", "aktuelles"),
    (GuidanceIndexPage, "Handreichungen", "handreichungen"),
)
TERMS = {
    FieldOfAction: ("Bildung", "Sport", "Kultur", "Arbeit"),
    TargetGroup: ("Jugendliche", "Frauen", "Familien"),
    NewsCategory: ("Presse", "Projekte"),
    GuidanceTopic: ("Vereinsarbeit", "Förderung"),
}


class Command(BaseCommand):
    help = "Add N seeded German pages with aliases in every language (for benchmarks)."

    def add_arguments(self, parser):
        parser.add_argument("--pages", type=int, required=True, help="German pages to add.")
        parser.add_argument("--seed", type=int, default=42)
        parser.add_argument(
            "--no-aliases", action="store_true", help="Leave out the other languages."
        )

    def handle(self, *args, pages, seed, no_aliases, **options):
        started = time.monotonic()
        rng = random.Random(seed)  # noqa: S311 (reproducible content, not secrets)
        german = Locale.objects.get_or_create(language_code=DEFAULT_LANGUAGE)[0]
        with invalidation_paused(), transaction.atomic():
            home = self.home(german)
            sections = [self.section(home, *section) for section in SECTIONS]
            terms = {model: self.terms(model, names, german) for model, names in TERMS.items()}
            self.organisers = list(OrganisationPage.objects.filter(locale=german).order_by("pk"))
            makers = (self.organisation, self.event, self.news_item, self.guidance_page)
            first = Page.objects.filter(depth__gt=3, locale=german).count()  # a second run adds
            for number in range(first, first + pages):
                kind = number % len(makers)
                makers[kind](sections[kind], number, rng, terms, german)
        if not no_aliases:
            with invalidation_paused():
                self.aliases(german)
        total = Page.objects.filter(depth__gte=2).count()
        self.stdout.write(
            self.style.SUCCESS(
                f"{pages} German pages added in {time.monotonic() - started:.0f} s; "
                f"the site has {total} pages in all languages."
            )
        )

    # Structure ------------------------------------------------------------------

    def aliases(self, german):
        for language in LANGUAGES:
            locale = Locale.objects.get_or_create(language_code=language.code)[0]
            if locale != german:
                synchronize_tree(german, locale)

    def home(self, german):
        site = Site.objects.get(is_default_site=True)
        root = site.root_page.specific
        if isinstance(root, HomePage) and root.locale_id == german.id:
            return root
        home = Page.get_first_root_node().add_child(
            instance=HomePage(title="Startseite", slug="start", locale=german)
        )
        site.root_page = home
        site.save()
        if type(root) is Page and root.is_leaf():
            root.delete()  # Wagtail's welcome page of a fresh database
        return home

    def section(self, home, model, title, slug):
        found = model.objects.child_of(home).first()
        if found is not None:
            return found
        return home.add_child(
            instance=model(title=title, slug=slug, locale=home.locale, show_in_menus=True)
        )

    def terms(self, model, names, german):
        return [
            model.objects.get_or_create(slug=name.lower(), locale=german, defaults={"name": name})[
                0
            ]
            for name in names
        ]

    # Pages ----------------------------------------------------------------------

    def add(self, parent, page, number):
        page.locale = parent.locale
        page.slug = f"{page.slug}-{number}"
        return parent.add_child(instance=page)

    def title(self, rng, number):
        return f"{' '.join(rng.sample(WORDS, 2))} {number}"

    def organisation(self, parent, number, rng, terms, german):
        page = OrganisationPage(
            title=f"Verein {self.title(rng, number)}",
            slug="verein",
            summary=rng.choice(WORDS),
            fields_of_action=rng.sample(terms[FieldOfAction], 2),
            target_groups=rng.sample(terms[TargetGroup], 1),
        )
        self.organisers.append(self.add(parent, page, number))

    def event(self, parent, number, rng, terms, german):
        start = timezone.now().replace(minute=0, second=0, microsecond=0)
        start += dt.timedelta(days=rng.randint(-60, 300), hours=rng.randint(0, 12))
        organiser = rng.choice(self.organisers) if self.organisers else None
        page = EventPage(
            title=f"Treffen {self.title(rng, number)}",
            slug="treffen",
            teaser=rng.choice(WORDS),
            organiser=organiser,
            occurrences=[EventOccurrence(start=start, end=start + dt.timedelta(hours=2))],
        )
        self.add(parent, page, number)

    def news_item(self, parent, number, rng, terms, german):
        page = NewsPage(
            title=f"Meldung {self.title(rng, number)}",
            slug="meldung",
            teaser=rng.choice(WORDS),
            date=timezone.localdate() - dt.timedelta(days=rng.randint(0, 730)),
            categories=rng.sample(terms[NewsCategory], 1),
        )
        self.add(parent, page, number)

    def guidance_page(self, parent, number, rng, terms, german):
        page = GuidancePage(
            title=f"Handreichung {self.title(rng, number)}",
            slug="hilfe",
            intro=rng.choice(WORDS),
            topics=rng.sample(terms[GuidanceTopic], 1),
        )
        self.add(parent, page, number)
