"""Every page type at scale: queries and CPU, cold and warm, as the site grows.

    .venv/bin/python benchmarks/site_scale.py [N ...]        (default: 1000 10000)
    BENCHMARK_DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench \\
        .venv/bin/python benchmarks/site_scale.py 1000 10000 100000
    BENCHMARK_DATABASE_URL=… .venv/bin/python benchmarks/site_scale.py --as-is

--as-is measures a site already built (e.g. by `manage.py generate_content --pages
100000` run on its own), adding nothing.

Grows one site with generate_content to each N German pages (each with aliases in
every language of locales/languages.py) and prints the time the generator took, then
one table: for home, each index with and without a filter, one page of each type (and
an Arabic alias), search, the sitemap and the feeds, the queries and CPU milliseconds
(process time, median) of a cold request (every cache emptied: whole pages, fragments,
navigation, site root paths) and of a warm one (the whole-page cache), and the cold
request's wall milliseconds (which add the database server's work, e.g. a search's
scan, and the waiting on a busy machine). Issue 15's goals:
cold ≤ 12 queries, the same at every N; CPU growing no worse than logarithmically.
Without BENCHMARK_DATABASE_URL the site lives in a throw-away SQLite file; a
PostgreSQL database given there must be empty (it is migrated here).
"""

import logging
import os
import statistics
import sys
import tempfile
import time
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
os.environ["DATABASE_URL"] = os.environ.get("BENCHMARK_DATABASE_URL") or (
    f"sqlite:///{Path(tempfile.mkdtemp(prefix='portal-scale-')) / 'scale.sqlite3'}"
)

import django  # noqa: E402

django.setup()
logging.getLogger("wagtail").setLevel(logging.WARNING)  # no line per page created

from django.core.cache import caches  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from wagtail.models import Page  # noqa: E402

from events.models import EventPage  # noqa: E402
from guidance.models import GuidancePage  # noqa: E402
from news.models import NewsPage  # noqa: E402
from organisations.models import OrganisationPage  # noqa: E402
from portal.sitemaps import PageSitemap  # noqa: E402

COLD_REPEAT, WARM_REPEAT = 5, 20


def urls():
    """The measured addresses, by row name."""

    def first(model, code="de"):
        return model.objects.filter(locale__language_code=code).order_by("pk").first().url

    return {
        "home": "/de/",
        "home (ar)": "/ar/",
        "directory": "/de/organisationen/",
        "directory ?field=sport": "/de/organisationen/?field=sport",
        "events index": "/de/veranstaltungen/",
        "events ?target_group=": "/de/veranstaltungen/?target_group=frauen",
        "news index": "/de/aktuelles/",
        "news ?category=presse": "/de/aktuelles/?category=presse",
        "guidance index": "/de/handreichungen/",
        "guidance ?topic=": "/de/handreichungen/?topic=vereinsarbeit",
        "organisation": first(OrganisationPage),
        "organisation (ar alias)": first(OrganisationPage, "ar"),
        "event": first(EventPage),
        "news item": first(NewsPage),
        "guidance page": first(GuidancePage),
        "search ?q=Sport": "/de/search/?q=Sport",
        "search ?q=Sport page 3": "/de/search/?q=Sport&page=3",
        "sitemap index": "/sitemap.xml",
        "sitemap page 1": "/sitemap-pages.xml",
        "sitemap page (last)": f"/sitemap-pages.xml?p={last_sitemap()}",
        "news feed (RSS)": "/de/feeds/news.rss",
        "calendar (ics)": "/de/calendar/events.ics",
        "calendar (ar)": "/ar/calendar/events.ics",
        "calendar ?organiser=": f"/de/calendar/events.ics?organiser={busiest_organiser()}",
        "one event (ics)": f"/de/calendar/event-{event_id()}.ics",
    }


def last_sitemap():
    real = Page.objects.live().filter(depth__gte=2, alias_of__isnull=True).count()
    return max(1, -(-real // PageSitemap.limit))


def busiest_organiser():
    """The slug of the German organisation with the most events."""
    top = (
        EventPage.objects.filter(locale__language_code="de", organiser__isnull=False)
        .values("organiser__slug")
        .annotate(events=Count("pk"))
        .order_by("-events")
        .first()
    )
    return top["organiser__slug"] if top else ""


def event_id():
    return EventPage.objects.filter(locale__language_code="de").order_by("pk").first().pk


def clear_caches():
    for cache in caches.all():
        cache.clear()


def measure(client, url, cold):
    """(queries, median CPU ms, median wall ms) of requests for url, each cold or each warm.

    CPU is this process's (Python); wall adds the database's own work (on PostgreSQL a
    separate process), e.g. a full-text search's scan."""
    cpu, wall, queries = [], [], 0
    client.get(url)  # rows made on first use (renditions) exist before counting
    for _ in range(COLD_REPEAT if cold else WARM_REPEAT):
        if cold:
            clear_caches()
        start, started = time.process_time(), time.perf_counter()
        with CaptureQueriesContext(connection) as context:
            response = client.get(url)
        cpu.append((time.process_time() - start) * 1000)
        wall.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        queries = len(context.captured_queries)
    return queries, statistics.median(cpu), statistics.median(wall)


def grow(pages, have):
    """Add German pages (with aliases) up to pages; the generator's wall and CPU seconds."""
    wall, cpu = time.monotonic(), time.process_time()
    call_command("generate_content", pages=pages - have, seed=pages, stdout=StringIO())
    return time.monotonic() - wall, time.process_time() - cpu


def main():
    as_is = "--as-is" in sys.argv
    sizes = [int(arg) for arg in sys.argv[1:] if arg != "--as-is"] or [1000, 10000]
    if as_is:
        sizes = [Page.objects.filter(locale__language_code="de", depth__gt=3).count()]
    else:
        call_command("migrate", verbosity=0)
    client, results, have = Client(), {}, 0
    for size in sizes:
        if not as_is:
            wall, cpu = grow(size, have)
            have = size
        total = Page.objects.count()
        if as_is:
            print(f"N={size}: measured as built; {total} pages in all")
        else:
            print(f"N={size}: generated in {wall:.0f} s ({cpu:.0f} s CPU); {total} pages in all")
        for name, url in urls().items():
            results.setdefault(name, {})[size] = (
                measure(client, url, True),
                measure(client, url, False),
            )
    print_table(sizes, results)


def print_table(sizes, results):
    head = "".join(f"{f'N={size:,}':>42}" for size in sizes)
    print(f"\n{'':<26}{head}")
    columns = f"{'cold q':>8}{'cold ms':>9}{'wall ms':>9}{'warm q':>8}{'warm ms':>8}"
    print(f"{'page':<26}{columns * len(sizes)}")
    for name, by_size in results.items():
        cells = "".join(
            f"{cq:>8}{cms:>9.1f}{cwall:>9.1f}{wq:>8}{wms:>8.2f}"
            for (cq, cms, cwall), (wq, wms, _wall) in by_size.values()
        )
        print(f"{name:<26}{cells}")


if __name__ == "__main__":
    main()
