"""What printing a page (the browser's Print, and the server's PDFs) shows."""

import pytest

from .pages import DIRECTION, LANGUAGES, language_of

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


PRINT_PAGE_IDS = [f"{code}-{name}" for code in LANGUAGES for name in ("news-item", "event")]
PRINT_HIDDEN = (".main-nav", ".language-switcher", ".skip-link", ".site-footer", ".share")

# What print media shows of a page: each selector's display and the colours of the text.
PRINT_LAYOUT = """(hidden) => {
  const shown = (el) => el && el.checkVisibility() && el.getBoundingClientRect().height > 0;
  const style = (selector) => getComputedStyle(document.querySelector(selector));
  return {
    printMedia: matchMedia("print").matches,
    hiddenShown: hidden.filter((s) => [...document.querySelectorAll(s)].some(shown)),
    formsShown: [...document.querySelectorAll("main form")].filter(shown).length,
    headingShown: shown(document.querySelector("main h1")),
    bodyShown: shown(document.querySelector("main .lead")),
    sourceShown: shown(document.querySelector(".print-source")),
    colours: [style("main h1").color, style("body").color, style("body").backgroundColor],
    dir: document.dir,
  };
}"""


@pytest.mark.parametrize("page_id", PRINT_PAGE_IDS)
def test_pages_print_without_navigation(tab, live_site, page_id):
    """Print media (the browser's Print and the server's PDFs) shows the content in black on
    white without navigation, footer, forms, share links or feedback, in German and Arabic."""
    tab.goto(live_site[page_id])
    tab.emulate_media(media="print")
    layout = tab.evaluate(PRINT_LAYOUT, list(PRINT_HIDDEN))
    tab.emulate_media(media="screen")
    assert layout["printMedia"]
    assert layout["hiddenShown"] == [] and layout["formsShown"] == 0, layout
    assert layout["headingShown"] and layout["bodyShown"] and layout["sourceShown"], layout
    assert layout["colours"] == ["rgb(0, 0, 0)", "rgb(0, 0, 0)", "rgb(255, 255, 255)"]
    assert layout["dir"] == DIRECTION[language_of(page_id)]
    # and on screen the navigation is back
    assert tab.locator(".main-nav").is_visible()


def test_print_opens_closed_accordions(tab, live_site):
    """The answers of a closed accordion are printed (site.js opens them for print)."""
    closed = "() => document.querySelectorAll('details:not([open])').length"
    tab.goto(f"{live_site.url}/de/arbeitshilfen/verein-gruenden/")  # its FAQ (demo/content)
    count = tab.evaluate(closed)
    assert count > 0, "the page has no accordion to print"
    tab.evaluate("() => dispatchEvent(new Event('beforeprint'))")
    assert tab.evaluate(closed) == 0
    tab.evaluate("() => dispatchEvent(new Event('afterprint'))")
    assert tab.evaluate(closed) == count
