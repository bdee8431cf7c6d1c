"""Side by side with wagtail/bakerydemo: CPU and queries per page, cold and cached, in one run.

Each site runs benchmarks/request_probe.py in its own process, interpreter and settings
(production settings, PostgreSQL, Redis); the rounds interleave (portal, bakerydemo,
portal, …) so that whatever else the machine does weighs on both alike. Each figure is
the median over ROUNDS rounds of each round's median. Goals (issue 15): cold, at most
0.7 times bakerydemo's nearest page; cached, at most bakerydemo's per-site cache.

Setup (once; bakerydemo needs its own virtualenv, the same Wagtail and Django as ours):

    git clone https://github.com/wagtail/bakerydemo /tmp/bakerydemo
    python3 -m venv /tmp/bakery-venv
    /tmp/bakery-venv/bin/pip install django==5.2.19 wagtail==7.4.4 'django-csp<4' \\
        dj-database-url python-dotenv 'wagtail-font-awesome-svg<2' 'django-debug-toolbar<5' \\
        'django-extensions<5' 'psycopg[binary]' django-redis whitenoise
    createdb bakery; createdb portal_cmp
    (cd /tmp/bakerydemo && DJANGO_SETTINGS_MODULE=bakerydemo.settings.production \\
        DJANGO_SECRET_KEY=x DATABASE_URL=postgres://postgres@127.0.0.1:5432/bakery sh -c \\
        '/tmp/bakery-venv/bin/python manage.py migrate && \\
         /tmp/bakery-venv/bin/python manage.py load_initial_data && \\
         /tmp/bakery-venv/bin/python manage.py collectstatic --noinput')
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_cmp sh -c \\
        '.venv/bin/python manage.py migrate && .venv/bin/python manage.py load_demo_content'
    DJANGO_SETTINGS_MODULE=portal.settings.production SECRET_KEY=<50 characters> \\
        ALLOWED_HOSTS=testserver .venv/bin/python manage.py collectstatic --noinput

Run:

    BAKERYDEMO=/tmp/bakerydemo BAKERYDEMO_PYTHON=/tmp/bakery-venv/bin/python \\
        .venv/bin/python benchmarks/bakerydemo_compare.py [ROUNDS, default 3]
"""

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROBE = HERE / "request_probe.py"
DATABASE = "postgres://postgres@127.0.0.1:5432/"
REDIS = "redis://127.0.0.1:6379"

ORGANISATION = "first:organisations.OrganisationPage"
LOCATION = "first:locations.LocationPage"

# (row, our page, bakerydemo's nearest page)
PAIRS = [
    ("home", "/de/", "/"),
    ("home, Arabic", "/ar/", "/"),
    ("news index / blog index", "/de/aktuelles/", "/blog/"),
    ("news page / blog page", "first:news.NewsPage:de", "first:blog.BlogPage"),
    ("news page, Arabic / blog page", "first:news.NewsPage:ar", "first:blog.BlogPage"),
    (
        "organisation / location",
        "first:organisations.OrganisationPage:de",
        "first:locations.LocationPage",
    ),
    (
        "organisation, Arabic / location",
        "first:organisations.OrganisationPage:ar",
        "first:locations.LocationPage",
    ),
    ("event page / bread page", "first:events.EventPage:de", "first:breads.BreadPage"),
    ("search / search", "/de/search/?q=Verein", "/search/?q=bread"),
]


def sites():
    portal = {
        "cwd": HERE.parent,
        "python": sys.executable,
        "env": {
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": "benchmark-only-" + "x" * 50,
            "ALLOWED_HOSTS": "testserver",
            "DATABASE_URL": os.environ.get("PORTAL_DATABASE_URL", DATABASE + "portal_cmp"),
            "REDIS_URL": f"{REDIS}/5",
        },
        "pages": {row: ours for row, ours, _ in PAIRS},
    }
    bakerydemo = {
        "cwd": Path(os.environ["BAKERYDEMO"]),
        "python": os.environ["BAKERYDEMO_PYTHON"],
        "env": {
            "DJANGO_SETTINGS_MODULE": "bakerydemo.settings.production",
            "DJANGO_SECRET_KEY": "benchmark-only",
            "DJANGO_ALLOWED_HOSTS": "testserver",
            "DATABASE_URL": os.environ.get("BAKERYDEMO_DATABASE_URL", DATABASE + "bakery"),
        },
        "pages": {row: theirs for row, _, theirs in PAIRS},
    }
    return portal, bakerydemo


# Django's per-site cache around bakerydemo's production settings (it ships none).
PER_SITE_CACHE = """
from bakerydemo.settings.production import *  # noqa: F403
MIDDLEWARE = [
    "django.middleware.cache.UpdateCacheMiddleware",
    *MIDDLEWARE,  # noqa: F405
    "django.middleware.cache.FetchFromCacheMiddleware",
]
CACHE_MIDDLEWARE_SECONDS = 600
"""


def probe(site, mode, repeat=30, settings_dir=None):
    env = {**os.environ, **site["env"]}
    if settings_dir:  # bakerydemo with the per-site cache, in Redis
        env.update(
            PYTHONPATH=settings_dir,
            DJANGO_SETTINGS_MODULE="bakerydemo_per_site_cache",
            REDIS_URL=REDIS,
        )
    request = json.dumps({"pages": site["pages"], "mode": mode, "repeat": repeat})
    done = subprocess.run(  # noqa: S603 (the interpreters the operator named)
        [site["python"], str(PROBE)],
        input=request,
        capture_output=True,
        text=True,
        cwd=site["cwd"],
        env=env,
        check=False,
    )
    if done.returncode:
        sys.exit(f"{site['cwd']}: the probe failed\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.splitlines()[-1])


def median_of(rounds, row, key):
    return statistics.median(answer[row][key] for answer in rounds)


def main():
    rounds_wanted = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    portal, bakerydemo = sites()
    runs = {"ours cold": [], "ours cached": [], "bakerydemo": [], "bakerydemo cached": []}
    settings_dir = tempfile.mkdtemp()
    Path(settings_dir, "bakerydemo_per_site_cache.py").write_text(PER_SITE_CACHE)
    for number in range(rounds_wanted):
        print(f"round {number + 1} of {rounds_wanted} …", file=sys.stderr)
        runs["ours cold"].append(probe(portal, "cold"))
        runs["bakerydemo"].append(probe(bakerydemo, "cold"))
        runs["ours cached"].append(probe(portal, "cached", repeat=300))
        runs["bakerydemo cached"].append(probe(bakerydemo, "cached", 300, settings_dir))
    print(
        "| page (ours / bakerydemo) | ours cold: ms, queries | bakerydemo, no page cache "
        "| ratio (goal ≤ 0.7) | ours cached | bakerydemo, per-site cache | ratio (goal ≤ 1) |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for row, _, _ in PAIRS:
        ours = median_of(runs["ours cold"], row, "cpu_ms")
        theirs = median_of(runs["bakerydemo"], row, "cpu_ms")
        cached = median_of(runs["ours cached"], row, "cpu_ms")
        theirs_cached = median_of(runs["bakerydemo cached"], row, "cpu_ms")
        print(
            f"| {row} | {ours:.1f} ms, {median_of(runs['ours cold'], row, 'queries'):.0f} q "
            f"| {theirs:.1f} ms, {median_of(runs['bakerydemo'], row, 'queries'):.0f} q "
            f"| {ours / theirs:.2f} | {cached:.2f} ms, "
            f"{median_of(runs['ours cached'], row, 'queries'):.0f} q "
            f"| {theirs_cached:.2f} ms | {cached / theirs_cached:.2f} |"
        )


if __name__ == "__main__":
    main()
