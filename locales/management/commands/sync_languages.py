"""Bring the database in line with the language list (locales/languages.py).

For every language: a Wagtail Locale; for every language but German, a
wagtail-localize LocaleSynchronization from German, so that every new German
page gets an alias in that language; then synctree, which creates the missing
aliases of existing pages; finally setup_roles, which gives the language its
translator group. Safe to run again: it only adds what is missing.

Adding a language is one line in locales/languages.py plus this command.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Locale
from wagtail_localize.models import LocaleSynchronization
from wagtail_localize.synctree import PageIndex, synchronize_tree

from locales.languages import DEFAULT_LANGUAGE, LANGUAGES


class Command(BaseCommand):
    help = "Create Locales, locale synchronisation and aliases for every configured language."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-roles", action="store_true", help="Do not run setup_roles afterwards."
        )

    def handle(self, *args, **options):
        with transaction.atomic():
            source, targets = self.ensure_locales()
            self.ensure_synchronisation(source, targets)
            self.sync_trees(source, targets)
        self.report_unknown_locales()
        if not options["no_roles"]:
            call_command("setup_roles", stdout=self.stdout, stderr=self.stderr)

    def ensure_locales(self):
        locales = {}
        for language in LANGUAGES:
            locales[language.code], created = Locale.objects.get_or_create(
                language_code=language.code
            )
            if created:
                self.stdout.write(f"Created locale {language.code} ({language.english_name}).")
        source = locales.pop(DEFAULT_LANGUAGE)
        return source, list(locales.values())

    def ensure_synchronisation(self, source, targets):
        """Sync every other language from German (the project's source language)."""
        for locale in targets:
            sync = LocaleSynchronization.objects.filter(locale=locale).first()
            if sync is None:
                # Saving it runs wagtail-localize's synctree for this language at once.
                LocaleSynchronization.objects.create(locale=locale, sync_from=source)
                self.stdout.write(f"{locale.language_code} now follows {source.language_code}.")
            elif sync.sync_from_id != source.id:
                sync.sync_from = source
                sync.save()
                self.stdout.write(f"{locale.language_code} now follows {source.language_code}.")

    def sync_trees(self, source, targets):
        """Aliases for every German page missing in a language (wagtail-localize's synctree).

        The page index is read after the synchronisation rows were saved, so it
        knows the aliases their signal has just created.
        """
        index = PageIndex.from_database().sort_by_tree_position()
        for locale in targets:
            synchronize_tree(source, locale, page_index=index)
        self.stdout.write(f"Synchronised {len(targets)} language tree(s) from {source}.")

    def report_unknown_locales(self):
        codes = {language.code for language in LANGUAGES}
        for locale in Locale.objects.exclude(language_code__in=codes):
            self.stderr.write(
                f"Locale {locale.language_code} is not in locales/languages.py; left as it is."
            )
