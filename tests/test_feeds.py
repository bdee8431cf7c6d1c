"""News feeds: RSS 2.0 and Atom per language and per category, advertised on the pages."""

import datetime as dt
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from news.models import NewsCategory
from tests.conftest import make_image, make_term

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def feed(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response, ET.fromstring(response.content)  # noqa: S314 (our own feed)


@pytest.fixture
def newsroom(tree):
    presse = make_term(NewsCategory, "Presse", ar="صحافة")
    projekte = make_term(NewsCategory, "Projekte")
    tree.news_item(
        "Neuer Vorstand",
        date=dt.date(2024, 3, 1),
        teaser="Der Verein hat gewählt.",
        categories=[presse],
        lead_image=make_image("Vorstand", size=(40, 30)),
    )
    tree.news_item("Fördergeld bewilligt", date=dt.date(2024, 6, 15), categories=[projekte])
    tree.news_item("Sommerfest", date=dt.date(2025, 7, 1))
    return tree


def test_rss_lists_the_newest_news_with_full_urls_dates_and_summaries(client, newsroom):
    response, rss = feed(client, "/de/feeds/news.rss")
    assert response["Content-Type"].startswith("application/rss+xml")
    assert rss.tag == "rss" and rss.get("version") == "2.0"
    channel = rss.find("channel")
    assert channel.findtext("language") == "de"
    assert channel.findtext("link") == "http://localhost/de/aktuelles/"
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == [
        "Sommerfest",
        "Fördergeld bewilligt",
        "Neuer Vorstand",
    ]
    last = items[-1]
    assert last.findtext("link") == "http://localhost/de/aktuelles/neuer-vorstand/"
    assert last.findtext("guid") == last.findtext("link")
    assert last.findtext("description") == "Der Verein hat gewählt."
    assert parsedate_to_datetime(last.findtext("pubDate")).date() == dt.date(2024, 3, 1)
    assert last.findtext("category") == "Presse"


def test_the_lead_image_is_the_enclosure(client, newsroom):
    _, rss = feed(client, "/de/feeds/news.rss")
    items = {item.findtext("title"): item for item in rss.find("channel").findall("item")}
    enclosure = items["Neuer Vorstand"].find("enclosure")
    assert enclosure.get("url").startswith("http://localhost/")  # the Site, not the Host header
    assert enclosure.get("type") == "image/png"
    assert int(enclosure.get("length")) > 0
    assert items["Sommerfest"].find("enclosure") is None


def test_atom_feed(client, newsroom):
    response, atom = feed(client, "/de/feeds/news.atom")
    assert response["Content-Type"].startswith("application/atom+xml")
    entries = atom.findall(f"{ATOM}entry")
    assert len(entries) == 3
    entry = entries[-1]
    assert entry.find(f"{ATOM}link[@rel='alternate']").get("href") == (
        "http://localhost/de/aktuelles/neuer-vorstand/"
    )
    assert entry.find(f"{ATOM}link[@rel='enclosure']").get("type") == "image/png"
    assert entry.findtext(f"{ATOM}summary") == "Der Verein hat gewählt."
    assert entry.findtext(f"{ATOM}published").startswith("2024-03-01")
    assert entry.findtext(f"{ATOM}updated")
    assert (
        atom.find(f"{ATOM}link[@rel='self']").get("href") == "http://localhost/de/feeds/news.atom"
    )


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_category_feeds(client, newsroom, kind):
    _, root = feed(client, f"/de/feeds/news/presse.{kind}")
    if kind == "rss":
        titles = [item.findtext("title") for item in root.find("channel").findall("item")]
        assert root.find("channel").findtext("title").endswith(": Presse")
    else:
        titles = [entry.findtext(f"{ATOM}title") for entry in root.findall(f"{ATOM}entry")]
    assert titles == ["Neuer Vorstand"]


def test_an_unknown_category_has_no_feed(client, newsroom):
    assert client.get("/de/feeds/news/unbekannt.rss").status_code == 404


def test_each_language_has_its_feed(client, newsroom):
    sommerfest = newsroom.news.get_children().get(slug="sommerfest")
    newsroom.translate(newsroom.news, "ar", title="أخبار")
    newsroom.translate(sommerfest, "ar", title="مهرجان الصيف")
    newsroom.sync("ar")
    _, rss = feed(client, "/ar/feeds/news.rss")
    channel = rss.find("channel")
    assert channel.findtext("language") == "ar"
    items = channel.findall("item")
    assert items[0].findtext("title") == "مهرجان الصيف"
    assert all("/ar/" in item.findtext("link") for item in items)
    _, category = feed(client, "/ar/feeds/news/presse.rss")
    assert category.find("channel").findtext("title").endswith(": صحافة")


def test_news_pages_advertise_the_feeds(client, newsroom):
    page = newsroom.news.get_children().get(slug="sommerfest")
    html = client.get(page.url).content.decode()
    assert 'rel="alternate" type="application/rss+xml"' in html
    assert 'href="/de/feeds/news.rss"' in html and 'href="/de/feeds/news.atom"' in html


def test_a_feed_costs_the_same_with_3_and_15_items(client, tree):
    presse = make_term(NewsCategory, "Presse")

    def add(start, count):
        for number in range(start, start + count):
            tree.news_item(
                f"Meldung {number}",
                date=dt.date(2024, 1, 1) + dt.timedelta(days=number),
                categories=[presse],
                lead_image=make_image(f"Bild {number}"),
            )

    def queries():
        assert client.get("/de/feeds/news.rss").status_code == 200  # renditions exist now
        with CaptureQueriesContext(connection) as context:
            assert client.get("/de/feeds/news.rss").status_code == 200
        return len(context.captured_queries)

    add(0, 3)
    few = queries()
    add(3, 12)
    assert queries() == few
