"""What `load_demo_content` costs (`make run` waits for it): queries, CPU and wall time of a
first run on a fresh, migrated database and of a second run on the same one.

Uses a throw-away SQLite database and media folder, or the DATABASE_URL given (it must be
an empty database: the script migrates it). The goal (issue 16) is under 15 s wall on an
idle machine; wall time on a shared machine says little, so CPU and queries are printed too.

    .venv/bin/python benchmarks/demo_load.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_demo \
        .venv/bin/python benchmarks/demo_load.py
"""

import io
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMP = Path(tempfile.mkdtemp(prefix="portal-demo-load-"))
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.dev"  # as `make run`
os.environ.setdefault("DATABASE_URL", f"sqlite:///{TEMP / 'demo.sqlite3'}")
os.environ["MEDIA_ROOT"] = str(TEMP / "media")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402


def load():
    queries = 0

    def count(execute, *args):
        nonlocal queries
        queries += 1
        return execute(*args)

    cpu, wall = time.process_time(), time.monotonic()
    with connection.execute_wrapper(count):
        call_command("load_demo_content", stdout=io.StringIO())
    return queries, time.process_time() - cpu, time.monotonic() - wall


call_command("migrate", verbosity=0)
print(f"load_demo_content on {connection.vendor}, load average {os.getloadavg()[0]:.1f}")
for run in ("first run", "second run"):
    queries, cpu, wall = load()
    print(f"{run:>10}: {queries:6d} queries, {cpu:5.1f} s CPU, {wall:5.1f} s wall")
