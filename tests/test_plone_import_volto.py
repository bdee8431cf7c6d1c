"""import_plone loses nothing a site owner would miss (issue 14, Plone part).

Each test turns one observation of the issue into a regression test, on our
own Volto-heavy plone.exportimport export (tests/fixtures/plone_volto, written
from the published Volto block schemas) and on the shared real exports. Pages
are checked as a visitor sees them: through HTTP GET.
"""

import json
import logging
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from home.models import ContactPerson, StandardPage
from organisations.models import OrganisationPage
from plone_import.models import ImportedItem
from tests.test_plone_import import SHARED, needs_shared

VOLTO = Path(__file__).resolve().parent / "fixtures" / "plone_volto"


def run(path, *args):
    out = StringIO()
    call_command("import_plone", str(path), *args, "--no-progress", stdout=out)
    return out.getvalue()


def coverage(path, *args):
    out = StringIO()
    call_command("plone_coverage", str(path), *args, stdout=out)
    return out.getvalue()


def page_of(uid):
    return ImportedItem.objects.get(uid=uid).page.specific


def visit(client, page):
    response = client.get(page.url)
    assert response.status_code == 200, page.url
    return response.content.decode()


def blocks_of(page, kind):
    return [child.value for child in page.body if child.block_type == kind]


def copy_export(tmp_path, change=None):
    """A copy of the Volto export in tmp_path; change(items by UID) edits its data.json files."""
    target = tmp_path / "volto"
    shutil.copytree(VOLTO, target)
    if change:
        items = {}
        for path in (target / "content").glob("*/data.json"):
            items[json.loads(path.read_text())["UID"]] = path
        loaded = {uid: json.loads(path.read_text()) for uid, path in items.items()}
        change(loaded)
        for uid, path in items.items():
            if uid in loaded:
                path.write_text(json.dumps(loaded[uid]))
            else:
                shutil.rmtree(path.parent)
    return target


@pytest.fixture
def volto(tree):
    get_user_model().objects.create_user("redaktion", password="x")
    return tree, run(VOLTO)


# --------------------------------------------------------------------------- blocks


def test_accordion_panels_become_an_accordion(volto, client):
    guide = page_of("v-guide")
    (accordion,) = blocks_of(guide, "accordion")
    assert accordion["title"] == "Häufige Fragen"
    questions = [item["question"] for item in accordion["items"]]
    assert questions == [
        "Wie viele Mitglieder braucht ein Verein?",
        "Was kostet die Eintragung?",
        "Wer hilft beim Ausfüllen?",
    ]
    answer = accordion["items"][1]["answer"].source
    assert "Gebühren" in answer and "Registereintrag" in answer and "<li" in answer
    link = accordion["items"][2]["answer"].source
    assert f'linktype="page" id="{page_of("v-org-1").pk}"' in link
    html = visit(client, guide)
    assert "<details>" in html and "Notariat und Amtsgericht zusammen etwa hundert Euro." in html


def test_introduction_and_every_linking_block_land_in_blocks(volto, client):
    guide = page_of("v-guide")
    paragraphs = "".join(value.source for value in blocks_of(guide, "paragraph"))
    assert "Sieben Mitglieder, eine Satzung" in paragraphs  # introduction
    callouts = {value["title"]: value["text"].source for value in blocks_of(guide, "callout")}
    # teaser, highlight, banner: call-outs with their text and link
    assert "Erfahrungsbericht" in callouts["Wie ein Fest den Verein stärkt"]
    assert f'id="{page_of("v-news-1").pk}"' in callouts["Wie ein Fest den Verein stärkt"]
    highlight = callouts["Beratungstermine frei"]
    assert "Jeden Donnerstag" in highlight
    assert f'id="{page_of("v-event-1").pk}">Termin ansehen' in highlight
    assert 'href="https://foerderung.example"' in callouts["Förderprogramm geöffnet"]
    assert any("checkliste.pdf" in text for text in callouts.values())  # __button
    # video and maps: links with their title
    assert ">Erklärfilm Vereinsgründung</a>" in paragraphs
    assert ">Weg zum Amtsgericht</a>" in paragraphs
    html = visit(client, guide)
    for text in ("Gründungsfeier im Hof", "Nachlese Sommerfest", "Zum Bericht", "Zitat des Monats"):
        assert text in html


def test_slider_slides_become_images_with_captions(volto):
    guide = page_of("v-guide")
    captions = [value["caption"] for value in blocks_of(guide, "image")]
    assert "Gründungsfeier im Hof" in captions
    # The second slide shows the news item's lead image.
    news = page_of("v-news-1")
    images = [value["image"].pk for value in blocks_of(guide, "image")]
    assert images.count(news.lead_image.pk) == 3  # slide 1, slide 2, the image block
    assert "not an image" not in volto[1]


def test_slate_table_becomes_a_table_block(volto, client):
    (table,) = blocks_of(page_of("v-guide"), "table")
    assert table["header_row"] is True
    rows = [[cell.source for cell in row["cells"]] for row in table["rows"]]
    assert len(rows) == 3 and "Unterlage" in rows[0][0] and "Protokoll" in rows[2][0]
    assert 'href="https://landesverband.example"' in rows[1][1]
    html = visit(client, page_of("v-guide"))
    assert '<th scope="col">' in html and "Selbst schreiben" in html


def test_dynamic_and_unknown_blocks_are_reported_not_dropped(volto):
    _, output = volto
    assert "/ratgeber: Volto block 'listing' 'Aktuelle Termine'" in output
    assert "/ratgeber: Volto block 'search' 'Im Ratgeber suchen'" in output
    assert "/ratgeber: Volto block 'quoteBlock' is unknown: its texts kept" in output
    headings = [value["text"] for value in blocks_of(page_of("v-guide"), "heading")]
    assert "Aktuelle Termine" in headings


def test_image_captions_credits_and_alt_texts(volto, client):
    guide = page_of("v-guide")
    pictures = {value["caption"]: value for value in blocks_of(guide, "image")}
    picture = pictures["Gründungsfeier eines Nachbarschaftsvereins"]
    assert picture["credit"] == "Verein Nord"
    assert picture["alt_text"] == "Feier im Innenhof"
    news = page_of("v-news-1")
    (in_news,) = blocks_of(news, "image")
    assert (in_news["caption"], in_news["credit"]) == (
        "Tanz im Innenhof",
        "Nachbarschaftsverein Nord",
    )
    # The image's own alt text is its Plone description, not its file name.
    assert news.lead_image.description == "Kinder tanzen beim Sommerfest im Hof"
    html = visit(client, guide)
    assert 'alt="Feier im Innenhof"' in html and "sommerfest.png" not in html.split("<main")[-1]


# --------------------------------------------------------------------------- relations, types


def test_preview_image_link_becomes_the_lead_image(volto):
    news = page_of("v-news-1")
    assert news.lead_image is not None
    assert news.lead_image.pk == ImportedItem.objects.get(uid="v-image").image_id
    assert news.lead_image_credit == "Foto: Nachbarschaftsverein Nord"


def test_related_items_become_see_also_links(volto):
    guide = page_of("v-guide")
    headings = [value["text"] for value in blocks_of(guide, "heading")]
    assert headings[-1] == "Siehe auch"
    last = guide.body[-1].value.source
    assert f'id="{page_of("v-news-1").pk}"' in last and f'id="{page_of("v-event-1").pk}"' in last


def test_location_becomes_the_venue_and_unit_the_organiser(volto, client):
    event = page_of("v-event-1")
    assert event.venue_name == "Bürgerhaus Nord"
    assert "Lindenweg 4" in event.venue_address and "12345 Musterstadt" in event.venue_address
    assert "Stufenloser Eingang" in event.venue_address
    organisation = page_of("v-org-1")
    assert isinstance(organisation, OrganisationPage)
    assert (organisation.city, organisation.email) == (
        "Musterstadt",
        "eltern@netzwerk-nord.example",
    )
    assert event.organiser_id == organisation.pk
    assert not ImportedItem.objects.get(uid="v-loc-1").page_id  # a Location has no page
    assert "Bürgerhaus Nord" in visit(client, event)


def test_person_becomes_a_contact_person(volto):
    person = ContactPerson.objects.get(name="Amina Beispiel")
    assert person.role == "Koordinatorin Elternarbeit"
    assert person.email == "amina.beispiel@netzwerk-nord.example"
    assert person.locale.language_code == "de"
    assert ImportedItem.objects.get(uid="v-person-1").contact_person_id == person.pk


def test_creators_and_subjects(volto):
    _, output = volto
    editor = get_user_model().objects.get(username="redaktion")
    assert page_of("v-news-1").owner_id == editor.pk  # the first creator that is a user
    assert page_of("v-guide-old").owner is None  # "admin" is no user here
    categories = {category.name for category in page_of("v-news-1").categories.all()}
    assert categories == {"Feste", "Nachbarschaft"}
    assert "/ratgeber: subjects not imported (Vereinsrecht)" in output


def test_site_root_text_is_kept_on_a_page(volto, client):
    tree, _ = volto
    page = page_of("v-site#text")
    assert isinstance(page, StandardPage) and page.get_parent().pk == tree.home.pk
    assert "Vereine finden hier Beratung" in visit(client, page)


# --------------------------------------------------------------------------- redirects


def test_redirects_with_and_without_the_site_prefix(volto, client):
    guide = page_of("v-guide")
    for old in ("/vereinsgruendung", "/Plone/vereinsgruendung"):
        assert Redirect.objects.get(old_path=old).redirect_page_id == guide.pk
    assert Redirect.objects.get(old_path="/termine").redirect_page_id == page_of("v-event-1").pk
    assert Redirect.objects.get(old_path="/ratgeber").redirect_page_id == guide.pk  # old path
    response = client.get("/vereinsgruendung")
    assert response.status_code == 301 and response["Location"].endswith(guide.url)
    _, output = volto
    assert "/Plone/verschwunden: redirect target /Plone/gibt-es-nicht was not imported" in output


@needs_shared
def test_collective_style_redirects_with_prefix_match(tree, tmp_path):
    export = tmp_path / "multi"
    shutil.copytree(SHARED / "plone.exportimport_multilingual_import", export)
    (export / "redirects.json").write_text(json.dumps({"/Plone/en-us": "/Plone/en"}))
    run(export, "--language-map", "es=tr")
    en_home = tree.home.get_translation(tree.locales["en"])
    assert Redirect.objects.get(old_path="/en-us").redirect_page_id == en_home.pk
    assert Redirect.objects.get(old_path="/Plone/en-us").redirect_page_id == en_home.pk


# --------------------------------------------------------------------------- sub-paths, dry run


def test_export_of_a_sub_path_goes_below_parent(tree, tmp_path):
    archive = tree.standard("Archiv")

    def only_the_guide(items):
        """An export of /themen only: its folder (the items' parent) is not in it."""
        for uid in list(items):
            if uid not in ("v-guide", "v-guide-old"):
                del items[uid]
        for item in items.values():
            item["@id"] = "/themen/" + item["id"]
            item["parent"] = {"@id": "/themen", "@type": "Folder", "UID": "v-themen"}

    path = copy_export(tmp_path, only_the_guide)
    output = run(path, "--parent", "/de/archiv/")
    assert "2 item(s) whose parent is not in the export go below --parent ('Archiv')" in output
    assert page_of("v-guide").get_parent().pk == archive.pk
    assert page_of("v-guide-old").get_parent().pk == archive.pk
    # --skip-invalid imports them too (it used to skip every item below the missing root).
    Page.objects.filter(pk__in=[page_of("v-guide").pk, page_of("v-guide-old").pk]).delete()
    ImportedItem.objects.all().delete()
    output = run(path, "--parent", "/de/archiv/", "--skip-invalid")
    assert "skipped:     0" in output and page_of("v-guide").get_parent().pk == archive.pk


def test_dry_run_says_would_create_and_logs_no_page_creation(tree, caplog):
    before = Page.objects.count()
    with caplog.at_level(logging.INFO, logger="wagtail"):
        output = run(VOLTO, "--dry-run")
    assert "would create: 9" in output and "\n  created:" not in output
    assert not [record for record in caplog.records if "Page created" in record.getMessage()]
    assert Page.objects.count() == before and not ImportedItem.objects.exists()


# --------------------------------------------------------------------------- again, changed


def snapshot():
    return (
        Page.objects.count(),
        Redirect.objects.count(),
        ContactPerson.objects.count(),
        ImportedItem.objects.count(),
        sorted(Page.objects.values_list("latest_revision_id", flat=True), key=str),
    )


def test_volto_export_twice_then_with_a_changed_item(volto, tmp_path):
    before = snapshot()
    again = run(VOLTO)
    assert "created:     0" in again and "updated:     0" in again
    assert snapshot() == before

    def change(items):
        items["v-news-1"]["blocks"]["s"]["value"][0]["children"][0]["text"] = "Neuer Dank."
        items["v-person-1"]["job_title"] = "Leitung"

    changed = run(copy_export(tmp_path, change))
    assert "updated:     2 (ContactPerson 1, NewsPage 1)" in changed
    assert "Neuer Dank." in "".join(v.source for v in blocks_of(page_of("v-news-1"), "paragraph"))
    assert ContactPerson.objects.get(name="Amina Beispiel").role == "Leitung"
    assert Page.objects.count() == before[0]


@needs_shared
@pytest.mark.parametrize(
    "name,args",
    [
        ("plone.exportimport_base_import", []),
        ("plone.exportimport_multilingual_import", ["--language-map", "es=tr"]),
    ],
)
def test_shared_exports_twice_then_with_a_changed_item(tree, tmp_path, name, args):
    run(SHARED / name, *args)
    before = snapshot()
    again = run(SHARED / name, *args)
    assert "created:     0" in again and "updated:     0" in again and snapshot() == before
    export = tmp_path / name
    shutil.copytree(SHARED / name, export)
    document = next(
        path
        for path in (export / "content").glob("*/data.json")
        if json.loads(path.read_text())["@type"] == "Document"
    )
    data = json.loads(document.read_text())
    data["title"] = "Geänderter Titel"
    document.write_text(json.dumps(data))
    changed = run(export, *args)
    assert "updated:     1 (StandardPage 1)" in changed
    assert page_of(data["UID"]).title == "Geänderter Titel"


# --------------------------------------------------------------------------- coverage


def test_word_coverage_of_the_volto_export(volto):
    output = coverage(VOLTO, "--min", "99")
    assert "coverage:       100.00%" in output


@needs_shared
@pytest.mark.parametrize(
    "name,args",
    [
        ("plone.exportimport_base_import", []),
        ("plone.exportimport_multilingual_import", ["--language-map", "es=tr"]),
    ],
)
def test_word_coverage_of_the_shared_exports(tree, name, args):
    run(SHARED / name, *args)
    assert "coverage:       100.00%" in coverage(SHARED / name, "--min", "99")


def test_coverage_sees_what_an_import_loses(volto):
    """The measure is independent of the importer: a lost accordion shows as missing words."""
    guide = page_of("v-guide")
    del guide.body[[child.block_type for child in guide.body].index("accordion")]
    guide.save_revision().publish()
    with pytest.raises(CommandError, match="is below 99"):
        coverage(VOLTO, "--min", "99")
    assert "/ratgeber (Document)" in coverage(VOLTO)
