"""What each Plone UID became, in this run and in earlier ones.

Targets of this run are kept in memory (a small record per item); UIDs from
earlier runs (an incremental export, links to items imported before) are
looked up in ImportedItem once and cached.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.images import get_image_model
from wagtail.models import Page

from .links import Target
from .models import ImportedItem

MISSING = object()


def page_target(page):
    return Target("page", page.pk, model=page.specific_class, locale_id=page.locale_id)


class Registry:
    def __init__(self):
        self.targets = {}
        self.alt_texts = {}
        self.image_meta = {}  # image id -> (caption, credit) of its Plone Image item

    def remember(self, uid, target):
        self.targets[uid] = target

    def target(self, uid):
        found = self.targets.get(uid, MISSING)
        if found is MISSING:
            found = self.load(uid)
            self.targets[uid] = found
        return found

    def load(self, uid):
        record = ImportedItem.objects.filter(uid=uid).first()
        if record is None:
            return None
        if record.page_id:
            page = Page.objects.filter(pk=record.page_id).values("content_type_id", "locale_id")
            row = page.first()
            if row is None:
                return None
            model = ContentType.objects.get_for_id(row["content_type_id"]).model_class()
            return Target("page", record.page_id, model=model, locale_id=row["locale_id"])
        if record.image_id:
            return Target("image", record.image_id)
        if record.document_id:
            return Target("document", record.document_id, url=record.document.url)
        if record.link_url:
            return Target("url", url=record.link_url)
        return None

    def note_image_meta(self, image_id, caption, credit):
        """Caption and credit of an Image item: image blocks without their own use them."""
        self.image_meta[image_id] = (" ".join(str(caption).split()), " ".join(str(credit).split()))

    def note_alt_text(self, image_id, alt):
        """Alt text found in content: given to images that have no description yet."""
        if alt and image_id not in self.alt_texts:
            self.alt_texts[image_id] = alt[:255]
            get_image_model().objects.filter(pk=image_id, description="").update(description=alt)
