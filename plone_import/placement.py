"""Where an imported page goes in the Wagtail tree.

The Plone site root maps to the anchor page (--parent, by default the German
home page); a language root folder to the anchor's version in its language.
A page goes below the page its nearest Plone ancestor became, if the page
types allow it (a news page only lives in a news index, a guidance page only
in a guidance index); otherwise below the anchor or home page of its language,
or into that language's news, events or guidance index.

A language that has no version of the anchor or of an index page yet gets an
alias of the German one, as wagtail-localize's tree synchronisation would make.
"""

from django.utils.text import slugify
from wagtail.models import Locale, Page, Site

from home.models import HomePage
from locales.languages import DEFAULT_LANGUAGE

from .errors import ImportAbort
from .mapping import ANCHOR_MODELS, INDEX_FOR, INDEX_TITLES, REUSE_FIRST, ROOT, SITE, can_hold
from .registry import page_target


def find_anchor(value):
    """The page named by --parent (an id or a path such as /de/ueber-uns), or the site root."""
    if value in (None, ""):
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            raise ImportAbort("no default site: create the site (and its home page) first")
        page = site.root_page.specific
    elif str(value).isdigit():
        page = Page.objects.filter(pk=int(value)).first()
        if page is None:
            raise ImportAbort(f"--parent {value}: no page with this id")
        page = page.specific
    else:
        page = page_by_path(value)
    if not isinstance(page, ANCHOR_MODELS):
        raise ImportAbort(
            f"--parent {value}: a {page.specific_class.__name__} cannot hold imported pages; "
            "choose a HomePage or a StandardPage"
        )
    return page


def page_by_path(value):
    """A page by its public path: /de/ueber-uns/ (language prefix optional)."""
    parts = [part for part in str(value).strip("/").split("/") if part]
    code = parts[0] if parts and Locale.objects.filter(language_code=parts[0]).exists() else None
    parts = parts[1:] if code else parts
    site = Site.objects.get(is_default_site=True)
    root = site.root_page
    if code:
        root = root.get_translation_or_none(Locale.objects.get(language_code=code)) or root
    url_path = root.url_path + "".join(f"{part}/" for part in parts)
    page = Page.objects.filter(url_path=url_path, locale=root.locale_id).first()
    if page is None:
        raise ImportAbort(f"--parent {value}: no page at this path")
    return page.specific


class Placement:
    def __init__(self, anchor, plan, registry, report):
        self.anchor = anchor
        self.plan = plan
        self.registry = registry
        self.report = report
        self.locales = {locale.language_code: locale for locale in Locale.objects.all()}
        self.anchors = {anchor.locale.language_code: anchor}
        self.homes = {}
        self.sections = {}

    def forget(self):
        """Forget pages found or created so far (an item that created some was rolled back)."""
        self.anchors = {self.anchor.locale.language_code: self.anchor}
        self.homes, self.sections = {}, {}

    def locale(self, code):
        return self.locales[code]

    # ------------------------------------------------------------------ anchor and home

    def anchor_for(self, code):
        if code not in self.anchors:
            self.anchors[code] = self.version(self.anchor, code)
        return self.anchors[code]

    def home_for(self, code):
        if code not in self.homes:
            home = self.anchor
            if not isinstance(home, HomePage):
                home = self.anchor.get_ancestors().type(HomePage).last().specific
            self.homes[code] = self.version(home, code)
        return self.homes[code]

    def version(self, page, code):
        """The page in the language: its translation, an existing alias, or a new alias."""
        locale = self.locale(code)
        found = page.get_translation_or_none(locale)
        if found is not None:
            return found.specific
        self.report.note(f"created an alias of {page.title!r} in {code}")
        return page.copy_for_translation(locale, copy_parents=True, alias=True).specific

    # ------------------------------------------------------------------ index pages

    def section_for(self, code, model):
        """The language's index page of this type below its home page; created if missing."""
        key = (code, model)
        if key not in self.sections:
            home = self.home_for(code)
            page = model.objects.child_of(home).order_by("path").first()
            if page is None and code != DEFAULT_LANGUAGE:
                page = self.version(self.section_for(DEFAULT_LANGUAGE, model), code)
            elif page is None:
                page = self.create_section(home, model)
            self.sections[key] = page
        return self.sections[key]

    def create_section(self, home, model):
        title = INDEX_TITLES[model]
        page = model(title=title, slug=slugify(title), locale_id=home.locale_id)
        Page.objects.get(pk=home.pk).add_child(instance=page)
        page.save_revision().publish()
        self.report.note(f"created the {model._meta.verbose_name} {title!r}")
        return page

    def existing_section(self, entry):
        """An index page a section folder maps onto: same slug, or (news, events) the first one."""
        home = self.home_for(entry.language)
        pages = entry.model.objects.child_of(home).order_by("path")
        page = pages.filter(slug=slugify(entry.name)).first()
        if page is None and entry.section in REUSE_FIRST:
            page = pages.first()
        return page.specific if page is not None else None

    # ------------------------------------------------------------------ parents

    def parent_for(self, entry, model):
        """The page below which a page of `model` for this entry goes."""
        locale_id = self.locale(entry.language).pk
        for target in self.ancestor_targets(entry):
            if target.locale_id == locale_id and can_hold(target.model, model):
                return Page.objects.get(pk=target.id)
        anchor = self.anchor_for(entry.language)
        if can_hold(anchor.specific_class, model):
            return Page.objects.get(pk=anchor.pk)
        home = self.home_for(entry.language)
        if can_hold(home.specific_class, model):
            return Page.objects.get(pk=home.pk)
        return Page.objects.get(pk=self.section_for(entry.language, INDEX_FOR[model]).pk)

    def page_above(self, entry):
        """The page a folder without a page of its own stands for (for links and redirects)."""
        locale_id = self.locale(entry.language).pk
        for target in self.ancestor_targets(entry):
            if target.locale_id == locale_id:
                return target
        return page_target(self.anchor_for(entry.language))

    def ancestor_targets(self, entry):
        """The page targets of the entry's Plone ancestors, nearest first."""
        uid = entry.parent_uid
        while uid:
            target = self.registry.target(uid)
            if target is not None and target.kind == "page":
                yield target
            parent = self.plan.entries.get(uid)
            if parent is None or parent.role in (SITE, ROOT):
                return
            uid = parent.parent_uid
