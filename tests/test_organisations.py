"""organisations: the directory's search and filters, translated labels, the organisation page."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.models import District, FieldOfAction, SpokenLanguage
from organisations.models import OrganisationPage
from tests.conftest import make_contact, make_term, shared

pytestmark = pytest.mark.django_db


def directory(client, lang="de", **params):
    response = client.get(f"/{lang}/organisationen/", params)
    assert response.status_code == 200
    return response.content.decode()


def listed(html, *organisations):
    """Which of the organisations the directory lists (by title)."""
    return {page.title for page in organisations if f">{page.title}</a>" in html}


@shared
def directory_pages(tree):
    """Three organisations with different fields, languages and districts."""
    bildung = make_term(FieldOfAction, "Bildung", tr="Eğitim")
    sport = make_term(FieldOfAction, "Sport")
    arabic = make_term(SpokenLanguage, "Arabisch")
    turkish = make_term(SpokenLanguage, "Türkisch")
    mitte, nord = make_term(District, "Mitte"), make_term(District, "Nord")
    return {
        "eltern": tree.organisation(
            "Elternnetzwerk",
            summary="Hausaufgabenhilfe und Elternabende",
            fields_of_action=[bildung],
            languages=[turkish],
            district=mitte,
        ),
        "sport": tree.organisation(
            "Sportfreunde Nord",
            summary="Fußball für Mädchen",
            fields_of_action=[sport],
            languages=[arabic, turkish],
            district=nord,
        ),
        "kultur": tree.organisation(
            "Kulturhaus",
            summary="Musik und Theater",
            fields_of_action=[bildung, sport],
            languages=[arabic],
            district=nord,
        ),
    }


def test_directory_lists_every_organisation_alphabetically(client, directory_pages):
    html = directory(client)
    positions = [html.index(f">{page.title}</a>") for page in directory_pages.values()]
    assert sorted(positions) == [positions[0], positions[2], positions[1]]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"field": "bildung"}, {"Elternnetzwerk", "Kulturhaus"}),
        ({"field": "sport"}, {"Sportfreunde Nord", "Kulturhaus"}),
        ({"language": "arabisch"}, {"Sportfreunde Nord", "Kulturhaus"}),
        ({"language": "turkisch"}, {"Elternnetzwerk", "Sportfreunde Nord"}),
        ({"district": "nord"}, {"Sportfreunde Nord", "Kulturhaus"}),
        ({"district": "mitte"}, {"Elternnetzwerk"}),
        ({"field": "bildung", "district": "nord"}, {"Kulturhaus"}),
        ({"field": "sport", "language": "turkisch"}, {"Sportfreunde Nord"}),
        ({"q": "Hausaufgabenhilfe"}, {"Elternnetzwerk"}),
        ({"q": "Theater"}, {"Kulturhaus"}),
        ({"q": "Sportfreunde"}, {"Sportfreunde Nord"}),
        ({"q": "Theater", "district": "mitte"}, set()),
        ({"field": "unbekannt"}, set()),
    ],
)
def test_directory_filters(client, directory_pages, params, expected):
    html = directory(client, **params)
    assert listed(html, *directory_pages.values()) == expected


def test_organisation_matching_two_filter_values_is_listed_once(client, directory_pages):
    html = directory(client, field="bildung", q="Musik Theater")
    assert html.count(">Kulturhaus</a>") == 1
    html = directory(client, language="arabisch")
    assert html.count(">Kulturhaus</a>") == 1


def test_directory_marks_the_selected_filter(client, directory_pages):
    html = directory(client, district="nord")
    assert '<option value="nord" selected>Nord</option>' in html


def test_directory_leaves_out_drafts(client, directory_pages):
    directory_pages["kultur"].unpublish()
    assert listed(directory(client), *directory_pages.values()) == {
        "Elternnetzwerk",
        "Sportfreunde Nord",
    }


def test_turkish_visitor_sees_turkish_labels_with_german_fallback(client, tree, directory_pages):
    tree.sync("tr")
    html = directory(client, lang="tr")
    assert '<option value="bildung">Eğitim</option>' in html
    # Not translated: the German label, marked as German.
    assert '<option value="sport" lang="de" dir="ltr">Sport</option>' in html
    assert '<option value="bildung">Bildung</option>' not in html
    assert "<li>Eğitim</li>" in html  # the organisation cards


def test_turkish_filter_uses_the_same_slug(client, tree, directory_pages):
    tree.sync("tr")
    html = directory(client, lang="tr", field="bildung")
    assert listed(html, *directory_pages.values()) == {"Elternnetzwerk", "Kulturhaus"}
    assert 'href="/tr/organisationen/elternnetzwerk/"' in html


def test_organisation_page_shows_turkish_labels(client, tree, directory_pages):
    tree.sync("tr")
    response = client.get("/tr/organisationen/kulturhaus/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<li>Eğitim</li>" in html and '<li lang="de" dir="ltr">Sport</li>' in html
    assert "<li>Bildung</li>" not in html


def test_organisation_page_shows_its_upcoming_events_and_committees(client, one_of_each):
    html = client.get(one_of_each["OrganisationPage"].url).content.decode()
    assert "Integrationsrat" in html
    assert f'href="{one_of_each["EventPage"].url}"' in html
    assert "Erika Beispiel" in html  # contact person
    assert "Instagram" in html


def test_organisation_page_lists_only_upcoming_events(client, tree):
    organisation = tree.organisation("Frauentreff")
    tree.event("Nähcafé", dates=((3,),), organiser=organisation)
    tree.event("Rückblick", dates=((-3,),), organiser=organisation)
    html = client.get(organisation.url).content.decode()
    assert "Nähcafé" in html
    assert "Rückblick" not in html


def test_arabic_organisation_page_links_the_arabic_events(client, tree):
    organisation = tree.organisation("Frauentreff")
    event = tree.event("Nähcafé", dates=((3,),), organiser=organisation)
    tree.sync("ar")
    html = client.get(tree.in_language(organisation, "ar").url).content.decode()
    assert f'href="{tree.in_language(event, "ar").url}"' in html
    assert f'href="{event.url}"' not in html


def test_organisation_is_created_in_the_admin(tree, page_asserts, admin_user):
    bildung = make_term(FieldOfAction, "Bildung")
    person = make_contact()
    data = nested_form_data(
        {
            "title": "Verein für Nachbarschaft",
            "slug": "nachbarschaft",
            "summary": "Wir helfen im Viertel.",
            "body": streamfield([("paragraph", rich_text("<p>Seit 1990.</p>"))]),
            "founded": "1990",
            "contact_persons": inline_formset([{"person": person.pk}]),
            "links": inline_formset([{"label": "Website", "url": "https://example.org"}]),
        }
    )
    data["fields_of_action"] = [bildung.pk]  # checkboxes: one key, several values
    page_asserts.client.force_login(admin_user)
    page_asserts.assertCanCreate(tree.organisations, OrganisationPage, data)
    page = OrganisationPage.objects.get(slug="nachbarschaft", alias_of__isnull=True)
    assert page.live and page.founded == 1990
    assert list(page.fields_of_action.all()) == [bildung]
    assert [contact.person for contact in page.contact_persons.all()] == [person]
    page_asserts.client.logout()
    assert listed(directory(page_asserts.client, field="bildung"), page) == {page.title}


def test_organisation_without_summary_is_refused_in_the_admin(tree, page_asserts, admin_user):
    page_asserts.client.force_login(admin_user)
    with pytest.raises(AssertionError, match="summary"):
        page_asserts.assertCanCreate(
            tree.organisations,
            OrganisationPage,
            nested_form_data(
                {
                    "title": "Ohne Beschreibung",
                    "summary": "",
                    "body": streamfield([]),
                    "contact_persons": inline_formset([]),
                    "links": inline_formset([]),
                }
            ),
        )
    assert not OrganisationPage.objects.filter(title="Ohne Beschreibung").exists()


def test_organisation_page_lists_a_repeating_event_whose_first_date_has_passed(client, tree):
    organiser = tree.organisation("Kulturverein Nord")
    tree.event(
        "Wöchentlicher Sprachtreff",
        dates=((-10,),),
        recurrence_rule="FREQ=WEEKLY",
        organiser=organiser,
    )
    assert "Wöchentlicher Sprachtreff" in client.get(organiser.url).content.decode()
