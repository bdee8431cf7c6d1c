"""The embeddable listings framed by a page of another origin: shown, accessible, private."""

from urllib.parse import urlsplit

import pytest

from .checks import axe_violations, format_axe, host_of
from .pages import DIRECTION, EMBED_PATHS, embed_page_id

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


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
def embed_visits(browser, live_site, embedding_site, html_errors):
    """Each embeddable listing framed by the page of another origin, checked in the frame
    (the Nu checker read them with the other pages: conftest html_errors)."""
    from urllib.parse import urlencode

    results = {}
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
        tab.focus("iframe")
        tab.keyboard.press("Tab")
        results[path] = {
            "lang": inner.evaluate("() => [document.documentElement.lang, document.dir]"),
            "heading": frame.locator("h1").inner_text(),
            "cards": frame.locator(".card").count(),
            "axe": axe_violations(inner),
            "requests": [r for r in requests if not r.startswith(embedding_site)],
            "cookies": context.cookies(),
            "focused": inner.evaluate("() => document.activeElement.tagName"),
            "html_errors": html_errors[embed_page_id(path)],
        }
        context.close()
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
