"""Reading the demo site leaves no trace with other hosts and no cookie but a form's."""

import pytest

from .checks import foreign_requests, host_of
from .pages import ALL_PAGE_IDS, FORM_PAGE_IDS, READING_PAGE_IDS

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


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
