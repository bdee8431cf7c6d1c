"""The keyboard alone: Tab reaches every control in reading order with visible focus, and
the skip link leads to the content."""

import pytest

from .keyboard import MARK_CONTROLS, tab_through
from .pages import INDEX_PAGES, LANGUAGES

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("index", INDEX_PAGES)
def test_tab_reaches_every_control_with_visible_focus(tab, live_site, code, index):
    """From the top of the page, Tab alone reaches the skip link, the main navigation, the
    language switcher and every field of the filter form, in reading order; every element
    that gets focus shows an outline or box-shadow and is on screen."""
    tab.goto(live_site[f"{code}-{index}"])
    expected = tab.evaluate(MARK_CONTROLS)
    groups = {key.rsplit(" ", 1)[0] for key in expected}
    assert groups == {"skip link", "main navigation", "language switcher", "filter form"}

    focused = tab_through(tab, expected)

    assert focused, "Tab focused nothing"
    assert focused[0]["key"] == "skip link 1", f"first Tab stop is {focused[0]['name']}"
    reached = [item["key"] for item in focused if item["key"]]
    missed = [key for key in expected if key not in reached]
    assert not missed, f"Tab never reached {missed}; focus went {[i['name'] for i in focused]}"
    assert list(dict.fromkeys(reached)) == expected, "Tab order differs from the reading order"
    invisible = [
        f"{item['name']} (outline {item['outline']}, box-shadow {item['boxShadow']})"
        for item in focused
        if not item["outlineVisible"] and item["boxShadow"] == "none"
    ]
    assert not invisible, f"focused without a visible focus indicator: {invisible}"
    off_screen = [item["name"] for item in focused if not item["onScreen"]]
    assert not off_screen, f"focused but not on screen: {off_screen}"


@pytest.mark.parametrize("code", LANGUAGES)
def test_skip_link_moves_focus_to_the_content(tab, live_site, code):
    tab.goto(live_site[f"{code}-home"])
    tab.keyboard.press("Tab")
    assert tab.evaluate("() => document.activeElement.classList.contains('skip-link')")
    tab.keyboard.press("Enter")
    tab.wait_for_function("() => document.activeElement.id === 'main'")
    assert tab.evaluate("() => document.activeElement.tagName") == "MAIN"
    tab.keyboard.press("Tab")
    in_main = "() => document.getElementById('main').contains(document.activeElement)"
    assert tab.evaluate(in_main), "the next Tab after the skip link leaves the content"
