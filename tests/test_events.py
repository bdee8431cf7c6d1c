"""events: the index of upcoming dates, its filters, the event page, events in the admin."""

import re

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from events.models import EventPage
from home.models import TargetGroup
from tests.conftest import in_days, make_term, shared

pytestmark = pytest.mark.django_db


def event_index(client, lang="de", **params):
    response = client.get(f"/{lang}/veranstaltungen/", params)
    assert response.status_code == 200
    return response.content.decode()


def listed_titles(html):
    """Event titles in the order the index lists their dates (one per date)."""
    return re.findall(r'<h3 class="card-title"><a href="[^"]+"[^>]*>([^<]+)</a></h3>', html)


@shared
def calendar(tree):
    """Events by two organisers for two target groups, with past and future dates."""
    youth, women = make_term(TargetGroup, "Jugendliche"), make_term(TargetGroup, "Frauen")
    verein = tree.organisation("Jugendverein")
    zentrum = tree.organisation("Integrationszentrum")
    tree.event("Hausaufgabenhilfe", dates=((2,), (9,)), target_groups=[youth], organiser=verein)
    tree.event("Frauenfrühstück", dates=((5,),), target_groups=[women], organiser=zentrum)
    tree.event("Netzwerktreffen", dates=((20,), (-10,)), organiser=zentrum)
    tree.event("Sommerfest 2020", dates=((-100,),), organiser=verein)
    return tree


def test_index_lists_upcoming_dates_in_date_order(client, calendar):
    assert listed_titles(event_index(client)) == [
        "Hausaufgabenhilfe",
        "Frauenfrühstück",
        "Hausaufgabenhilfe",
        "Netzwerktreffen",
    ]


def test_index_leaves_out_past_dates(client, calendar):
    html = event_index(client)
    assert "Sommerfest 2020" not in html
    assert listed_titles(html).count("Netzwerktreffen") == 1  # its past date is not shown


def test_an_event_running_now_is_still_listed(client, tree):
    tree.event("Läuft gerade", dates=((0, 0, 48),))  # began at midnight today, ends in two days
    assert listed_titles(event_index(client)) == ["Läuft gerade"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"target_group": "jugendliche"}, ["Hausaufgabenhilfe", "Hausaufgabenhilfe"]),
        ({"target_group": "frauen"}, ["Frauenfrühstück"]),
        ({"organiser": "integrationszentrum"}, ["Frauenfrühstück", "Netzwerktreffen"]),
        ({"organiser": "jugendverein"}, ["Hausaufgabenhilfe", "Hausaufgabenhilfe"]),
        ({"organiser": "jugendverein", "target_group": "frauen"}, []),
        ({"target_group": "unbekannt"}, []),
    ],
)
def test_index_filters(client, calendar, params, expected):
    assert listed_titles(event_index(client, **params)) == expected


def test_organiser_filter_offers_the_organisers_by_their_german_slug(client, calendar):
    html = event_index(client)
    assert '<option value="integrationszentrum">Integrationszentrum</option>' in html
    assert '<option value="jugendverein">Jugendverein</option>' in html


def test_arabic_index_filters_by_the_slug_of_the_german_organisation(client, calendar):
    """Translated organisation pages may get Arabic slugs; the filter value stays German."""
    zentrum = calendar.organisations.get_children().get(slug="integrationszentrum")
    calendar.translate(zentrum, "ar", title="مركز الاندماج", slug="markaz")
    calendar.sync("ar")
    html = event_index(client, lang="ar", organiser="integrationszentrum")
    assert listed_titles(html) == ["Frauenfrühstück", "Netzwerktreffen"]
    assert 'href="/ar/veranstaltungen/frauenfruhstuck/"' in html
    assert '<option value="integrationszentrum" selected>مركز الاندماج</option>' in html
    assert "مركز الاندماج" in html.split("result-count")[1]  # the cards name the Arabic organiser


def test_index_shows_only_events_in_the_visitors_language(client, calendar):
    """Every event exists in every language (an alias until translated); each index lists
    the versions in its own language and links them there, never the German page."""
    event = calendar.event("Nur auf Deutsch", dates=((3,),))
    calendar.translate(calendar.events, "ar", title="الفعاليات")
    html = event_index(client, lang="ar")
    assert "Nur auf Deutsch" in listed_titles(html)
    assert f'href="/ar/veranstaltungen/{event.slug}/"' in html
    assert f'href="{event.url}"' not in html
    Page.objects.filter(translation_key=event.translation_key, locale__language_code="ar").delete()
    assert "Nur auf Deutsch" not in listed_titles(event_index(client, lang="ar"))


def test_event_page_shows_upcoming_and_past_dates(client, tree):
    event = tree.event("Stammtisch", dates=((3,), (-3,)))
    html = client.get(event.url).content.decode()
    upcoming = re.search(r'class="date-list">(.*?)</ul>', html)[1]
    past = re.search(r'id="past-dates".*?</section>', html, re.S)[0]
    start_soon, start_before = in_days(3)[0], in_days(-3)[0]
    assert start_soon.date().isoformat() in upcoming
    assert start_before.date().isoformat() in past


def test_event_page_shows_the_organiser_in_the_visitors_language(client, tree):
    organisation = tree.organisation("Frauentreff")
    tree.translate(organisation, "ar", title="ملتقى النساء")
    event = tree.event("Nähcafé", organiser=organisation)
    tree.sync("ar")
    html = client.get(tree.in_language(event, "ar").url).content.decode()
    assert '<a href="/ar/organisationen/frauentreff/"><bdi>ملتقى النساء</bdi></a>' in html


def test_event_is_created_in_the_admin_with_its_dates(tree, page_asserts, admin_user):
    youth = make_term(TargetGroup, "Jugendliche")
    organiser = tree.organisation("Jugendverein")
    start, end = in_days(14)
    data = nested_form_data(
        {
            "title": "Berufsorientierung",
            "slug": "berufsorientierung",
            "teaser": "Ausbildungsbetriebe stellen sich vor.",
            "organiser": organiser.pk,
            "status": "scheduled",
            "occurrences": inline_formset(
                [{"start": f"{start:%Y-%m-%d %H:%M}", "end": f"{end:%Y-%m-%d %H:%M}"}], min=1
            ),
            "exception_dates": inline_formset([]),
            "background": rich_text("<p>Viele Jugendliche suchen einen Ausbildungsplatz.</p>"),
            "is_free": "on",
            "body": streamfield([("heading", {"text": "Ablauf", "level": "h2"})]),
        }
    )
    data["target_groups"] = [youth.pk]
    page_asserts.client.force_login(admin_user)
    page_asserts.assertCanCreate(tree.events, EventPage, data)
    page = EventPage.objects.get(slug="berufsorientierung", alias_of__isnull=True)
    assert page.live and page.organiser_id == organiser.pk
    assert [(o.start, o.end) for o in page.occurrences.all()] == [(start, end)]
    page_asserts.client.logout()
    assert listed_titles(event_index(page_asserts.client, target_group="jugendliche")) == [
        "Berufsorientierung"
    ]


def add_event_in_admin(client, parent, occurrences):
    """POST the admin's "add event" form; returns the occurrences formset of the answer."""
    data = nested_form_data(
        {
            "title": "Abgelehnt",
            "slug": "abgelehnt",
            "teaser": "Soll nicht entstehen.",
            "status": "scheduled",
            "occurrences": inline_formset(occurrences, min=1),
            "exception_dates": inline_formset([]),
            "body": streamfield([]),
            "action-publish": "action-publish",
        }
    )
    url = reverse("wagtailadmin_pages:add", args=["events", "eventpage", parent.pk])
    response = client.post(url, data)
    assert response.status_code == 200  # the form again, not a redirect
    assert not EventPage.objects.filter(slug="abgelehnt").exists()
    return response.context["form"].formsets["occurrences"]


def test_event_without_a_date_is_refused_in_the_admin(tree, admin_client):
    formset = add_event_in_admin(admin_client, tree.events, [])
    assert formset.non_form_errors()


def test_event_ending_before_it_starts_is_refused_in_the_admin(tree, admin_client):
    start, end = in_days(5)
    formset = add_event_in_admin(
        admin_client,
        tree.events,
        [{"start": f"{end:%Y-%m-%d %H:%M}", "end": f"{start:%Y-%m-%d %H:%M}"}],
    )
    assert "end" in formset.errors[0]
