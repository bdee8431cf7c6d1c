"""Each page of the list loaded once in the browser, with everything its checks need."""

from dataclasses import dataclass, field

from .checks import axe_violations, measure_layouts
from .pages import (
    ADMIN_PAGE_IDS,
    CHECKED_PAGE_IDS,
    RTL_LANGUAGES,
    RTL_PAGE_IDS,
    is_form_page,
    language_of,
)
from .reading_direction import BIDI_CHECK


def new_context(browser, locale="de-DE"):
    context = browser.new_context(locale=locale, viewport={"width": 1280, "height": 800})
    context.set_default_timeout(20_000)
    return context


@dataclass
class Visit:
    """What one page load showed: the server's HTML, axe's verdict, layouts, traffic."""

    page_id: str
    url: str
    status: int = 0
    html: str = ""
    lang: str = ""
    dir: str = ""
    axe_violations: list = field(default_factory=list)
    layouts: dict = field(default_factory=dict)  # layout name -> measurement
    requests: list = field(default_factory=list)  # every URL the page asked for
    console_errors: list = field(default_factory=list)
    broken_resources: list = field(default_factory=list)
    cookies: list = field(default_factory=list)  # of the visit's own context (forms, admin)
    bidi: dict = field(default_factory=dict)  # BIDI_CHECK's findings (right-to-left pages)


class Visits:
    """Each page of the list loaded once, with everything the checks need recorded.

    Reading pages share one browser context, so that the privacy test can look at the
    cookies that reading all of them left; the admin login page and the form pages (which
    set the CSRF cookie) get a context of their own in their language.
    """

    def __init__(self, browser, site):
        self.browser = browser
        self.site = site
        self.public_context = new_context(browser)
        self._visits = {}

    def __getitem__(self, page_id):
        if page_id not in self._visits:
            self._visits[page_id] = self._visit(page_id)
        return self._visits[page_id]

    def all(self, page_ids=CHECKED_PAGE_IDS):
        return [self[page_id] for page_id in page_ids]

    def _visit(self, page_id):
        if page_id in ADMIN_PAGE_IDS or is_form_page(page_id):
            context = new_context(self.browser, locale=language_of(page_id))
        else:
            context = self.public_context
        tab = context.new_page()
        visit = Visit(page_id=page_id, url=self.site[page_id])
        record_traffic(tab, visit)

        response = tab.goto(visit.url, wait_until="load")
        visit.status = response.status
        visit.html = response.text()
        visit.lang, visit.dir = tab.evaluate(
            "() => [document.documentElement.lang, document.documentElement.dir]"
        )
        if page_id in RTL_PAGE_IDS:
            visit.bidi = tab.evaluate(BIDI_CHECK, list(RTL_LANGUAGES))
        visit.axe_violations = axe_violations(tab)
        visit.layouts = measure_layouts(tab)
        tab.close()
        if context is not self.public_context:
            visit.cookies = context.cookies()
            context.close()
        return visit


def record_traffic(tab, visit):
    """Note the tab's requests, console errors and failed or broken resources in visit."""

    def on_console(message):
        if message.type == "error":
            visit.console_errors.append(message.text)

    def on_response(response):
        if response.status >= 400:
            visit.broken_resources.append(f"{response.url}: HTTP {response.status}")

    tab.on("request", lambda request: visit.requests.append(request.url))
    tab.on("console", on_console)
    tab.on("pageerror", lambda error: visit.console_errors.append(str(error)))
    tab.on("response", on_response)
    tab.on("requestfailed", lambda req: visit.broken_resources.append(f"{req.url}: {req.failure}"))
