"""manage.py generate_content --pages N: a large, reproducible site to measure.

Adds N German pages (organisations, news, events and guidance in turn, with
taxonomy labels, dates and organisers drawn from a seeded random generator)
below the sections of the default Site's German home page, creating the home
page and sections where they are missing (and their aliases in every language
of locales/languages.py), and gives every new page an alias in every other
language. The pages and aliases are written in bulk, a batch at a time
(portal/bulk_pages.py): 100,000 German pages and their 600,000 aliases in
minutes, not days. The same seed gives the same site. For benchmarks and load
tests; never on a production database.
"""

import datetime as dt
import random
import time

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from events.models import EventDate, EventIndexPage, EventOccurrence, EventPage
from guidance.models import GuidanceIndexPage, GuidancePage, GuidanceTopic
from home.models import FieldOfAction, HomePage, TargetGroup
from home.signals import invalidation_paused
from locales.languages import DEFAULT_LANGUAGE, LANGUAGES
from news.models import NewsCategory, NewsIndexPage, NewsPage
from organisations.models import OrganisationIndexPage, OrganisationPage
from portal.bulk_pages import Parent, Spec, alias_of, analyze, search_entries_deferred, write

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
MODELS = (OrganisationPage, EventPage, NewsPage, GuidancePage, EventOccurrence, EventDate)
BATCH = 2000  # German pages written at a time, with their aliases
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
        locales = [] if no_aliases else self.other_locales(german)
        with invalidation_paused(), search_entries_deferred():
            with transaction.atomic():
                home = self.home(german)
                sections = [self.section(home, *section) for section in SECTIONS]
                # Each section in every language: parents of the aliases below.
                parents = [
                    [Parent(page)] + [Parent(self.in_locale(page, locale)) for locale in locales]
                    for page in sections
                ]
                terms = {model: self.terms(model, names, german) for model, names in TERMS.items()}
            self.organisers = list(
                OrganisationPage.objects.filter(locale=german).values_list("pk", flat=True)
            )
            first = Page.objects.filter(depth__gt=3, locale=german).count()  # a second run adds
            for batch in range(first, first + pages, BATCH):
                # A transaction a batch: progress survives a stop, locks and memory stay small.
                with transaction.atomic():
                    numbers = range(batch, min(batch + BATCH, first + pages))
                    self.batch(numbers, parents, rng, terms)
                    analyze(MODELS)  # before COMMIT, whose foreign-key checks plan with them
                self.organisers = [
                    spec.page.pk if isinstance(spec, Spec) else spec for spec in self.organisers
                ]
                self.progress(batch + BATCH - first, pages, started)
        total = Page.objects.filter(depth__gte=2).count()
        self.stdout.write(
            self.style.SUCCESS(
                f"{pages} German pages added in {time.monotonic() - started:.0f} s; "
                f"the site has {total} pages in all languages."
            )
        )

    def batch(self, numbers, parents, rng, terms):
        """Write one batch: organisations first (events choose organisers among them)."""
        makers = (self.organisation, self.event, self.news_item, self.guidance_page)
        specs = [
            makers[number % len(makers)](parents[number % len(makers)][0], number, rng, terms)
            for number in numbers
        ]
        organisations = [spec for spec in specs if isinstance(spec.page, OrganisationPage)]
        write(organisations)
        for spec in specs:
            if spec.page.pk is None and getattr(spec.page, "organiser_spec", None):
                spec.page.organiser_id = spec.page.organiser_spec.page.pk
        write([spec for spec in specs if spec.page.pk is None])
        for language in range(1, len(parents[0])):
            write(
                [
                    alias_of(spec, parents[number % len(makers)][language])
                    for number, spec in zip(numbers, specs, strict=True)
                ]
            )

    def progress(self, done, pages, started):
        if done < pages:
            elapsed = time.monotonic() - started
            now = timezone.now().strftime("%H:%M:%S")
            self.stdout.write(f"{now} {done} of {pages} German pages, {elapsed:.0f} s")
            self.stdout.flush()

    # Structure ------------------------------------------------------------------

    def other_locales(self, german):
        return [
            Locale.objects.get_or_create(language_code=language.code)[0]
            for language in LANGUAGES
            if language.code != german.language_code
        ]

    def in_locale(self, page, locale):
        """The page in locale: its translation or alias, made an alias (with its parents)."""
        found = Page.objects.filter(translation_key=page.translation_key, locale=locale).first()
        if found is None:
            found = page.copy_for_translation(locale, copy_parents=True, alias=True)
        return found

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

    def spec(self, parent, page, number, **m2m):
        page.slug = f"{page.slug}-{number}"
        return Spec(page, parent, {name: [t.pk for t in ts] for name, ts in m2m.items()})

    def title(self, rng, number):
        return f"{' '.join(rng.sample(WORDS, 2))} {number}"

    def organisation(self, parent, number, rng, terms):
        page = OrganisationPage(
            title=f"Verein {self.title(rng, number)}",
            slug="verein",
            summary=rng.choice(WORDS),
        )
        spec = self.spec(
            parent,
            page,
            number,
            fields_of_action=rng.sample(terms[FieldOfAction], 2),
            target_groups=rng.sample(terms[TargetGroup], 1),
        )
        self.organisers.append(spec)
        return spec

    def event(self, parent, number, rng, terms):
        start = timezone.now().replace(minute=0, second=0, microsecond=0)
        start += dt.timedelta(days=rng.randint(-60, 300), hours=rng.randint(0, 12))
        organiser = rng.choice(self.organisers) if self.organisers else None
        page = EventPage(title=f"Treffen {self.title(rng, number)}", slug="treffen")
        page.teaser = rng.choice(WORDS)
        if isinstance(organiser, Spec):
            page.organiser_spec = organiser  # written before the events of its batch
        else:
            page.organiser_id = organiser
        spec = self.spec(parent, page, number)
        when = {"start": start, "end": start + dt.timedelta(hours=2)}
        spec.children = {EventOccurrence: [{**when, "sort_order": 0}], EventDate: [when]}
        return spec

    def news_item(self, parent, number, rng, terms):
        page = NewsPage(
            title=f"Meldung {self.title(rng, number)}",
            slug="meldung",
            teaser=rng.choice(WORDS),
            date=timezone.localdate() - dt.timedelta(days=rng.randint(0, 730)),
        )
        return self.spec(parent, page, number, categories=rng.sample(terms[NewsCategory], 1))

    def guidance_page(self, parent, number, rng, terms):
        page = GuidancePage(
            title=f"Handreichung {self.title(rng, number)}",
            slug="hilfe",
            intro=rng.choice(WORDS),
        )
        return self.spec(parent, page, number, topics=rng.sample(terms[GuidanceTopic], 1))
