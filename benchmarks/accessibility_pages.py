"""What the § 4 pages cost to render (issue 18): the start page with its sign language video
and links to Leichte Sprache, a text in Leichte Sprache, a German page and its Arabic
alias (with last updated and share links), and search results with their language
switcher. Every request is rendered cold: all caches are emptied before it.

Needs a database with the demo content; run it with

    export DATABASE_URL=sqlite:////tmp/demo.sqlite3
    .venv/bin/python manage.py migrate && .venv/bin/python manage.py load_demo_content
    .venv/bin/python benchmarks/accessibility_pages.py [runs, default 5]
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
os.environ.setdefault("PAGE_CACHE_SECONDS", "0")

import django  # noqa: E402

django.setup()

from django.core.cache import caches  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

URLS = [
    "/de/",
    "/ar/",
    "/de-x-ls/",
    "/de-x-ls/was-bietet-dieses-portal/",
    "/de/was-bietet-dieses-portal/",
    "/fa/was-bietet-dieses-portal/",
    "/de/search/?q=Verein",
]


def measure(client, url, runs):
    times, queries = [], 0
    for _ in range(runs):
        for cache in caches.all():
            cache.clear()
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
        queries = len(captured)
    return statistics.median(times) * 1000, queries, len(response.content)


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    client = Client(SERVER_NAME="127.0.0.1")
    print(f"{'page':42} {'ms (median)':>12} {'queries':>8} {'KB':>6}")
    for url in URLS:
        ms, queries, size = measure(client, url, runs)
        print(f"{url:42} {ms:12.1f} {queries:8d} {size / 1024:6.1f}")


if __name__ == "__main__":
    main()
