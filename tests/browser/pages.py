"""The pages the browser tests visit: the list, and where each lives in the demo content.

Nothing here starts a browser or a server; conftest.py does that.
"""

import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

LANGUAGES = ("de", "ar")
INDEX_PAGES = ("organisations", "events", "news", "guidance")
DETAIL_PAGES = ("organisation", "event", "news-item", "guidance-page", "standard")
# The event submission form, a form-builder page, the profile proposal form and the
# request for a personal link (views of submissions/).
FORM_PAGES = ("submission", "sign-up", "proposal", "my-link")
PUBLIC_PAGES = ("home", *INDEX_PAGES, *DETAIL_PAGES, *FORM_PAGES, "search")

PUBLIC_PAGE_IDS = [f"{code}-{name}" for code in LANGUAGES for name in PUBLIC_PAGES]
# Pages with a form set the CSRF cookie, so they are visited in a browser context of their own.
FORM_PAGE_IDS = [f"{code}-{name}" for code in LANGUAGES for name in FORM_PAGES]
READING_PAGE_IDS = [page_id for page_id in PUBLIC_PAGE_IDS if page_id not in FORM_PAGE_IDS]
ADMIN_PAGE_IDS = [f"{code}-admin-login" for code in LANGUAGES]
ALL_PAGE_IDS = PUBLIC_PAGE_IDS + ADMIN_PAGE_IDS

# Right-to-left: Arabic (translated demo pages) and Farsi (the demo has no Farsi text, so
# every page there shows German content in a Farsi interface). Every public page type in
# both is read for direction (BIDI_CHECK); the Farsi pages also get the checks of every page.
RTL_LANGUAGES = ("ar", "fa")
FARSI_PAGE_IDS = [f"fa-{name}" for name in PUBLIC_PAGES]
RTL_PAGE_IDS = [f"{code}-{name}" for code in RTL_LANGUAGES for name in PUBLIC_PAGES]
# BITV 2.0 § 4 (issue 18): the demo's texts in Leichte Sprache (German, lang de-x-ls), the
# German text "what the portal offers" in every language (an alias where untranslated:
# last updated and share links in each language's words), the start page in the rest.
EVERY_LANGUAGE = ("de", "en", "tr", "ar", "ru", "uk", "fa")
EASY_PAGES = ("easy-home", "easy-offer", "easy-orientation", "easy-statement")
ACCESSIBILITY_PAGE_IDS = [
    *[f"de-{name}" for name in EASY_PAGES],
    *[f"{code}-offer" for code in EVERY_LANGUAGE],
    *[f"{code}-home" for code in EVERY_LANGUAGE if code not in (*LANGUAGES, "fa")],
]
CHECKED_PAGE_IDS = ALL_PAGE_IDS + FARSI_PAGE_IDS + ACCESSIBILITY_PAGE_IDS


def language_of(page_id):
    return page_id.split("-", 1)[0]


def is_form_page(page_id):
    return page_id.split("-", 1)[1] in FORM_PAGES


# Each language's script direction, as the document must declare it.
DIRECTION = {
    "de": "ltr",
    "en": "ltr",
    "tr": "ltr",
    "ru": "ltr",
    "uk": "ltr",
    "ar": "rtl",
    "fa": "rtl",
}


def document_language(tab):
    return tab.evaluate("() => [document.documentElement.lang, document.documentElement.dir]")


# --------------------------------------------------------------------------- finding the pages


@dataclass
class SitePages:
    """Where each page of the list lives on the live server (paths, not URLs)."""

    paths: dict = field(default_factory=dict)  # page id -> path with query string
    search_terms: dict = field(default_factory=dict)  # language -> search term
    search_targets: dict = field(default_factory=dict)  # language -> path the search must find
    filters: dict = field(default_factory=dict)  # page id of an index -> (name, value)


_SELECT = re.compile(r'<select\b[^>]*\bname="([^"]+)"[^>]*>(.*?)</select>', re.S)
_OPTION = re.compile(r'<option value="([^"]+)"')
_CARD = re.compile(r'<li class="card[ "]')


def _html(client, path):
    response = client.get(path)
    assert response.status_code == 200, f"{path} answered {response.status_code}"
    return response.content.decode()


def _filter_with_results(client, path):
    """(name, value) of the first filter option whose result list is not empty."""
    form = re.search(r'<form class="filters".*?</form>', _html(client, path), re.S)
    assert form, f"{path} has no filter form"
    for name, options in _SELECT.findall(form.group(0)):
        for value in _OPTION.findall(options):
            if _CARD.search(_html(client, f"{path}?{urlencode({name: value})}")):
                return name, value
    raise AssertionError(f"no filter of {path} finds anything: is the demo content loaded?")


def _search_with_results(client, code, page):
    """A term that finds page with the site search in the language code."""
    from django.urls import reverse
    from django.utils import translation

    with translation.override(code):
        search_path = reverse("search")
    words = sorted(re.findall(r"\w{5,}", page.title), key=len, reverse=True)
    for term in [*words, page.title]:
        path = f"{search_path}?{urlencode({'q': term})}"
        if f'href="{page.url}"' in _html(client, path):
            return term, path
    raise AssertionError(f"the {code} search finds no word of {page.title!r}")


def find_pages():
    """Pick the pages of the list from the demo content, checking each with Django's client.

    German detail pages are the first of their type (in tree order) that have a
    real Arabic translation; the Arabic pages are those translations. Index pages
    get the first filter that finds something; the search page searches for a
    word of the organisation's title.
    """
    from django.test import Client
    from wagtail.models import Locale, Site

    from events.models import EventIndexPage, EventPage
    from guidance.models import GuidanceIndexPage, GuidancePage
    from home.models import FormPage, SiteSettings, StandardPage
    from news.models import NewsIndexPage, NewsPage
    from organisations.models import OrganisationIndexPage, OrganisationPage
    from submissions.models import EventSubmissionPage

    client = Client(SERVER_NAME="localhost")
    site = Site.objects.get(is_default_site=True)
    locales = {code: Locale.objects.get(language_code=code) for code in LANGUAGES}

    def translated(page):
        versions = [page.get_translation_or_none(locales[code]) for code in LANGUAGES[1:]]
        return all(version is not None and not version.alias_of_id for version in versions)

    def german(model):
        pages = list(model.objects.live().public().filter(locale=locales["de"]).order_by("path"))
        assert pages, f"no live German {model.__name__}: is the demo content loaded?"
        return next((page for page in pages if translated(page)), pages[0])

    settings = SiteSettings.for_site(site)
    standard = settings.accessibility_page.specific if settings.accessibility_page else None
    chosen = {
        "home": site.root_page.specific,
        "organisations": german(OrganisationIndexPage),
        "events": german(EventIndexPage),
        "news": german(NewsIndexPage),
        "guidance": german(GuidanceIndexPage),
        "organisation": german(OrganisationPage),
        "event": german(EventPage),
        "news-item": german(NewsPage),
        "guidance-page": german(GuidancePage),
        "standard": standard or german(StandardPage),
        "submission": german(EventSubmissionPage),
        "sign-up": german(FormPage),
    }

    found = SitePages()
    locales["fa"] = Locale.objects.get(language_code="fa")
    for code in (*LANGUAGES, "fa"):
        for name, page in chosen.items():
            version = page if code == "de" else page.get_translation(locales[code]).specific
            path = version.url
            if name in INDEX_PAGES:
                filter_name, value = _filter_with_results(client, path)
                found.filters[f"{code}-{name}"] = (filter_name, value)
                path = f"{path}?{urlencode({filter_name: value})}"
            found.paths[f"{code}-{name}"] = path
        organisation = chosen["organisation"]
        found.paths[f"{code}-proposal"] = (
            f"/{code}/organisations/propose/?{urlencode({'organisation': organisation.slug})}"
        )
        found.paths[f"{code}-my-link"] = f"/{code}/organisations/my-link/"
        if code != "de":
            organisation = organisation.get_translation(locales[code]).specific
        term, path = _search_with_results(client, code, organisation)
        found.search_terms[code] = term
        found.search_targets[code] = organisation.url
        found.paths[f"{code}-search"] = path
        if code in LANGUAGES:
            found.paths[f"{code}-admin-login"] = "/admin/login/"
    found.paths.update(accessibility_paths(site.root_page))
    assert set(found.paths) == set(CHECKED_PAGE_IDS)
    return found


def accessibility_paths(home):
    """Paths of ACCESSIBILITY_PAGE_IDS in the demo (see home/management/commands/_demo_…)."""
    from wagtail.models import Locale

    from home.models import SiteSettings
    from locales.languages import EASY_LANGUAGE

    offer = home.get_children().get(slug="was-bietet-dieses-portal")
    statement = SiteSettings.objects.get().accessibility_page
    orientation = home.get_children().get(slug="so-finden-sie-sich-zurecht")
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    easy = locales[EASY_LANGUAGE]
    paths = {
        "de-easy-home": home.get_translation(easy).url,
        "de-easy-offer": offer.get_translation(easy).url,
        "de-easy-orientation": orientation.get_translation(easy).url,
        "de-easy-statement": statement.get_translation(easy).url,
    }
    for code in EVERY_LANGUAGE:
        paths[f"{code}-offer"] = offer.get_translation(locales[code]).url
        paths[f"{code}-home"] = home.get_translation(locales[code]).url
    return {page_id: path for page_id, path in paths.items() if page_id in ACCESSIBILITY_PAGE_IDS}


# The embeddable listings (syndication.embed), checked framed by a page of another origin.
EMBED_PATHS = [
    f"/{code}/embed/{kind}/" for code in ("de", "ar") for kind in ("events", "organisations")
]


def embed_page_id(path):
    """ "/de/embed/events/" -> "de-embed-events" (its key in the Nu checker's results)."""
    return path.strip("/").replace("/", "-")
