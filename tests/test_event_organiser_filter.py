"""The events index's organiser filter stays bounded on a large site (issue 15)."""

import pytest

from events.models import index

pytestmark = pytest.mark.django_db


def organiser_options(client, **params):
    html = client.get("/de/veranstaltungen/", params).content.decode()
    return html.split('name="organiser"')[1].split("</select>")[0]


@pytest.fixture
def organisers(tree, monkeypatch):
    """Three organisers with one date each; the filter offers those of the next two dates."""
    monkeypatch.setattr(index, "ORGANISER_DATES", 2)
    for day, name in ((2, "Erster Verein"), (5, "Zweiter Verein"), (40, "Letzter Verein")):
        tree.event(f"Treffen {name}", dates=((day,),), organiser=tree.organisation(name))
    tree.event("Vorbei", dates=((-3,),), organiser=tree.organisation("Alter Verein"))
    return tree


def test_offers_the_organisers_of_the_next_dates_only(client, organisers):
    options = organiser_options(client)
    assert "Erster Verein" in options and "Zweiter Verein" in options
    assert "Letzter Verein" not in options and "Alter Verein" not in options


def test_keeps_the_organiser_the_visitor_chose(client, organisers):
    options = organiser_options(client, organiser="letzter-verein")
    assert '<option value="letzter-verein" selected>Letzter Verein</option>' in options


def test_the_past_listing_offers_the_organisers_of_past_dates(client, organisers):
    assert "Alter Verein" in organiser_options(client, past="1")
