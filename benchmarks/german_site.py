"""Shared by the benchmarks: a throw-away SQLite database and a small German site.

Import this module first (it sets up Django on a database in a temporary folder, so
nothing touches db.sqlite3), then call german_site() after migrating.
"""

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATABASE = Path(tempfile.mkdtemp(prefix="portal-benchmark-")) / "benchmark.sqlite3"
os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
os.environ["DATABASE_URL"] = f"sqlite:///{DATABASE}"
# Measure the pages themselves, not the cached page fragments (portal/templates/base.html).
os.environ.setdefault("PAGE_FRAGMENT_CACHE_SECONDS", "0")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from wagtail.models import Locale, Page, Site  # noqa: E402

from events.models import EventIndexPage  # noqa: E402
from home.models import HomePage, TargetGroup  # noqa: E402
from organisations.models import OrganisationIndexPage, OrganisationPage  # noqa: E402


def german_site(organisations=5):
    """Migrate, then the German home page with the events index and a directory.

    Returns (events index, organisation pages, the target group "Jugendliche").
    """
    call_command("migrate", verbosity=0)
    german = Locale.objects.get_or_create(language_code="de")[0]
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Startseite", slug="start", locale=german))
    Site.objects.filter(is_default_site=True).update(root_page=home)
    # Wagtail's welcome page; the home page's aliases in other languages stay
    Page.objects.filter(depth=2).exclude(translation_key=home.translation_key).delete()
    events = home.add_child(
        instance=EventIndexPage(title="Veranstaltungen", slug="veranstaltungen", locale=german)
    )
    directory = home.add_child(
        instance=OrganisationIndexPage(title="Organisationen", slug="organisationen", locale=german)
    )
    organisers = [
        directory.add_child(
            instance=OrganisationPage(
                title=f"Verein {number}", slug=f"verein-{number}", summary="…", locale=german
            )
        )
        for number in range(organisations)
    ]
    group = TargetGroup.objects.create(name="Jugendliche", slug="jugendliche", locale=german)
    return events, organisers, group
