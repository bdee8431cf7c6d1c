"""manage.py import_ics FILE_OR_URL --parent ID: a partner's calendar into draft events."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from events.importer import CalendarImportError, import_calendar, read_source
from events.models import EventIndexPage


class Command(BaseCommand):
    help = (
        "Import an iCalendar file or http(s) URL into draft events below a German event "
        "index. Importing the same calendar again updates the events by their UID."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="Path to an .ics file or an http(s) URL.")
        parser.add_argument(
            "--parent",
            type=int,
            help="ID of the German event index page (default: the first one).",
        )
        parser.add_argument("--user", help="User name recorded on the revisions.")

    def handle(self, *args, **options):
        parent = self.parent(options["parent"])
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"No user {options['user']!r}.")
        try:
            data, name = read_source(options["source"])
            report = import_calendar(data, parent, user=user, source_name=name)
        except CalendarImportError as error:
            raise CommandError(str(error)) from error
        for line in report.lines():
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS(report.summary()))

    def parent(self, page_id):
        indexes = EventIndexPage.objects.filter(locale__language_code="de")
        parent = indexes.filter(pk=page_id).first() if page_id else indexes.first()
        if parent is None:
            raise CommandError("No German event index page found (see --parent).")
        return parent
