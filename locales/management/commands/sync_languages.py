"""Bring the database in line with the language list (locales/languages.py).

For every language a Wagtail Locale; then every page gets an alias in each language
it is missing from (locales.aliases.repair, the same as `check_languages --repair`),
whatever language its source is in; finally setup_roles, which gives the language its
translator group. Safe to run again: it only adds what is missing.

wagtail-localize's LocaleSynchronization is not used: it lets a language follow one
source language, and only the page editor's hook applies it; locales.aliases makes
the aliases of every new page whatever made it, from any source language.

Adding a language is one line in locales/languages.py plus this command.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Locale

from locales.aliases import repair
from locales.languages import LANGUAGES


class Command(BaseCommand):
    help = "Create Locales for every configured language and the aliases missing in them."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-roles", action="store_true", help="Do not run setup_roles afterwards."
        )

    def handle(self, *args, **options):
        with transaction.atomic():
            self.ensure_locales()
            made = repair()
        self.stdout.write(f"Created {made} alias(es) of pages missing in a language.")
        self.report_unknown_locales()
        if not options["no_roles"]:
            call_command("setup_roles", stdout=self.stdout, stderr=self.stderr)

    def ensure_locales(self):
        for language in LANGUAGES:
            _locale, created = Locale.objects.get_or_create(language_code=language.code)
            if created:
                self.stdout.write(f"Created locale {language.code} ({language.english_name}).")

    def report_unknown_locales(self):
        codes = {language.code for language in LANGUAGES}
        for locale in Locale.objects.exclude(language_code__in=codes):
            self.stderr.write(
                f"Locale {locale.language_code} is not in locales/languages.py; left as it is."
            )
