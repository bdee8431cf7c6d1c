"""guidance: topic and kind filters, translated topic labels, the guidance page, the admin."""

import re

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from guidance.models import GuidancePage, GuidanceTopic
from tests.conftest import make_contact, make_term

pytestmark = pytest.mark.django_db


def guidance_index(client, lang="de", **params):
    response = client.get(f"/{lang}/handreichungen/", params)
    assert response.status_code == 200
    return response.content.decode()


def listed_titles(html):
    return re.findall(r'<h3 class="card-title"><a href="[^"]+"[^>]*>([^<]+)</a></h3>', html)


@pytest.fixture
def library(tree):
    verein = make_term(GuidanceTopic, "Vereinsarbeit", tr="Dernek çalışması")
    geld = make_term(GuidanceTopic, "Förderung")
    Kind = GuidancePage.Kind
    tree.guidance_page("Satzung schreiben", kind=Kind.WORK_AID, topics=[verein])
    tree.guidance_page("Anträge stellen", kind=Kind.WORK_AID, topics=[geld, verein])
    tree.guidance_page("Kassenwart", kind=Kind.TASK, topics=[verein, geld])
    tree.guidance_page("Fishbowl-Diskussion", kind=Kind.METHOD)
    return tree


def test_index_lists_guidance_alphabetically(client, library):
    assert listed_titles(guidance_index(client)) == [
        "Anträge stellen",
        "Fishbowl-Diskussion",
        "Kassenwart",
        "Satzung schreiben",
    ]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"topic": "vereinsarbeit"}, ["Anträge stellen", "Kassenwart", "Satzung schreiben"]),
        ({"topic": "forderung"}, ["Anträge stellen", "Kassenwart"]),
        ({"kind": "work_aid"}, ["Anträge stellen", "Satzung schreiben"]),
        ({"kind": "method"}, ["Fishbowl-Diskussion"]),
        ({"kind": "project"}, []),
        ({"topic": "forderung", "kind": "task"}, ["Kassenwart"]),
        ({"topic": "unbekannt"}, []),
        (
            {"kind": "erfunden"},
            ["Anträge stellen", "Fishbowl-Diskussion", "Kassenwart", "Satzung schreiben"],
        ),
    ],
)
def test_index_filters(client, library, params, expected):
    assert listed_titles(guidance_index(client, **params)) == expected


def test_turkish_visitor_sees_turkish_topic_labels(client, library):
    library.sync("tr")
    html = guidance_index(client, lang="tr", topic="vereinsarbeit")
    assert '<option value="vereinsarbeit" selected>Dernek çalışması</option>' in html
    assert '<option value="forderung" lang="de" dir="ltr">Förderung</option>' in html  # German
    assert listed_titles(html) == ["Anträge stellen", "Kassenwart", "Satzung schreiben"]


def test_guidance_page_shows_topics_contacts_and_review_date(client, one_of_each):
    page = one_of_each["GuidancePage"]
    html = client.get(page.url).content.decode()
    assert "<li>Vereinsarbeit</li>" in html
    assert "Erika Beispiel" in html
    assert f'datetime="{page.last_reviewed:%Y-%m-%d}"' in html


def test_guidance_page_is_created_in_the_admin(tree, page_asserts, admin_user):
    topic = make_term(GuidanceTopic, "Vernetzung")
    person = make_contact()
    data = nested_form_data(
        {
            "title": "Netzwerke aufbauen",
            "slug": "netzwerke",
            "kind": "method",
            "intro": "Wie ein Verein Partner findet.",
            "last_reviewed": "2025-01-15",
            "body": streamfield(
                [
                    ("heading", {"text": "Schritte", "level": "h2"}),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "title": "Tipp",
                            "text": rich_text("<p>Klein anfangen.</p>"),
                        },
                    ),
                ]
            ),
            "contact_persons": inline_formset([{"person": person.pk}]),
        }
    )
    data["topics"] = [topic.pk]
    page_asserts.client.force_login(admin_user)
    page_asserts.assertCanCreate(tree.guidance, GuidancePage, data)
    page = GuidancePage.objects.get(slug="netzwerke", alias_of__isnull=True)
    assert page.kind == GuidancePage.Kind.METHOD
    assert [block.block_type for block in page.body] == ["heading", "callout"]
    page_asserts.client.logout()
    assert listed_titles(guidance_index(page_asserts.client, topic="vernetzung")) == [page.title]
