"""Load the demo portal from demo/content and demo/translations through the apps' factories.

German first (media, snippets, the page tree), then the tree's aliases in every language in
bulk, then the translations through wagtail-localize as a translator's would (see
demo/README.md), which turn aliases into translations. Whatever exists is left as it is.
"""

import datetime as dt
import hashlib
from pathlib import Path

import wagtail_factories
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page, Site
from wagtail_localize.fields import copy_synchronised_fields
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments.ingest import ingest_segments

from events import factories as events
from guidance import factories as guidance
from home import factories as home
from home.models import ContactPerson, FundingNote, SiteSettings
from locales.aliases import aliases_deferred
from locales.changes import log_snippet_change
from locales.languages import DEFAULT_LANGUAGE, LANGUAGES
from news import factories as news
from organisations import factories as organisations
from portal.bulk_pages import write_aliases
from submissions import factories as submissions

from . import content
from .accessibility import load_accessibility_demo
from .markdown import rich, to_blocks


def factories(base):
    """{model name: factory} of the content apps' factories derived from `base`."""
    modules = (home, organisations, events, news, guidance, submissions)
    found = [f for module in modules for f in vars(module).values() if isinstance(f, type)]
    return {
        f._meta.model.__name__: f for f in found if issubclass(f, base) and not f._meta.abstract
    }


PAGE_FACTORIES = factories(wagtail_factories.PageFactory)
TAXONOMY_FACTORIES = factories(home.TaxonomyFactory)
# Front-matter keys that are no model field, or name a child relation differently.
META_KEYS = {"type", "changed_after_translation", "site_settings"}
CHILD_KEYS = {"dates": "occurrences"}


def file_of(path):
    data = path.read_bytes()
    return {
        "file": ContentFile(data, name=path.name),
        "file_size": len(data),
        "file_hash": hashlib.sha1(data, usedforsecurity=False).hexdigest(),
    }


def translated_snippet(translation):
    """The snippet in the translation's language, unsaved: what save_target() would save."""
    original, locale = translation.source.as_instance(), translation.target_locale
    snippet = original.copy_for_translation(locale)
    copy_synchronised_fields(original, snippet)
    segments = translation.source._get_segments_for_translation(locale, fallback=True)
    ingest_segments(original, snippet, translation.source.locale, locale, segments)
    return snippet


def segments_of(source):
    return StringSegment.objects.filter(source=source).select_related("string", "context")


def publish_translation(translation):
    """A page's translation saved by wagtail-localize and published at once (save_target
    would publish on commit), so that the load is complete inside its transaction."""
    translation.save_target(publish=False)
    translation.get_target_instance().get_latest_revision().publish()


class DemoLoader:
    def __init__(self, site_url):
        self.site_url = site_url
        self.today = timezone.localdate()
        self.created = {}
        self.objects = {}  # ("image" | "document" | "person" | "funding", key) -> object
        self.pages = {}  # file path -> German page
        self.new_pages = []  # (file path, German page, fields) created in this run

    def count(self, label, number=1):
        if number:
            self.created[label] = self.created.get(label, 0) + number

    def run(self):
        self.create_locales()
        self.create_media()
        self.create_snippets()
        with aliases_deferred():
            for path, parent in content.page_files():
                self.add_page(path, self.pages.get(parent))
        self.create_aliases()
        self.configure_site()
        self.create_committees()
        self.translate_snippets()
        for path, page, fields in self.new_pages:
            for translation in self.translate(page, content.translation_files(path)):
                publish_translation(translation)
            if "changed_after_translation" in fields:
                self.change_after_translation(path, page, fields["changed_after_translation"])
        load_accessibility_demo(self.pages[content.PAGES / "home.md"])  # BITV 2.0 § 4
        # Root paths cached while only the German home page existed miss its translations.
        Site.clear_site_root_paths_cache()

    # Languages, media, snippets -------------------------------------------------------------

    def create_locales(self):
        self.locales = {}
        for language in LANGUAGES:
            self.locales[language.code], created = Locale.objects.get_or_create(
                language_code=language.code
            )
            self.count("locales", created)
        self.de = self.locales[DEFAULT_LANGUAGE]

    def create_media(self):
        media = content.load_yaml("media.yaml")
        for kind, factory in (("image", home.ImageFactory), ("document", home.DocumentFactory)):
            model = factory._meta.model
            for key, spec in media[f"{kind}s"].items():
                found = model.objects.filter(title=spec["title"]).first()
                if found is None:
                    extra = {"description": spec["description"]} if kind == "image" else {}
                    found = factory(
                        title=spec["title"], **extra, **file_of(content.MEDIA / spec["file"])
                    )
                    self.count(f"{kind}s")
                self.objects[kind, key] = found

    def create_snippets(self):
        for name, terms in content.load_yaml("taxonomies.yaml").items():
            for term in terms:
                TAXONOMY_FACTORIES[name](locale=self.de, **term)
        for kind, model, factory, name, file in (
            ("person", ContactPerson, home.ContactPersonFactory, "name", "contacts.yaml"),
            ("funding", FundingNote, home.FundingNoteFactory, "title", "funding_notes.yaml"),
        ):
            for key, spec in content.load_yaml(file).items():
                fields = {field: self.value(model, field, value) for field, value in spec.items()}
                found = model.objects.filter(locale=self.de, **{name: spec[name]}).first()
                if found is None:
                    found = factory(locale=self.de, **fields)
                    self.count(f"{model.__name__} snippets")
                self.objects[kind, key] = found

    def create_committees(self):
        model = organisations.CommitteeFactory._meta.model
        for spec in content.load_yaml("committees.yaml"):
            if not model.objects.filter(name=spec["name"], locale=self.de).exists():
                fields = {name: self.value(model, name, value) for name, value in spec.items()}
                organisations.CommitteeFactory(
                    locale=self.de, **fields
                )  # members: m2m of a cluster
                self.count("committees")

    # Field values -------------------------------------------------------------------------

    def value(self, model, name, value):
        """A data-file value as the model field wants it: blocks, HTML, objects, children."""
        field = model._meta.get_field(CHILD_KEYS.get(name, name))
        if name == "dates":
            return [field.related_model(**content.occurrence(spec, self.today)) for spec in value]
        if field.one_to_many:  # a child relation: a list of dicts (or of keys of people)
            child = field.related_model
            items = [item if isinstance(item, dict) else {"person": item} for item in value]
            return [child(**{k: self.value(child, k, v) for k, v in i.items()}) for i in items]
        if isinstance(field, StreamField):
            return to_blocks(value, lambda kind, key: self.objects[kind, key].pk)
        if isinstance(field, RichTextField):
            return rich(value)
        if field.many_to_many:
            return [self.related(field.related_model, item) for item in value]
        if field.many_to_one:
            return self.related(field.related_model, value)
        if isinstance(value, dict):  # a date given as {in_days: …, weekday: …}
            return content.day(value, self.today)
        return value

    def related(self, model, key):
        """An image, document, contact person or funding note by its key in the data files,
        or a German page or taxonomy term by its slug."""
        if not key:
            return None
        for kind in ("image", "document", "person", "funding"):
            found = self.objects.get((kind, key))
            if isinstance(found, model):
                return found
        return model.objects.get(slug=key, locale=self.de)

    def page_fields(self, model, fields):
        values = {}
        for name, value in fields.items():
            if name == "days_ago":
                name, value = "date", self.today - dt.timedelta(days=value)
            elif name == "reviewed_days_ago":
                name, value = "last_reviewed", self.today - dt.timedelta(days=value)
            if name not in META_KEYS:
                values[CHILD_KEYS.get(name, name)] = self.value(model, name, value)
        return values

    # Pages --------------------------------------------------------------------------------

    def add_page(self, path, parent):
        fields = content.read_page(path)
        factory = PAGE_FACTORIES[fields["type"]]
        model = factory._meta.model
        if parent is None:
            page = self.site_root(model)
        else:
            page = parent.get_children().filter(slug=fields["slug"]).specific().first()
        if page is None:
            values = self.page_fields(model, fields)
            page = factory(parent=parent or Page.get_first_root_node(), locale=self.de, **values)
            page.save_revision().publish()
            self.count(f"pages ({model.__name__})")
            self.new_pages.append((path, page, fields))
        self.pages[path] = page

    def site_root(self, model):
        """The German home page if made before; Wagtail's welcome page (and its Site) goes."""
        Page.objects.filter(depth=2, content_type__model="page", numchild=0).delete()
        return model.objects.filter(depth=2, locale=self.de).first()

    def configure_site(self):
        """The Site is where `make run` serves the demo, so that absolute URLs in feeds,
        calendars, the sitemap, JSON-LD and e-mails reach it."""
        home_page = self.pages[content.PAGES / "home.md"]
        site, _ = Site.objects.update_or_create(
            is_default_site=True,
            defaults={
                "hostname": self.site_url.hostname,
                "port": self.site_url.port or (443 if self.site_url.scheme == "https" else 80),
                "root_page": home_page,
                "site_name": home_page.title,
            },
        )
        settings = SiteSettings.for_site(site)
        for name, value in content.read_page(content.PAGES / "home.md")["site_settings"].items():
            if not getattr(settings, SiteSettings._meta.get_field(name).attname):
                setattr(settings, name, self.value(SiteSettings, name, value))
        settings.save()

    # Translations -------------------------------------------------------------------------

    def translate_snippets(self):
        """Taxonomy terms and funding notes, from translations/<code>/snippets.po. The
        translated rows are built by wagtail-localize's steps and written in bulk, per model."""
        catalogues = content.translation_files(Path("snippets.po"))
        for model in (FundingNote, *(f._meta.model for f in TAXONOMY_FACTORIES.values())):
            translations = []
            for snippet in model.objects.filter(locale=self.de):
                translations += self.translate(snippet, catalogues)
            rows = model.objects.bulk_create(map(translated_snippet, translations))
            for row in rows:  # what post_save would log: when it was made (locales.status)
                log_snippet_change(row)

    def translate(self, instance, catalogues):
        """wagtail-localize Translations of `instance` into each language whose catalogue
        has some of its strings, with those strings stored; the new ones."""
        if not catalogues:
            return []
        source = TranslationSource.get_or_create_from_instance(instance)[0]
        segments = segments_of(source)
        done = set(source.translations.values_list("target_locale__language_code", flat=True))
        new = [
            Translation(source=source, target_locale=self.locales[code])
            for code, catalogue in catalogues.items()
            if code not in done and self.import_strings(self.locales[code], segments, catalogue)
        ]
        self.count("translations", len(new))
        return Translation.objects.bulk_create(new)

    def import_strings(self, locale, segments, catalogue):
        """StringTranslations of the segments the catalogue translates; how many. Those
        stored before are kept."""
        texts = {(entry.msgctxt, entry.msgid): entry.msgstr for entry in catalogue}
        texts.update((entry.msgid, entry.msgstr) for entry in catalogue)
        rows = []
        for segment in segments:
            data = segment.string.data
            text = texts.get((segment.context.path, data)) or texts.get(data)
            if text:
                rows.append(
                    StringTranslation(
                        translation_of=segment.string,
                        locale=locale,
                        context=segment.context,
                        data=text,
                        translation_type="manual",
                    )
                )
        StringTranslation.objects.bulk_create(rows, ignore_conflicts=True)
        return len(rows)

    def change_after_translation(self, path, page, changes):
        """A German change after the translations: out of date unless the PO has it."""
        page = page.specific_class.objects.get(pk=page.pk)
        for name, value in self.page_fields(type(page), changes).items():
            setattr(page, name, value)
        page.save_revision().publish()
        source = TranslationSource.objects.get(object_id=page.translation_key, locale=self.de)
        source.update_from_db()
        segments = segments_of(source)
        for code, catalogue in content.translation_files(path).items():
            if self.import_strings(self.locales[code], segments, catalogue) == len(segments):
                publish_translation(source.translations.get(target_locale=self.locales[code]))
        self.count("German changes after translation")

    def create_aliases(self):
        """Every German page gets an alias in each language without a version of it."""
        german = Page.objects.filter(locale=self.de, depth__gt=1).specific()
        others = [locale for locale in self.locales.values() if locale != self.de]
        self.count("page aliases", write_aliases(german, others))
