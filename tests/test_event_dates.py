"""The expanded dates of repeating events behind the listing, its filters and query budget,
and the admin's repeat fields (the rules themselves: tests/test_recurrence.py).
"""

import datetime as dt
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from events.forms import EventPageForm
from events.models import EventDate, EventExceptionDate, EventOccurrence, EventPage
from events.recurrence import (
    BERLIN,
)
from home.models import District, SpokenLanguage
from tests.conftest import make_term
from tests.recurrence_helpers import (
    at,
    event_index,
    event_with_rule,
    listed_starts,
    listed_titles,
    local,
    next_clock_change,
)

pytestmark = pytest.mark.django_db


# --------------------------------------------------------------------------- the expanded dates


def test_saving_an_event_expands_its_dates(tree):
    event = event_with_rule(tree, "Sprachcafé", at(2027, 3, 16), "FREQ=WEEKLY;COUNT=3")
    rows = EventDate.objects.filter(page=event).order_by("start")
    assert local((row.start, row.end) for row in rows) == [
        "2027-03-16 18:00+0100–20:00",
        "2027-03-23 18:00+0100–20:00",
        "2027-03-30 18:00+0200–20:00",
    ]
    event.exception_dates = [EventExceptionDate(date=dt.date(2027, 3, 23))]
    event.save_revision().publish()
    assert EventDate.objects.filter(page=event).count() == 2


def test_a_draft_revision_does_not_change_the_listed_dates(tree):
    event = event_with_rule(tree, "Sprachcafé", at(2027, 3, 16), "FREQ=WEEKLY;COUNT=3")
    event.recurrence_rule = "FREQ=WEEKLY;COUNT=10"
    event.save_revision()
    assert EventDate.objects.filter(page=event).count() == 3


def test_the_daily_command_moves_the_window_on(tree):
    first = timezone.localtime().replace(hour=18, minute=0, second=0, microsecond=0)
    event = event_with_rule(tree, "Lauftreff", first, "FREQ=DAILY")
    last = EventDate.objects.filter(page=event).latest("start").start
    assert dt.timedelta(days=700) < last - first < dt.timedelta(days=740)
    EventDate.objects.all().delete()
    call_command("update_event_dates", verbosity=0)
    assert EventDate.objects.filter(page=event).latest("start").start == last
    event.rebuild_dates(now=timezone.now() + dt.timedelta(days=30))
    assert EventDate.objects.filter(page=event).latest("start").start == last + dt.timedelta(
        days=30
    )


def test_all_day_dates_cover_whole_days(client, tree):
    start = at(2027, 5, 14, 9)
    event = tree.add(
        tree.events,
        EventPage(
            title="Festival",
            teaser="Drei Tage Musik.",
            all_day=True,
            occurrences=[EventOccurrence(start=start, end=start + dt.timedelta(days=2))],
        ),
    )
    row = event.occurrences.get()
    assert row.start == at(2027, 5, 14, 0)
    assert row.end == at(2027, 5, 16, 23, 59) + dt.timedelta(seconds=59)
    card = re.search(r'<p class="event-date">(.*?)</p>', event_index(client))[1]
    assert card.startswith('<time datetime="2027-05-14">')
    assert '<time datetime="2027-05-16">' in card
    assert ":" not in re.sub(r"<[^>]+>", "", card)  # no times of day


def test_each_date_of_a_weekly_event_is_listed_at_its_wall_clock_time(client, tree):
    change = next_clock_change(3)
    first = dt.datetime.combine(change - dt.timedelta(days=14), dt.time(18), tzinfo=BERLIN)
    event_with_rule(
        tree,
        "Nähcafé",
        first,
        "FREQ=WEEKLY;COUNT=4",
        exceptions=[first.date() + dt.timedelta(days=7)],
    )
    starts = listed_starts(event_index(client))
    assert [start[11:] for start in starts] == [
        "18:00:00+01:00",
        "18:00:00+02:00",
        "18:00:00+02:00",
    ]
    assert starts[0][:10] == first.date().isoformat()


def test_the_event_page_lists_dates_and_cancelled_days(client, tree):
    change = next_clock_change(10)
    first = dt.datetime.combine(change - dt.timedelta(days=7), dt.time(19), tzinfo=BERLIN)
    cancelled = change + dt.timedelta(days=7)
    event = event_with_rule(tree, "Chor", first, "FREQ=WEEKLY;COUNT=4", exceptions=[cancelled])
    html = client.get(event.url).content.decode()
    upcoming = re.search(r'class="date-list">(.*?)</ul>', html, re.S)[1]
    assert upcoming.count("<li>") == 3
    assert f"{change.isoformat()}T19:00:00+01:00" in upcoming
    assert f'<del><time datetime="{cancelled.isoformat()}">' in html


def test_a_cancelled_event_says_so_on_the_page_and_in_the_listing(client, tree):
    event = tree.event("Sommerfest", status=EventPage.Status.CANCELLED)
    assert '<strong class="event-status event-status-cancelled">' in event_index(client)
    assert (
        '<strong class="event-status event-status-cancelled">'
        in client.get(event.url).content.decode()
    )


def test_aliases_and_translations_get_the_dates_of_the_german_event(client, tree):
    first = timezone.localtime().replace(hour=17, minute=0, second=0, microsecond=0)
    first += dt.timedelta(days=1)
    event = event_with_rule(tree, "Elterncafé", first, "FREQ=WEEKLY;COUNT=3")
    tree.sync("ar")
    assert listed_titles(event_index(client, "ar")) == ["Elterncafé"] * 3
    translation = tree.translate(event, "ar", title="مقهى الأهل")
    assert translation.recurrence_rule == "FREQ=WEEKLY;COUNT=3"
    assert listed_titles(event_index(client, "ar")) == ["مقهى الأهل"] * 3


# --------------------------------------------------------------------------- listing filters


@pytest.fixture
def programme(tree):
    """Weekly and single events of two organisers in two districts, free and paid."""
    mitte, nord = make_term(District, "Mitte"), make_term(District, "Nord")
    turkish = make_term(SpokenLanguage, "Türkisch")
    verein = tree.organisation("Elternverein", district=mitte)
    zentrum = tree.organisation("Stadtteilzentrum", district=nord)
    today = timezone.localtime().replace(hour=18, minute=0, second=0, microsecond=0)
    event_with_rule(
        tree,
        "Hausaufgabenhilfe",
        today + dt.timedelta(days=1),
        "FREQ=WEEKLY;COUNT=30",
        organiser=verein,
        languages=[turkish],
    )
    tree.event("Fachtag", dates=((10,), (-20,)), organiser=zentrum, is_free=False)
    return tree


@pytest.mark.parametrize(
    ("params", "titles"),
    [
        ({"district": "mitte"}, {"Hausaufgabenhilfe"}),
        ({"district": "nord"}, {"Fachtag"}),
        ({"language": "turkisch"}, {"Hausaufgabenhilfe"}),
        ({"free": "1"}, {"Hausaufgabenhilfe"}),
        ({"organiser": "stadtteilzentrum"}, {"Fachtag"}),
    ],
)
def test_listing_filters(client, programme, params, titles):
    assert set(listed_titles(event_index(client, **params))) == titles


def test_listing_filters_by_date_range(client, programme):
    start = timezone.localdate() + dt.timedelta(days=9)
    html = event_index(
        client, **{"from": start.isoformat(), "to": (start + dt.timedelta(days=7)).isoformat()}
    )
    assert sorted(listed_titles(html)) == ["Fachtag", "Hausaufgabenhilfe"]


def test_listing_pages_through_the_dates_of_a_weekly_event(client, programme):
    first, second = event_index(client), event_index(client, page="2")
    assert len(listed_titles(first)) == 20
    assert len(listed_titles(second)) == 11  # 30 weekly dates and one Fachtag
    assert "31 Termine" in first


def test_past_events_archive(client, programme):
    html = event_index(client, past="1")
    assert listed_titles(html) == ["Fachtag"]
    assert "Vergangene Termine" in html or "Past dates" in html


# --------------------------------------------------------------------------- admin


def admin_data(rows, **fields):
    weekdays = fields.pop("repeat_weekdays", None)
    data = {
        "title": "Sprechstunde",
        "slug": "sprechstunde",
        "teaser": "Beratung für Vereine.",
        "status": "scheduled",
        "occurrences": inline_formset(rows, min=1),
        "exception_dates": inline_formset([]),
        "body": streamfield([]),
        "action-publish": "action-publish",
    }
    data.update(fields)
    data = nested_form_data(data)
    if weekdays:
        data["repeat_weekdays"] = weekdays
    return data


def test_editors_build_the_rule_from_plain_fields(tree, admin_client):
    url = reverse("wagtailadmin_pages:add", args=["events", "eventpage", tree.events.pk])
    form_html = admin_client.get(url).content.decode()
    assert 'name="repeat_weekdays"' in form_html
    assert 'name="exception_dates-TOTAL_FORMS"' in form_html
    assert 'name="recurrence_rule"' not in form_html  # editors never type rule text
    data = admin_data(
        [{"start": "2027-03-09 10:00", "end": "2027-03-09 12:00"}],
        repeat="WEEKLY",
        repeat_interval="2",
        repeat_until="2027-04-30",
        repeat_weekdays=["TU", "TH"],
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    page = EventPage.objects.get(slug="sprechstunde", alias_of__isnull=True)
    assert page.recurrence_rule == "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;UNTIL=20270430T215959Z"
    form = EventPage.get_edit_handler().get_form_class()(instance=page, for_user=page.owner)
    assert form.initial["repeat"] == "WEEKLY"
    assert form.initial["repeat_weekdays"] == ["TU", "TH"]
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    edit_html = admin_client.get(edit_url).content.decode()
    assert re.search(r'name="repeat_weekdays" value="TH"[^>]* checked', edit_html)


@pytest.mark.parametrize(
    ("fields", "error_field"),
    [
        ({"repeat": "WEEKLY", "repeat_weekdays": ["MO"]}, "repeat_weekdays"),
        ({"repeat": "DAILY", "repeat_until": "2027-05-01", "repeat_count": "3"}, "repeat_count"),
        ({"repeat": "DAILY", "repeat_until": "2027-01-01"}, "repeat_until"),
        ({"repeat": "MONTHLY", "repeat_monthly": "last"}, "repeat_monthly"),
    ],
)
def test_the_admin_refuses_rules_that_contradict_the_first_date(
    tree, admin_client, fields, error_field
):
    url = reverse("wagtailadmin_pages:add", args=["events", "eventpage", tree.events.pk])
    data = admin_data([{"start": "2027-03-09 10:00", "end": "2027-03-09 12:00"}], **fields)
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert error_field in response.context["form"].errors


def test_an_imported_rule_stays_when_the_editor_leaves_the_repeat_fields_alone(tree, admin_client):
    event = event_with_rule(tree, "Import", at(2027, 3, 1), "FREQ=MONTHLY;BYMONTHDAY=1,15")
    row = event.occurrences.get()
    data = admin_data(
        [{"id": row.pk, "start": "2027-03-01 18:00", "end": "2027-03-01 20:00"}],
        title="Import",
        slug=event.slug,
    )
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[event.pk]), data)
    assert response.status_code == 302, response.context["form"].errors
    event.refresh_from_db()
    assert event.recurrence_rule == "FREQ=MONTHLY;BYMONTHDAY=1,15"
    form_class = EventPage.get_edit_handler().get_form_class()
    assert issubclass(form_class, EventPageForm)
    form = form_class(instance=event, for_user=event.owner)
    assert "FREQ=MONTHLY;BYMONTHDAY=1,15" in str(form.fields["repeat"].help_text)


# --------------------------------------------------------------------------- query budget


def warm_queries(client, url):
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def add_weekly_events(tree, organisers, groups, start, count):
    first = timezone.localtime().replace(hour=18, minute=0, second=0, microsecond=0)
    for number in range(start, start + count):
        event_with_rule(
            tree,
            f"Treffen {number:03}",
            first + dt.timedelta(days=number % 7 + 1),
            "FREQ=WEEKLY;COUNT=8",
            organiser=organisers[number % 2],
            target_groups=groups,
        )


def test_listing_costs_the_same_with_5_and_200_repeating_events(client, tree):
    from home.models import TargetGroup

    organisers = [tree.organisation("Verein A"), tree.organisation("Verein B")]
    groups = [make_term(TargetGroup, "Jugendliche"), make_term(TargetGroup, "Frauen")]
    add_weekly_events(tree, organisers, groups, 0, 5)
    few = warm_queries(client, "/de/veranstaltungen/?target_group=frauen")
    add_weekly_events(tree, organisers, groups, 5, 195)
    assert EventDate.objects.filter(page__locale=tree.locales["de"]).count() == 1600
    many = warm_queries(client, "/de/veranstaltungen/?target_group=frauen")
    assert few == many
