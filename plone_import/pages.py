"""Create or update the page of one Plone item.

A page is found again by the item's UID (ImportedItem). It is left alone when
the exported item has not changed since the last import, and when someone
has edited it in Wagtail since (its latest revision is no longer the
import's). Translations share one translation_key: the key of a group member
imported before, or, where wagtail-localize's synchronisation has already put
an alias of a group member into this language, that alias becomes the page.
"""

import hashlib
import json

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from wagtail.models import Page, Revision

from .errors import ItemError
from .models import ImportedItem
from .registry import page_target
from .workflow import apply_state, state_for, write_revision

SLUG_MAX = 255
# Fields that name other items (links, lead images, organisers): written again in pass 3.
LATE_FIELDS = (
    "body",
    "lead_image_id",
    "lead_image_caption",
    "lead_image_credit",
    "image_id",
    "organiser_id",
)


def checksum(entry, item):
    """Changes when the item or what the plan made of it changes."""
    data = json.dumps(item, sort_keys=True, default=str)
    context = f"{entry.model._meta.label}|{entry.language}|{entry.parent_uid}|{sorted(entry.group)}"
    return hashlib.sha256(f"{data}|{context}".encode()).hexdigest()


class PageWriter:
    def __init__(self, placement, registry, mapper, redirects, report):
        self.placement = placement
        self.registry = registry
        self.mapper = mapper
        self.redirects = redirects
        self.report = report
        self.group_keys = {}

    def write(self, entry, item, revisit=False):
        """The action taken: created, updated, unchanged or kept (edited in Wagtail)."""
        record = ImportedItem.objects.filter(uid=entry.uid).select_related("page").first()
        page = record.page.specific if record and record.page_id else None
        digest = checksum(entry, item)
        if revisit:
            return self.relink(entry, item, record, page, digest)
        if page is not None:
            if record.checksum == digest and not record.links_pending:
                self.registry.remember(entry.uid, page_target(page))
                return "unchanged"
            if record.revision_id and page.latest_revision_id != record.revision_id:
                self.registry.remember(entry.uid, page_target(page))
                self.report.warn(entry.item_id, "edited in Wagtail since the last import: kept")
                return "kept"
        created = page is None
        page = page or self.new_page(entry)
        if not isinstance(page, entry.model):
            raise ItemError(
                entry.item_id,
                "@type",
                f"was imported as a {page.specific_class._meta.verbose_name}, "
                f"now maps to a {entry.model._meta.verbose_name}",
            )
        self.save(entry, item, page, is_new=page.pk is None)
        pending = self.mapper.converter.resolver.pending
        self.remember(entry, page, digest, pending)
        return "created" if created else "updated"

    def relink(self, entry, item, record, page, digest):
        """Pass 3: the body and the relations again, now that every item they name exists."""
        values = self.mapper.fields(entry, item)
        names = [name for name in LATE_FIELDS if name in values]
        for name in names:
            setattr(page, name, values[name])
        page.save(update_fields=[name.removesuffix("_id") for name in names], clean=False)
        revision = Revision.objects.get(pk=record.revision_id)
        revision.content = page.serializable_data()
        revision.save(update_fields=["content"])
        pending = self.mapper.converter.resolver.pending
        ImportedItem.objects.filter(pk=record.pk).update(
            links_pending=pending, checksum="" if pending else digest
        )
        return "updated"

    def save(self, entry, item, page, is_new):
        values = self.mapper.fields(entry, item)
        parent = self.placement.parent_for(entry, entry.model)
        for name, value in values.items():
            setattr(page, name, value)
        page.slug = self.free_slug(parent, slugify(entry.name or page.title), page.pk)
        state = state_for(item, entry.item_id)
        apply_state(page, state)
        try:
            if is_new:
                parent.add_child(instance=page)
            else:
                page.save()
                if page.get_parent().pk != parent.pk:
                    page.move(parent, pos="last-child")
                    page.refresh_from_db()
        except ValidationError as error:
            field, messages = next(iter(error.message_dict.items()), ("", [str(error)]))
            raise ItemError(entry.item_id, field, "; ".join(messages)) from error
        page.revision = write_revision(page, state)

    def new_page(self, entry):
        """A new page of the entry's model, or an alias of a translation that becomes it."""
        locale = self.placement.locale(entry.language)
        key = self.translation_key(entry)
        page = entry.model(locale=locale)
        if key is None:
            return page
        existing = Page.objects.filter(translation_key=key, locale=locale).first()
        if existing is None:
            page.translation_key = key
            return page
        if not existing.alias_of_id:
            raise ItemError(
                entry.item_id,
                "language",
                f"its translation group has a page in {entry.language}: {existing.url_path}",
            )
        Page.objects.filter(pk=existing.pk).update(alias_of=None)
        self.report.note(f"the {entry.language} alias {existing.url_path} became {entry.item_id}")
        return Page.objects.get(pk=existing.pk).specific

    def translation_key(self, entry):
        """The translation_key of a group member imported before (this run or an earlier one)."""
        if not entry.group:
            return None
        if entry.group in self.group_keys:
            return self.group_keys[entry.group]
        for uid in entry.group:
            target = self.registry.target(uid) if uid != entry.uid else None
            if target is not None and target.kind == "page":
                key = Page.objects.filter(pk=target.id).values_list("translation_key", flat=True)
                self.group_keys[entry.group] = key.first()
                return self.group_keys[entry.group]
        return None

    @staticmethod
    def free_slug(parent, base, own_pk):
        """base, or base-2, base-3 … if a sibling already has it."""
        base = (base or "seite")[: SLUG_MAX - 6]
        taken = set(
            parent.get_children()
            .filter(slug__startswith=base)
            .exclude(pk=own_pk)
            .values_list("slug", flat=True)
        )
        slug, number = base, 1
        while slug in taken:
            number += 1
            slug = f"{base}-{number}"
        return slug

    def remember(self, entry, page, digest, pending):
        target = page_target(page)
        self.registry.remember(entry.uid, target)
        if entry.group and entry.group not in self.group_keys:
            self.group_keys[entry.group] = page.translation_key
        ImportedItem.objects.update_or_create(
            uid=entry.uid,
            defaults={
                "portal_type": entry.type,
                "role": ImportedItem.Role.PAGE,
                "old_path": entry.path,
                "language": entry.language,
                "page": page,
                "image": None,
                "document": None,
                "checksum": "" if pending else digest,
                "revision_id": page.revision.pk,
                "links_pending": pending,
            },
        )
        self.redirects.add(entry.item_id, entry.path, page_id=page.pk)
