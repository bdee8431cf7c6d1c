"""Structured data and sharing: schema.org JSON-LD, Open Graph and Twitter meta, CSP-safe."""

import datetime as dt
import json
import re

import pytest

from events.models import EventPage
from tests.recurrence_helpers import event_with_rule

pytestmark = pytest.mark.django_db


def page_html(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response, response.content.decode()


def json_ld(html):
    """Every JSON-LD object of the page, by @type (a @graph's members count one by one)."""
    found = {}
    for text in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S):
        data = json.loads(text)
        assert data["@context"] == "https://schema.org"
        for item in data.get("@graph", [data]):
            found.setdefault(item["@type"], []).append(item)
    return found


def meta(html, name):
    match = re.search(rf'<meta (?:property|name)="{re.escape(name)}" content="([^"]*)">', html)
    return match and match[1]


def test_event_data_for_each_upcoming_date(client, one_of_each):
    event = one_of_each["EventPage"]
    _, html = page_html(client, event)
    events = json_ld(html)["Event"]
    now = dt.datetime.now(dt.UTC)
    upcoming = [row.start for row in event.occurrences.order_by("start") if row.end > now]
    assert len(upcoming) == 2  # in 5 and in 40 days; the date 30 days ago is past
    assert [dt.datetime.fromisoformat(item["startDate"]) for item in events] == upcoming
    item = events[0]
    assert item["name"] == "Interkulturelles Frühstück"
    assert item["eventStatus"] == "https://schema.org/EventScheduled"
    assert item["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert item["location"] == {"@type": "Place", "name": "Bürgerhaus"}
    assert item["organizer"] == {
        "@type": "Organization",
        "name": "Elternverein Mitte",
        "url": "http://localhost/de/organisationen/elternverein-mitte/",
    }
    assert item["inLanguage"] == "de"
    assert item["url"] == "http://localhost/de/veranstaltungen/interkulturelles-fruhstuck/"
    assert item["image"][0].startswith("http://localhost/")
    assert item["isAccessibleForFree"] is True


def test_every_date_of_a_repeating_event_is_an_event(client, tree):
    first = dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(days=2)
    event = event_with_rule(tree, "Lauftreff", first, "FREQ=WEEKLY;COUNT=3")
    _, html = page_html(client, event)
    starts = [dt.datetime.fromisoformat(item["startDate"]) for item in json_ld(html)["Event"]]
    assert starts == [first + dt.timedelta(weeks=week) for week in range(3)]


@pytest.mark.parametrize(
    ("status", "schema_status", "location"),
    [
        (EventPage.Status.CANCELLED, "EventCancelled", "Place"),
        (EventPage.Status.POSTPONED, "EventPostponed", "Place"),
        (EventPage.Status.MOVED_ONLINE, "EventMovedOnline", "VirtualLocation"),
    ],
)
def test_event_status_and_online_location(client, tree, status, schema_status, location):
    event = tree.event("Vortrag", status=status, online_url="https://meet.example.org/vortrag")
    _, html = page_html(client, event)
    item = json_ld(html)["Event"][0]
    assert item["eventStatus"] == f"https://schema.org/{schema_status}"
    assert item["location"]["@type"] == location
    if location == "VirtualLocation":
        assert item["location"]["url"] == "https://meet.example.org/vortrag"
        assert item["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"


def test_event_data_in_the_visitors_language(client, tree, one_of_each):
    organisation = one_of_each["OrganisationPage"]
    tree.translate(organisation, "ar", title="جمعية الأهل")
    event = tree.translate(one_of_each["EventPage"], "ar", title="فطور")
    tree.sync("ar")
    _, html = page_html(client, event)
    item = json_ld(html)["Event"][0]
    assert item["name"] == "فطور" and item["inLanguage"] == "ar"
    assert item["organizer"]["name"] == "جمعية الأهل"


def test_news_article(client, one_of_each):
    news = one_of_each["NewsPage"]
    news.save_revision().publish()
    news.refresh_from_db()
    _, html = page_html(client, news)
    (article,) = json_ld(html)["NewsArticle"]
    assert article["headline"] == "Gemeinsame Pressemitteilung"
    assert article["datePublished"] == news.date.isoformat()
    assert article["dateModified"].startswith(str(news.last_published_at.year))
    assert article["url"] == f"http://localhost{news.url}"
    assert article["inLanguage"] == "de"
    assert article["image"].startswith("http://localhost/")
    assert article["publisher"]["@type"] == "Organization"


def test_organization(client, one_of_each):
    organisation = one_of_each["OrganisationPage"]
    _, html = page_html(client, organisation)
    (data,) = json_ld(html)["Organization"]
    assert data["name"] == "Elternverein Mitte"
    assert data["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Marktplatz 1",
        "postalCode": "12345",
        "addressLocality": "Mittelstadt",
        "addressCountry": "DE",
    }
    assert data["logo"].startswith("http://localhost/")
    assert data["url"] == f"http://localhost{organisation.url}"


@pytest.mark.parametrize("page_type", ["EventPage", "NewsPage", "OrganisationPage", "GuidancePage"])
def test_breadcrumbs(client, one_of_each, page_type):
    page = one_of_each[page_type]
    _, html = page_html(client, page)
    (breadcrumbs,) = json_ld(html)["BreadcrumbList"]
    items = breadcrumbs["itemListElement"]
    assert [item["position"] for item in items] == [1, 2, 3]
    assert items[0]["name"] == "Startseite"
    assert items[-1]["name"] == page.title
    assert items[-1]["item"] == f"http://localhost{page.url}"


def test_text_cannot_break_out_of_the_json(client, tree):
    title = 'Tanz </script><script>alert("x")</script> & mehr'
    event = tree.event(title, teaser="<b>fett</b> & 'zitiert'")
    _, html = page_html(client, event)
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert blocks and all("<" not in block and ">" not in block for block in blocks)
    assert json_ld(html)["Event"][0]["name"] == title
    assert json_ld(html)["Event"][0]["description"] == "<b>fett</b> & 'zitiert'"


@pytest.mark.parametrize(
    ("page_type", "og_type", "card"),
    [
        ("EventPage", "website", "summary_large_image"),
        ("NewsPage", "article", "summary_large_image"),
        ("OrganisationPage", "website", "summary_large_image"),
    ],
)
def test_sharing_meta(client, one_of_each, page_type, og_type, card):
    page = one_of_each[page_type]
    _, html = page_html(client, page)
    assert meta(html, "og:type") == og_type
    assert meta(html, "og:title") == page.title
    assert meta(html, "og:url") == f"http://localhost{page.url}"
    assert meta(html, "og:image").startswith("http://localhost/")
    assert meta(html, "og:description")
    assert meta(html, "og:locale") == "de"
    assert meta(html, "twitter:card") == card
    assert meta(html, "twitter:title") == page.title


@pytest.mark.parametrize(
    "page_type", ["EventPage", "NewsPage", "OrganisationPage", "EventIndexPage"]
)
def test_no_inline_script_only_data(client, one_of_each, page_type):
    """The strict CSP stays: JSON-LD is the only <script> without src, and it is data."""
    response, html = page_html(client, one_of_each[page_type])
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    for attributes in re.findall(r"<script\b([^>]*)>", html):
        assert 'type="application/ld+json"' in attributes or "src=" in attributes
    hosts = set(re.findall(r'(?:src|href|content)="https?://([^/"]+)', html))
    share_links = {"wa.me", "t.me"}  # plain links: nothing loads from them until clicked
    assert hosts <= {"localhost", "meet.example.org", "example.org", *share_links}
