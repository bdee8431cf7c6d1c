"""Demo content for BITV 2.0 § 4: the start page's explanations in Leichte Sprache and in
German Sign Language (issue 18).

One entry point, `load_accessibility_demo(home)`, given the German start page: creates
what is missing from the data files under demo/data/accessibility/ (see its README) and
leaves what exists. Safe to run again.
"""

from pathlib import Path

from django.conf import settings
from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.models import Locale, Page

from home.factories import DocumentFactory
from home.models import SiteSettings, StandardPage
from locales.languages import EASY_LANGUAGE

from .content import read_page
from .markdown import to_blocks

DATA = Path(settings.BASE_DIR) / "demo" / "data" / "accessibility"
VIDEO, CAPTIONS = "dgs-willkommen.mp4", "dgs-willkommen.vtt"
EXPLAINED_PAGES = ("angebot", "orientierung")  # German originals made here
EASY_TEXTS = ("angebot", "orientierung", "barrierefreiheit")


def read(path):
    """(front matter, Markdown body) of a data file, written like a page file (demo/README.md)."""
    meta = read_page(path)
    return meta, meta.pop("body", "").strip()


def document(title, name):
    found = DocumentFactory._meta.model.objects.filter(title=title).first()
    file = {"file__from_path": DATA / name, "file__filename": name}
    return found or DocumentFactory(title=title, **file)


def german_page(home, key):
    meta, body = read(DATA / "de" / f"{key}.md")
    page = home.get_children().filter(slug=meta["slug"]).first()
    if page is None:
        page = StandardPage(title=meta["title"], slug=meta["slug"], intro=meta["intro"])
        page.body = to_blocks(body, resolve=None)
        home.add_child(instance=page)
        page.save_revision().publish()
    return page.specific


def in_easy_language(source, locale, meta, body):
    """The page's version in Leichte Sprache, written for it (an alias is converted)."""
    existing = Page.objects.filter(translation_key=source.translation_key, locale=locale).first()
    if existing is not None and existing.alias_of_id is None:
        return existing.specific
    if existing is not None:
        ConvertAliasPageAction(existing.specific).execute(skip_permission_checks=True)
        page = Page.objects.get(pk=existing.pk).specific
    else:
        page = source.copy_for_translation(locale, copy_parents=True)
    page.title, page.intro, page.body = meta["title"], meta["intro"], to_blocks(body, resolve=None)
    page.save_revision().publish()
    return page


def add_start_page_box(home, code, pages, video, captions):
    """The § 4 box atop a start page: the DGS video, the links to Leichte Sprache."""
    if any(block.block_type == "sign_language_video" for block in home.body):
        return
    meta, transcript = read(DATA / "start_page" / f"{code}.md")
    video_block = {"video": video, "captions": captions, "transcript": transcript}
    home.body = [
        ("sign_language_video", {"title": meta["video_title"], **video_block}),
        ("easy_language_links", {"title": meta["links_title"], "pages": pages}),
        *[(block.block_type, block.value) for block in home.body],
    ]
    home.save_revision().publish()


def load_accessibility_demo(home):
    """The three § 4 texts in Leichte Sprache, the DGS video and the start pages' box."""
    easy = Locale.objects.get(language_code=EASY_LANGUAGE)
    video = document("DGS: Willkommen im Integrationsportal", VIDEO)
    captions = document("DGS: Willkommen im Integrationsportal (Untertitel)", CAPTIONS)
    originals = {key: german_page(home, key) for key in EXPLAINED_PAGES}
    statement = SiteSettings.objects.filter(accessibility_page__isnull=False).first()
    if statement is not None:
        originals["barrierefreiheit"] = statement.accessibility_page.specific
    in_easy_language(home, easy, *read(DATA / EASY_LANGUAGE / "start.md"))
    for key in EASY_TEXTS:
        if key in originals:
            in_easy_language(originals[key], easy, *read(DATA / EASY_LANGUAGE / f"{key}.md"))
    pages = [originals[key] for key in EASY_TEXTS if key in originals]
    # The German start page and its translations (aliases follow the German one).
    for code in ("de", "en", "tr", "ar", EASY_LANGUAGE):
        version = home.get_translation_or_none(Locale.objects.get(language_code=code))
        if version is not None and version.alias_of_id is None:
            box = "de" if code == EASY_LANGUAGE else code
            add_start_page_box(version.specific, box, pages, video, captions)
