"""python manage.py plone_coverage PATH: how much of an export's text the imported pages show.

Run it after import_plone on the same export; see plone_import/coverage.py.
"""

from django.core.management.base import BaseCommand, CommandError

from plone_import.coverage import measure
from plone_import.errors import ImportAbort


class Command(BaseCommand):
    help = (
        "Share of the distinct words of a Plone export's texts and Volto blocks that appear "
        "on the pages import_plone made of it."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The export import_plone read (file or directory).")
        parser.add_argument("--translations", help="As for import_plone.")
        parser.add_argument("--details", type=int, default=10, help="Items listed (default 10).")
        parser.add_argument(
            "--min", type=float, default=None, help="Fail when coverage is below this percentage."
        )

    def handle(self, *args, **options):
        try:
            coverage = measure(options["path"], options["translations"])
        except ImportAbort as error:
            raise CommandError(str(error)) from error
        self.stdout.write(coverage.render(options["path"], options["details"]))
        if options["min"] is not None and coverage.share * 100 < options["min"]:
            raise CommandError(f"coverage {coverage.share:.2%} is below {options['min']} %")
