"""The factories of each app make valid, renderable German content (tests, demo, benchmarks).

`factory_site` builds the German site with the factories alone; conftest's Tree could build
its home page and indexes the same way.
"""

import pytest
from wagtail.models import Page, Site

from events.factories import EventIndexPageFactory, EventPageFactory
from guidance.factories import GuidanceIndexPageFactory, GuidancePageFactory, GuidanceTopicFactory
from home.factories import (
    ContactPersonFactory,
    DocumentFactory,
    FieldOfActionFactory,
    FormPageFactory,
    HomePageFactory,
    ImageFactory,
    StandardPageFactory,
)
from news.factories import NewsCategoryFactory, NewsIndexPageFactory, NewsPageFactory
from organisations.factories import (
    CommitteeFactory,
    OrganisationIndexPageFactory,
    OrganisationPageFactory,
)
from submissions.factories import EventSubmissionPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def factory_site(locales):
    home = HomePageFactory(parent=Page.get_first_root_node(), slug="start")
    Site.objects.filter(is_default_site=True).update(root_page=home)
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()  # Wagtail's welcome page
    return home


def test_every_page_factory_makes_a_page_that_renders(client, factory_site):
    home = factory_site
    organisations = OrganisationIndexPageFactory(parent=home)
    events = EventIndexPageFactory(parent=home)
    news = NewsIndexPageFactory(parent=home)
    guidance = GuidanceIndexPageFactory(parent=home)
    pages = [
        home,
        organisations,
        events,
        news,
        guidance,
        StandardPageFactory(parent=home),
        FormPageFactory(parent=home),
        OrganisationPageFactory(parent=organisations, logo=ImageFactory(title="Logo")),
        EventPageFactory(parent=events, dates=((3,), (10,))),
        EventSubmissionPageFactory(parent=events),
        NewsPageFactory(parent=news, lead_image=ImageFactory(title="Vorstand")),
        GuidancePageFactory(parent=guidance),
    ]
    for page in pages:
        assert page.locale.language_code == "de"
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert page.title in response.content.decode()
    assert pages[8].occurrences.count() == 2


def test_snippet_and_media_factories(factory_site):
    image = ImageFactory(title="Gruppenfoto", file__width=40, file__height=30)
    assert (image.width, image.height) == (40, 30) and image.collection.is_root()
    assert DocumentFactory(title="Satzung").file.read().startswith(b"%PDF")
    assert ContactPersonFactory().locale.language_code == "de"
    assert FieldOfActionFactory(name="Bildung").slug == "bildung"
    assert FieldOfActionFactory(name="Bildung") == FieldOfActionFactory(name="Bildung")
    assert NewsCategoryFactory(name="Presse").slug == GuidanceTopicFactory(name="Presse").slug
    committee = CommitteeFactory()
    assert committee.kind.name == "Beirat" and committee.locale.language_code == "de"
