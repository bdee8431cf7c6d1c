"""Finding one's way: the language switcher, the filter forms and the site search."""

from urllib.parse import parse_qs, urlsplit

import pytest

from .pages import DIRECTION, INDEX_PAGES, LANGUAGES, document_language

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


@pytest.mark.parametrize(("source", "target"), [("de", "ar"), ("ar", "de")])
@pytest.mark.parametrize("name", ["home", "organisation", "standard"])
def test_language_switcher_leads_to_the_translation(tab, live_site, source, target, name):
    tab.goto(live_site[f"{source}-{name}"])
    switcher = tab.locator(".language-switcher")
    assert switcher.locator("[aria-current]").get_attribute("lang") == source
    with tab.expect_navigation():
        switcher.locator(f'a[hreflang="{target}"]').press("Enter")
    assert tab.url == live_site[f"{target}-{name}"]
    assert document_language(tab) == [target, DIRECTION[target]]
    assert tab.locator(".language-switcher [aria-current]").get_attribute("lang") == target


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("index", INDEX_PAGES)
def test_filter_form_applies_the_chosen_filter(tab, live_site, code, index):
    page_id = f"{code}-{index}"
    name, value = live_site.pages.filters[page_id]
    tab.goto(live_site[page_id].split("?")[0])
    form = tab.locator("form.filters")
    form.locator(f'select[name="{name}"]').select_option(value)
    with tab.expect_navigation():
        form.locator("button[type=submit]").press("Enter")
    assert parse_qs(urlsplit(tab.url).query)[name] == [value]
    assert tab.locator(f'form.filters select[name="{name}"]').input_value() == value
    assert tab.locator("main li.card").count() > 0


@pytest.mark.parametrize("code", LANGUAGES)
def test_header_search_finds_the_page(tab, live_site, code):
    tab.goto(live_site[f"{code}-home"])
    term = live_site.pages.search_terms[code]
    tab.locator("#site-search").fill(term)
    with tab.expect_navigation():
        tab.locator("#site-search").press("Enter")
    assert parse_qs(urlsplit(tab.url).query)["q"] == [term]
    assert document_language(tab) == [code, DIRECTION[code]]
    target = live_site.pages.search_targets[code]
    assert tab.locator(f'.search-results a[href="{target}"]').count() == 1


@pytest.mark.parametrize(("source", "target"), [("de", "ar"), ("ar", "fa")])
def test_search_results_switch_language_keeping_the_query(tab, live_site, source, target):
    tab.goto(live_site[f"{source}-search"])
    term = live_site.pages.search_terms[source]
    with tab.expect_navigation():
        tab.locator(f'.language-switcher a[hreflang="{target}"]').press("Enter")
    assert parse_qs(urlsplit(tab.url).query)["q"] == [term]
    assert document_language(tab) == [target, DIRECTION[target]]
    assert tab.locator("#search-query").input_value() == term
