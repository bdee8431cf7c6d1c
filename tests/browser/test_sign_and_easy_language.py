"""BITV 2.0 § 4: the sign language video works with the keyboard and shows captions, and
texts in Leichte Sprache are set larger in short lines."""

import pytest

from .pages import LANGUAGES

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


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


def test_leichte_sprache_is_set_larger_in_short_lines(tab, live_site):
    tab.goto(live_site["de-easy-offer"])
    size = "(selector) => parseFloat(getComputedStyle(document.querySelector(selector)).fontSize)"
    assert tab.evaluate(size, "main .rich-text p") >= 19  # 16 px elsewhere
    width = "() => document.querySelector('main .rich-text').getBoundingClientRect().width"
    assert tab.evaluate(width) <= 34 * 16 + 1  # 34rem: about 55 characters at 20 px
    align = "() => getComputedStyle(document.querySelector('main .rich-text p')).textAlign"
    assert tab.evaluate(align) in {"start", "left"}
