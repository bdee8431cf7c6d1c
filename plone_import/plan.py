"""Pass 1: read every item once, check it, and decide what it becomes.

The plan keeps a small Entry per item (UID, type, path, parent, language,
role, model), never the item itself: the writer loads each item again by its
key. It finds what can be found before anything is written: malformed items,
duplicate UIDs, missing parents, cycles, unknown languages, missing blobs,
translation groups with two items in one language.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from posixpath import dirname
from urllib.parse import urlsplit

from locales.languages import DEFAULT_LANGUAGE

from .errors import ImportAbort, ItemError
from .languages import LanguageResolver, raw_language
from .mapping import (
    CONTAINER,
    FOLDERISH,
    PAGE,
    ROOT,
    SECTION,
    SECTION_MODELS,
    SITE,
    UNSUPPORTED,
    base_role,
    page_model,
    section_kind,
)
from .models import ImportedItem

FILE_FIELDS = {"Image": "image", "File": "file"}


@dataclass(slots=True, eq=False)
class Entry:
    """One exported item, as far as the plan needs to know it."""

    uid: str
    type: str
    key: object  # where the source loads the item again
    item_id: str  # the item's @id, for messages
    name: str  # the Plone id (short name)
    title: str  # for links that name the item (related items)
    raw_path: str
    order: int
    parent_uid: str | None = None
    parent_path: str | None = None
    raw_language: str | None = None
    remote_url: str = ""
    path: str = ""
    depth: int = 0
    language: str = ""
    role: str = ""
    model: type | None = None
    section: str | None = None  # kind of section this item is (role section)
    context: str | None = None  # kind of section this item sits in
    error: str = ""
    field: str = ""
    orphan: bool = False  # its parent is not in the export: it goes below --parent
    skipped: str = ""
    group: tuple = ()

    @property
    def parent_is_site(self):
        return self.parent_uid is None

    @property
    def importable(self):
        return not (self.error or self.skipped)


@dataclass
class PlanOptions:
    language_map: dict = field(default_factory=dict)
    sections: dict = field(default_factory=dict)  # site path -> news / events / guidance


class Plan:
    def __init__(self, export, options, report, progress):
        self.export = export
        self.options = options
        self.report = report
        self.progress = progress
        self.entries = {}  # uid -> Entry
        self.paths = {}  # site-relative path -> uid
        self.broken = []  # ItemErrors of items without a usable UID
        self.child_types = defaultdict(set)
        self.refs = []  # (uid, {lang: url or uid}) translation references inside items
        self.site_prefix = None
        self.site_language = None
        self.previous = {}  # uid -> ImportedItem of earlier runs that this plan refers to
        self.orphans = []  # items whose parent is not in the export
        self.relations = defaultdict(list)  # from UID -> [(attribute, to UID)] (relations.json)
        self.site_name = ""  # the Plone site root's id, e.g. "Plone"

    # ------------------------------------------------------------------ building

    def build(self):
        self.scan()
        for source, attribute, target in self.export.relations():
            self.relations[source].append((attribute, target))
        self.finish_paths()
        self.link_parents()
        self.compute_depths()
        self.assign_languages(LanguageResolver(self.options.language_map))
        self.assign_groups()
        self.assign_roles()
        self.propagate_skips()
        return self

    def scan(self):
        for order, (key, item) in enumerate(self.export.scan()):
            if not isinstance(item, dict):
                raise ImportAbort(f"{self.export.path}: element {order + 1} is not an object")
            try:
                self.add(order, key, item)
            except ItemError as error:
                self.broken.append(error)
            self.progress.update(self.export.bytes_read)
        self.progress.done()

    def add(self, order, key, item):
        item_id = item.get("@id") or f"element {order + 1}"
        for required in ("@id", "@type", "UID"):
            if not isinstance(item.get(required), str) or not item[required]:
                raise ItemError(item_id, required, "missing")
        if item["UID"] in self.entries:
            raise ItemError(item_id, "UID", f"duplicate UID {item['UID']}")
        entry = Entry(
            uid=item["UID"],
            type=item["@type"],
            key=key,
            item_id=item_id,
            name=item.get("id") or "",
            title=" ".join(str(item.get("title") or "").split())[:200],
            raw_path=urlsplit(item_id).path.rstrip("/") or "/",
            order=order,
            raw_language=raw_language(item),
            remote_url=(item.get("remoteUrl") or "") if item["@type"] == "Link" else "",
        )
        self.entries[entry.uid] = entry
        self.read_parent(entry, item)
        self.read_translation_refs(entry, item)
        try:
            self.check_files(entry, item)
        except ItemError as error:
            self.fail(entry, error.field, error.message)
        if entry.type == "Plone Site":
            self.site_language = entry.raw_language
            self.site_name = entry.name

    def read_parent(self, entry, item):
        parent = item.get("parent") or {}
        if entry.type == "Plone Site":
            self.note_site(entry.raw_path)
        elif parent.get("@type") == "Plone Site":
            self.note_site(urlsplit(parent.get("@id") or "").path)
        elif parent.get("UID"):
            entry.parent_uid = parent["UID"]
        else:
            entry.parent_path = urlsplit(parent.get("@id") or "").path or dirname(entry.raw_path)
        if entry.parent_uid:
            self.child_types[entry.parent_uid].add(entry.type)

    def note_site(self, path):
        if self.site_prefix is None:
            self.site_prefix = "" if self.export.paths_are_site_relative else path.rstrip("/")

    def check_files(self, entry, item):
        field_name = FILE_FIELDS.get(entry.type)
        if field_name is None:
            return
        value = item.get(field_name)
        if isinstance(value, dict) and value.get("blob_path") and not value.get("data"):
            self.export.blob_file(entry.item_id, field_name, value["blob_path"])
        elif not (isinstance(value, dict) and value.get("data")):
            raise ItemError(entry.item_id, field_name, "neither base64 data nor a blob_path")

    def read_translation_refs(self, entry, item):
        refs = {}
        if isinstance(item.get("translation"), dict):  # LinguaPlone hook: {lang: url}
            refs.update(item["translation"])
        if isinstance(item.get("translation_of"), str):
            refs["_"] = item["translation_of"]
        if refs:
            self.refs.append((entry.uid, refs))

    def finish_paths(self):
        prefix = self.site_prefix or ""
        for entry in self.entries.values():
            if entry.type == "Plone Site":
                entry.path = "/"
            else:
                entry.path = self.relative(entry.raw_path, prefix)
                self.paths[entry.path] = entry.uid

    def site_path(self, path):
        """A path of redirects.json below the site root, with or without the /Plone prefix."""
        path = self.relative(urlsplit(path).path.rstrip("/") or "/", self.site_prefix or "")
        for name in {self.site_name, "Plone"} - {""}:
            if path not in self.paths and path.split("/")[1:2] == [name]:
                return path[len(name) + 1 :] or "/"
        return path

    @staticmethod
    def relative(path, prefix):
        if prefix and (path == prefix or path.startswith(prefix + "/")):
            path = path[len(prefix) :]
        return path or "/"

    def link_parents(self):
        for entry in self.entries.values():
            if entry.parent_path is not None:
                self.link_by_path(entry)
            elif entry.parent_uid and entry.parent_uid not in self.entries:
                self.link_to_previous(entry)

    def link_by_path(self, entry):
        path = self.relative(entry.parent_path.rstrip("/") or "/", self.site_prefix or "")
        entry.parent_path = None
        if path == "/":
            return
        uid = self.paths.get(path)
        if uid is None:
            self.adopt(entry, path)
        else:
            entry.parent_uid = uid
            self.child_types[uid].add(entry.type)

    def link_to_previous(self, entry):
        record = ImportedItem.objects.filter(uid=entry.parent_uid).first()
        if record is None:
            self.adopt(entry, f"UID {entry.parent_uid}")
        else:
            self.previous[record.uid] = record

    def adopt(self, entry, parent):
        """An export of a sub-path (or without the site root): the item goes below --parent."""
        entry.parent_uid, entry.orphan = None, True
        self.orphans.append(f"{entry.item_id} (parent {parent})")

    def compute_depths(self):
        for entry in self.entries.values():
            if not entry.depth:
                self.depth_of(entry)

    def depth_of(self, entry):
        chain, current = [], entry
        while current is not None and not current.depth:
            if current in chain:
                cycle = chain[chain.index(current) :]
                names = " -> ".join(item.item_id for item in [*cycle, current])
                for item in cycle:
                    self.fail(item, "parent", f"parents form a cycle: {names}")
                    item.depth = 1
                break
            chain.append(current)
            current = self.entries.get(current.parent_uid) if current.parent_uid else None
        base = current.depth if current is not None else 0
        for item in reversed(chain):
            if not item.depth:
                base += 1
                item.depth = base
            else:
                base = item.depth
        return entry.depth

    # ------------------------------------------------------------------ languages

    def assign_languages(self, resolver):
        for entry in self.ordered_all():
            code = entry.raw_language
            if code is None and entry.type == "LRF":
                code = entry.name.lower()
            if code is None:
                entry.language = self.inherited_language(entry, resolver)
                continue
            entry.language, error = resolver.resolve(code)
            if error:
                entry.language = ""
                self.fail(entry, "language", error)

    def inherited_language(self, entry, resolver):
        parent = self.entries.get(entry.parent_uid) if entry.parent_uid else None
        if parent is not None:
            return parent.language
        if entry.parent_uid in self.previous:
            return self.previous[entry.parent_uid].language
        if self.site_language:
            code, error = resolver.resolve(self.site_language)
            if code:
                return code
        return resolver.default

    # ------------------------------------------------------------------ translations

    def assign_groups(self):
        parent = {}

        def find(uid):
            parent.setdefault(uid, uid)
            while parent[uid] != uid:
                parent[uid] = parent[parent[uid]]
                uid = parent[uid]
            return uid

        def union(first, second):
            parent[find(first)] = find(second)

        for members in self.export.translation_groups():
            for uid in members[1:]:
                union(members[0], uid)
        for uid, refs in self.refs:
            for ref in refs.values():
                other = self.paths.get(self.relative(urlsplit(ref).path, self.site_prefix or ""))
                union(uid, other or ref)
        groups = defaultdict(list)
        for uid in parent:
            groups[find(uid)].append(uid)
        for members in groups.values():
            if len(members) > 1:
                self.set_group(members)

    def set_group(self, members):
        present = sorted(
            (self.entries[uid] for uid in members if uid in self.entries),
            key=lambda entry: entry.order,
        )
        group = tuple(members)
        seen = {}
        for entry in present:
            entry.group = group
            if entry.language and entry.language in seen:
                self.fail(
                    entry,
                    "language",
                    f"its translation group already has a {entry.language!r} version: "
                    f"{seen[entry.language].item_id}",
                )
            seen.setdefault(entry.language, entry)

    # ------------------------------------------------------------------ roles

    def assign_roles(self):
        ordered = self.ordered_all()
        for entry in ordered:
            entry.role = base_role(entry.type)
            if entry.role == PAGE and entry.type in FOLDERISH and self.is_top_level(entry):
                kind = section_kind(
                    entry.name,
                    self.child_types.get(entry.uid, set()),
                    self.options.sections,
                    entry.path,
                )
                if kind:
                    entry.role, entry.section, entry.model = SECTION, kind, SECTION_MODELS[kind]
        self.harmonise(SECTION, (PAGE, SECTION), ("role", "section", "model"))
        for entry in ordered:
            parent = self.entries.get(entry.parent_uid) if entry.parent_uid else None
            if parent is not None:
                entry.context = parent.section or parent.context
            if entry.role == PAGE:
                entry.model = page_model(
                    entry.type, entry.context, self.child_types.get(entry.uid, set())
                )
                if entry.model is None:
                    entry.role = CONTAINER
        self.harmonise(PAGE, (PAGE,), ("model",))

    def is_top_level(self, entry):
        parent = self.entries.get(entry.parent_uid) if entry.parent_uid else None
        return (
            parent is None
            and entry.parent_is_site
            or (parent is not None and parent.role in (SITE, ROOT))
        )

    def harmonise(self, lead_role, candidate_roles, attributes):
        """Members of a translation group become the same kind of page as their lead.

        The lead is the member in the site's default language, else the first one;
        otherwise a German guidance page and its Turkish translation could become
        different page types, which wagtail-localize cannot translate into each other.
        """
        done = set()
        for entry in self.entries.values():
            if not entry.group or entry.group in done:
                continue
            done.add(entry.group)
            members = [self.entries[uid] for uid in entry.group if uid in self.entries]
            candidates = [member for member in members if member.role in candidate_roles]
            leads = [member for member in candidates if member.role == lead_role]
            if not leads:
                continue
            lead = next((m for m in leads if m.language == DEFAULT_LANGUAGE), leads[0])
            for member in candidates:
                for attribute in attributes:
                    setattr(member, attribute, getattr(lead, attribute))

    def propagate_skips(self):
        for entry in self.ordered_all():
            if entry.role == UNSUPPORTED:
                entry.skipped = f"type {entry.type!r} is not imported"
                self.report.skip(entry.item_id, entry.skipped)
            parent = self.entries.get(entry.parent_uid) if entry.parent_uid else None
            # An unsupported type is skipped, but its content moves up to its parent.
            parent_dropped = parent is not None and not parent.importable
            if parent_dropped and not entry.error and (parent.error or parent.role != UNSUPPORTED):
                entry.skipped = f"its parent {parent.item_id} is not imported"
                self.report.skip(entry.item_id, entry.skipped)

    # ------------------------------------------------------------------ results

    def fail(self, entry, field_name, message):
        if not entry.error:
            entry.error, entry.field = message, field_name

    def errors(self):
        found = list(self.broken)
        for entry in self.ordered_all():
            if entry.error:
                found.append(ItemError(entry.item_id, entry.field, entry.error))
        return found

    def ordered_all(self):
        """Every entry, parents first, siblings in their Plone order."""
        ordering = self.export.ordering
        return sorted(
            self.entries.values(),
            key=lambda entry: (entry.depth, ordering.get(entry.uid, 0), entry.order),
        )

    def writable(self):
        return [entry for entry in self.ordered_all() if entry.importable]

    def counts(self):
        return len(self.entries) + len(self.broken)
