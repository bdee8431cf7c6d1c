"""What each Plone type becomes in the portal (the table in plone_import/README.md).

Roles
    site       the Plone site root: the --parent page (default: the German home page)
    root       a language root folder (LRF): the same page in the LRF's language
    section    a top-level news, events or guidance folder: an index page below the home page
    page       a page the importer writes (standard, guidance, news or event page)
    container  a folder that needs no page (LIF, flattened folders): its content moves up
    image, document, link
    person     a Person: a ContactPerson snippet
    venue      a Location: no page; the events that name it get its name and address
    unsupported  a type the portal does not know: reported and skipped, its content moves up
"""

from events.models import EventIndexPage, EventPage
from guidance.models import GuidanceIndexPage, GuidancePage
from home.models import HomePage, StandardPage
from news.models import NewsIndexPage, NewsPage
from organisations.models import OrganisationIndexPage, OrganisationPage

SITE, ROOT, SECTION, PAGE, CONTAINER = "site", "root", "section", "page", "container"
IMAGE, DOCUMENT, LINK, UNSUPPORTED = "image", "document", "link", "unsupported"
PERSON, VENUE = "person", "venue"

BASE_ROLES = {
    "Plone Site": SITE,
    "LRF": ROOT,
    "LIF": CONTAINER,
    "Folder": PAGE,
    "Document": PAGE,
    "News Item": PAGE,
    "Event": PAGE,
    "Image": IMAGE,
    "File": DOCUMENT,
    "Link": LINK,
    "Person": PERSON,
    "Location": VENUE,
    "Organisational Unit": PAGE,
    "OrganisationalUnit": PAGE,
}
ORGANISATION_TYPES = {"Organisational Unit", "OrganisationalUnit"}
FOLDERISH = {"Folder", "Document"}
PAGE_CHILD_TYPES = {"Folder", "Document"}

NEWS, EVENTS, GUIDANCE = "news", "events", "guidance"
# Section folders map onto an existing index page with their slug; news and events
# folders onto the language's first news or events index when none has it.
REUSE_FIRST = {NEWS, EVENTS}
SECTION_MODELS = {NEWS: NewsIndexPage, EVENTS: EventIndexPage, GUIDANCE: GuidanceIndexPage}
# Ids of top-level folders that become sections (German and English names in use).
SECTION_IDS = {
    NEWS: {"news", "aktuelles", "nachrichten", "neuigkeiten", "presse", "pressemitteilungen"},
    EVENTS: {"events", "termine", "veranstaltungen", "kalender", "event-calendar"},
    GUIDANCE: {
        "guidance",
        "handreichungen",
        "arbeitshilfen",
        "materialien",
        "methoden",
        "methodenkarten",
        "leitfaeden",
    },
}
# A page that cannot live where its Plone parent's page is goes to this index page.
INDEX_FOR = {
    NewsPage: NewsIndexPage,
    EventPage: EventIndexPage,
    GuidancePage: GuidanceIndexPage,
    OrganisationPage: OrganisationIndexPage,
}
# Titles of index pages the importer has to create (in German, the source language).
INDEX_TITLES = {
    NewsIndexPage: "Aktuelles",
    EventIndexPage: "Veranstaltungen",
    GuidanceIndexPage: "Handreichungen",
    OrganisationIndexPage: "Organisationen",
}
ANCHOR_MODELS = (HomePage, StandardPage)


def base_role(portal_type):
    return BASE_ROLES.get(portal_type, UNSUPPORTED)


def section_kind(name, child_types, overrides, path):
    """news / events / guidance for a top-level folder, or None.

    --section PATH=KIND decides first, then the folder's id, then its content:
    a folder holding only news items (or only events) is that section.
    """
    if path in overrides:
        return overrides[path]
    for kind, ids in SECTION_IDS.items():
        if name.lower() in ids:
            return kind
    content = child_types - {"Image", "File", "Link", "Folder"}
    if content == {"News Item"}:
        return NEWS
    if content == {"Event"}:
        return EVENTS
    return None


def page_model(portal_type, context, child_types):
    """The page model of a Plone item with role `page`, or None when it needs no page.

    context is the kind of section the item sits in (or None).
    """
    if portal_type == "News Item":
        return NewsPage
    if portal_type == "Event":
        return EventPage
    if portal_type in ORGANISATION_TYPES:
        return OrganisationPage
    if portal_type == "Document":
        return GuidancePage if context == GUIDANCE else StandardPage
    # A folder is a plain page that holds pages; inside a section, or holding only
    # news, events, images, files or links, it needs no page of its own.
    if context is None and child_types & PAGE_CHILD_TYPES:
        return StandardPage
    return None


def can_hold(parent_model, model):
    """Whether a page of `model` may live below a page of `parent_model`."""
    return model in parent_model.allowed_subpage_models()
