"""The public event form and its moderation: an organisation corrects its mistakes and
sends an event; a moderator approves it (it appears) or rejects it (it never does)."""

import pytest
from django.utils import translation

from submissions.models import EventSubmission

from .checks import axe_violations
from .forms import REFERENCE, days_from_today, fill_event_form, log_in, send_form, submit_event
from .pages import DIRECTION, LANGUAGES, document_language
from .visits import new_context

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


HOSTILE_TITLE = 'Elterncafé <script>alert("x")</script>'


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

    log_in(tab, live_site, MODERATOR_USERNAME, MODERATOR_PASSWORD)


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
