"""Online registration for an event date, on the event page, in German and Arabic."""

import pytest

from .checks import axe_violations, run_vnu
from .forms import send_form
from .pages import DIRECTION, LANGUAGES, document_language
from .server import clear_caches, in_worker_thread

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def set_registration(path, **fields):
    """Online registration on the demo event at path (every language version of it), no
    registrations yet; returns the fields' values before."""
    from events.models import EventPage
    from registrations.models import Registration

    def change():
        event = next(page for page in EventPage.objects.live() if page.url == path)
        before = {name: getattr(event, name) for name in fields}
        EventPage.objects.filter(translation_key=event.translation_key).update(**fields)
        Registration.objects.filter(event__translation_key=event.translation_key).delete()
        return before

    before = in_worker_thread(change)
    clear_caches()  # the page cache holds the event page as it was
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
