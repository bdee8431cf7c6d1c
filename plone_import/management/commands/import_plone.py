"""python manage.py import_plone PATH: move a Plone site's content into the portal.

See plone_import/README.md for the formats, the mapping and what is kept.
"""

from django.core.management.base import BaseCommand, CommandError

from plone_import.errors import ImportAbort, ItemError
from plone_import.importer import Options, run_import
from plone_import.languages import parse_language_map
from plone_import.mapping import SECTION_MODELS


def parse_sections(values):
    sections = {}
    for value in values or []:
        path, sep, kind = value.rpartition("=")
        if not sep or kind not in SECTION_MODELS:
            raise ImportAbort(
                f"--section {value!r}: write it as /plone/path={'|'.join(SECTION_MODELS)}"
            )
        sections["/" + path.strip("/")] = kind
    return sections


class Command(BaseCommand):
    help = (
        "Import a Plone export (a collective.exportimport JSON file or a plone.exportimport "
        "directory): pages, images, documents, translations and old URLs as redirects."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="JSON file (collective.exportimport) or directory.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check everything, write nothing."
        )
        parser.add_argument(
            "--parent",
            help="Page (id or path such as /de/archiv) the Plone site root maps to; "
            "default: the site's home page.",
        )
        parser.add_argument(
            "--language-map",
            action="append",
            metavar="PLONE=SITE",
            help="Map a Plone language code to a site language, e.g. pt-br=pt (repeatable).",
        )
        parser.add_argument(
            "--skip-invalid",
            action="store_true",
            help="Import what is valid, list what is skipped (default: all or nothing).",
        )
        parser.add_argument(
            "--translations",
            help="Translations file (default: export_translations.json or translations.json beside "
            "the export).",
        )
        parser.add_argument(
            "--blob-dir", help="Where blob_path files are (default: beside the export)."
        )
        parser.add_argument(
            "--old-url",
            action="append",
            default=[],
            help="Public address of the old site (repeatable), so absolute links to it become "
            "internal links.",
        )
        parser.add_argument(
            "--section",
            action="append",
            metavar="PATH=KIND",
            help="Treat a top-level Plone folder as a news, events or guidance section.",
        )
        progress = parser.add_mutually_exclusive_group()
        progress.add_argument(
            "--progress", action="store_true", default=None, help="Always show the progress bar."
        )
        progress.add_argument(
            "--no-progress", action="store_false", dest="progress", help="Never show it."
        )

    def handle(self, *args, **options):
        try:
            import_options = Options(
                dry_run=options["dry_run"],
                parent=options["parent"],
                language_map=parse_language_map(options["language_map"]),
                skip_invalid=options["skip_invalid"],
                translations=options["translations"],
                blob_dir=options["blob_dir"],
                old_urls=options["old_url"],
                sections=parse_sections(options["section"]),
                progress=options["progress"],
            )
            report = run_import(options["path"], import_options, stderr=self.stderr._out)
        except ItemError as error:
            raise CommandError(f"{error}\nNothing was written.") from error
        except ImportAbort as error:
            raise CommandError(str(error)) from error
        self.stdout.write(report.render(options["path"], dry_run=options["dry_run"]))
