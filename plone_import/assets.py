"""Plone Images and Files to Wagtail images and documents, in the collection "Plone import".

File data comes base64-encoded in the item or as a blob file beside the
export. Images are checked with Pillow (and against the site's pixel limit)
before they are stored; an SVG or other non-raster "image" becomes a document.
A second run compares the file's SHA-1 with the stored one and only replaces
files that changed.

Files written to storage are noted in a FileLedger: a dry run, a failed run
or a skipped item deletes them again, so storage holds no orphans.
"""

import hashlib
import re
from io import BytesIO
from pathlib import PurePosixPath

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils.text import get_valid_filename
from PIL import Image as PILImage
from PIL import UnidentifiedImageError
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from .errors import ItemError
from .links import Target
from .models import ImportedItem

COLLECTION_NAME = "Plone import"
FILE_NAME = re.compile(r"^[\w.-]+\.(png|jpe?g|gif|webp|svg|tiff?|bmp)$", re.IGNORECASE)
TITLE_MAX = 255


class FileLedger:
    """Names of the files this run stored, to delete them if the run is rolled back."""

    def __init__(self):
        self.names = []

    def add(self, field_file):
        self.names.append((field_file.storage, field_file.name))

    def mark(self):
        return len(self.names)

    def delete_since(self, mark=0):
        for storage, name in self.names[mark:]:
            storage.delete(name)
        del self.names[mark:]


def import_collection():
    root = Collection.get_first_root_node()
    found = root.get_children().filter(name=COLLECTION_NAME).first()
    return found or root.add_child(name=COLLECTION_NAME)


def image_file(data, name):
    return ImageFile(BytesIO(data), name=name)


def filename_for(value, fallback):
    name = get_valid_filename(PurePosixPath(str(value.get("filename") or "")).name or fallback)
    return name or "file"


class Assets:
    def __init__(self, export, ledger, report):
        self.export = export
        self.ledger = ledger
        self.report = report
        self.collection = import_collection()

    # ------------------------------------------------------------------ items

    def write_image_item(self, entry, item):
        data, value = self.file(entry, item, "image")
        target, action = self.store(entry.uid, entry, item, data, value, kind="image")
        if target.kind == "image":
            self.describe(target.id, item, value)
        return target, action

    @staticmethod
    def describe(image_id, item, value):
        """The image's alt text: Plone's description, else a title that is not the file name."""
        title = " ".join(str(item.get("title") or "").split())
        description = " ".join(str(item.get("description") or "").split())
        if (
            not description
            and title
            and title != value.get("filename")
            and not FILE_NAME.match(title)
        ):
            description = title
        if description:
            get_image_model().objects.filter(pk=image_id, description="").update(
                description=description[:255]
            )

    def write_file_item(self, entry, item):
        data, value = self.file(entry, item, "file")
        return self.store(entry.uid, entry, item, data, value, kind="document")

    def lead_image(self, entry, item, field_name="image"):
        """The image of a news item or event (field image or preview_image), or None."""
        value = item.get(field_name)
        if not isinstance(value, dict):
            return None
        try:
            data = self.export.file_data(entry.item_id, field_name, value)
        except ItemError as error:
            self.report.warn(entry.item_id, f"{error.message} (field {field_name}): no image")
            return None
        title = item.get("title") or entry.name
        target, _ = self.store(f"{entry.uid}#{field_name}", entry, {"title": title}, data, value)
        return target.id if target.kind == "image" else None

    def file(self, entry, item, field_name):
        value = item.get(field_name)
        return self.export.file_data(entry.item_id, field_name, value), value

    # ------------------------------------------------------------------ storing

    def store(self, uid, entry, item, data, value, kind="image"):
        """(Target, action) for the file, created or updated by UID."""
        title = (item.get("title") or value.get("filename") or entry.name or "file")[:TITLE_MAX]
        filename = filename_for(value, entry.name)
        if kind == "image" and not self.is_raster(entry, data, value):
            kind = "document"
        record = ImportedItem.objects.filter(uid=uid).first()
        existing = record and (record.image if kind == "image" else record.document)
        if kind == "image":
            obj, action = self.save(get_image_model(), existing, title, filename, data, image_file)
            record_fields = {"image": obj, "document": None}
            target = Target("image", obj.pk)
        else:
            obj, action = self.save(get_document_model(), existing, title, filename, data)
            record_fields = {"document": obj, "image": None}
            target = Target("document", obj.pk, url=obj.url)
        ImportedItem.objects.update_or_create(
            uid=uid,
            defaults={
                "portal_type": entry.type,
                "role": kind,
                "old_path": entry.path if uid == entry.uid else f"{entry.path}#image",
                "language": entry.language,
                "page": None,
                **record_fields,
            },
        )
        return target, action

    def is_raster(self, entry, data, value):
        try:
            with PILImage.open(BytesIO(data)) as image:
                image.verify()
                width, height = image.size
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
            self.report.warn(entry.item_id, "not a raster image: imported as a document")
            return False
        if width * height > settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS:
            raise ItemError(entry.item_id, "image", f"{width}x{height} pixels is too large")
        return True

    def save(self, model, existing, title, filename, data, file_class=ContentFile):
        """(object, action) for a new or changed file; unchanged content is not stored again."""
        digest = hashlib.sha1(data, usedforsecurity=False).hexdigest()
        obj = existing or model(collection=self.collection)
        if existing is not None and existing.file_hash == digest:
            if existing.title == title:
                return existing, "unchanged"
            existing.title = title
            existing.save(update_fields=["title"])
            return existing, "updated"
        old_file = existing.file.name if existing is not None else None
        obj.title = title
        obj.file = file_class(data, name=filename)
        obj.file_size, obj.file_hash = len(data), digest
        obj.save()
        self.ledger.add(obj.file)
        if old_file:
            storage = obj.file.storage
            transaction.on_commit(lambda: storage.delete(old_file))
            if hasattr(obj, "renditions"):
                obj.renditions.all().delete()
        return obj, "updated" if existing is not None else "created"
