"""The two export formats, behind one interface.

collective.exportimport
    one JSON array file (parents before children), translations in
    export_translations.json beside it (or --translations), redirects in
    redirects.json / export_redirects.json beside it.
plone.exportimport
    a directory: content/<UID>/data.json per item, blobs below content/,
    content/__metadata__.json (file order, position in the parent),
    translations.json, redirects.json.

Each source scans its items once (`scan()` yields `(key, item)`) and loads one
item again by its key (`load(key)`), so the importer never holds the export.
"""

import base64
import binascii
import json
from pathlib import Path

from .errors import ImportAbort, ItemError
from .jsonstream import JsonArrayReader


def open_export(path, translations=None, blob_dir=None):
    """The export at path: a collective.exportimport file or a plone.exportimport directory."""
    path = Path(path)
    if path.is_dir():
        if not (path / "content").is_dir():
            raise ImportAbort(f"{path}: a plone.exportimport directory needs a content/ folder")
        return PloneExportImportDirectory(path, translations, blob_dir)
    if path.is_file():
        return CollectiveExportFile(path, translations, blob_dir)
    raise ImportAbort(f"{path}: no such file or directory")


def read_json(path, what):
    try:
        with open(path, encoding="utf-8") as file:
            return json.load(file)
    except json.JSONDecodeError as error:
        raise ImportAbort(
            f"{path}: malformed JSON in {what} at line {error.lineno}, "
            f"column {error.colno}: {error.msg}"
        ) from error
    except UnicodeDecodeError as error:
        raise ImportAbort(f"{path}: {what} is not UTF-8 text") from error


def translation_groups(data, path):
    """Lists of UIDs that translate one another, from either format's translations file.

    collective.exportimport: [{"de": uid, "en": uid}, ...];
    plone.exportimport: [{"canonical": uid, "translations": {"de": uid, ...}}, ...].
    """
    if not isinstance(data, list):
        raise ImportAbort(f"{path}: expected a JSON array of translation groups")
    groups = []
    for number, group in enumerate(data, 1):
        if not isinstance(group, dict):
            raise ImportAbort(f"{path}: translation group {number} is not an object")
        members = group.get("translations") if "translations" in group else group
        if not isinstance(members, dict):
            raise ImportAbort(f"{path}: translation group {number} has no translations")
        uids = [uid for uid in members.values() if isinstance(uid, str)]
        if isinstance(group.get("canonical"), str):
            uids.insert(0, group["canonical"])
        groups.append(list(dict.fromkeys(uids)))
    return groups


class Export:
    """What both formats share: translations, redirects and blob files."""

    label = ""
    paths_are_site_relative = False

    def __init__(self, path, translations, blob_dir):
        self.path = path
        self.translations_path = Path(translations) if translations else None
        self.blob_dir = Path(blob_dir) if blob_dir else None
        self.ordering = {}

    def translation_groups(self):
        path = self.translations_path or self.default_translations_path()
        if path is None or not path.exists():
            if self.translations_path:
                raise ImportAbort(f"{path}: translations file not found")
            return []
        return translation_groups(read_json(path, "the translations file"), path)

    def redirects(self):
        """{old path: new path} recorded by Plone's redirector."""
        for path in self.redirect_paths():
            if path.exists():
                data = read_json(path, "the redirects file")
                if not isinstance(data, dict):
                    raise ImportAbort(f"{path}: expected a JSON object {{old path: new path}}")
                return data
        return {}

    def relations(self):
        """[(from UID, attribute, to UID)] of relations.json: relatedItems, preview_image_link …"""
        for path in self.relation_paths():
            if path.exists():
                data = read_json(path, "the relations file")
                if not isinstance(data, list):
                    raise ImportAbort(f"{path}: expected a JSON array of relations")
                return [
                    (row["from_uuid"], row.get("from_attribute") or "", row["to_uuid"])
                    for row in data
                    if isinstance(row, dict)
                    and isinstance(row.get("from_uuid"), str)
                    and isinstance(row.get("to_uuid"), str)
                ]
        return []

    def relation_paths(self):
        base = self.path if self.path.is_dir() else self.path.parent
        return [base / "relations.json", base / "export_relations.json"]

    def blob_candidates(self, blob_path):
        relative = Path(blob_path)
        if relative.is_absolute():
            yield relative
            relative = Path(*relative.parts[1:])
        for base in (self.blob_dir, *self.blob_bases()):
            if base is not None:
                yield base / relative

    def file_data(self, item_id, field, value):
        """The bytes of an image or file field: base64 `data` or a `blob_path` file."""
        if not isinstance(value, dict):
            raise ItemError(item_id, field, "no file data")
        if value.get("data"):
            try:
                return base64.b64decode(value["data"], validate=False)
            except (binascii.Error, ValueError) as error:
                raise ItemError(item_id, field, "the base64 data cannot be decoded") from error
        if value.get("blob_path"):
            return self.blob_file(item_id, field, value["blob_path"]).read_bytes()
        raise ItemError(item_id, field, "neither base64 data nor a blob_path (only a download URL)")

    def blob_file(self, item_id, field, blob_path):
        for candidate in self.blob_candidates(blob_path):
            if candidate.is_file():
                return candidate
        raise ItemError(item_id, field, f"blob file {blob_path} not found")

    def default_translations_path(self):
        return None

    def redirect_paths(self):
        return []

    def blob_bases(self):
        return []


class CollectiveExportFile(Export):
    """collective.exportimport: one JSON array, read as a stream."""

    label = "collective.exportimport file"

    def __init__(self, path, translations, blob_dir):
        super().__init__(path, translations, blob_dir)
        self.reader = JsonArrayReader(path)

    @property
    def size(self):
        return self.path.stat().st_size

    @property
    def bytes_read(self):
        return self.reader.bytes_read

    def scan(self):
        yield from self.reader

    def load(self, key):
        return self.reader.read(key)

    def default_translations_path(self):
        return self.path.parent / "export_translations.json"

    def redirect_paths(self):
        return [self.path.parent / "redirects.json", self.path.parent / "export_redirects.json"]

    def blob_bases(self):
        return [self.path.parent]


class PloneExportImportDirectory(Export):
    """plone.exportimport: content/<UID>/data.json and friends."""

    label = "plone.exportimport directory"
    paths_are_site_relative = True

    def __init__(self, path, translations, blob_dir):
        super().__init__(path, translations, blob_dir)
        self.content = path / "content"
        metadata_path = self.content / "__metadata__.json"
        self.metadata = read_json(metadata_path, "metadata") if metadata_path.exists() else {}
        self.ordering = self.metadata.get("ordering") or {}
        self.files = self.data_files()
        self.size = len(self.files)
        self.bytes_read = 0

    def data_files(self):
        listed = self.metadata.get("_data_files_")
        if listed:
            return list(listed)
        return sorted(
            str(path.relative_to(self.content)) for path in self.content.glob("*/data.json")
        )

    def scan(self):
        for number, name in enumerate(self.files, 1):
            self.bytes_read = number
            yield name, self.load(name)

    def load(self, key):
        path = self.content / key
        if not path.is_file():
            raise ImportAbort(f"{path}: listed in __metadata__.json but missing")
        return read_json(path, "an item")

    def default_translations_path(self):
        return self.path / "translations.json"

    def redirect_paths(self):
        return [self.path / "redirects.json"]

    def blob_bases(self):
        return [self.content, self.path]
