"""Print how much of Wagtail's and wagtail-localize's interface each admin language has.

    python manage.py catalogue_coverage            # one line per language
    python manage.py catalogue_coverage --apps     # … per upstream catalogue: ours, missing
    python manage.py catalogue_coverage --list tr  # the missing messages of one language

See locales/coverage.py for what counts as translated.
"""

from django.core.management.base import BaseCommand

from locales.coverage import coverage, upstream_catalogues
from locales.languages import INTERFACE_LANGUAGES


class Command(BaseCommand):
    help = "Coverage of Wagtail's and wagtail-localize's messages per admin language."

    def add_arguments(self, parser):
        parser.add_argument(
            "--apps", action="store_true", help="per upstream catalogue: supplied by us, missing"
        )
        parser.add_argument("--list", metavar="CODE", help="list one language's missing messages")

    def handle(self, *args, **options):
        catalogues = upstream_catalogues()
        codes = [options["list"]] if options["list"] else [x.code for x in INTERFACE_LANGUAGES]
        self.stdout.write(f"{'lang':5} {'total':>6} {'upstream':>9} {'project':>8} {'missing':>8}")
        for code in codes:
            result = coverage(code, catalogues)
            self.stdout.write(
                f"{code:5} {result.total:6} {result.upstream:9} {result.project:8} "
                f"{result.missing_count:8}  {result.percent:5.1f} %"
            )
            if options["apps"]:
                for label in sorted({*result.supplied, *result.missing}):
                    ours = len(result.supplied.get(label, []))
                    missing = len(result.missing.get(label, []))
                    self.stdout.write(f"      {label}: ours {ours}, missing {missing}")
            if options["list"]:
                for label, keys in sorted(result.missing.items()):
                    self.stdout.write(f"      {label}: {len(keys)}")
                    if options["list"]:
                        for context, msgid in keys:
                            prefix = f"[{context}] " if context else ""
                            self.stdout.write(f"        {prefix}{msgid!r}")
