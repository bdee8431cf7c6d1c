"""The importer's parts on their own: reader, Volto and HTML conversion, links, languages."""

import json
import re
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from plone_import.errors import ImportAbort
from plone_import.event_fields import parse_recurrence
from plone_import.html import HtmlConverter, plain_text
from plone_import.jsonstream import JsonArrayReader
from plone_import.languages import LanguageResolver, parse_language_map, raw_language
from plone_import.links import LinkResolver, Target
from plone_import.volto import blocks_to_html, slate_node

# --------------------------------------------------------------------------- streaming reader


def test_reader_streams_elements_and_reads_them_back(tmp_path):
    items = [{"n": n, "text": "Grüße 𝄞 " * (n % 5), "list": [n, None, True]} for n in range(200)]
    items.append({"big": "x" * 50_000})
    path = tmp_path / "export.json"
    path.write_text(json.dumps(items, ensure_ascii=False, indent=1), encoding="utf-8")
    reader = JsonArrayReader(path, chunk_size=64)  # elements cross many chunk boundaries
    found = list(reader)
    assert [item for _, item in found] == items
    span, item = found[150]
    assert reader.read(span) == item


@pytest.mark.parametrize(
    "text, message",
    [
        ('[{"a": 1},]', "malformed JSON at byte 10: Expecting value"),
        ('[{"a": 1}', "malformed JSON at byte 9: unexpected end of file"),
        ('{"a": 1}', "malformed JSON at byte 0: expected '['"),
        ('[{"a": 1} {"b": 2}]', "malformed JSON at byte 10: expected ','"),
    ],
)
def test_reader_names_where_the_json_breaks(tmp_path, text, message):
    path = tmp_path / "export.json"
    path.write_text(text)
    with pytest.raises(ImportAbort, match=re.escape(message)):
        list(JsonArrayReader(path, chunk_size=4))


# --------------------------------------------------------------------------- Volto


def test_slate_nodes_become_html():
    node = {
        "type": "p",
        "children": [
            {"text": "Mehr "},
            {"type": "link", "data": {"url": "../resolveuid/abc"}, "children": [{"text": "hier"}]},
            {"type": "strong", "children": [{"text": " <fett>"}]},
        ],
    }
    assert (
        slate_node(node) == '<p>Mehr <a href="../resolveuid/abc">hier</a><b> &lt;fett&gt;</b></p>'
    )


def test_volto_blocks_in_layout_order_and_unknown_ones_reported():
    panel = {
        "title": "Frage",
        "blocks": {"x": {"@type": "html", "html": "<p>A</p>"}},
        "blocks_layout": {"items": ["x"]},
    }
    blocks = {
        "a": {"@type": "title"},
        "b": {"@type": "image", "url": [{"@id": "/bilder/a.png"}], "alt": "A"},
        "c": {"@type": "heading", "heading": "Titel", "tag": "h3"},
        "d": {"@type": "video", "url": "https://video"},
        "e": {
            "@type": "accordion",
            "data": {"blocks": {"p": panel}, "blocks_layout": {"items": ["p"]}},
        },
    }
    warnings = []
    blocks["f"] = {"@type": "listing", "headline": "Neues"}
    blocks["g"] = {"@type": "mystery", "title": "Rätsel", "description": "Lösung"}
    html = blocks_to_html(blocks, ["c", "b", "a", "d", "e", "f", "g"], warnings.append)
    assert html == (
        '<h3>Titel</h3><img src="/bilder/a.png" alt="A" data-caption="" data-credit=""/>'
        '<p><a href="https://video">https://video</a></p>'
        '<x-accordion title=""><x-panel title="Frage"><p>A</p></x-panel></x-accordion>'
        "<h2>Neues</h2><h3>Rätsel</h3><p>Lösung</p>"
    )
    assert warnings == [
        "Volto block 'listing' 'Neues': a dynamic list, add it by hand if the page needs it",
        "Volto block 'mystery' is unknown: its texts kept",
    ]


# --------------------------------------------------------------------------- links and HTML


class FakePlan:
    site_prefix = "/Plone"

    def __init__(self, paths):
        self.paths = paths
        self.entries = {
            uid: SimpleNamespace(item_id=uid, importable=True, path=path)
            for path, uid in paths.items()
        }

    @staticmethod
    def relative(path, prefix):
        return path[len(prefix) :] if prefix and path.startswith(prefix) else path


class FakeRegistry:
    def __init__(self, targets):
        self.targets = targets
        self.image_meta = {}

    def target(self, uid):
        return self.targets.get(uid)

    def note_alt_text(self, image_id, alt):
        pass


@pytest.fixture
def resolver(db):
    plan = FakePlan({"/de/a": "uid-a", "/de/bild.png": "uid-img", "/de/later": "uid-later"})
    plan.entries["uid-a"].item_id = "http://old/Plone/de/a"
    registry = FakeRegistry(
        {
            "uid-a": Target("page", 7),
            "uid-img": Target("image", 3),
            "uid-doc": Target("document", 5, url="/documents/5/a.pdf"),
        }
    )
    links = LinkResolver(plan, registry, ["https://www.alt.example"])
    links.start(SimpleNamespace(path="/de/ordner/seite"))
    return links


@pytest.mark.parametrize(
    "href, expected",
    [
        ("resolveuid/uid-a", Target("page", 7)),
        ("../resolveUid/uid-doc/@@download/file", Target("document", 5, url="/documents/5/a.pdf")),
        ("https://www.alt.example/de/a/view", Target("page", 7)),
        ("/Plone/de/a", Target("page", 7)),
        ("../a", Target("page", 7)),
        ("https://elsewhere.example/de/a", Target("url", url="https://elsewhere.example/de/a")),
        ("mailto:info@example.org", Target("url", url="mailto:info@example.org")),
        ("javascript:alert(1)", None),
        ("/de/missing", None),
    ],
)
def test_link_resolution(resolver, href, expected):
    assert resolver.link(href) == expected


def test_links_to_items_written_later_are_pending(resolver):
    assert resolver.link("resolveuid/uid-later") is None
    assert resolver.pending and not resolver.warnings


def test_html_becomes_blocks_the_editor_allows(resolver):
    html = (
        '<div><h1>Titel</h1><p style="color:red">Text <strong>fett</strong> '
        '<a href="resolveuid/uid-a">Seite</a> <a href="/de/missing">weg</a></p>'
        '<img src="../bild.png/@@images/image/preview" alt="Bild"/>'
        "<ul><li>eins</li></ul><script>alert(1)</script><table><tr><td>a</td><td>b</td></tr>"
        "</table><h5>Klein</h5></div>"
    )
    blocks = HtmlConverter(resolver).stream(html)
    assert [block["type"] for block in blocks] == [
        "heading",
        "paragraph",
        "image",
        "paragraph",
        "table",
        "heading",
    ]
    assert blocks[0]["value"] == {"text": "Titel", "level": "h2"}
    paragraph = blocks[1]["value"]
    assert '<a linktype="page" id="7">Seite</a>' in paragraph and "<b>fett</b>" in paragraph
    assert "style" not in paragraph and "weg" in paragraph and "href" not in paragraph
    assert (blocks[2]["value"]["image"], blocks[2]["value"]["alt_text"]) == (3, "Bild")
    assert "<li" in blocks[3]["value"] and "alert" not in blocks[3]["value"]
    assert [plain_text(cell) for cell in blocks[4]["value"]["rows"][0]["cells"]] == ["a", "b"]
    assert blocks[5]["value"]["level"] == "h3"
    assert "link to /de/missing removed: not in the export" in resolver.warnings


def test_plain_text_separates_blocks_and_drops_scripts():
    assert plain_text("<h2>A</h2><p>b <i>c</i><script>x</script></p><li>d</li>") == "A b c d"


# --------------------------------------------------------------------------- languages, events


def test_language_codes(db):
    assert raw_language({"language": "##DEFAULT##"}) is None
    assert raw_language({"language": {"token": "pt_BR"}}) == "pt-br"
    assert parse_language_map(["pt-br=tr", "es=en,fr=en"]) == {
        "pt-br": "tr",
        "es": "en",
        "fr": "en",
    }
    with pytest.raises(ImportAbort, match="write it as plone-code=site-code"):
        parse_language_map(["es"])


def test_language_resolution(locales):
    resolver = LanguageResolver({"es": "tr"})
    assert resolver.resolve("es") == ("tr", None)
    assert resolver.resolve("de-at") == ("de", None)
    code, error = resolver.resolve("xx")
    assert code is None and "unknown language 'xx'" in error and "--language-map xx=" in error
    locales["uk"].delete()
    code, error = LanguageResolver().resolve("uk")
    assert code is None and "no locale for 'uk'" in error


def test_recurrence_text():
    entry = SimpleNamespace(item_id="event")
    rule, exceptions, extra = parse_recurrence(
        entry,
        "RRULE:FREQ=MONTHLY;BYDAY=+1TU\nEXDATE;TZID=Europe/Berlin:20260106T180000,20260203\n"
        "RDATE:20260115T170000Z",
        ZoneInfo("Europe/Berlin"),
    )
    assert rule == "FREQ=MONTHLY;BYDAY=+1TU"
    assert sorted(day.isoformat() for day in exceptions) == ["2026-01-06", "2026-02-03"]
    assert [moment.isoformat() for moment in extra] == ["2026-01-15T17:00:00+00:00"]
