"""Page feedback (readers app): "Was this page helpful?", stored without tracking."""

import datetime
import re
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from wagtail.models import PageViewRestriction

from readers.models import PageFeedback

from .translation_helpers import editor, translator

URL = "/{code}/feedback/"


@pytest.fixture
def pages(tree):
    news = tree.news_item("Neuer Vorstand gewählt")
    tree.sync("ar")
    return {"de": news, "ar": tree.in_language(news, "ar")}


def form_fields(html):
    """The feedback form's hidden fields and its action, as a visitor's browser sees them."""
    form = re.search(r'<section class="page-feedback".*?</section>', html, re.S).group(0)
    action = re.search(r'<form method="post" action="([^"]+)"', form).group(1)
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form))
    return action, fields


def send(client, page, code="de", helpful="yes", comment="", headers=None, **extra):
    html = client.get(page.url).content.decode()
    action, fields = form_fields(html)
    assert action == URL.format(code=code)
    data = {**fields, "helpful": helpful, "comment": comment, "website": "", **extra}
    return client.post(action, data, headers=headers)


def test_form_on_content_pages_only(client, pages, tree):
    assert 'id="page-feedback"' in client.get(pages["de"].url).content.decode()
    html = client.get(pages["ar"].url).content.decode()
    assert "هل كانت هذه الصفحة مفيدة؟" in html  # in the reader's language
    for page in (tree.home, tree.news):
        assert 'id="page-feedback"' not in client.get(page.url).content.decode()


def test_answer_stored_with_page_language_and_day_only(client, pages):
    response = send(client, pages["ar"], "ar", helpful="no", comment="  Zu lang.  ")
    assert response.status_code == 302
    assert response["Location"] == f"{pages['ar'].url}?feedback=thanks#page-feedback"
    assert not response.cookies
    answer = PageFeedback.objects.get()
    assert (answer.page_id, answer.language, answer.helpful, answer.comment) == (
        pages["ar"].pk,
        "ar",
        False,
        "Zu lang.",
    )
    assert answer.date == timezone.localdate()
    fields = {field.name for field in PageFeedback._meta.get_fields()}
    assert fields == {"id", "page", "language", "date", "helpful", "comment"}  # no address
    thanks = client.get(response["Location"]).content.decode()
    assert "شكراً لملاحظاتك." in thanks


def test_page_with_form_stays_in_the_page_cache(client, pages):
    first = client.get(pages["de"].url)
    assert first["X-Page-Cache"] == "miss" and not first.cookies
    assert client.get(pages["de"].url)["X-Page-Cache"] == "hit"
    assert "csrfmiddlewaretoken" not in first.content.decode()
    assert send(client, pages["de"]).status_code == 302  # the cached form works


def test_protected_like_the_other_public_forms(client, pages):
    assert send(client, pages["de"], website="http://spam.example").status_code == 302
    assert not PageFeedback.objects.exists()  # the honeypot: looks sent, nothing stored
    refused = send(client, pages["de"], form_started="forged")
    assert refused.status_code == 400 and not PageFeedback.objects.exists()
    refused = send(client, pages["de"], helpful="")
    assert refused.status_code == 400
    foreign = send(client, pages["de"], headers={"Origin": "https://elsewhere.example"})
    assert foreign.status_code == 400 and not PageFeedback.objects.exists()
    cache.clear()  # the honeypot's post counted as a submission
    with override_settings(FORM_RATE_LIMIT=2):
        statuses = [send(client, pages["de"]).status_code for _ in range(3)]
    assert statuses == [302, 302, 429]
    assert PageFeedback.objects.count() == 2


def test_only_live_public_content_pages_take_answers(client, pages, tree):
    _, fields = form_fields(client.get(pages["de"].url).content.decode())
    data = {**fields, "helpful": "yes"}
    assert client.post("/de/feedback/", {**data, "page": tree.home.pk}).status_code == 400
    PageViewRestriction.objects.create(page=pages["de"], restriction_type="login")
    assert client.post("/de/feedback/", data).status_code == 400
    assert client.get("/de/feedback/").status_code == 405
    assert not PageFeedback.objects.exists()


@override_settings(FORM_MIN_FILL_SECONDS=3)
def test_too_fast_is_refused_in_the_language(client, pages):
    response = send(client, pages["ar"], "ar")
    assert response.status_code == 400
    assert 'lang="ar" dir="rtl"' in response.content.decode()
    assert not PageFeedback.objects.exists()


def test_editors_see_answers_per_page_and_language(client, pages):
    call_command("setup_roles", stdout=StringIO(), stderr=StringIO())
    PageFeedback.objects.create(page=pages["de"], language="de", helpful=True)
    PageFeedback.objects.create(page=pages["ar"], language="ar", helpful=False, comment="طويل")
    PageFeedback.objects.create(page=pages["ar"], language="ar", helpful=False)
    client.force_login(translator("tr"))
    assert client.get("/admin/reports/feedback/").status_code in (302, 403)
    client.force_login(editor())
    html = client.get("/admin/reports/feedback/").content.decode()
    table = re.search(r'<table class="listing">.*?</table>', html, re.S).group(0)
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S)[1:]
    cells = [re.sub(r"<[^>]+>|\s+", " ", row).split() for row in rows]
    assert cells[0][-4:] == ["ar", "0", "2", "1"]  # the least helpful first
    assert cells[1][-4:] == ["de", "1", "0", "0"]
    answers = client.get(
        "/admin/reports/feedback/answers/", {"page": pages["ar"].pk, "language": "ar"}
    ).content.decode()
    assert "طويل" in answers
    assert client.get("/admin/reports/feedback/", {"export": "csv"}).status_code == 200


def test_deleted_on_schedule(db, pages):
    old = PageFeedback.objects.create(page=pages["de"], language="de", helpful=True)
    old.date = timezone.localdate() - datetime.timedelta(days=181)
    old.save()
    kept = PageFeedback.objects.create(page=pages["de"], language="de", helpful=False)
    out = StringIO()
    call_command("delete_old_page_feedback", stdout=out)
    assert list(PageFeedback.objects.all()) == [kept]
    assert "Deleted 1" in out.getvalue()
