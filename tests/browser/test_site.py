"""The demo site in a real browser, in German and Arabic: accessibility, valid HTML,
reflow and text zoom, privacy, keyboard use, language switcher, filters and search; and
every public page type in Arabic and Farsi read for direction, as a person reads it.

Every page of the list (support.ALL_PAGE_IDS: the home page, the four index pages with
a filter applied, one page of every type, search results and the admin login page, each
in German and Arabic) is loaded once (conftest.Visits); the checks below read what that
visit recorded. One module on purpose: with ``--dist loadfile`` xdist keeps it on one
worker, so the demo content is loaded and the pages are visited only once.
"""

import datetime
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import translation

from submissions.models import EventSubmission

from .support import (
    ALL_PAGE_IDS,
    AXE_TAGS,
    CHECKED_PAGE_IDS,
    FARSI_PAGE_IDS,
    FORM_PAGE_IDS,
    INDEX_PAGES,
    LANGUAGES,
    LAYOUTS,
    MARK_CONTROLS,
    PUBLIC_PAGE_IDS,
    READING_PAGE_IDS,
    RTL_LANGUAGES,
    RTL_PAGE_IDS,
    foreign_requests,
    format_axe,
    host_of,
    language_of,
    run_vnu,
    tab_through,
)

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

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


# --------------------------------------------------------------------------- every page


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

    Each public page is measured in three layouts (support.LAYOUTS):

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


# --------------------------------------------------------------------------- reading direction


@pytest.mark.parametrize("page_id", RTL_PAGE_IDS)
def test_arabic_script_is_never_in_a_left_to_right_language(visits, page_id):
    """A German page not yet translated into Farsi shows German text in a Farsi interface:
    only the German runs (title, teaser, body) say lang="de"; the dates, kinds, labels and
    notices around them are Farsi and must not sit inside an element of lang="de"."""
    visit = visits[page_id]
    assert visit.status == 200 and visit.bidi, f"{visit.url} was not read"
    wrong = visit.bidi["rtlInLtr"]
    assert not wrong, f"Arabic-script text marked as a left-to-right language on {visit.url}:\n" + (
        "\n".join(wrong)
    )


@pytest.mark.parametrize("page_id", RTL_PAGE_IDS)
def test_latin_runs_in_right_to_left_text_are_isolated(visits, page_id):
    """Names, addresses, postcodes, e-mail addresses and file names of more than one word
    ("12345 Mittelstadt", "Verein e. V.") are isolated (<bdi>, dir, unicode-bidi), so that
    the bidi algorithm leaves their numbers and full stops where they belong."""
    visit = visits[page_id]
    assert visit.status == 200 and visit.bidi, f"{visit.url} was not read"
    wrong = visit.bidi["unisolated"]
    assert not wrong, f"unisolated Latin runs in right-to-left text on {visit.url}:\n" + (
        "\n".join(wrong)
    )


DATED_PAGES = ("home", "events", "news", "news-item")


def month_names(code):
    from django.utils.dates import MONTHS

    with translation.override(code):
        return [str(name) for name in MONTHS.values()]


@pytest.mark.parametrize("code", RTL_LANGUAGES)
@pytest.mark.parametrize("name", DATED_PAGES)
def test_date_lines_read_on_screen_in_their_logical_order(visits, code, name):
    """Each date line of a card ("4 ديسمبر، 2026 · بيان صحفي") reads on screen, right to
    left with its numbers left to right, exactly as it is written; the month is named in
    the visitor's language and the digits are the site's (0-9) throughout."""
    visit = visits[f"{code}-{name}"]
    assert visit.status == 200 and visit.bidi, f"{visit.url} was not read"
    cards = visit.bidi["dateCards"]
    assert cards, f"no date line found on {visit.url}"
    months = month_names(code)
    for card in cards:
        logical = card["logical"]
        assert card["screen"] == re.sub(r"\s+", "", logical), (
            f"{card['where']} on {visit.url} reads {card['screen']!r} on screen, "
            f"but says {logical!r}"
        )
        assert any(month in logical for month in months), f"no month in {code}: {logical!r}"
        assert re.search(r"[0-9]", logical), logical  # the site writes 0-9, in every language
        assert not re.search(r"[\u0660-\u0669\u06f0-\u06f9]", logical), logical


# --------------------------------------------------------------------------- privacy


def test_pages_request_nothing_from_other_hosts(visits, live_site):
    """Fonts, scripts, images, styles, frames: every request goes to the live server."""
    loaded = visits.all(ALL_PAGE_IDS)
    assert all(visit.requests for visit in loaded), "a page load recorded no request at all"
    assert all(host_of(visit.requests[0]) == host_of(live_site.url) for visit in loaded)
    foreign = {visit.url: foreign_requests(visit, live_site.url) for visit in loaded}
    foreign = {url: requests for url, requests in foreign.items() if requests}
    assert not foreign, f"requests to hosts other than {host_of(live_site.url)}: {foreign}"


def test_reading_public_pages_sets_no_cookies(visits):
    """No cookie and nothing in local storage after reading every public page (de and ar)."""
    visits.all(READING_PAGE_IDS)
    state = visits.public_context.storage_state()
    assert state["cookies"] == [], f"cookies set for an anonymous reader: {state['cookies']}"
    assert all(not origin.get("localStorage") for origin in state["origins"]), state["origins"]


@pytest.mark.parametrize("page_id", FORM_PAGE_IDS)
def test_form_pages_set_only_the_csrf_cookie(visits, page_id):
    """A form needs Django's CSRF cookie (strictly necessary); nothing else is stored."""
    cookies = visits[page_id].cookies
    assert [cookie["name"] for cookie in cookies] == ["csrftoken"]
    assert cookies[0]["sameSite"] == "Lax"


# --------------------------------------------------------------------------- keyboard


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


# --------------------------------------------------------------------------- navigation


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


# --------------------------------------------------------------------------- event submission

HOSTILE_TITLE = 'Elterncafé <script>alert("x")</script>'
REFERENCE = re.compile(r"^V-[A-Z0-9]{4}-[A-Z0-9]{4}$")


def days_from_today(days):
    return (datetime.date.today() + datetime.timedelta(days=days)).isoformat()


def fill_event_form(tab, title, day, end="18:00", email="verein@example.org"):
    """Fill in the event form as an organisation would (the first organisation of the list)."""
    tab.locator("#id_organisation").select_option(index=1)
    tab.fill("#id_title", title)
    tab.fill("#id_description", "Ein offenes Treffen für Eltern.\n\nMit Kinderbetreuung.")
    tab.locator("#id_target_groups_0").check()
    tab.fill("#id_first_date", day)
    tab.fill("#id_start_time", "16:00")
    tab.fill("#id_end_time", end)
    tab.fill("#id_venue_name", "Begegnungszentrum Mühlenhof")
    tab.fill("#id_venue_address", "Mühlenweg 7, 12343 Mittelstadt")
    tab.fill("#id_contact_name", "Ayşe Beispiel")
    tab.fill("#id_contact_email", email)
    tab.locator("#id_privacy_consent").check()


def send_form(tab):
    with tab.expect_navigation():
        tab.locator("form.public-form button[type=submit]").press("Enter")


def submit_event(tab, live_site, title, code="de"):
    """Send a valid event through the form; returns the reference number shown."""
    tab.goto(live_site[f"{code}-submission"])
    fill_event_form(tab, title, days_from_today(12))
    send_form(tab)
    reference = tab.locator(".reference").inner_text()
    assert REFERENCE.match(reference), reference
    return reference


def axe_violations(tab):
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    return Axe().run(tab, options=options).response["violations"]


@pytest.mark.parametrize("code", LANGUAGES)
def test_organisation_corrects_its_mistakes_and_sends_an_event(own_tab, live_site, code):
    """Three mistakes: each named in the focused summary (links to the fields) and at its
    field (aria-invalid, described by the error), the input kept, no axe violation; then
    corrected and sent. Script typed into the title is shown as text, never run."""
    tab = own_tab
    dialogs = []
    tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    tab.goto(live_site[f"{code}-submission"])
    assert document_language(tab) == [code, DIRECTION[code]]
    fill_event_form(tab, HOSTILE_TITLE, days_from_today(-3), end="15:00", email="ayse@")
    send_form(tab)

    summary = tab.locator("#error-summary")
    tab.wait_for_function("() => document.activeElement.id === 'error-summary'")
    hrefs = summary.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert sorted(hrefs) == ["#id_contact_email", "#id_end_time", "#id_first_date"]
    for href in hrefs:
        field = tab.locator(href)
        assert field.get_attribute("aria-invalid") == "true"
        error_id = f"{href[1:]}_error"
        assert error_id in field.get_attribute("aria-describedby").split()
        assert tab.locator(f"#{error_id}").inner_text().strip()
    assert tab.input_value("#id_title") == HOSTILE_TITLE
    assert tab.input_value("#id_venue_address") == "Mühlenweg 7, 12343 Mittelstadt"
    assert tab.locator("#id_privacy_consent").is_checked()
    assert not axe_violations(tab)

    summary.locator('a[href="#id_end_time"]').click()
    assert tab.evaluate("() => document.activeElement.id") == "id_end_time"

    tab.fill("#id_first_date", days_from_today(14))
    tab.fill("#id_end_time", "18:00")
    tab.fill("#id_contact_email", "verein@example.org")
    send_form(tab)
    assert REFERENCE.match(tab.locator(".reference").inner_text())
    assert HOSTILE_TITLE in tab.locator(".confirmation").inner_text()  # shown as text
    assert document_language(tab) == [code, DIRECTION[code]]
    assert not axe_violations(tab)
    assert dialogs == [], "a script typed into the form ran"


def log_in_as_moderator(tab, live_site):
    from demo.management.commands.load_demo_content import MODERATOR_PASSWORD, MODERATOR_USERNAME

    tab.goto(f"{live_site.url}/admin/login/")
    tab.fill("#id_username", MODERATOR_USERNAME)
    tab.fill("#id_password", MODERATOR_PASSWORD)
    with tab.expect_navigation():
        tab.locator("form button[type=submit]").first.click()


def open_submitted_event_in_the_editor(tab, live_site, reference):
    """From the admin's list of submissions to the draft event's edit view."""
    tab.goto(f"{live_site.url}/admin/event_submissions/?q={reference}")
    with tab.expect_navigation():
        tab.locator(f'a:has-text("{reference}")').first.click()
    assert "verein@example.org" in tab.content()  # moderators see the contact person
    with tab.expect_navigation():
        tab.locator('a[href*="/admin/pages/"][href$="/edit/"]').first.click()


def public_events_text(browser, live_site):
    """The German events listing as an anonymous visitor sees it."""
    from .conftest import new_context

    context = new_context(browser)
    try:
        visitor = context.new_page()
        visitor.goto(live_site["de-events"].split("?")[0])
        return visitor.locator("main").inner_text()
    finally:
        context.close()


def test_moderator_approves_and_the_event_appears(own_tab, browser, live_site):
    tab = own_tab
    title = "Nähcafé für Frauen im Mühlenhof"
    reference = submit_event(tab, live_site, title)
    assert title not in public_events_text(browser, live_site)

    log_in_as_moderator(tab, live_site)
    open_submitted_event_in_the_editor(tab, live_site, reference)
    approve = tab.locator(
        'button[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])'
    )
    with tab.expect_navigation():
        approve.evaluate("button => button.click()")  # it sits in the footer's action menu
    assert title in public_events_text(browser, live_site)


def test_rejected_event_never_appears(own_tab, browser, live_site):
    tab = own_tab
    title = "Werbeveranstaltung ohne Bezug zur Integrationsarbeit"
    reference = submit_event(tab, live_site, title)
    log_in_as_moderator(tab, live_site)
    open_submitted_event_in_the_editor(tab, live_site, reference)
    tab.locator('button[data-workflow-action-name="reject"]').evaluate("b => b.click()")
    comment = tab.locator('.modal textarea[name="comment"]')
    comment.fill("Das passt leider nicht zum Portal.")
    with tab.expect_navigation():
        tab.locator(".modal form button[type=submit]").click()
    tab.goto(f"{live_site.url}/admin/event_submissions/?q={reference}")
    with translation.override("de"):  # the admin speaks the moderator's language
        rejected = str(EventSubmission.Status.REJECTED.label)
    assert rejected in tab.locator("table.listing").inner_text()
    assert title not in public_events_text(browser, live_site)


# --------------------------------------------------------------------------- roles

TRANSLATOR = ("tercuman", "demo-translator-2026")


def in_worker_thread(work):
    """Database work while Playwright runs: its asyncio loop keeps the ORM out of this thread."""
    from concurrent.futures import ThreadPoolExecutor

    from django.db import connections

    def run():
        try:
            return work()
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(run).result()


def turkish_submission_form():
    from submissions.models import EventSubmissionPage

    return EventSubmissionPage.objects.live().get(locale__language_code="tr").url


def turkish_translator_and_targets(reference):
    """A member of "Übersetzung Türkisch" whose admin speaks Turkish, and what they try."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from wagtail.models import Page
    from wagtail.users.models import UserProfile

    from home.models import FormPage

    user = get_user_model().objects.create_user(TRANSLATOR[0], password=TRANSLATOR[1])
    user.groups.add(Group.objects.get(name="Übersetzung Türkisch"))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "tr"
    profile.save()
    turkish = Page.objects.filter(locale__language_code="tr", depth__gt=2, live=True)
    page = turkish.filter(alias_of__isnull=True).order_by("path").first() or turkish.first()
    sign_up_form = FormPage.objects.filter(locale__language_code="tr").first()
    event = EventSubmission.objects.get(reference=reference).page_id
    return page.pk, sign_up_form.pk, event


def submission_state(reference):
    submission = EventSubmission.objects.select_related("page").get(reference=reference)
    return submission.status, submission.page.live


def test_turkish_translator_is_refused_in_turkish(own_tab, live_site):
    """A translator tries to delete, move, copy and unpublish a Turkish page, to publish a
    submitted event past moderation and to read the sign-ups: each is refused, in Turkish."""
    tab = own_tab
    tab.goto(live_site.url + in_worker_thread(turkish_submission_form))
    fill_event_form(tab, "Kahve sabahı", days_from_today(12))
    send_form(tab)
    reference = tab.locator(".reference").inner_text()
    page, sign_up_form, event = in_worker_thread(lambda: turkish_translator_and_targets(reference))

    tab.goto(f"{live_site.url}/admin/login/")
    tab.fill("#id_username", TRANSLATOR[0])
    tab.fill("#id_password", TRANSLATOR[1])
    with tab.expect_navigation():
        tab.locator("form button[type=submit]").first.click()

    refusal = "Üzgünüm, bu alana erişim yetkiniz yok."
    forbidden = [f"/admin/pages/{page}/{action}/" for action in ("delete", "move", "copy")]
    forbidden += [f"/admin/pages/{page}/unpublish/", f"/admin/forms/submissions/{sign_up_form}/"]
    forbidden += [f"/admin/forms/submissions/{sign_up_form}/?export=csv"]
    for path in forbidden:
        tab.goto(live_site.url + path)
        assert urlsplit(tab.url).path == "/admin/", path
        assert refusal in tab.locator(".messages").inner_text(), path
        assert tab.locator("html").get_attribute("lang") == "tr"

    tab.goto(f"{live_site.url}/admin/bulk/wagtailcore/page/publish/?id={event}&next=/admin/")
    assert "Bu sayfayı yayınlama yetkiniz yok" in tab.locator("main").inner_text()
    assert tab.locator("form button[type=submit]:has-text('Evet')").count() == 0
    status, live = in_worker_thread(lambda: submission_state(reference))
    assert status == EventSubmission.Status.SUBMITTED and not live


EDITOR_TRANSLATOR = ("cevirmen", "demo-translator-2026")


def turkish_translator_and_translation():
    """A Turkish translator whose admin speaks Turkish, and a Turkish page that the demo
    translated with wagtail-localize (its edit view is the translation editor)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from wagtail.models import Page
    from wagtail.users.models import UserProfile
    from wagtail_localize.models import Translation

    user = get_user_model().objects.create_user(EDITOR_TRANSLATOR[0], password=EDITOR_TRANSLATOR[1])
    user.groups.add(Group.objects.get(name="Übersetzung Türkisch"))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "tr"
    profile.save()
    keys = Translation.objects.filter(target_locale__language_code="tr").values_list(
        "source__object_id", flat=True
    )
    page = Page.objects.filter(
        translation_key__in=keys, locale__language_code="tr", alias_of__isnull=True, depth__gt=2
    ).order_by("path")
    return page.first().pk


def test_turkish_translator_reads_the_translation_editor_in_turkish(own_tab, live_site):
    """wagtail-localize's editor writes its heading ("Deutsch to Türkçe translation") and
    the label of its actions menu ("More actions") in English, hard-coded in its
    JavaScript; locales/static/locales/js/translation_editor_language.js puts them into
    the translator's language, in the browser, once the editor has rendered."""
    tab = own_tab
    page = in_worker_thread(turkish_translator_and_translation)
    tab.goto(f"{live_site.url}/admin/login/")
    tab.fill("#id_username", EDITOR_TRANSLATOR[0])
    tab.fill("#id_password", EDITOR_TRANSLATOR[1])
    with tab.expect_navigation():
        tab.locator("form button[type=submit]").first.click()

    tab.goto(f"{live_site.url}/admin/pages/{page}/edit/")
    editor = tab.locator(".js-translation-editor")
    heading = editor.get_by_text(re.compile(r"^Çeviri: .+ → Türkçe$")).first
    heading.wait_for(state="attached")
    assert tab.locator("html").get_attribute("lang") == "tr"
    text = editor.text_content()
    assert " translation" not in text and "More actions" not in text
    assert "Diğer işlemler" in editor.locator(".w-dropdown__toggle .w-sr-only").first.text_content()
    # The editor's own strings come from its catalogue, which ours complete.
    assert "PO dosyasını indir" in text
    assert "Lade PO Datei herunter" not in text


# --------------------------------------------------------------------------- registration


def in_a_thread(function):
    """ORM work from a test: Playwright's event loop owns the main thread (see conftest)."""
    import threading

    from django.db import connections

    results = []

    def run():
        try:
            results.append(function())
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    return results[0] if results else None


def set_registration(path, **fields):
    """Online registration on the demo event at path (every language version of it), no
    registrations yet; returns the fields' values before."""
    from django.core.cache import caches

    from events.models import EventPage
    from registrations.models import Registration

    def change():
        event = next(page for page in EventPage.objects.live() if page.url == path)
        before = {name: getattr(event, name) for name in fields}
        EventPage.objects.filter(translation_key=event.translation_key).update(**fields)
        Registration.objects.filter(event__translation_key=event.translation_key).delete()
        return before

    before = in_a_thread(change)
    for cache in caches.all():  # the page cache holds the event page as it was
        cache.clear()
    return before


@pytest.mark.parametrize("code", LANGUAGES)
def test_registering_for_an_event(own_tab, live_site, vnu_available, tmp_path, code):
    """The form on the event page: its mistakes in the focused summary with the input kept,
    then a place; no axe violation and a clean Nu check on the page, with the mistakes, and
    on the confirmation."""
    tab = own_tab
    path = live_site.pages.paths["de-event"]
    before = set_registration(path, registration_enabled=True, registration_capacity=10)
    try:
        response = tab.goto(live_site[f"{code}-event"])
        pages = {"form": response.text()}
        assert document_language(tab) == [code, DIRECTION[code]]
        assert tab.locator("#registration input[name=date]").count() >= 1
        assert not axe_violations(tab)

        tab.fill("#id_name", "Ayşe Beispiel")
        tab.fill("#id_email", "ayse@")
        with tab.expect_response(lambda r: "/register/" in r.url) as posted:
            send_form(tab)
        pages["mistakes"] = posted.value.text()
        tab.wait_for_function("() => document.activeElement.id === 'error-summary'")
        hrefs = tab.locator("#error-summary a").evaluate_all(
            "links => links.map(a => a.getAttribute('href'))"
        )
        assert {"#id_email", "#id_consent"} <= set(hrefs)
        assert tab.locator("#id_email").get_attribute("aria-invalid") == "true"
        assert tab.input_value("#id_name") == "Ayşe Beispiel"
        assert not axe_violations(tab)

        tab.locator("#id_date_0").check()
        tab.fill("#id_email", "ayse@example.org")
        tab.locator("#id_consent").check()
        with tab.expect_response(lambda r: "/register/" in r.url) as posted:
            send_form(tab)
        pages["registered"] = posted.value.text()
        assert tab.locator(".confirmation bdi").inner_text() == "ayse@example.org"
        assert not axe_violations(tab)
    finally:
        set_registration(path, **before)
    files = []
    for name, html in pages.items():
        files.append(tmp_path / f"{name}.html")
        files[-1].write_text(html, encoding="utf-8")
    errors = {name: found for name, found in run_vnu(files).items() if found}
    assert not errors, f"Nu checker errors: {errors}"


# --------------------------------------------------------------------------- BITV 2.0 § 4

VIDEO = "figure.sign-language-video video"


@pytest.mark.parametrize("code", LANGUAGES)
def test_sign_language_video_plays_with_the_keyboard_and_shows_captions(own_tab, live_site, code):
    """Nothing of the video is fetched before play; Tab reaches its player, Space starts it,
    and its WebVTT captions are shown (a cue is active)."""
    requested = []
    own_tab.on("request", lambda request: requested.append(request.url))
    own_tab.goto(live_site[f"{code}-home"])
    assert not [url for url in requested if "/documents/" in url], requested
    for _ in range(40):  # through the header and the page, as a keyboard user goes
        own_tab.keyboard.press("Tab")
        if own_tab.evaluate("() => document.activeElement.matches('video')"):
            break
    else:
        raise AssertionError("Tab never reaches the video player")
    own_tab.keyboard.press("Space")
    own_tab.wait_for_function(f"() => document.querySelector('{VIDEO}').currentTime > 0.3")
    own_tab.wait_for_function(
        f"""() => {{
            const track = document.querySelector('{VIDEO}').textTracks[0];
            return track.mode === 'showing' && track.activeCues && track.activeCues.length > 0;
        }}"""
    )
    cue = own_tab.evaluate(
        f"() => document.querySelector('{VIDEO}').textTracks[0].activeCues[0].text"
    )
    assert "Willkommen" in cue
    assert [url for url in requested if url.endswith(".vtt")], "captions were not loaded"


@pytest.mark.parametrize(("source", "target"), [("de", "ar"), ("ar", "fa")])
def test_search_results_switch_language_keeping_the_query(tab, live_site, source, target):
    tab.goto(live_site[f"{source}-search"])
    term = live_site.pages.search_terms[source]
    with tab.expect_navigation():
        tab.locator(f'.language-switcher a[hreflang="{target}"]').press("Enter")
    assert parse_qs(urlsplit(tab.url).query)["q"] == [term]
    assert document_language(tab) == [target, DIRECTION[target]]
    assert tab.locator("#search-query").input_value() == term


def test_leichte_sprache_is_set_larger_in_short_lines(tab, live_site):
    tab.goto(live_site["de-easy-offer"])
    size = "(selector) => parseFloat(getComputedStyle(document.querySelector(selector)).fontSize)"
    assert tab.evaluate(size, "main .rich-text p") >= 19  # 16 px elsewhere
    width = "() => document.querySelector('main .rich-text').getBoundingClientRect().width"
    assert tab.evaluate(width) <= 34 * 16 + 1  # 34rem: about 55 characters at 20 px
    align = "() => getComputedStyle(document.querySelector('main .rich-text p')).textAlign"
    assert tab.evaluate(align) in {"start", "left"}


# --------------------------------------------------------------------------- print


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


# --------------------------------------------------------------------------- embedded listings

EMBED_PATHS = [
    f"/{code}/embed/{kind}/" for code in ("de", "ar") for kind in ("events", "organisations")
]


@pytest.fixture(scope="module")
def embedding_site():
    """A page of another origin that embeds a listing with the README's one line of HTML.

    It is served from 127.0.0.2, another loopback address: Chromium refuses a frame from
    127.0.0.1 in a page of a public address (Local Network Access), and a page that
    Playwright answers itself counts as public. That refusal, not the portal, was why the
    framed listing's heading stayed hidden: the frame held Chromium's error page ("127.0.0.1
    is blocked"), whose own <h1> is hidden.
    """
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
    from urllib.parse import parse_qs as parse

    class Host(BaseHTTPRequestHandler):
        def do_GET(self):
            src = parse(urlsplit(self.path).query)["src"][0]
            body = (
                '<!DOCTYPE html><html lang="en"><title>Municipality</title><body>'
                f'<iframe title="Events" src="{src}" width="600" height="500"></iframe>'
            ).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.2", 0), Host)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.2:{server.server_port}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def embed_visits(browser, live_site, embedding_site, tmp_path_factory):
    """Each embeddable listing framed by the page of another origin, checked in the frame."""
    from urllib.parse import urlencode
    from urllib.request import urlopen

    from axe_playwright_python.sync_playwright import Axe

    results = {}
    folder = tmp_path_factory.mktemp("embed")
    for path in EMBED_PATHS:
        context = browser.new_context(viewport={"width": 800, "height": 600})
        context.set_default_timeout(20_000)
        tab = context.new_page()
        requests = []
        tab.on("request", lambda request, requests=requests: requests.append(request.url))
        url = live_site.url + path
        tab.goto(f"{embedding_site}?{urlencode({'src': url})}")
        frame = tab.frame_locator("iframe")
        frame.locator("h1").wait_for()  # visible: the listing, not an error page
        inner = next(f for f in tab.frames if f.url == url)
        options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
        name = path.strip("/").replace("/", "-") + ".html"
        with urlopen(url) as response:  # noqa: S310 - the live test server
            (folder / name).write_text(response.read().decode(), encoding="utf-8")
        tab.focus("iframe")
        tab.keyboard.press("Tab")
        results[path] = {
            "lang": inner.evaluate("() => [document.documentElement.lang, document.dir]"),
            "heading": frame.locator("h1").inner_text(),
            "cards": frame.locator(".card").count(),
            "axe": Axe().run(inner, options=options).response["violations"],
            "requests": [r for r in requests if not r.startswith(embedding_site)],
            "cookies": context.cookies(),
            "focused": inner.evaluate("() => document.activeElement.tagName"),
        }
        context.close()
    errors = run_vnu(sorted(folder.iterdir()))
    for path in EMBED_PATHS:
        results[path]["html_errors"] = errors[path.strip("/").replace("/", "-") + ".html"]
    return results


@pytest.mark.parametrize("path", EMBED_PATHS)
def test_embedded_listing_shows_and_is_accessible_and_private(embed_visits, live_site, path):
    visit = embed_visits[path]
    code = path.split("/")[1]
    assert visit["lang"] == [code, DIRECTION[code]]
    assert visit["heading"] and visit["cards"] > 0, visit
    assert not visit["axe"], f"axe on {path}:{format_axe(visit['axe'])}"
    assert not visit["html_errors"], "\n".join(visit["html_errors"])
    assert not visit["cookies"], visit["cookies"]
    server = host_of(live_site.url)
    assert all(host_of(url) == server for url in visit["requests"]), visit["requests"]
    assert visit["focused"] == "A"  # the keyboard reaches the listing's first link
