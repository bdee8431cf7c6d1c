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

from events.factories import EventIndexPageFactory  # noqa: E402
from home.factories import HomePageFactory, TargetGroupFactory  # noqa: E402
from organisations.factories import (  # noqa: E402
    OrganisationIndexPageFactory,
    OrganisationPageFactory,
)


def german_site(organisations=5):
    """Migrate, then the German home page with the events index and a directory.

    Returns (events index, organisation pages, the target group "Jugendliche").
    """
    call_command("migrate", verbosity=0)
    Locale.objects.get_or_create(language_code="de")
    home = HomePageFactory(parent=Page.get_first_root_node(), title="Startseite", slug="start")
    Site.objects.filter(is_default_site=True).update(root_page=home)
    # Wagtail's welcome page; the home page's aliases in other languages stay
    Page.objects.filter(depth=2).exclude(translation_key=home.translation_key).delete()
    events = EventIndexPageFactory(parent=home, slug="veranstaltungen")
    directory = OrganisationIndexPageFactory(parent=home, slug="organisationen")
    organisers = [
        OrganisationPageFactory(parent=directory, title=f"Verein {number}", summary="…")
        for number in range(organisations)
    ]
    group = TargetGroupFactory(name="Jugendliche")
    return events, organisers, group
