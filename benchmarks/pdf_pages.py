"""PDFs of pages (syndication/pdf.py): CPU time and size of each, made and from the cache.

    .venv/bin/python benchmarks/pdf_pages.py [REPEAT]

Loads the demo portal on a throw-away database, then asks for the PDF of the first news,
event and guidance page in German and Arabic through the full middleware stack: REPEAT
times with the whole-page cache off (each one made by WeasyPrint; median CPU time of the
process, which is where WeasyPrint runs), and REPEAT times with the cache on after one
miss (a hit). Also prints each PDF's size and pages, and the CPU time of the HTML page
itself for comparison. Goal: a made PDF under 1 s of CPU; a hit within a few ms.
"""

import statistics
import sys
import time
from io import BytesIO, StringIO

import german_site  # noqa: F401 (sets up Django on a throw-away database)
from django.core.management import call_command
from django.test import Client
from django.test.utils import override_settings
from pypdf import PdfReader

from events.models import EventPage
from guidance.models import GuidancePage
from news.models import NewsPage

LANGUAGES = ("de", "ar")


def first_pages():
    pages = []
    for model in (NewsPage, EventPage, GuidancePage):
        for code in LANGUAGES:
            page = model.objects.live().filter(locale__language_code=code).order_by("path")[0]
            pages.append((model.__name__, code, page.url))
    return pages


def cpu_ms(client, url, repeat):
    samples = []
    for _ in range(repeat):
        start = time.process_time()
        response = client.get(url)
        samples.append((time.process_time() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(samples), response


def main(repeat):
    call_command("migrate", verbosity=0)
    call_command("load_demo_content", stdout=StringIO(), stderr=StringIO())
    client = Client(HTTP_USER_AGENT="Mozilla/5.0 benchmark")
    print(f"{'page':<14}{'lang':<6}{'html ms':>9}{'pdf ms':>9}{'hit ms':>9}{'KiB':>7}{'pages':>7}")
    made = []
    for name, code, url in first_pages():
        pdf_url = url.rstrip("/") + ".pdf"
        with override_settings(PAGE_CACHE_SECONDS=0):
            client.get(url)  # imports, first-use caches
            html_ms, _ = cpu_ms(client, url, repeat)
            client.get(pdf_url)
            pdf_ms, response = cpu_ms(client, pdf_url, repeat)
        client.get(pdf_url)  # the miss that stores it
        hit_ms, hit = cpu_ms(client, pdf_url, repeat)
        assert hit["X-Page-Cache"] == "hit"
        size = len(response.content) / 1024
        pages = len(PdfReader(BytesIO(response.content)).pages)
        made.append(pdf_ms)
        print(
            f"{name:<14}{code:<6}{html_ms:>9.1f}{pdf_ms:>9.1f}{hit_ms:>9.2f}{size:>7.0f}{pages:>7}"
        )
    print(f"\nmedian CPU per PDF made: {statistics.median(made):.0f} ms; max {max(made):.0f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
