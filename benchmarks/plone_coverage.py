"""Word coverage of Plone exports: how much of their text the imported pages show.

    .venv/bin/python benchmarks/plone_coverage.py                 # the known exports
    .venv/bin/python benchmarks/plone_coverage.py PATH [PATH …]   # others

For each export it migrates a throw-away SQLite database in a temporary
directory, creates the German home page with its index pages, runs
`import_plone` and then `plone_coverage` (plone_import/coverage.py), and prints
the share of the distinct words of the export's text-bearing fields and Volto
blocks that appear on the rendered pages. Known exports: the shared real ones
(../shared/fixtures/plone, or $SHARED_FIXTURES_DIR/fixtures/plone) and our own in
tests/fixtures/. Nothing outside the temporary directory is touched.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

SETUP = """
from wagtail.models import Locale, Page, Site
from events.models import EventIndexPage
from guidance.models import GuidanceIndexPage
from home.models import HomePage
from news.models import NewsIndexPage
from organisations.models import OrganisationIndexPage
locale = Locale.objects.get(language_code="de")
home = Page.get_first_root_node().add_child(
    instance=HomePage(title="Startseite", slug="start", locale=locale)
)
site = Site.objects.get(is_default_site=True)
site.root_page = home
site.save()
Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
for model, title in ((OrganisationIndexPage, "Organisationen"), (EventIndexPage, "Veranstaltungen"),
                     (NewsIndexPage, "Aktuelles"), (GuidanceIndexPage, "Handreichungen")):
    home.add_child(instance=model(title=title, slug=title.lower(), locale=locale))
"""
SHARED = Path(os.environ.get("SHARED_FIXTURES_DIR", REPO.parent / "shared")) / "fixtures" / "plone"
KNOWN = [
    (SHARED / "plone.exportimport_base_import", []),
    (SHARED / "plone.exportimport_multilingual_import", ["--language-map", "es=tr"]),
    (REPO / "tests" / "fixtures" / "plone_volto", []),
    (REPO / "tests" / "fixtures" / "plone" / "collective" / "Plone.json", []),
]


def manage(env, *args, stdin=None):
    command = [sys.executable, str(REPO / "manage.py"), *args]
    return subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        command, env=env, input=stdin, text=True, capture_output=True, check=True
    )


def measure(path, import_args):
    tmp = Path(tempfile.mkdtemp(prefix="plone-coverage-"))
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp / 'db.sqlite3'}",
        "MEDIA_ROOT": str(tmp / "media"),
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DEBUG": "true",  # plain static files: no collectstatic manifest needed to render
        "LOG_LEVEL": "WARNING",
    }
    try:
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "sync_languages", "--no-roles")
        manage(env, "shell", stdin=SETUP)
        manage(env, "import_plone", str(path), *import_args, "--no-progress")
        try:
            return manage(env, "plone_coverage", str(path)).stdout
        except subprocess.CalledProcessError as error:
            sys.exit(error.stderr[-3000:])
    finally:
        shutil.rmtree(tmp)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", help="Exports (default: the known ones).")
    args = parser.parse_args()
    exports = [(Path(path), []) for path in args.paths] or [
        (path, extra) for path, extra in KNOWN if path.exists()
    ]
    rows = []
    for path, extra in exports:
        output = measure(path, extra)
        print(output)
        share = re.search(r"coverage:\s+([\d.]+%)", output)
        rows.append((path.name, share.group(1) if share else "?"))
    print("\n".join(f"{share:>8}  {name}" for name, share in rows))


if __name__ == "__main__":
    main()
