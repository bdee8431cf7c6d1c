"""Every public page type in Arabic and Farsi read for direction, as a person reads it."""

import re

import pytest
from django.utils import translation

from .pages import RTL_LANGUAGES, RTL_PAGE_IDS

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


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
