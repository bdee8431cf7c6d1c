"""How much of a Plone export's text reaches the imported pages (`manage.py plone_coverage`).

For each item of the export that the importer turned into something a visitor
reads (its page, or the page it was mapped onto), the distinct words of its
text-bearing fields and Volto blocks are compared with the words of that page
as rendered for a visitor (Wagtail's preview request, so drafts count too).
The words are read from the JSON here, independently of the importer's own
conversion, so a block the importer loses shows up as missing words.
"""

import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup

from events.models import EventPage

from .models import ImportedItem
from .sources import open_export

WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
# Keys of Volto blocks and item fields whose string values a visitor reads.
TEXT_KEYS = {
    "title",
    "description",
    "text",
    "heading",
    "headline",
    "head_title",
    "html",
    "caption",
    "credit",
    "alt",
    "buttonText",
    "label",
    "location",
    "contact_name",
    "image_caption",
    "question",
    "answer",
}
# Keys whose values are never this item's text: settings, queries, addresses, and the
# title and description of a link's target (another item's text, shown only as a fallback).
SKIP_KEYS = {"@type", "@id", "UID", "url", "href", "querystring", "styles", "query", "id"}
# Fields of an item that hold its text; the rest are metadata.
ITEM_FIELDS = (
    "title",
    "description",
    "text",
    "location",
    "contact_name",
    "image_caption",
)
# Only these roles leave something a visitor reads on a page of their own.
Role = ImportedItem.Role
MEASURED_ROLES = {Role.PAGE, Role.ANCHOR, Role.CONTAINER}
STRUCTURAL_ROLES = {Role.ANCHOR, Role.CONTAINER}  # folders that became no page of their own
SKIPPED_TYPES = {"Image", "File", "Link", "Collection"}


def words(text):
    return {word.lower().strip("'’-") for word in WORD.findall(text or "")} - {""}


def html_words(html):
    soup = BeautifulSoup(html or "", "html.parser")
    for node in soup.find_all(["script", "style", "template"]):
        node.decompose()
    texts = [soup.get_text(" ")]
    texts += [img.get("alt") or "" for img in soup.find_all("img")]
    return words(" ".join(texts))


def value_strings(value, key=""):
    """Every string a visitor reads in a field or block value (slate, HTML, nested blocks)."""
    if isinstance(value, str):
        if key in TEXT_KEYS:
            return [value]
        return []
    if isinstance(value, list):
        return [text for item in value for text in value_strings(item, key)]
    if isinstance(value, dict):
        if isinstance(value.get("data"), str) and "content-type" in value:  # rich text field
            return [value["data"]] if key in TEXT_KEYS else []
        found = []
        for name, child in value.items():
            if name in SKIP_KEYS:
                continue
            if name in ("blocks", "value", "children", "rows", "cells", "slides", "columns"):
                found += value_strings(child, "text")
            elif name == "data" and isinstance(child, dict):
                found += value_strings(child, key)
            else:
                found += value_strings(child, name)
        return found
    return []


def source_words(item, with_title=True):
    """The distinct words of an item's text-bearing fields and Volto blocks.

    Without title: for folders that become no page of their own (their title is a
    navigation label, not text a visitor reads).
    """
    texts = []
    for name in ITEM_FIELDS if with_title else ITEM_FIELDS[1:]:
        texts += value_strings(item.get(name), name)
    layout = (item.get("blocks_layout") or {}).get("items") or []
    blocks = item.get("blocks") or {}
    for key in layout:
        block = blocks.get(key) or {}
        if block.get("@type") not in ("title", "description"):  # the item's own fields
            texts += value_strings(block, "text")
    found = set()
    for text in texts:
        found |= html_words(text) if "<" in text else words(text)
    return found


@dataclass
class ItemCoverage:
    item_id: str
    portal_type: str
    source: set
    missing: set

    @property
    def found(self):
        return len(self.source) - len(self.missing)


@dataclass
class Coverage:
    items: list = field(default_factory=list)
    not_imported: list = field(default_factory=list)

    @property
    def source_total(self):
        return sum(len(item.source) for item in self.items)

    @property
    def found_total(self):
        return sum(item.found for item in self.items)

    @property
    def share(self):
        return self.found_total / self.source_total if self.source_total else 1.0

    def render(self, path, details=10):
        lines = [
            f"Word coverage of {path}",
            f"  items measured: {len(self.items)}",
            f"  distinct words: {self.source_total} in the export, {self.found_total} on the pages",
            f"  coverage:       {self.share:.2%}",
        ]
        if self.not_imported:
            lines.append(f"  not imported:   {len(self.not_imported)} item(s) with text")
            lines += [f"    {item_id}" for item_id in self.not_imported[:details]]
        worst = sorted(self.items, key=lambda item: len(item.missing), reverse=True)
        worst = [item for item in worst if item.missing][:details]
        if worst:
            lines.append("  most words missing:")
            for item in worst:
                sample = ", ".join(sorted(item.missing)[:12])
                lines.append(
                    f"    {item.item_id} ({item.portal_type}): {len(item.missing)} of "
                    f"{len(item.source)} missing: {sample}"
                )
        return "\n".join(lines) + "\n"


def rendered_words(page, cache):
    """Words of the page as a visitor sees it (drafts through Wagtail's preview request)."""
    if page.pk not in cache:
        specific = page.specific
        response = specific.make_preview_request(preview_mode=specific.default_preview_mode)
        if hasattr(response, "render"):
            response.render()
        cache[page.pk] = html_words(response.content.decode())
    return cache[page.pk]


def elsewhere_words(record, item, cache):
    """Where a Person or Location shows: its contact snippet, or the pages of its events."""
    if record.role == ImportedItem.Role.CONTACT:
        person = record.contact_person
        if person is None:
            return set()
        return words(" ".join((person.name, person.role, person.employer, person.email)))
    shown = set()
    for page in EventPage.objects.filter(venue_name=" ".join(str(item.get("title")).split())):
        shown |= rendered_words(page, cache)
    return shown


def measure(path, translations=None, blob_dir=None):
    """Coverage of the export at path against what an earlier import_plone made of it."""
    export = open_export(path, translations, blob_dir)
    coverage, cache = Coverage(), {}
    for _, item in export.scan():
        if not isinstance(item, dict) or item.get("@type") in SKIPPED_TYPES:
            continue
        uid = item.get("UID")
        record = ImportedItem.objects.filter(uid=uid).select_related("page").first()
        structural = record is not None and record.role in STRUCTURAL_ROLES
        source = source_words(item, with_title=not structural)
        if not source:
            continue
        if record is not None and record.role in (ImportedItem.Role.CONTACT, Role.VENUE):
            shown = elsewhere_words(record, item, cache)
            coverage.items.append(
                ItemCoverage(str(item.get("@id")), item.get("@type"), source, source - shown)
            )
            continue
        if record is None or record.page is None or record.role not in MEASURED_ROLES:
            coverage.not_imported.append(str(item.get("@id")))
            coverage.items.append(
                ItemCoverage(str(item.get("@id")), item.get("@type"), source, set(source))
            )
            continue
        rendered = rendered_words(record.page, cache)
        for extra in ImportedItem.objects.filter(uid__startswith=f"{uid}#", page__isnull=False):
            rendered = rendered | rendered_words(extra.page, cache)
        coverage.items.append(
            ItemCoverage(str(item.get("@id")), item.get("@type"), source, source - rendered)
        )
    return coverage
