"""Where a link or image address in Plone content points, in the new site.

Plone writes internal links as resolveuid/<UID> (TinyMCE, Volto), as paths
("/de/aktuelles/foo", "../foo") or as absolute URLs of the old site, often
with a view or image scale after the item ("…/foo/view",
"…/bild.png/@@images/image/preview"). The resolver finds the item's UID and
asks the registry what it became: a page, a document, an image or, for a
Link item, its target URL.
"""

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import unquote, urljoin, urlsplit

from .models import ImportedItem

RESOLVEUID = re.compile(r"(?:^|/)resolve_?uid/([0-9A-Za-z_-]+)", re.IGNORECASE)
KEEP_SCHEMES = ("mailto:", "tel:", "#", "ftp:", "news:")
DROP_SCHEMES = ("javascript:", "vbscript:", "data:")
VIEW_NAMES = {
    "view",
    "edit",
    "download",
    "at_download",
    "image",
    "images",
    "file",
    "image_view_fullscreen",
    "large",
    "preview",
    "mini",
    "thumb",
    "tile",
    "icon",
    "listing",
    "great",
    "huge",
    "larger",
    "teaser",
}


@dataclass(frozen=True, slots=True)
class Target:
    """What a Plone item became: kind is page, document, image or url.

    Pages also carry their model and locale, which placement needs.
    """

    kind: str
    id: int | None = None
    url: str = ""
    model: type | None = None
    locale_id: int | None = None


def lead_image_of(target):
    """The lead image (or image) a page already has, as a Target, else None."""
    for name in ("lead_image", "image"):
        if any(field.name == name for field in target.model._meta.get_fields()):
            image_id = target.model.objects.filter(pk=target.id).values_list(name, flat=True)[0]
            return Target("image", image_id) if image_id else None
    return None


def is_view(segment):
    segment = segment.lower()
    return segment.startswith(("@@", "++")) or segment in VIEW_NAMES or segment.startswith("image_")


class LinkResolver:
    """Resolves addresses found in one item's content; collects what went wrong."""

    def __init__(self, plan, registry, old_urls=()):
        self.plan = plan
        self.registry = registry
        self.bases = self.old_site_bases(plan, old_urls)
        self.entry = None
        self.pending = False
        self.warnings = []

    @staticmethod
    def old_site_bases(plan, old_urls):
        """(origin, path prefix) of the addresses under which the old site was reached."""
        bases = set()
        for entry in plan.entries.values():
            parts = urlsplit(entry.item_id)
            if parts.netloc:
                bases.add((f"{parts.netloc}".lower(), plan.site_prefix or ""))
                break
        for url in old_urls:
            parts = urlsplit(url if "//" in url else f"https://{url}")
            bases.add((parts.netloc.lower(), parts.path.rstrip("/")))
        return bases

    def start(self, entry):
        """Begin an item: relative links are resolved against its path."""
        self.entry, self.pending, self.warnings = entry, False, []

    # ------------------------------------------------------------------ links

    def link(self, href):
        """A Target for an <a href>, or None when the link should be removed."""
        href = (href or "").strip()
        if not href or href.lower().startswith(DROP_SCHEMES):
            return None
        if href.lower().startswith(KEEP_SCHEMES):
            return Target("url", url=href)
        uid = self.uid_for(href)
        if uid is None:
            if self.is_internal(href):
                self.warnings.append(f"link to {href} removed: not in the export")
                return None
            return Target("url", url=href)
        return self.target(uid, href)

    def image(self, src):
        """The id of the Wagtail image an <img src> shows, or None."""
        uid = self.uid_for(src or "")
        if uid is None:
            self.warnings.append(f"image {src} not imported: not in the export")
            return None
        target = self.target(uid, src)
        if target is None:  # written later (pending) or not imported (warned)
            return None
        if target.kind == "page" and "@@images" in src:  # a page's lead image
            target = self.registry.target(f"{uid}#image") or lead_image_of(target)
        if target is None or target.kind != "image":
            self.warnings.append(f"image {src} not imported: it is not an image")
            return None
        return target.id

    def target(self, uid, address):
        target = self.registry.target(uid)
        if target is not None:
            return target
        entry = self.plan.entries.get(uid)
        if entry is not None and entry.importable:
            self.pending = True  # written later in this run: the item is revisited
        else:
            self.warnings.append(f"link to {address} removed: its target was not imported")
        return None

    # ------------------------------------------------------------------ addresses

    def uid_for(self, address):
        match = RESOLVEUID.search(address)
        if match:
            return match.group(1)
        path = self.site_path(address)
        return self.uid_for_path(path) if path is not None else None

    def site_path(self, address):
        """The path below the old site's root, or None for an address elsewhere."""
        parts = urlsplit(address)
        if parts.scheme or parts.netloc:
            for origin, prefix in self.bases:
                if parts.netloc.lower() == origin and (
                    parts.path == prefix or parts.path.startswith(prefix + "/")
                ):
                    return parts.path[len(prefix) :] or "/"
            return None
        if parts.path.startswith("/"):
            return self.plan.relative(parts.path, self.plan.site_prefix or "")
        if not parts.path:
            return None
        base = self.entry.path if self.entry is not None else "/"
        return urljoin(base, parts.path)

    def is_internal(self, address):
        return self.site_path(address) is not None

    def uid_for_path(self, path):
        path = posixpath.normpath(unquote(path)) if path else "/"
        for _ in range(5):
            uid = self.plan.paths.get(path) or self.previous_uid(path)
            if uid is not None:
                return uid
            head, _, last = path.rpartition("/")
            if not head or not is_view(last):
                return None
            path = head
        return None

    def previous_uid(self, path):
        return ImportedItem.objects.filter(old_path=path).values_list("uid", flat=True).first()
