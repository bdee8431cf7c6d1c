"""The read API at /api/v2/ (syndication/api.py): pages, images, documents in every language."""

import pytest
from django.core.cache import cache
from django.test import override_settings
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from locales.languages import LANGUAGES

from .conftest import make_document

API = "/api/v2"


def get(client, path, **params):
    response = client.get(f"{API}/{path}", params)
    assert response.status_code == 200, response.content[:500]
    return response.json()


SYNCED = ("en", "ar")  # aliases in these languages (every language costs seconds per test)


@pytest.fixture
def content(one_of_each, tree):
    for code in SYNCED:
        tree.sync(code)
    return one_of_each


def titles(data):
    return {item["title"] for item in data["items"]}


def test_every_language_lists_its_pages(client, tree):
    tree.news_item("Neuer Vorstand gewählt")
    for language in LANGUAGES:
        if language.code != "de":
            tree.sync(language.code)
    every = {language.code for language in LANGUAGES}
    for code in every:
        data = get(client, "pages/", locale=code, type="news.NewsPage")
        assert data["meta"]["total_count"] == 1, code
        item = data["items"][0]
        assert item["meta"]["locale"] == code
        assert item["meta"]["html_url"].startswith(f"http://localhost/{code}/")
        assert {entry["locale"] for entry in item["meta"]["translations"]} == every - {code}
        assert {i["meta"]["locale"] for i in get(client, "pages/", locale=code)["items"]} == {code}


def test_translation_links_say_which_are_translated(client, content, tree):
    news = content["NewsPage"]
    tree.translate(news, "ar", title="بيان صحفي مشترك")
    data = get(client, "pages/", locale="de", type="news.NewsPage")
    links = {entry["locale"]: entry for entry in data["items"][0]["meta"]["translations"]}
    assert links["ar"]["translated"] is True
    assert links["ar"]["title"] == "بيان صحفي مشترك"
    assert links["ar"]["html_url"].endswith("/ar/aktuelles/gemeinsame-pressemitteilung/")
    assert links["en"]["translated"] is False  # an alias: the German text
    arabic = get(client, "pages/", locale="ar", type="news.NewsPage")["items"][0]
    assert arabic["title"] == "بيان صحفي مشترك"
    assert {e["locale"]: e["translated"] for e in arabic["meta"]["translations"]}["de"] is True


@pytest.mark.parametrize("code", ["de", "en", "ar"])
@pytest.mark.parametrize("page_type", ["NewsPage", "EventPage", "OrganisationPage", "GuidancePage"])
def test_detail_of_each_content_type(client, content, tree, code, page_type):
    page = tree.in_language(content[page_type], code)
    data = get(client, f"pages/{page.pk}/")
    assert data["title"] == page.title
    assert data["meta"]["locale"] == code
    every_language = {language.code for language in LANGUAGES}  # aliases count (issue 12)
    assert {entry["locale"] for entry in data["meta"]["translations"]} == every_language - {code}


def test_event_fields_dates_and_labels(client, content, tree):
    event = tree.in_language(content["EventPage"], "ar")
    data = get(client, f"pages/{event.pk}/")
    assert len(data["dates"]) == 2  # the two upcoming ones, not the past one
    assert data["dates"][0]["start"] < data["dates"][1]["start"]
    assert data["target_groups"] == [{"slug": "frauen", "name": "نساء"}]
    assert data["organiser"]["title"] == "Elternverein Mitte"
    assert data["organiser"]["html_url"].endswith("/ar/organisationen/elternverein-mitte/")
    assert data["background"] == "<p>Hintergrund</p>"
    assert data["funding_note"]["title"] == "AMIF"
    assert data["image"]["id"] == event.image_id


def test_organisation_filter_fields_in_the_language(client, content, tree):
    tree.sync("tr")
    organisation = tree.in_language(content["OrganisationPage"], "tr")
    data = get(client, f"pages/{organisation.pk}/")
    assert data["fields_of_action"] == [{"slug": "bildung", "name": "Eğitim"}]
    assert data["district"] == {"slug": "mitte", "name": "Mitte"}
    assert data["links"] == [{"label": "Instagram", "url": "https://example.org/elternverein"}]
    assert data["city"] == "Mittelstadt"


def test_no_contact_persons_in_the_api(client, content, tree):
    for page_type in ("NewsPage", "OrganisationPage", "GuidancePage"):
        data = client.get(f"{API}/pages/{content[page_type].pk}/").content.decode()
        assert "erika@example.org" not in data
        assert "0521 123456" not in data
        assert "contact_persons" not in data and "press_contact" not in data
    every = client.get(f"{API}/pages/{content['NewsPage'].pk}/", {"fields": "*"})
    assert b"erika@example.org" not in every.content
    refused = client.get(f"{API}/pages/{content['NewsPage'].pk}/", {"fields": "press_contact"})
    assert refused.status_code == 400


def test_listing_filters_organisations(client, content, tree):
    tree.organisation("Sportverein Nord")
    tree.sync("en")
    for code in ("de", "en"):
        data = get(
            client, "pages/", locale=code, type="organisations.OrganisationPage", field="bildung"
        )
        assert titles(data) == {"Elternverein Mitte"}
        data = get(client, "pages/", locale=code, type="organisations.OrganisationPage")
        assert titles(data) == {"Elternverein Mitte", "Sportverein Nord"}


def test_listing_filters_events(client, content, tree):
    tree.event("Vergangenes Treffen", dates=((-10,),))
    tree.sync("ar")
    data = get(client, "pages/", locale="ar", type="events.EventPage", upcoming=1)
    assert titles(data) == {"Interkulturelles Frühstück"}
    data = get(client, "pages/", locale="ar", type="events.EventPage", target_group="frauen")
    assert titles(data) == {"Interkulturelles Frühstück"}
    data = get(
        client, "pages/", locale="ar", type="events.EventPage", organiser="elternverein-mitte"
    )
    assert titles(data) == {"Interkulturelles Frühstück"}
    data = get(client, "pages/", locale="ar", type="events.EventPage")
    assert titles(data) == {"Interkulturelles Frühstück", "Vergangenes Treffen"}


def test_only_live_public_pages(client, content, tree):
    draft = tree.news_item("Entwurf")
    draft.unpublish()
    private = tree.news_item("Intern")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    data = get(client, "pages/", locale="de", type="news.NewsPage")
    assert titles(data) == {"Gemeinsame Pressemitteilung"}
    assert client.get(f"{API}/pages/{draft.pk}/").status_code == 404
    assert client.get(f"{API}/pages/{private.pk}/").status_code == 404


def test_images_and_documents(client, content):
    images = get(client, "images/")
    assert "Gruppenfoto" in titles(images)
    image_id = images["items"][0]["id"]
    assert get(client, f"images/{image_id}/")["width"] == 12
    documents = get(client, "documents/")
    assert titles(documents) == {"Satzung"}
    document_id = documents["items"][0]["id"]
    assert get(client, f"documents/{document_id}/")["meta"]["download_url"]


def test_documents_in_private_collections_are_left_out(client, db):
    private = Collection.get_first_root_node().add_child(name="Vorstand")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    make_document("Öffentlich")
    hidden = make_document("Protokoll")
    hidden.collection = private
    hidden.save()
    assert titles(get(client, "documents/")) == {"Öffentlich"}
    assert client.get(f"{API}/documents/{hidden.pk}/").status_code == 404


def test_read_only(client, content):
    for method in (client.post, client.put, client.patch, client.delete):
        assert method(f"{API}/pages/").status_code == 405
        assert method(f"{API}/pages/{content['NewsPage'].pk}/").status_code == 405


def test_cached_public_and_no_cookies(client, content, tree):
    first = client.get(f"{API}/pages/", {"locale": "de"})
    assert first["Cache-Control"] == "public, max-age=300"
    assert first["X-Page-Cache"] == "miss"
    assert not first.cookies
    second = client.get(f"{API}/pages/", {"locale": "de"})
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    tree.news_item("Noch eine Meldung")  # any page change drops the cached answers
    third = client.get(f"{API}/pages/", {"locale": "de", "type": "news.NewsPage"})
    assert "Noch eine Meldung" in titles(third.json())


@override_settings(API_RATE_LIMIT="3/minute", PAGE_CACHE_SECONDS=0)
def test_rate_limited_per_client(client, content):
    statuses = [client.get(f"{API}/pages/", {"offset": n}).status_code for n in range(4)]
    assert statuses == [200, 200, 200, 429]
    other = client.get(f"{API}/pages/", REMOTE_ADDR="10.1.2.3")
    assert other.status_code == 200
    assert not any("127.0.0.1" in str(key) for key in cache._cache)  # addresses only hashed


@override_settings(PAGE_CACHE_SECONDS=0)
def test_unknown_parameters_and_locales(client, content):
    assert client.get(f"{API}/pages/", {"locale": "xx"}).status_code == 404
    assert client.get(f"{API}/pages/", {"colour": "red"}).status_code == 400
