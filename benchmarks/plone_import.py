"""Benchmark of `manage.py import_plone` on a synthetic collective.exportimport export.

    .venv/bin/python benchmarks/plone_import.py              # 10,000 items
    .venv/bin/python benchmarks/plone_import.py --items 1000 --tracemalloc

It writes an export of N items (folders, documents with internal links, news
items with images, events, some with a repeat rule, images, files, a German
and an English language root folder with translation groups) into a temporary
directory, migrates a throw-away SQLite database there, creates the home page,
imports the export in a separate process and prints items per second and that
process's peak memory (resident set size; with --tracemalloc also the peak of
Python's own allocations, which slows the run down). Nothing outside the
temporary directory is touched.
"""

import argparse
import base64
import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SITE = "http://plone.example:8080/Plone"
SETUP = """
from wagtail.models import Page, Site
from home.factories import HomePageFactory
home = HomePageFactory(parent=Page.get_first_root_node(), title="Startseite", slug="start")
site = Site.objects.get(is_default_site=True)
site.root_page = home
site.save()
Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
"""


def tiny_png():
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (16, 12), "#336699").save(buffer, "PNG")
    return base64.b64encode(buffer.getvalue()).decode()


# ---------------------------------------------------------------------------- the export


class ExportWriter:
    """Writes items one by one into a JSON array file (the generator holds no item list)."""

    def __init__(self, path):
        self.file = open(path, "w", encoding="utf-8")  # noqa: SIM115 - closed in close()
        self.file.write("[\n")
        self.count = 0
        self.png = tiny_png()

    def add(self, item):
        self.file.write((",\n" if self.count else "") + json.dumps(item, ensure_ascii=False))
        self.count += 1

    def close(self):
        self.file.write("\n]\n")
        self.file.close()


def item(uid, portal_type, path, parent_uid, parent_type, title, **fields):
    parent_id = SITE + path.rsplit("/", 1)[0] if parent_uid else SITE
    return {
        "@id": SITE + path,
        "@type": portal_type,
        "UID": uid,
        "id": path.rsplit("/", 1)[1],
        "title": title,
        "description": f"Kurzbeschreibung von {title}.",
        "parent": {"@id": parent_id, "@type": parent_type, "UID": parent_uid},
        "language": "",
        "review_state": "published",
        "created": "2023-01-10T09:00:00+01:00",
        "modified": "2024-05-02T12:30:00+02:00",
        "effective": "2023-01-11T08:00:00+01:00",
        "expires": None,
        **fields,
    }


def text(number, previous_uid, next_path):
    links = f'<a href="resolveuid/{previous_uid}">vorherige Seite</a>' if previous_uid else ""
    return {
        "content-type": "text/html",
        "encoding": "utf-8",
        "data": (
            f"<h2>Abschnitt {number}</h2><p>Ein Absatz mit <strong>Text</strong>, {links} "
            f'und <a href="{SITE}{next_path}">einem Vorwärtslink</a>.</p>'
            "<ul><li>erstens</li><li>zweitens</li></ul><p>Noch ein Absatz.</p>"
        ),
    }


def document(number, folder, previous):
    path = f"/de/{folder}/seite-{number}"
    body = text(number, previous, f"/de/{folder}/seite-{number + 20}")
    parent = f"sec-{folder}"
    return item(f"doc-{number}", "Document", path, parent, "Folder", f"Seite {number}", text=body)


def news_item(number, previous, png):
    image = {"filename": "bild.png", "content-type": "image/png", "data": png}
    return item(
        f"news-{number}",
        "News Item",
        f"/de/aktuelles/meldung-{number}",
        "sec-aktuelles",
        "Folder",
        f"Meldung {number}",
        text=text(number, previous, "/de"),
        subjects=["Presse", f"Thema {number % 7}"],
        image=image if number % 20 == 8 else None,
        image_caption="Foto",
    )


def event(number):
    return item(
        f"event-{number}",
        "Event",
        f"/de/veranstaltungen/termin-{number}",
        "sec-veranstaltungen",
        "Folder",
        f"Termin {number}",
        start="2026-03-03T18:00:00+01:00",
        end="2026-03-03T20:00:00+01:00",
        whole_day=False,
        open_end=False,
        recurrence="RRULE:FREQ=WEEKLY;COUNT=6" if number % 20 == 12 else None,
        location="Bürgerhaus",
        text=text(number, None, "/de"),
    )


def image(number, png):
    value = {"filename": f"bild-{number}.png", "content-type": "image/png", "data": png}
    path = f"/de/bilder/bild-{number}.png"
    return item(
        f"img-{number}", "Image", path, "sec-bilder", "Folder", f"Bild {number}", image=value
    )


def file(number):
    data = base64.b64encode(f"%PDF-1.4 Datei {number}".encode()).decode()
    value = {"filename": f"datei-{number}.pdf", "content-type": "application/pdf", "data": data}
    path = f"/de/themen/datei-{number}.pdf"
    return item(
        f"file-{number}", "File", path, "sec-themen", "Folder", f"Datei {number}", file=value
    )


def generate(path, total):
    """A German tree (sections and topic folders) and English translations of some pages."""
    writer, translations = ExportWriter(path), []
    for code in ("de", "en"):
        writer.add(item(f"lrf-{code}", "LRF", f"/{code}", None, "Plone Site", code, language=code))
    for name in ("aktuelles", "veranstaltungen", "handreichungen", "themen", "bilder"):
        writer.add(item(f"sec-{name}", "Folder", f"/de/{name}", "lrf-de", "LRF", name.title()))
    number, previous = 0, None
    while writer.count < total:
        number += 1
        kind = number % 20
        if kind < 8:
            writer.add(document(number, "handreichungen" if kind < 4 else "themen", previous))
            previous = f"doc-{number}"
            if kind == 0 and writer.count < total:
                english = f"/en/page-{number}"
                body = text(number, None, "/en")
                uid = f"doc-en-{number}"
                writer.add(item(uid, "Document", english, "lrf-en", "LRF", "Page", text=body))
                translations.append({"de": previous, "en": uid})
        elif kind < 12:
            writer.add(news_item(number, previous, writer.png))
        elif kind < 14:
            writer.add(event(number))
        elif kind < 18:
            writer.add(image(number, writer.png))
        else:
            writer.add(file(number))
    writer.close()
    (path.parent / "export_translations.json").write_text(json.dumps(translations))
    return writer.count


# ---------------------------------------------------------------------------- running


def manage(env, *args, stdin=None):
    command = [sys.executable, str(REPO / "manage.py"), *args]
    return subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        command, env=env, input=stdin, text=True, capture_output=True, check=True
    )


def run_import_measured(path, use_tracemalloc):
    """Child process: the import itself, then its peak memory as JSON on the last line."""
    import django

    if use_tracemalloc:
        import tracemalloc

        tracemalloc.start()
    django.setup()
    from django.core.management import call_command

    started = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_SELF)
    cpu_before = before.ru_utime + before.ru_stime
    call_command("import_plone", path, "--no-progress", stdout=sys.stderr)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    result = {
        "seconds": time.perf_counter() - started,
        "cpu_seconds": usage.ru_utime + usage.ru_stime - cpu_before,
        "peak_rss_mib": usage.ru_maxrss / 1024,
    }
    if use_tracemalloc:
        result["tracemalloc_peak_mib"] = tracemalloc.get_traced_memory()[1] / 2**20
    print(json.dumps(result))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--tracemalloc", action="store_true")
    parser.add_argument("--keep", action="store_true", help="Keep the temporary directory.")
    parser.add_argument("--measure", help=argparse.SUPPRESS)  # internal: the child process
    args = parser.parse_args()
    if args.measure:
        sys.path.insert(0, str(REPO))
        run_import_measured(args.measure, args.tracemalloc)
        return
    tmp = Path(tempfile.mkdtemp(prefix="plone-bench-"))
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp / 'db.sqlite3'}",
        "MEDIA_ROOT": str(tmp / "media"),
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DEBUG": "false",
        "LOG_LEVEL": "WARNING",
    }
    export = tmp / "Plone.json"
    count = generate(export, args.items)
    size = export.stat().st_size / 2**20
    print(f"export: {count} items, {size:.1f} MiB in {tmp}")
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "sync_languages", "--no-roles")
    manage(env, "shell", stdin=SETUP)
    command = [sys.executable, __file__, "--measure", str(export)]
    if args.tracemalloc:
        command.append("--tracemalloc")
    child = subprocess.run(command, env=env, text=True, capture_output=True, check=False)  # noqa: S603
    if child.returncode:
        print(child.stderr[-5000:], file=sys.stderr)
        sys.exit(child.returncode)
    result = json.loads(child.stdout.strip().splitlines()[-1])
    report = [line for line in child.stderr.splitlines() if line.startswith("  ")][:8]
    print("\n".join(report))
    print(
        f"imported {count} items in {result['seconds']:.1f} s "
        f"({result['cpu_seconds']:.1f} s CPU): {count / result['seconds']:.0f} items/s "
        f"({count / result['cpu_seconds']:.0f} per CPU second), "
        f"peak RSS {result['peak_rss_mib']:.0f} MiB"
        + (
            f", tracemalloc peak {result['tracemalloc_peak_mib']:.1f} MiB"
            if "tracemalloc_peak_mib" in result
            else ""
        )
    )
    if not args.keep:
        import shutil

        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
