"""CPU and queries of pages requested in process, for bakerydemo_compare.py.

Imports nothing of either project: it runs inside the project whose directory and
settings it is started with (its own interpreter, DJANGO_SETTINGS_MODULE, DATABASE_URL),
reads a JSON request from stdin and prints a JSON answer:

    {"pages": {"name": "/url/" or "first:app_label.Model[:language]"},
     "mode": "cold" | "cached", "repeat": 30}
    -> {"name": {"url": …, "cpu_ms": median, "queries": median}}

"cold" empties every cache before each request (the page, fragment and rendition caches
of either site); "cached" requests each page once first and measures the requests after.
Requests go through the whole middleware stack with Django's test client, over https.
"""

import json
import os
import statistics
import sys
import time

import django

sys.path.insert(0, os.getcwd())
django.setup()

from django.apps import apps  # noqa: E402
from django.core.cache import caches  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402


def resolve(target):
    """A URL, or the first live page of a model (in a language), by tree order."""
    if not target.startswith("first:"):
        return target
    model_name, _, language = target.removeprefix("first:").partition(":")
    pages = apps.get_model(model_name).objects.live().order_by("path")
    if language:
        pages = pages.filter(locale__language_code=language)
    return pages.first().url


def empty_caches():
    for cache in caches.all():
        cache.clear()


def measure(client, url, mode, repeat):
    response = client.get(url, secure=True)
    assert response.status_code == 200, (url, response.status_code)
    samples, counts = [], []
    for _ in range(repeat):
        if mode == "cold":
            empty_caches()
        with CaptureQueriesContext(connection) as queries:
            start = time.process_time()
            client.get(url, secure=True)
            samples.append((time.process_time() - start) * 1000)
        counts.append(len(queries))
    return {"url": url, "cpu_ms": statistics.median(samples), "queries": statistics.median(counts)}


def main():
    request = json.load(sys.stdin)
    setup_test_environment()  # the test client's host (testserver) is allowed
    client = Client()
    answer = {
        name: measure(client, resolve(target), request["mode"], request["repeat"])
        for name, target in request["pages"].items()
    }
    json.dump(answer, sys.stdout)


if __name__ == "__main__":
    main()
