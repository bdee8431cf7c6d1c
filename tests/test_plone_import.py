"""import_plone on the shared real Plone exports and on our own collective.exportimport file.

Shared exports (../shared/fixtures/plone): plone.exportimport's multilingual and base
imports, and plone.restapi's HTTP examples turned into a collective.exportimport
file here. Our own file (tests/fixtures/plone/collective) has what those lack:
events with recurrence, Volto blocks, translation groups across LRFs, links of
every kind, workflow states.
"""

import contextlib
import copy
import json
import os
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from events.models import EventPage
from guidance.models import GuidancePage
from home.models import StandardPage
from locales.languages import LANGUAGES
from news.models import NewsCategory, NewsIndexPage, NewsPage
from plone_import.models import ImportedItem

# ../shared beside the repository; SHARED_FIXTURES_DIR for a checkout elsewhere (a worktree).
SHARED = (
    Path(os.environ.get("SHARED_FIXTURES_DIR", Path(__file__).resolve().parents[2] / "shared"))
    / "fixtures"
    / "plone"
)
OWN = Path(__file__).resolve().parent / "fixtures" / "plone" / "collective"
needs_shared = pytest.mark.skipif(
    not SHARED.is_dir(), reason=f"the shared Plone exports are not at {SHARED}"
)
OLD_URL = "https://www.alte-seite.example"


def run(path, *args):
    out = StringIO()
    call_command("import_plone", str(path), *args, "--no-progress", stdout=out)
    return out.getvalue()


def imported(uid):
    """What a Plone UID became (its page, specific)."""
    return ImportedItem.objects.get(uid=uid).page.specific


def counts():
    return (
        Page.objects.count(),
        get_image_model().objects.count(),
        get_document_model().objects.count(),
        Redirect.objects.count(),
        ImportedItem.objects.count(),
    )


def stored_files():
    names = []
    for folder in ("original_images", "documents"):
        with contextlib.suppress(FileNotFoundError):
            names += default_storage.listdir(folder)[1]
    return names


def own_export(tmp_path, change=None):
    """A copy of our export (and its translations) in tmp_path, changed by change(items)."""
    items = json.loads((OWN / "Plone.json").read_text())
    if change:
        change(items)
    (tmp_path / "Plone.json").write_text(json.dumps(items))
    shutil.copy(OWN / "export_translations.json", tmp_path)
    return tmp_path / "Plone.json"


def by_uid(items, uid):
    return next(item for item in items if item["UID"] == uid)


def body_html(page):
    """The rich text of every block of the body (paragraphs, call-outs, answers, cells)."""
    parts = []
    for child in page.body:
        raw = child.block.get_prep_value(child.value)
        parts += [raw] if isinstance(raw, str) else rich_texts(raw)
    return "".join(parts)


def rich_texts(value):
    if isinstance(value, dict):
        return [text for item in value.values() for text in rich_texts(item)]
    if isinstance(value, list):
        return [text for item in value for text in rich_texts(item)]
    return [value] if isinstance(value, str) and value.startswith("<") else []


# --------------------------------------------------------------------------- our own export


@pytest.fixture
def own(tree):
    output = run(OWN / "Plone.json", "--old-url", OLD_URL)
    return tree, output


def test_own_export_places_every_type_and_translation(own):
    tree, output = own
    assert "created:" in output and "Skipped:" in output
    assert "de/sammlung: type 'Collection' is not imported" in output
    # Section folders map onto the existing index pages; their content goes there.
    assert ImportedItem.objects.get(uid="uid-news-folder-de").page_id == tree.news.pk
    assert ImportedItem.objects.get(uid="uid-guide-folder").page_id == tree.guidance.pk
    assert imported("uid-news-de").get_parent().pk == tree.news.pk
    assert isinstance(imported("uid-guide-volto"), GuidancePage)
    assert imported("uid-guide-volto").get_parent().pk == tree.guidance.pk
    assert imported("uid-event-weekly").get_parent().pk == tree.events.pk
    impressum = imported("uid-impressum-de")
    assert isinstance(impressum, StandardPage) and impressum.get_parent().pk == tree.home.pk
    # A folder with only images and files needs no page; its path redirects to the home page.
    assert ImportedItem.objects.get(uid="uid-images-folder").role == "container"
    assert get_image_model().objects.filter(title="Vereinslogo").exists()
    assert get_document_model().objects.get(title="Satzung").collection.name == "Plone import"
    # Translation groups: one translation_key across the languages.
    news_de, news_en = imported("uid-news-de"), imported("uid-news-en")
    assert news_en.locale.language_code == "en"
    assert news_en.translation_key == news_de.translation_key
    assert isinstance(news_en.get_parent().specific, NewsIndexPage)
    assert news_en.get_parent().translation_key == tree.news.translation_key
    impressum_ar = imported("uid-impressum-ar")
    assert impressum_ar.get_parent().pk == tree.ar_home.pk
    assert impressum_ar.translation_key == imported("uid-impressum-de").translation_key
    assert news_de.get_translations().filter(pk=news_en.pk).exists()


def test_own_export_content_links_and_redirects(own):
    tree, _ = own
    volto = imported("uid-guide-volto")
    kinds = [child.block_type for child in volto.body]
    assert kinds == ["heading", "paragraph", "image", "callout"]  # the teaser: a call-out
    assert volto.body[0].value["text"] == "Schritt für Schritt"
    html = body_html(volto)
    classic, impressum = imported("uid-guide-classic"), imported("uid-impressum-de")
    # A forward link (the linked page comes later in the export) and a path link.
    assert f'<a linktype="page" id="{classic.pk}">Förderung</a>' in html
    assert f'id="{impressum.pk}"' in html and "<li" in html
    image = get_image_model().objects.get(title="Vereinslogo")
    assert volto.body[2].value["image"].pk == image.pk
    assert image.description == "Vereinslogo"  # alt text from the image block
    news = imported("uid-news-de")
    assert f'id="{news.pk}"' in html  # the teaser

    classic_html = body_html(classic)
    document = get_document_model().objects.get(title="Satzung")
    assert f'linktype="document" id="{document.pk}"' in classic_html
    assert f'id="{volto.pk}"' in classic_html  # absolute link to the old site
    assert classic_html.count(f'id="{impressum.pk}"') == 1  # --old-url link with /view
    assert "alert" not in classic_html and "style" not in classic_html
    assert "javascript" not in classic_html and "böse" in classic_html
    assert "31. März" in classic_html and "500 €" in classic_html
    assert [child.block_type for child in classic.body] == [
        "heading",
        "paragraph",
        "table",
        "image",
    ]
    assert classic.intro.startswith("Förderung Erst lesen, dann schreiben.")
    redirect = Redirect.objects.get(old_path="/de/handreichungen/verein-gruenden")
    assert redirect.is_permanent and redirect.redirect_page_id == imported("uid-guide-volto").pk
    assert Redirect.objects.get(old_path="/de/kontakt").redirect_page_id == (
        imported("uid-impressum-de").pk
    )
    assert Redirect.objects.get(old_path="/de/aktuelles").redirect_page_id == tree.news.pk
    logo = Redirect.objects.get(old_path="/de/bilder/logo.png")
    assert logo.redirect_link == get_image_model().objects.get(title="Vereinslogo").file.url


def test_own_export_news_events_and_workflow(own):
    _, output = own
    news = imported("uid-news-de")
    assert news.live and news.date.isoformat() == "2024-03-05"
    assert news.lead_image.title == "Neuer Vorstand gewählt"
    assert news.lead_image_caption == "Der neue Vorstand"
    assert {c.slug for c in news.categories.all()} == {"presse", "vorstand"}
    assert NewsCategory.objects.get(slug="presse").locale.language_code == "de"
    assert news.first_published_at.isoformat() == "2024-03-05T08:00:00+00:00"
    assert news.last_published_at.isoformat() == "2024-05-02T10:30:00+00:00"
    assert news.live_revision.created_at == news.last_published_at
    draft = imported("uid-guide-classic")
    assert not draft.live and draft.first_published_at is None and draft.has_unpublished_changes
    future = imported("uid-future")
    assert not future.live and future.go_live_at.year == 2099
    assert future.latest_revision.approved_go_live_at.year == 2099
    expired = imported("uid-expired")
    assert not expired.live and expired.expired

    weekly = imported("uid-event-weekly")
    assert weekly.recurrence_rule == "FREQ=WEEKLY;COUNT=6"
    assert [d.date.isoformat() for d in weekly.exception_dates.all()] == ["2026-03-10"]
    starts = [o.start.isoformat() for o in weekly.occurrences.order_by("sort_order")]
    assert starts == ["2026-03-03T17:00:00+00:00", "2026-04-01T17:00:00+00:00"]
    assert weekly.event_dates.count() == 6  # 6 weekly, one cancelled, one extra date
    single = imported("uid-event-single")
    assert single.occurrences.get().start.isoformat() == "2026-05-04T16:00:00+00:00"
    assert single.venue_name == "Bürgerhaus Mitte, Saal 2"
    assert single.registration == "Erika Beispiel\nerika@example.org\n0521 123456"
    assert single.ical_uid == "elterncafe-2026@old.example.org"
    assert "https://example.org/elterncafe" in body_html(single)
    summer = imported("uid-event-allday")
    assert summer.all_day
    reading = imported("uid-event-open").occurrences.get()
    assert (reading.start.hour, reading.end.isoformat()) == (17, "2026-07-01T21:59:59+00:00")
    assert "Volto block 'listing'" in output and "add it by hand" in output
    assert "embedded <iframe> not imported" in output


def test_second_run_changes_nothing_then_updates_by_uid(own, tmp_path):
    before = counts()
    output = run(OWN / "Plone.json", "--old-url", OLD_URL)
    assert "created:     0" in output and "unchanged:" in output
    assert counts() == before
    path = own_export(tmp_path, lambda items: by_uid(items, "uid-impressum-de").update(title="Neu"))
    output = run(path, "--old-url", OLD_URL)
    assert "updated:     1 (StandardPage 1)" in output
    assert imported("uid-impressum-de").title == "Neu" and counts() == before
    # Edited in Wagtail since: the next import leaves it alone.
    page = imported("uid-impressum-de")
    page.title = "Von Hand"
    page.save_revision()
    path = own_export(tmp_path, lambda items: by_uid(items, "uid-impressum-de").update(title="X"))
    output = run(path, "--old-url", OLD_URL)
    assert "edited in Wagtail since the last import: kept" in output


def test_dry_run_writes_nothing(tree):
    before, files = counts(), stored_files()
    output = run(OWN / "Plone.json", "--dry-run")
    assert "DRY RUN: nothing was written" in output
    # The English news folder maps onto the English news index (an alias), not a new one.
    assert "would create: 15 (EventPage 4, GuidancePage 4, NewsPage 2, StandardPage 2" in output
    assert "created:" not in output
    assert counts() == before and stored_files() == files


def test_progress_bar_on_request(tree, tmp_path):
    path = own_export(tmp_path, lambda items: items.__setitem__(slice(1, None), []))
    err = StringIO()
    call_command("import_plone", str(path), "--progress", stdout=StringIO(), stderr=err)
    assert "importing  [" in err.getvalue() and "100%" in err.getvalue()


# --------------------------------------------------------------------------- errors


def malformed(path):
    path.write_text('[{"@id": "x", "@type": "Document", "UID": "a"}, {"@id": ')


def break_items(change):
    def write(path):
        items = json.loads((OWN / "Plone.json").read_text())
        change(items)
        path.write_text(json.dumps(items))

    return write


def set_fields(uid, **fields):
    return break_items(lambda items: by_uid(items, uid).update(fields))


def cycle(items):
    by_uid(items, "uid-guide-folder")["parent"] = {
        "@id": "x",
        "@type": "Folder",
        "UID": "uid-future",
    }


ERRORS = {
    "malformed JSON": (malformed, "Plone.json: malformed JSON at byte"),
    "missing blob": (
        set_fields("uid-image", image={"blob_path": "uid-image/image/gone.png"}),
        "de/bilder/logo.png: blob file uid-image/image/gone.png not found (field image)",
    ),
    "unknown language": (
        set_fields("uid-impressum-ar", language="xx"),
        "ar/impressum: unknown language 'xx'",
    ),
    "cycle": (break_items(cycle), "parents form a cycle"),
    "duplicate UID": (set_fields("uid-impressum-ar", UID="uid-impressum-de"), "duplicate UID"),
    "bad date in pass 2": (
        set_fields("uid-event-single", start="next tuesday"),
        "elterncafe: not a date: 'next tuesday' (field start)",
    ),
}


@pytest.mark.parametrize("case", ERRORS)
def test_errors_stop_the_import_and_write_nothing(tree, tmp_path, case):
    write, message = ERRORS[case]
    path = tmp_path / "Plone.json"
    write(path)
    before, files = counts(), stored_files()
    with pytest.raises(CommandError) as error:
        run(path)
    assert message in str(error.value)
    assert counts() == before and stored_files() == files


def test_missing_locale_names_the_language(tree, tmp_path):
    Page.objects.filter(depth=2, locale=tree.locales["fa"]).delete()  # with its subtree
    tree.locales["fa"].delete()
    path = own_export(
        tmp_path, lambda items: by_uid(items, "uid-impressum-ar").update(language="fa")
    )
    with pytest.raises(CommandError, match="no locale for 'fa' yet: run `python manage.py sync_la"):
        run(path)


def test_skip_invalid_imports_the_rest_and_lists_what_was_skipped(tree, tmp_path):
    def change(items):
        by_uid(items, "uid-lrf-ar")["language"] = "xx"
        by_uid(items, "uid-event-single")["start"] = "next tuesday"

    output = run(own_export(tmp_path, change), "--skip-invalid")
    assert "ar: unknown language 'xx'" in output
    assert "ar/impressum: its parent http://old.example.org/Plone/ar is not imported" in output
    assert "elterncafe: not a date: 'next tuesday' (field start)" in output
    assert "skipped:     4" in output  # the two, the Arabic page, the Collection
    assert not ImportedItem.objects.filter(uid__in=["uid-impressum-ar", "uid-event-single"])
    assert (
        EventPage.objects.filter(alias_of__isnull=True).count() == 3
        and imported("uid-impressum-de").live
    )


def test_language_map(tree, tmp_path):
    path = own_export(tmp_path, lambda items: by_uid(items, "uid-lrf-ar").update(language="ar-eg"))
    run(path, "--language-map", "ar-eg=ar")
    assert imported("uid-impressum-ar").locale.language_code == "ar"
    with pytest.raises(CommandError, match="'xx' is not one of the site's languages"):
        run(path, "--language-map", "ar-eg=xx")


# --------------------------------------------------------------------------- shared exports


@needs_shared
def test_multilingual_export_needs_its_languages(tree):
    before = counts()
    with pytest.raises(CommandError) as error:
        run(SHARED / "plone.exportimport_multilingual_import")
    assert "/es: unknown language 'es'" in str(error.value)
    assert "--language-map es=" in str(error.value)
    assert counts() == before


@needs_shared
def test_multilingual_export(tree):
    output = run(SHARED / "plone.exportimport_multilingual_import", "--language-map", "es=tr")
    assert "created:     12 (StandardPage 9, link (redirect) 3)" in output
    pages = StandardPage.objects.filter(alias_of__isnull=True)
    languages = sorted(page.locale.language_code for page in pages)
    assert languages == ["de"] * 3 + ["en"] * 3 + ["tr"] * 3
    # Plone's translation groups: one translation_key per group, translated into three
    # languages, and an alias in each of the others (the language invariant).
    for canonical in ("f40d3a236b464aa487b715adf3c0be92", "fbcd98e2d1a741e2a90b8f0389203530"):
        page = imported(canonical)
        versions = Page.objects.filter(translation_key=page.translation_key)
        translated = versions.filter(alias_of__isnull=True)
        assert sorted(p.locale.language_code for p in translated) == ["de", "en", "tr"]
        every_language = sorted(language.code for language in LANGUAGES)
        assert sorted(p.locale.language_code for p in versions) == every_language
    # English items say "##DEFAULT##": they take the language of their language root folder.
    assert imported("f9767fbdadf041bd892010d21b290cb5").locale.language_code == "en"
    # Old paths and Plone's own redirects.json.
    en_home = tree.home.get_translation(tree.locales["en"])
    assert Redirect.objects.get(old_path="/en-us").redirect_page_id == en_home.pk
    assert Redirect.objects.get(old_path="/de/a-folderish/a-page").redirect_page_id == (
        imported("2be023c76b3e4e0aa9908c70f19a14df").pk
    )
    assert Redirect.objects.get(old_path="/de/a-folderish/a-link").redirect_link == (
        "https://plone.org/"
    )
    assert not imported("2be023c76b3e4e0aa9908c70f19a14df").live  # private in Plone
    second = run(SHARED / "plone.exportimport_multilingual_import", "--language-map", "es=tr")
    assert (
        "created:     0" in second
        and StandardPage.objects.filter(alias_of__isnull=True).count() == 9
    )


@needs_shared
def test_base_export_with_blobs(tree):
    output = run(SHARED / "plone.exportimport_base_import")
    assert (
        "created:     9 (NewsPage 1, StandardPage 5, StandardPage (text of the site root) 1, "
        "document 1, image 1)"
    ) in output
    news = NewsPage.objects.get(alias_of__isnull=True)
    assert news.get_parent().pk == tree.news.pk and news.live
    assert (news.lead_image.width, news.lead_image.height) == (787, 227)
    assert get_image_model().objects.get(title="2025 logo").width == 800
    document = get_document_model().objects.get(title="A File")
    assert document.file.read().startswith(b"%PDF")
    assert Redirect.objects.get(old_path="/plone.pdf").redirect_link == document.url
    foo = imported("5d77cd5686184ec49ab077017b1fbc3a")
    assert foo.live and foo.get_parent().specific.title == "Bar"
    assert not imported("70844f7bec1843b8ab2796c972c9ebfe").live


RESTAPI_EXAMPLES = [
    "site_get_expand_lang_folder.json",
    "site_get_expand_lang_folder_content.json",
    "folder.json",
    "document.json",
    "newsitem.json",
    "event.json",
]
DROPPED_KEYS = ("@components", "items", "next_item", "previous_item", "batching")


def restapi_export(tmp_path):
    """plone.restapi's examples as one collective.exportimport file (unique UIDs, no extras)."""
    items = []
    for name in RESTAPI_EXAMPLES:
        item = json.loads((SHARED / "plone.restapi_http-examples" / name).read_text())
        item = {key: value for key, value in item.items() if key not in DROPPED_KEYS}
        item["UID"] = f"restapi-{name.removesuffix('.json')}"
        items.append(copy.deepcopy(item))
    path = tmp_path / "Plone.json"
    path.write_text(json.dumps(items))
    return path


@needs_shared
def test_restapi_examples_as_collective_export(tree, tmp_path):
    output = run(restapi_export(tmp_path))
    event = EventPage.objects.get(alias_of__isnull=True)
    assert event.title == "Event" and event.get_parent().pk == tree.events.pk
    occurrence = event.occurrences.get()
    assert occurrence.start.isoformat() == "2013-01-01T10:00:00+00:00"
    news = NewsPage.objects.get(alias_of__isnull=True)
    assert news.teaser == "This is a news item" and news.lead_image is None
    assert "neither base64 data nor a blob_path (only a download URL)" in output
    assert "Lorem ipsum" in body_html(news)  # "text/plain" that holds HTML
    english = imported("restapi-site_get_expand_lang_folder_content")
    assert english.locale.language_code == "en"  # language as {"title", "token"}
    welcome = StandardPage.objects.get(title="Welcome to Plone", alias_of__isnull=True)
    assert welcome.locale.language_code == "de" and welcome.get_parent().pk == tree.home.pk
    assert ImportedItem.objects.get(uid="restapi-folder").role == "container"
    assert Redirect.objects.get(old_path="/front-page").redirect_page_id == welcome.pk


def test_parent_and_translations_options(tree, tmp_path):
    archive = tree.standard("Archiv")
    path = own_export(tmp_path)
    (tmp_path / "export_translations.json").rename(tmp_path / "groups.json")
    run(path, "--parent", "/de/archiv/", "--translations", str(tmp_path / "groups.json"))
    assert imported("uid-impressum-de").get_parent().pk == archive.pk
    # News cannot live below a plain page: they go to the language's news index.
    assert imported("uid-news-de").get_parent().pk == tree.news.pk
    assert imported("uid-news-en").translation_key == imported("uid-news-de").translation_key
    with pytest.raises(CommandError, match="--parent /de/nirgends: no page at this path"):
        run(path, "--parent", "/de/nirgends")
    with pytest.raises(CommandError, match="a NewsIndexPage cannot hold imported pages"):
        run(path, "--parent", str(tree.news.pk))
