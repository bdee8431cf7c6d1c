"""An organisation's events: its page lists them and offers its calendar; every calendar
link offers a webcal: subscription besides the download; the events index filters by it.

Through HTTP in German and Arabic; organisations/ reaches the events through the reverse
relation and events' template tags, never by importing events/.
"""

import re
from html import unescape

import pytest
from icalendar import Calendar

from tests.conftest import shared

pytestmark = pytest.mark.django_db


@shared
def two_organisers(tree):
    tree.verein = tree.organisation("Elternverein Mitte", slug="elternverein-mitte")
    tree.other = tree.organisation("Sportclub Nord", slug="sportclub-nord")
    tree.cafe = tree.event("Elterncafé", organiser=tree.verein)
    tree.old = tree.event("Frühere Sitzung", dates=((-20,),), organiser=tree.verein)
    tree.match = tree.event("Turnier", organiser=tree.other)
    tree.sync("ar")
    return tree


def links(html):
    return [unescape(href) for href in re.findall(r'<a href="([^"]+)"', html)]


def webcal(found, path):
    """Whether a webcal: link to path (on the Site's host) is among the links."""
    return any(url.startswith("webcal://") and url.endswith(path) for url in found)


def summaries(client, url):
    response = client.get(url)
    assert response.status_code == 200
    content = b"".join(response) if response.streaming else response.content
    return {str(event["SUMMARY"]) for event in Calendar.from_ical(content).walk("VEVENT")}


@pytest.mark.parametrize("code", ["de", "ar"])
def test_the_organisation_page_lists_its_upcoming_events_and_its_calendar(
    client, two_organisers, code
):
    page = two_organisers.in_language(two_organisers.verein, code)
    html = client.get(page.url).content.decode()
    assert "Elterncafé" in html
    assert "Frühere Sitzung" not in html and "Turnier" not in html
    found = links(html)
    feed = f"/{code}/calendar/events.ics?organiser=elternverein-mitte"
    assert webcal(found, feed) and feed in found
    listing = next(url for url in found if "veranstaltungen/?organiser=" in url)
    assert listing.startswith(f"/{code}/")
    # Both lead to this organisation's events only.
    listed = client.get(listing).content.decode()
    assert "Elterncafé" in listed and "Turnier" not in listed
    assert summaries(client, feed) >= {"Elterncafé"} and "Turnier" not in summaries(client, feed)


def test_an_organisation_without_events_says_so_and_still_offers_its_calendar(client, tree):
    quiet = tree.organisation("Kulturkreis", slug="kulturkreis")
    html = client.get(quiet.url).content.decode()
    assert "Zurzeit keine anstehenden Veranstaltungen." in html
    assert webcal(links(html), "/de/calendar/events.ics?organiser=kulturkreis")


@pytest.mark.parametrize("code", ["de", "ar"])
def test_every_calendar_link_offers_webcal_and_download(client, two_organisers, code):
    index = two_organisers.in_language(two_organisers.events, code)
    html = client.get(index.url, {"organiser": "sportclub-nord"}).content.decode()
    assert "Turnier" in html and "Elterncafé" not in html  # the index filters by organiser
    feed = f"/{code}/calendar/events.ics?organiser=sportclub-nord"
    assert webcal(links(html), feed)
    assert re.search(rf'<a href="{re.escape(feed)}" type="text/calendar" download>', html)

    event = two_organisers.in_language(two_organisers.cafe, code)
    html = client.get(event.url).content.decode()
    ics = f"/{code}/calendar/event-{event.pk}.ics"
    assert webcal(links(html), ics) and ics in links(html)
    assert summaries(client, ics) == {"Elterncafé"}
