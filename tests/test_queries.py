"""Query budgets: listings cost the same whatever their length; every page type stays small.

Each measurement requests the page once (navigation, renditions and site root paths are
cached then) and counts the queries of the second, warm request.
"""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import EventSubmissionPage
from guidance.models import GuidanceTopic
from home.models import District, FieldOfAction, SpokenLanguage, TargetGroup
from news.models import NewsCategory
from tests.conftest import make_image, make_term

pytestmark = pytest.mark.django_db

PAGE_BUDGET = 12
# Form pages are never served from the fragment cache (they carry a CSRF token), and the
# event form lists the organisations and terms to choose from in the visitor's language.
FORM_PAGE_BUDGET = 25
FORM_PAGES = {"EventSubmissionPage", "FormPage"}


def budget(page_type):
    return FORM_PAGE_BUDGET if page_type in FORM_PAGES else PAGE_BUDGET


def warm_queries(client, url):
    """The SQL of the second (warm) request for url."""
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return [query["sql"] for query in context.captured_queries]


def explain(queries):
    """The queries, numbered, with their column lists left out."""
    short = (re.sub(r"^SELECT (DISTINCT )?.*? FROM ", r"SELECT \1… FROM ", sql) for sql in queries)
    return "\n".join(f"{number:3}. {sql[:300]}" for number, sql in enumerate(short, 1))


@pytest.fixture
def terms(tree):
    """Taxonomy terms with a Turkish and an Arabic translation each."""

    def term(model, name):
        return make_term(model, name, tr=f"{name} (tr)", ar=f"{name} (ar)")

    return {
        "fields": [term(FieldOfAction, "Bildung"), term(FieldOfAction, "Sport")],
        "languages": [term(SpokenLanguage, "Arabisch")],
        "district": term(District, "Mitte"),
        "groups": [term(TargetGroup, "Jugendliche"), term(TargetGroup, "Frauen")],
        "categories": [term(NewsCategory, "Presse"), term(NewsCategory, "Projekte")],
        "topics": [term(GuidanceTopic, "Vereinsarbeit"), term(GuidanceTopic, "Förderung")],
        "organisers": [tree.organisation("Veranstalter A"), tree.organisation("Veranstalter B")],
    }


def add_organisations(tree, terms, start, count):
    for number in range(start, start + count):
        tree.organisation(
            f"Verein {number:03}",
            summary="Zählwort",
            logo=make_image(f"Logo {number}"),
            fields_of_action=terms["fields"],
            languages=terms["languages"],
            district=terms["district"],
        )


def add_events(tree, terms, start, count):
    for number in range(start, start + count):
        tree.event(
            f"Treffen {number:03}",
            dates=((number + 1,),),
            image=make_image(f"Treffen {number}"),
            target_groups=terms["groups"],
            organiser=terms["organisers"][number % 2],
        )


def add_news(tree, terms, start, count):
    for number in range(start, start + count):
        tree.news_item(
            f"Meldung {number:03}",
            date=datetime.date(2024, 1, 1) + datetime.timedelta(days=number),
            teaser="Zählwort",
            lead_image=make_image(f"Meldung {number}"),
            categories=terms["categories"],
        )


def add_guidance(tree, terms, start, count):
    for number in range(start, start + count):
        tree.guidance_page(f"Handreichung {number:03}", topics=terms["topics"])


LISTINGS = {
    "organisation directory": ("/{lang}/organisationen/", add_organisations),
    "events index": ("/{lang}/veranstaltungen/", add_events),
    "news index": ("/{lang}/aktuelles/", add_news),
    "guidance index": ("/{lang}/handreichungen/", add_guidance),
    "search results": ("/{lang}/search/?q=Zählwort", add_news),
}


@pytest.mark.parametrize(
    ("listing", "lang"),
    [
        *((listing, "de") for listing in LISTINGS),
        ("organisation directory", "tr"),
        ("news index", "tr"),
    ],
)
def test_listing_costs_the_same_with_5_and_50_items(client, tree, terms, listing, lang, settings):
    """No query per item: 50 items (20 or 10 on the first page) cost what 5 cost.

    Rendered fragments are not cached here, so every item's data is really fetched.
    In Turkish the items are aliases and their labels come from Turkish translations.
    """
    settings.PAGE_FRAGMENT_CACHE_SECONDS = 0
    url, add = LISTINGS[listing]
    url = url.format(lang=lang)
    add(tree, terms, 0, 5)
    if lang != "de":
        tree.sync(lang)
    few = warm_queries(client, url)
    add(tree, terms, 5, 45)
    if lang != "de":
        tree.sync(lang)
    many = warm_queries(client, url)
    assert len(few) == len(many), (
        f"{listing}: {len(few)} queries with 5 items, {len(many)} with 50\n"
        f"--- 5 items\n{explain(few)}\n--- 50 items\n{explain(many)}"
    )


def test_every_page_type_stays_within_the_budget(client, one_of_each, page_type):
    queries = warm_queries(client, one_of_each[page_type].url)
    assert len(queries) <= budget(page_type), f"{page_type}: {len(queries)}\n{explain(queries)}"


def test_every_page_type_stays_within_the_budget_in_arabic(client, tree, one_of_each, page_type):
    page = one_of_each[page_type]
    if page_type != "HomePage":
        tree.translate(page, "ar", title=f"{page.title} (ar)")
    tree.sync("ar")
    queries = warm_queries(client, tree.in_language(page, "ar").url)
    assert len(queries) <= budget(page_type), f"{page_type}: {len(queries)}\n{explain(queries)}"


def test_event_form_costs_the_same_with_many_organisations(client, tree, terms):
    form = tree.add(tree.events, EventSubmissionPage(title="Veranstaltung melden"))
    add_organisations(tree, terms, 0, 5)
    few = warm_queries(client, form.url)
    add_organisations(tree, terms, 5, 45)
    many = warm_queries(client, form.url)
    assert len(few) == len(many), f"{len(few)} queries, then {len(many)}\n{explain(many)}"


def test_cached_fragments_follow_every_content_change(client, tree):
    """A warm page shows an edit at once: publishing bumps the content version."""
    item = tree.news_item("Alte Überschrift")
    assert "Alte Überschrift" in client.get(tree.news.url).content.decode()
    item.title = "Neue Überschrift"
    item.save_revision().publish()
    assert "Neue Überschrift" in client.get(tree.news.url).content.decode()


def test_previews_are_never_served_from_the_cache(client, tree, admin_user):
    """An editor's preview shows the draft, not the cached live page."""
    item = tree.news_item("Veröffentlicht")
    client.get(item.url)  # cache the live page
    client.force_login(admin_user)
    item.title = "Entwurf"
    item.save_revision()
    preview = client.get(f"/admin/pages/{item.pk}/view_draft/")
    assert "Entwurf" in preview.content.decode()
