"""news: newest first, category and year filters, pagination, the news page, the admin."""

import datetime
import re

import pytest
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from news.models import NewsCategory, NewsPage
from tests.conftest import make_contact, make_term, shared

pytestmark = pytest.mark.django_db


def news_index(client, lang="de", **params):
    response = client.get(f"/{lang}/aktuelles/", params)
    assert response.status_code == 200
    return response.content.decode()


def listed_titles(html):
    return re.findall(r'<h3 class="card-title"><a href="[^"]+"[^>]*>([^<]+)</a></h3>', html)


@shared
def archive(tree):
    presse = make_term(NewsCategory, "Presse", ar="صحافة")
    projekte = make_term(NewsCategory, "Projekte")
    tree.news_item("Jahresrückblick", date=datetime.date(2023, 12, 20), categories=[projekte])
    tree.news_item("Neuer Vorstand", date=datetime.date(2024, 3, 1), categories=[presse])
    tree.news_item(
        "Fördergeld bewilligt", date=datetime.date(2024, 6, 15), categories=[presse, projekte]
    )
    tree.news_item("Sommerfest", date=datetime.date(2025, 7, 1))
    return tree


def test_index_lists_newest_first(client, archive):
    assert listed_titles(news_index(client)) == [
        "Sommerfest",
        "Fördergeld bewilligt",
        "Neuer Vorstand",
        "Jahresrückblick",
    ]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"category": "presse"}, ["Fördergeld bewilligt", "Neuer Vorstand"]),
        ({"category": "projekte"}, ["Fördergeld bewilligt", "Jahresrückblick"]),
        ({"year": "2024"}, ["Fördergeld bewilligt", "Neuer Vorstand"]),
        ({"year": "2023"}, ["Jahresrückblick"]),
        ({"year": "2024", "category": "projekte"}, ["Fördergeld bewilligt"]),
        ({"year": "1999"}, []),
        ({"category": "unbekannt"}, []),
        (
            {"year": "zwanzig"},
            ["Sommerfest", "Fördergeld bewilligt", "Neuer Vorstand", "Jahresrückblick"],
        ),
    ],
)
def test_index_filters(client, archive, params, expected):
    assert listed_titles(news_index(client, **params)) == expected


def test_year_archive_offers_every_year_with_news(client, archive):
    html = news_index(client, year="2024")
    options = re.findall(r'<option value="(\d{4})"( selected)?>', html)
    assert options == [("2025", ""), ("2024", " selected"), ("2023", "")]


def test_index_leaves_out_drafts(client, archive):
    NewsPage.objects.get(title="Sommerfest", alias_of__isnull=True).unpublish()
    assert "Sommerfest" not in listed_titles(news_index(client))


@shared
def many_news(tree):
    for day in range(1, 13):
        tree.news_item(f"Meldung {day:02}", date=datetime.date(2024, 1, day))
    return tree


def test_index_pages_ten_at_a_time(client, many_news):
    first, second = news_index(client), news_index(client, page="2")
    assert listed_titles(first) == [f"Meldung {day:02}" for day in range(12, 2, -1)]
    assert listed_titles(second) == ["Meldung 02", "Meldung 01"]
    assert 'href="?page=2" rel="next"' in first
    assert 'href="?page=1" rel="prev"' in second


def test_pagination_keeps_the_filters(client, many_news):
    html = news_index(client, year="2024")
    assert 'href="?year=2024&amp;page=2" rel="next"' in html


@pytest.mark.parametrize(
    ("page", "first_title"),
    [
        ("abc", "Meldung 12"),
        ("0", "Meldung 02"),
        ("-5", "Meldung 02"),
        ("999", "Meldung 02"),
        ("", "Meldung 12"),
        ("1.5", "Meldung 12"),
    ],
)
def test_bad_page_numbers_show_the_nearest_page(client, many_news, page, first_title):
    assert listed_titles(news_index(client, page=page))[0] == first_title


def test_arabic_visitor_sees_arabic_category_labels(client, archive):
    archive.sync("ar")
    html = news_index(client, lang="ar")
    assert '<option value="presse">صحافة</option>' in html
    assert '<option value="projekte" lang="de" dir="ltr">Projekte</option>' in html
    assert "<li>صحافة</li>" in html  # on the cards


def test_news_page_shows_partners_contact_and_categories(client, one_of_each):
    page = one_of_each["NewsPage"]
    html = client.get(page.url).content.decode()
    partner = one_of_each["OrganisationPage"].url
    assert f'<a href="{partner}"><bdi>Elternverein Mitte</bdi></a>' in html  # a name, isolated
    assert "Erika Beispiel" in html
    assert "<li>Presse</li>" in html


def test_news_page_is_created_in_the_admin(tree, page_asserts, admin_user):
    presse = make_term(NewsCategory, "Presse")
    contact = make_contact()
    partner = tree.organisation("Partnerverein")
    data = nested_form_data(
        {
            "title": "Gemeinsame Erklärung",
            "slug": "gemeinsame-erklaerung",
            "kind": "press_release",
            "date": "2024-05-08",
            "teaser": "Die Vereine erklären gemeinsam …",
            "press_contact": contact.pk,
            "body": streamfield(
                [
                    ("paragraph", rich_text("<p>Heute haben die Vereine …</p>")),
                    ("quote", {"text": "Zusammen stark.", "speaker": "A. Muster", "role": ""}),
                ]
            ),
        }
    )
    data["categories"] = [presse.pk]
    data["partner_organisations"] = [partner.pk]
    page_asserts.client.force_login(admin_user)
    page_asserts.assertCanCreate(tree.news, NewsPage, data)
    page = NewsPage.objects.get(slug="gemeinsame-erklaerung", alias_of__isnull=True)
    assert page.kind == NewsPage.Kind.PRESS_RELEASE
    assert page.date == datetime.date(2024, 5, 8)
    assert list(page.partner_organisations.all()) == [partner]
    page_asserts.client.logout()
    assert listed_titles(news_index(page_asserts.client, category="presse")) == [page.title]
