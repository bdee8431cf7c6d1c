"""manage.py import_ics FILE_OR_URL --parent ID: a partner's calendar into draft events."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import override

from events.importer import MAX_DOWNLOAD, CalendarImportError, import_calendar, read_source
from events.models import EventIndexPage


class Command(BaseCommand):
    help = (
        "Import an iCalendar file or http(s) URL into draft events below a German event "
        "index. Importing the same calendar again updates the events by their UID. "
        "All or nothing: an event that cannot be read stops the import (see --skip-invalid)."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="Path to an .ics file or an http(s) URL.")
        parser.add_argument(
            "--parent",
            type=int,
            help="ID of the German event index page (default: the first one).",
        )
        parser.add_argument("--user", help="User name recorded on the revisions.")
        parser.add_argument(
            "--skip-invalid",
            action="store_true",
            help="Import the readable events and list the others, instead of importing nothing.",
        )
        parser.add_argument(
            "--max-size",
            type=float,
            default=MAX_DOWNLOAD / 2**20,
            help="Largest calendar in MB (default: %(default)g, as in the admin).",
        )
        parser.add_argument(
            "--no-progress", action="store_true", help="Do not show the progress on stderr."
        )

    def handle(self, *args, **options):
        with override("en"):  # the command speaks English; the admin view the editor's language
            self.run(options)

    def run(self, options):
        parent = self.parent(options["parent"])
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"No user {options['user']!r}.")
        max_size = int(options["max_size"] * 2**20)
        progress = None if options["no_progress"] else self.progress
        try:
            data, name = read_source(options["source"], max_size)
            report = import_calendar(
                data,
                parent,
                user=user,
                source_name=name,
                skip_invalid=options["skip_invalid"],
                max_size=max_size,
                progress=progress,
            )
        except CalendarImportError as error:
            raise CommandError(str(error)) from error
        for line in report.lines():
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS(report.summary()))

    def progress(self, done, total):
        """ "Importing 1200/45540 events (3 %)" on one line of stderr, every 1 %."""
        step = max(1, total // 100)
        if done % step and done != total:
            return
        ending = "\n" if done == total else "\r"
        self.stderr.write(
            f"Importing {done}/{total} events ({100 * done // total} %)", ending=ending
        )

    def parent(self, page_id):
        indexes = EventIndexPage.objects.filter(locale__language_code="de")
        parent = indexes.filter(pk=page_id).first() if page_id else indexes.first()
        if parent is None:
            raise CommandError("No German event index page found (see --parent).")
        return parent
