"""The whole-page cache: how many pages stay warm after one publish, and what a hit costs.

    .venv/bin/python benchmarks/page_cache.py [PAGES]

Builds a site with generate_content (PAGES German pages, 80 by default, with aliases
in every language), requests every page once (warm), publishes
one news item and requests every page again: prints how many were served from the
cache (goal: at least 95 %). Then, in the same process and through the same
middleware, the CPU time of a cached page against a bare Django view that returns a
string from the cache (goal: at most 1.2 times), and queries and CPU of each page
type cold (every cache tag bumped) and warm.
"""

import statistics
import sys
import time
from io import StringIO

import german_site  # noqa: F401 (sets up Django on a throw-away database)
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.http import HttpResponse
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import path
from wagtail.models import Page

from home.cache import ALL, bump
from locales.languages import LANGUAGES
from news.models import NewsPage
from organisations.models import OrganisationPage
from portal import urls as portal_urls

REPEAT = 300


def bare_view(request):
    return HttpResponse(cache.get("bare-string"))


urlpatterns = [path("bare/", bare_view), *portal_urls.urlpatterns]


def build(pages):
    """Migrate, then the seeded site of generate_content: pages German pages, aliased."""
    call_command("migrate", verbosity=0)
    call_command("generate_content", pages=pages, stdout=StringIO())
    return list(NewsPage.objects.filter(locale__language_code="de").order_by("pk"))


def served(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.get("X-Page-Cache") == "hit"


def cpu_ms(client, url):
    client.get(url)
    samples = []
    for _ in range(REPEAT):
        start = time.process_time()
        client.get(url)
        samples.append((time.process_time() - start) * 1000)
    return statistics.median(samples)


def cold_and_warm(client, url):
    bump([ALL])
    start = time.process_time()
    with CaptureQueriesContext(connection) as cold:
        client.get(url)
    cold_ms = (time.process_time() - start) * 1000
    with CaptureQueriesContext(connection) as warm:
        client.get(url)
    return len(cold), cold_ms, len(warm)


def main():
    pages = int(sys.argv[1]) if len(sys.argv) > 1 else 80
    started = time.monotonic()
    items = build(pages)
    urls = [page.url for page in Page.objects.live().filter(depth__gte=2).specific()]
    urls = [url for url in urls if url]
    print(
        f"site: {len(urls)} pages in {len(LANGUAGES)} languages "
        f"(built in {time.monotonic() - started:.0f} s)"
    )
    client = Client()
    for url in urls:
        client.get(url)
    before = sum(served(client, url) for url in urls)
    item = NewsPage.objects.get(pk=items[0].pk)
    item.title = "Meldung mit neuem Titel"
    item.save_revision().publish()
    after = sum(served(client, url) for url in urls)
    print(f"warm before the publish: {before}/{len(urls)}")
    print(
        f"warm after publishing one news item: {after}/{len(urls)} = {after / len(urls):.1%} "
        f"({len(urls) - after} rendered again; goal ≥ 95 %)"
    )

    with override_settings(ROOT_URLCONF=__name__):
        cache.set("bare-string", "x" * 4000, None)
        page_url = OrganisationPage.objects.filter(locale__language_code="de").first().url
        cached = cpu_ms(client, page_url)
        bare = cpu_ms(client, "/bare/")
    print(
        f"CPU per request, median of {REPEAT}: cached page {cached:.2f} ms, bare Django view "
        f"returning a cached string {bare:.2f} ms: ratio {cached / bare:.2f} (goal ≤ 1.2)"
    )

    print(f"\n{'page':<28}{'cold queries':>13}{'cold ms':>9}{'warm queries':>13}")
    samples = {"home": "/de/", "organisation": page_url, "news item": items[1].url}
    samples |= {"news index": "/de/aktuelles/", "events index": "/de/veranstaltungen/"}
    samples |= {"directory": "/de/organisationen/", "search": "/de/search/?q=Meldung"}
    samples |= {"sitemap": "/sitemap-pages.xml", "news feed": "/de/feeds/news.rss"}
    samples |= {"calendar": "/de/calendar/events.ics"}
    for name, url in samples.items():
        queries, ms, warm = cold_and_warm(client, url)
        print(f"{name:<28}{queries:>13}{ms:>9.1f}{warm:>13}")


if __name__ == "__main__":
    main()
