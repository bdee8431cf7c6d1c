"""Report (and with --repair mend) pages that do not exist in every language.

Every page exists in every language of locales/languages.py, as a translation or an
alias (locales.aliases keeps this whenever a page is created). Pages made before that,
or whose aliases were deleted by hand, break it; this command lists them with the
languages they lack and fails, or with --repair gives them their aliases.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Page

from locales.aliases import incomplete_pages, language_locales, repair


class Command(BaseCommand):
    help = "Report pages missing in a configured language; --repair creates their aliases."

    def add_arguments(self, parser):
        parser.add_argument("--repair", action="store_true", help="Create the missing aliases.")

    def handle(self, *args, **options):
        pages = incomplete_pages()
        for page in pages:
            missing = ", ".join(missing_codes(page))
            self.stdout.write(f"{page.url_path} ({page.locale}): missing in {missing}")
        if not pages:
            self.stdout.write("Every page exists in every language.")
            return
        if not options["repair"]:
            raise CommandError(
                f"{len(pages)} page(s) missing in a language; run check_languages --repair."
            )
        with transaction.atomic():
            made = repair()
        self.stdout.write(f"Created {made} alias(es).")


def missing_codes(page):
    present = Page.objects.filter(translation_key=page.translation_key).values("locale_id")
    return sorted(
        language_locales().exclude(id__in=present).values_list("language_code", flat=True)
    )
