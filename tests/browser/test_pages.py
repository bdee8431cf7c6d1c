"""Every page of the list, in German and Arabic (and Farsi, and the accessibility pages in
every language): it loads cleanly, axe-core finds no violation, the Nu checker no error,
and nothing scrolls sideways at 320 px or with text at 200 %.

Each page is loaded once (conftest ``visits``; pages.ALL_PAGE_IDS: the home page, the
four index pages with a filter applied, one page of every type, search results and the
admin login page); the checks below read what that visit recorded.
"""

import pytest

from .checks import AXE_TAGS, LAYOUTS, format_axe
from .pages import CHECKED_PAGE_IDS, DIRECTION, FARSI_PAGE_IDS, PUBLIC_PAGE_IDS, language_of

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


@pytest.mark.parametrize("page_id", CHECKED_PAGE_IDS)
def test_page_loads_cleanly(visits, page_id):
    """HTTP 200, no console error (a CSP violation is one), no broken image, style or script,
    and the document is in the page's language and script direction."""
    visit = visits[page_id]
    assert visit.status == 200, f"{visit.url} answered {visit.status}"
    errors, broken = visit.console_errors, visit.broken_resources
    assert not errors, f"console errors on {visit.url}: {errors}"
    assert not broken, f"broken resources on {visit.url}: {broken}"
    code = language_of(page_id)
    assert visit.lang.split("-")[0] == code
    assert visit.dir == DIRECTION[code]


@pytest.mark.parametrize("page_id", CHECKED_PAGE_IDS)
def test_axe_finds_no_violations(visits, page_id):
    """axe-core with the WCAG 2.0 and 2.1 A and AA rules."""
    visit = visits[page_id]
    assert visit.status == 200, f"{visit.url} answered {visit.status}"
    violations = visit.axe_violations
    assert not violations, f"axe ({', '.join(AXE_TAGS)}) on {visit.url}:{format_axe(violations)}"


@pytest.mark.parametrize("page_id", CHECKED_PAGE_IDS)
def test_html_is_valid(html_errors, visits, page_id):
    """The Nu HTML checker reports no error.

    It reads the HTML as the server sent it (not the DOM after scripts ran) and runs once,
    on all pages together, because the JVM takes seconds to start. The Wagtail admin login
    page is checked too: it currently passes, so it needs no exclusion.
    """
    assert page_id in html_errors, f"the checker did not report on {page_id}"
    errors = html_errors[page_id]
    assert not errors, f"Nu checker errors in {visits[page_id].url}:\n" + "\n".join(errors)


@pytest.mark.parametrize("page_id", [*PUBLIC_PAGE_IDS, *FARSI_PAGE_IDS])
def test_no_horizontal_scrolling(visits, page_id):
    """No horizontal scrolling at 320 px and with text at 200 % (WCAG 1.4.10 and 1.4.4).

    Each public page is measured in three layouts (checks.LAYOUTS):

    - 320 × 640 CSS px: WCAG 1.4.10 Reflow names 320 CSS px, what a 1280 px wide window
      shows at 400 % zoom. Content must reflow into one column without scrolling sideways.
    - 640 × 400 CSS px: 1.4.4 Resize text done with the browser's page zoom, which is how
      most people enlarge text: a 1280 × 800 window at 200 % has a 640 px viewport.
    - 1280 × 800 with the root font size at 200 %: 1.4.4 done with text-only zoom (Firefox's
      "zoom text only", a larger default font size). Every rem/em-sized text doubles while
      the media queries (which use the initial font size) keep the desktop layout: the
      harder case for long German compounds in navigation, filters and cards.

    "No horizontal scrolling" is document.documentElement.scrollWidth <= clientWidth;
    clientWidth leaves out a vertical scrollbar, so this is stricter than comparing with
    window.innerWidth. The message names the innermost elements that stick out.
    """
    visit = visits[page_id]
    assert set(visit.layouts) == set(LAYOUTS)
    problems = [
        f"{name}: scrollWidth {m['scrollWidth']} > clientWidth {m['clientWidth']}; "
        + "; ".join(m["offenders"])
        for name, m in visit.layouts.items()
        if m["scrollWidth"] > m["clientWidth"]
    ]
    assert not problems, f"{visit.url} scrolls sideways:\n" + "\n".join(problems)
