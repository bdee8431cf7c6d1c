"""Pass 2 (and 3): write each planned item, by its role.

Items are written parents first. Content that links to an item written later
in the same run is written once more at the end (pass 3), when every link
target exists.
"""

import dataclasses
import re
from urllib.parse import urlsplit

from wagtail.images import get_image_model

from home.models import StandardPage

from .assets import Assets
from .fields import RELATIONS, FieldMapper
from .html import HtmlConverter
from .links import LinkResolver, Target
from .mapping import PAGE
from .models import ImportedItem
from .pages import PageWriter
from .people import write_person
from .placement import Placement
from .redirects import Redirects
from .registry import Registry, page_target
from .volto import has_blocks

TEMPLATE_VARIABLE = re.compile(r"^\$\{[a-z_]+\}", re.IGNORECASE)


def has_own_text(item):
    """Whether a root item has text beyond its title: its description, text or Volto blocks."""
    return bool(
        item
        and (
            " ".join(str(item.get("description") or "").split())
            or item.get("text")
            or has_blocks(item)
        )
    )


def root_text_entry(entry):
    """The plan entry of the page that holds a root's own text (UID "<uid>#text")."""
    return dataclasses.replace(
        entry,
        uid=f"{entry.uid}#text",
        role=PAGE,
        model=StandardPage,
        parent_uid=entry.uid,
        path="",
        group=tuple(f"{uid}#text" for uid in entry.group),
    )


class Writer:
    def __init__(self, plan, export, anchor, options, report, ledger):
        self.plan = plan
        self.report = report
        self.registry = Registry()
        self.resolver = LinkResolver(plan, self.registry, options.old_urls)
        self.converter = HtmlConverter(self.resolver)
        self.placement = Placement(anchor, plan, self.registry, report)
        self.assets = Assets(export, ledger, report)
        self.redirects = Redirects(report)
        mapper = FieldMapper(self.converter, self.assets, report, load=self.load)
        self.export = export
        self.pages = PageWriter(self.placement, self.registry, mapper, self.redirects, report)
        self.pending = {}  # uid -> warnings reported, of items to write again in pass 3

    def write(self, entry, item, revisit=False):
        """Write one item; returns nothing, counts and warnings go to the report."""
        self.resolver.start(entry)
        relations = self.plan.relations.get(entry.uid)
        if relations and isinstance(item, dict):  # part of the item: a change updates the page
            item = {**item, RELATIONS: relations}
        handler = getattr(self, f"write_{entry.role}")
        action, kind = handler(entry, item, revisit)
        reported = self.pending.pop(entry.uid, ()) if revisit else ()
        for warning in self.resolver.warnings:
            if warning not in reported:
                self.report.warn(entry.item_id, warning)
        if self.resolver.pending and not revisit:
            self.pending[entry.uid] = set(self.resolver.warnings)
        if not revisit:
            self.report.count(action, kind)

    def forget(self, entry):
        """After an item was rolled back: drop everything cached that it may have created."""
        self.registry.targets.pop(entry.uid, None)
        self.registry.alt_texts.clear()
        self.placement.forget()
        self.pages.group_keys.clear()
        self.pages.mapper.terms.clear()

    # ------------------------------------------------------------------ roles

    def write_page(self, entry, item, revisit):
        action = self.pages.write(entry, item, revisit)
        return action, entry.model.__name__

    def write_section(self, entry, item, revisit):
        record = ImportedItem.objects.filter(uid=entry.uid).first()
        if record is None or record.role != ImportedItem.Role.PAGE:
            existing = self.placement.existing_section(entry)
            if existing is not None:
                self.map_onto(entry, page_target(existing), ImportedItem.Role.ANCHOR)
                return "mapped", entry.model.__name__
        return self.write_page(entry, item, revisit)

    def write_root(self, entry, item, revisit):
        """The site root and language root folders: the anchor page (in their language)."""
        anchor = self.placement.anchor_for(entry.language)
        self.map_onto(entry, page_target(anchor), ImportedItem.Role.ANCHOR)
        if has_own_text(item):
            self.write_root_text(entry, item, revisit)
        return "mapped", entry.type

    write_site = write_root

    def write_container(self, entry, item, revisit):
        self.map_onto(entry, self.placement.page_above(entry), ImportedItem.Role.CONTAINER)
        return "mapped", f"{entry.type} (no page)"

    def write_image(self, entry, item, revisit):
        target, action = self.assets.write_image_item(entry, item)
        if target.kind == "image":
            credit = item.get("credit") or item.get("rights") or ""
            self.registry.note_image_meta(target.id, item.get("description") or "", credit)
        self.after_asset(entry, target)
        return action, target.kind

    def write_person(self, entry, item, revisit):
        photo = self.assets.lead_image(entry, item) if isinstance(item.get("image"), dict) else None
        person, action = write_person(
            entry, item, self.placement.locale(entry.language), photo, self.resolver.warnings.append
        )
        return action, "ContactPerson"

    def write_venue(self, entry, item, revisit):
        """A Location: no page of its own; its events carry its name and address."""
        record = ImportedItem.objects.filter(uid=entry.uid).first()
        values = self.record_values(entry, ImportedItem.Role.VENUE, None)
        ImportedItem.objects.update_or_create(uid=entry.uid, defaults=values)
        return ("unchanged" if record else "created"), "venue (Location)"

    def load(self, uid):
        """The exported item of a UID (a Location an event refers to), or None."""
        entry = self.plan.entries.get(uid)
        return self.export.load(entry.key) if entry is not None else None

    def write_document(self, entry, item, revisit):
        target, action = self.assets.write_file_item(entry, item)
        self.after_asset(entry, target)
        return action, "document"

    def write_link(self, entry, item, revisit):
        address = TEMPLATE_VARIABLE.sub("", entry.remote_url or "")
        target = self.resolver.link(address) if address else None
        if target is None:
            if not self.resolver.pending:
                self.report.warn(entry.item_id, f"link target {entry.remote_url!r} not found")
            return "unchanged", "link"
        page_id, url = self.redirects.target(target)
        if target.kind == "image":
            url = self.image_url(target.id)
        record = ImportedItem.objects.filter(uid=entry.uid).first()
        unchanged = record is not None and (record.page_id, record.link_url) == (page_id, url)
        self.registry.remember(
            entry.uid, target if target.kind == "page" else Target("url", url=url)
        )
        ImportedItem.objects.update_or_create(
            uid=entry.uid,
            defaults=self.record_values(entry, ImportedItem.Role.LINK, page_id, link_url=url),
        )
        self.redirects.add(entry.item_id, entry.path, page_id=page_id, link=url)
        action = "unchanged" if unchanged else "updated" if record else "created"
        return action, "link (redirect)"

    # ------------------------------------------------------------------ helpers

    def map_onto(self, entry, target, role):
        """The entry stands for an existing page: remember it, and redirect its old path there."""
        self.registry.remember(entry.uid, target)
        ImportedItem.objects.update_or_create(
            uid=entry.uid, defaults=self.record_values(entry, role, target.id)
        )
        self.redirects.add(entry.item_id, entry.path, page_id=target.id)

    def after_asset(self, entry, target):
        self.registry.remember(entry.uid, target)
        url = target.url if target.kind == "document" else self.image_url(target.id)
        self.redirects.add(entry.item_id, entry.path, link=url)

    @staticmethod
    def image_url(image_id):
        return get_image_model().objects.get(pk=image_id).file.url

    @staticmethod
    def record_values(entry, role, page_id, link_url=""):
        return {
            "portal_type": entry.type,
            "role": role,
            "old_path": entry.path,
            "language": entry.language,
            "page_id": page_id,
            "image": None,
            "document": None,
            "link_url": link_url,
        }

    def write_root_text(self, entry, item, revisit):
        """The own text of the site root or a language root: a plain page below the anchor.

        The existing home page is never overwritten; editors move the text where it belongs.
        """
        text_entry = root_text_entry(entry)
        action = self.pages.write(text_entry, item, revisit)
        if not revisit:
            self.report.count(action, "StandardPage (text of the site root)")
        if action == "created":
            self.report.note(
                f"{entry.item_id}: the root's own text became the page {item.get('title')!r} "
                "below the home page"
            )

    # ------------------------------------------------------------------ redirects.json

    def write_plone_redirects(self, redirects):
        """Plone's own redirects: old path -> the page its new path became.

        Plone records them with the site's path (/Plone/de/alt); visitors knew the
        address without it, so both become redirects.
        """
        for old_path, new_path in redirects.items():
            if not isinstance(old_path, str) or not isinstance(new_path, str):
                self.report.warn(str(old_path), "redirect entry is not a pair of paths")
                continue
            uid = self.resolver.uid_for_path(self.plan.site_path(new_path))
            target = self.registry.target(uid) if uid else None
            if target is None:
                self.report.warn(old_path, f"redirect target {new_path} was not imported")
                continue
            page_id, url = self.redirects.target(target)
            for path in dict.fromkeys((self.plan.site_path(old_path), urlsplit(old_path).path)):
                self.redirects.add(old_path, path, page_id=page_id, link=url)
