"""home: where every page type may live, the standard page in the admin, the site search."""

import re

import pytest
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from events.models import EventIndexPage, EventPage
from guidance.models import GuidanceIndexPage, GuidancePage
from home.models import FormPage, HomePage, StandardPage
from news.models import NewsIndexPage, NewsPage
from organisations.models import OrganisationIndexPage, OrganisationPage
from submissions.models import EventSubmissionPage
from tests.conftest import html_attrs, make_image

pytestmark = pytest.mark.django_db

INDEXES = [OrganisationIndexPage, EventIndexPage, NewsIndexPage, GuidanceIndexPage]

# Each page type: the only parents it may have and the only children it may have.
# Page is Wagtail's base class: allowed below a home page but never creatable (see below).
PAGE_TREE_RULES = [
    (HomePage, {Page}, {Page, StandardPage, FormPage, *INDEXES}),
    (StandardPage, {HomePage, StandardPage}, {StandardPage, FormPage}),
    (FormPage, {HomePage, StandardPage}, set()),
    (OrganisationIndexPage, {HomePage}, {OrganisationPage}),
    (OrganisationPage, {OrganisationIndexPage}, set()),
    (EventIndexPage, {HomePage}, {EventPage, EventSubmissionPage}),
    (EventPage, {EventIndexPage}, set()),
    (EventSubmissionPage, {EventIndexPage}, set()),
    (NewsIndexPage, {HomePage}, {NewsPage}),
    (NewsPage, {NewsIndexPage}, set()),
    (GuidanceIndexPage, {HomePage}, {GuidancePage}),
    (GuidancePage, {GuidanceIndexPage}, set()),
]


@pytest.mark.parametrize(
    ("model", "parents", "children"), PAGE_TREE_RULES, ids=lambda v: getattr(v, "__name__", "")
)
def test_page_type_lives_where_it_belongs_and_nowhere_else(page_asserts, model, parents, children):
    page_asserts.assertAllowedParentPageTypes(model, parents)
    page_asserts.assertAllowedSubpageTypes(model, children)


def test_editors_can_add_only_the_project_page_types_below_the_home_page():
    assert set(HomePage.creatable_subpage_models()) == {StandardPage, FormPage, *INDEXES}
    assert Page.creatable_subpage_models() == [HomePage]


@pytest.mark.parametrize(
    ("parent", "child"),
    [
        (HomePage, OrganisationIndexPage),
        (OrganisationIndexPage, OrganisationPage),
        (EventIndexPage, EventPage),
        (NewsIndexPage, NewsPage),
        (GuidanceIndexPage, GuidancePage),
        (StandardPage, StandardPage),
    ],
)
def test_can_create_at(page_asserts, parent, child):
    page_asserts.assertCanCreateAt(parent, child)


@pytest.mark.parametrize(
    ("parent", "child"),
    [
        (HomePage, OrganisationPage),
        (HomePage, EventPage),
        (HomePage, HomePage),
        (EventIndexPage, NewsPage),
        (NewsIndexPage, EventPage),
        (OrganisationIndexPage, GuidancePage),
        (StandardPage, OrganisationIndexPage),
        (Page, StandardPage),
    ],
)
def test_can_not_create_at(page_asserts, parent, child):
    page_asserts.assertCanNotCreateAt(parent, child)


def test_standard_page_is_created_in_the_admin(tree, page_asserts, admin_user):
    page_asserts.client.force_login(admin_user)
    page_asserts.assertCanCreate(
        tree.home,
        StandardPage,
        nested_form_data(
            {
                "title": "Barrierefreiheit",
                "slug": "barrierefreiheit",
                "intro": "Erklärung zur Barrierefreiheit",
                "body": streamfield(
                    [
                        ("heading", {"text": "Stand der Vereinbarkeit", "level": "h2"}),
                        (
                            "paragraph",
                            rich_text("<p>Diese Website ist weitgehend barrierefrei.</p>"),
                        ),
                    ]
                ),
            }
        ),
    )
    page = StandardPage.objects.get(slug="barrierefreiheit", alias_of__isnull=True)
    assert page.live and page.get_parent().pk == tree.home.pk
    assert page.locale.language_code == "de"
    assert [block.block_type for block in page.body] == ["heading", "paragraph"]
    page_asserts.client.logout()
    response = page_asserts.client.get("/de/barrierefreiheit/")
    assert response.status_code == 200
    assert "weitgehend barrierefrei" in response.content.decode()


def test_home_page_shows_latest_news_and_upcoming_events(tree, client):
    tree.news_item("Sommerfest im Quartier")
    tree.event("Sprachcafé", dates=((3,),))
    tree.event("Vergangener Stammtisch", dates=((-3,),))
    html = client.get("/de/").content.decode()
    assert "Sommerfest im Quartier" in html
    assert "Sprachcafé" in html
    assert "Vergangener Stammtisch" not in html


def test_main_navigation_lists_the_sections_in_the_visitors_language(tree, client):
    tree.translate(tree.news, "ar", title="الأخبار", slug="akhbar")
    html = client.get("/ar/").content.decode()
    assert '<a href="/ar/akhbar/">الأخبار</a>' in html
    assert "/de/aktuelles/" not in html


# --------------------------------------------------------------------------- search


def search(client, query, language="de", **params):
    response = client.get(f"/{language}/search/", {"q": query, **params})
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def searchable(tree):
    """One page of every type, each with a word that only it contains."""
    return {
        "standard": tree.standard("Impressum", intro="Verantwortlich Zauberwortimpressum"),
        "organisation": tree.organisation("Kulturverein", summary="Zauberwortverein am Markt"),
        "event": tree.event("Nachbarschaftsfest", teaser="Zauberwortfest für alle"),
        "news": tree.news_item("Pressemitteilung", teaser="Zauberwortpresse heute"),
        "guidance": tree.guidance_page("Förderantrag", intro="Zauberwortantrag verstehen"),
    }


@pytest.mark.parametrize(
    ("kind", "word"),
    [
        ("standard", "Zauberwortimpressum"),
        ("organisation", "Zauberwortverein"),
        ("event", "Zauberwortfest"),
        ("news", "Zauberwortpresse"),
        ("guidance", "Zauberwortantrag"),
    ],
)
def test_search_finds_every_page_type(client, searchable, kind, word):
    html = search(client, word)
    assert f'href="{searchable[kind].url}"' in html
    others = [page for name, page in searchable.items() if name != kind]
    assert not any(f'href="{page.url}"' in html for page in others)


def test_search_finds_index_pages_by_title(client, tree):
    assert 'href="/de/handreichungen/"' in search(client, "Handreichungen")


def test_search_stays_in_the_visitors_language(client, tree, searchable):
    """A German-only word is found under /de/ and not under /tr/ when no Turkish page exists
    (its Turkish alias deleted by hand)."""
    event = searchable["event"]
    Page.objects.filter(translation_key=event.translation_key, locale__language_code="tr").delete()
    assert f'href="{event.url}"' in search(client, "Zauberwortfest")
    html = search(client, "Zauberwortfest", language="tr")
    assert "Zauberwortfest" in html  # the query is echoed …
    assert "nachbarschaftsfest/" not in html  # … but the German page is not offered
    assert "search-results" not in html


def test_search_finds_an_alias_in_the_visitors_language(client, tree, searchable):
    """An alias (the German text shown under /tr/) is a Turkish page, so the search finds it."""
    tree.sync("tr")
    html = search(client, "Zauberwortfest", language="tr")
    assert 'href="/tr/veranstaltungen/nachbarschaftsfest/"' in html
    assert 'href="/de/veranstaltungen/nachbarschaftsfest/"' not in html


def test_search_finds_a_translation_by_its_translated_text(client, tree, searchable):
    tree.translate(searchable["news"], "ar", title="بيان صحفي", teaser="كلمةسحرية اليوم")
    html = search(client, "كلمةسحرية", language="ar")
    assert 'href="/ar/aktuelles/pressemitteilung/"' in html
    assert "search-results" not in search(client, "كلمةسحرية", language="de")


def test_search_leaves_out_drafts(client, tree):
    draft = tree.news_item("Entwurf", teaser="Geheimwortentwurf")
    draft.unpublish()
    assert f'href="{draft.url}"' not in search(client, "Geheimwortentwurf")


@pytest.mark.parametrize(
    ("page", "results_shown"), [("2", 2), ("999", 2), ("-1", 2), ("abc", 10), ("", 10)]
)
def test_search_pagination_never_fails(client, tree, page, results_shown):
    """Out-of-range numbers show the last page, malformed ones the first."""
    for number in range(12):
        tree.news_item(f"Meldung {number}", teaser="Seitenwort")
    assert search(client, "Seitenwort", page=page).count('class="card"') == results_shown


def test_search_pages_results(client, tree):
    for number in range(12):
        tree.news_item(f"Meldung {number:02}", teaser="Seitenwort")
    first, second = search(client, "Seitenwort"), search(client, "Seitenwort", page="2")
    assert first.count('class="card"') == 10
    assert second.count('class="card"') == 2
    assert 'rel="next"' in first and 'rel="prev"' in second


def test_empty_search_shows_the_form_without_results(client, tree):
    html = search(client, "")
    assert 'name="q"' in html
    assert "search-results" not in html


@pytest.mark.parametrize(("width", "widths"), [(1200, ["480w", "960w"]), (300, [])])
def test_image_blocks_list_each_width_once(client, tree, width, widths):
    """A small image gets one rendition and no srcset (a width twice is invalid HTML)."""
    image = make_image("Foto", size=(width, width // 2))
    page = tree.standard("Bilder", body=[("image", {"image": image, "caption": "", "credit": ""})])
    html = client.get(page.url).content.decode()
    img = html_attrs(html.split('class="captioned-image"')[1], "img")
    assert re.findall(r"\d+w", img.get("srcset", "")) == widths
    assert ("sizes" in img) == bool(widths)
