"""Load the demo portal from demo/content and demo/translations through the apps' factories.

German first: media, taxonomies, contact persons, funding notes, then the page tree, then
committees. Translations go through wagtail-localize as a translator's would: a
TranslationSource of the German object, a Translation per language, a StringTranslation
per segment the language's PO file translates, then `save_target(publish=True)`, which
turns an existing alias into the translation. A page whose file has
`changed_after_translation` is changed in German afterwards; languages whose PO file
already has the new text are brought up to date, the others stay out of date. Every page
not translated into a language is an alias there (locale synchronisation).

What exists already (found by slug, name, title or translation) is left as it is.
"""

import datetime as dt
import hashlib

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import (
    LocaleSynchronization,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.synctree import PageIndex, synchronize_tree

from events import factories as events
from guidance import factories as guidance
from home import factories as home
from home.models import ContactPerson, FundingNote, SiteSettings
from locales.languages import DEFAULT_LANGUAGE, LANGUAGES
from news import factories as news
from organisations import factories as organisations

from . import content
from .markdown import rich, to_blocks

PAGE_FACTORIES = {
    factory._meta.model.__name__: factory
    for factory in (
        home.HomePageFactory,
        home.StandardPageFactory,
        home.FormPageFactory,
        organisations.OrganisationIndexPageFactory,
        organisations.OrganisationPageFactory,
        events.EventIndexPageFactory,
        events.EventPageFactory,
        events.EventSubmissionPageFactory,
        news.NewsIndexPageFactory,
        news.NewsPageFactory,
        guidance.GuidanceIndexPageFactory,
        guidance.GuidancePageFactory,
    )
}
TAXONOMY_FACTORIES = {
    factory._meta.model.__name__: factory
    for factory in (
        home.FieldOfActionFactory,
        home.TargetGroupFactory,
        home.DistrictFactory,
        home.SpokenLanguageFactory,
        news.NewsCategoryFactory,
        organisations.CommitteeKindFactory,
        guidance.GuidanceTopicFactory,
    )
}
# Front-matter keys that are no model field, or name a child relation differently.
META_KEYS = {"type", "changed_after_translation"}
CHILD_KEYS = {"dates": "occurrences"}
REQUIRED_SETTINGS = {
    "imprint_page": "impressum",
    "privacy_page": "datenschutz",
    "accessibility_page": "barrierefreiheit",
    "event_submission_page": "melden",
}


def file_of(path):
    data = path.read_bytes()
    return {
        "file": ContentFile(data, name=path.name),
        "file_size": len(data),
        "file_hash": hashlib.sha1(data, usedforsecurity=False).hexdigest(),
    }


def save_target(translation):
    """translation.save_target(publish=True), but a page is published at once, not on commit
    as wagtail-localize does, so that the load is complete inside its transaction."""
    is_page = isinstance(translation.source.as_instance(), Page)
    translation.save_target(publish=not is_page)
    if is_page:
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
        for path, parent in content.page_files():
            self.add_page(path, self.pages.get(parent))
        self.configure_site()
        self.create_committees()
        self.translate_snippets()
        for path, page, _ in self.new_pages:
            self.translate(page, content.translation_files(path))
        for path, page, fields in self.new_pages:
            if "changed_after_translation" in fields:
                self.change_after_translation(path, page, fields["changed_after_translation"])
        self.create_aliases()
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
        # bulk_create sends no post_save, so the trees are synchronised once, at the end.
        existing = set(LocaleSynchronization.objects.values_list("locale_id", flat=True))
        missing = [
            LocaleSynchronization(locale=locale, sync_from=self.de)
            for locale in self.locales.values()
            if locale != self.de and locale.pk not in existing
        ]
        LocaleSynchronization.objects.bulk_create(missing)

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
        for spec in content.load_yaml("committees.yaml"):
            model = organisations.CommitteeFactory._meta.model
            if model.objects.filter(name=spec["name"], locale=self.de).exists():
                continue
            fields = {name: self.value(model, name, value) for name, value in spec.items()}
            members = fields.pop("members")
            committee = organisations.CommitteeFactory.build(locale=self.de, **fields)
            committee.members.set(members)
            committee.save()
            self.count("committees")

    # Field values -------------------------------------------------------------------------

    def value(self, model, name, value):
        """A data-file value as the model field wants it: blocks, HTML, objects, children."""
        field = model._meta.get_field(CHILD_KEYS.get(name, name))
        if name == "dates":
            return [field.related_model(**self.occurrence(spec)) for spec in value]
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

    def occurrence(self, spec):
        date = content.day(spec, self.today)
        return {
            "start": content.moment(date, spec["start"]),
            "end": content.moment(date, spec["end"]),
        }

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
            page = self.site_root(model, fields)
        else:
            page = parent.get_children().filter(slug=fields["slug"]).specific().first()
        if page is None:
            values = self.page_fields(model, fields)
            page = factory(parent=parent or Page.get_first_root_node(), locale=self.de, **values)
            page.save_revision().publish()
            self.count(f"pages ({model.__name__})")
            self.new_pages.append((path, page, fields))
        self.pages[path] = page

    def site_root(self, model, fields):
        """The German home page; Wagtail's welcome page gives up its slug and is removed."""
        page = model.objects.filter(depth=2, locale=self.de).first()
        if page is None:
            welcome = Page.objects.filter(depth=2, content_type__model="page", numchild=0)
            for placeholder in welcome:
                Site.objects.filter(root_page=placeholder).delete()
                placeholder.delete()
        return page

    def configure_site(self):
        home_page = self.pages[content.PAGES / "home.md"]
        site = Site.objects.filter(is_default_site=True).first() or Site()
        # The Site is where `make run` serves the demo, so that absolute URLs in feeds,
        # calendars, the sitemap, JSON-LD and e-mails reach it.
        wanted = {
            "hostname": self.site_url.hostname,
            "port": self.site_url.port or (443 if self.site_url.scheme == "https" else 80),
            "root_page_id": home_page.pk,
            "is_default_site": True,
            "site_name": site.site_name or home_page.title,
        }
        if site.pk is None or any(getattr(site, k) != v for k, v in wanted.items()):
            for name, value in wanted.items():
                setattr(site, name, value)
            site.save()
        settings = SiteSettings.for_site(site)
        for name, slug in REQUIRED_SETTINGS.items():
            if getattr(settings, f"{name}_id") is None:
                setattr(settings, name, Page.objects.get(locale=self.de, slug=slug))
        settings.contact_email = (
            settings.contact_email or "redaktion@verbund-mittelstadt.example.org"
        )
        settings.save()

    # Translations -------------------------------------------------------------------------

    def translate_snippets(self):
        """Taxonomy terms and funding notes, from translations/<code>/snippets.po."""
        catalogues = content.po_files("snippets.po")
        snippets = [*FundingNote.objects.filter(locale=self.de)]
        for factory in TAXONOMY_FACTORIES.values():
            snippets += factory._meta.model.objects.filter(locale=self.de)
        for snippet in snippets:
            self.translate(snippet, catalogues)

    def translate(self, instance, catalogues, source=None):
        """Translate `instance` into each language whose catalogue has some of its strings."""
        if not catalogues:
            return
        source = source or TranslationSource.get_or_create_from_instance(instance)[0]
        segments = list(
            StringSegment.objects.filter(source=source).select_related("string", "context")
        )
        for code, catalogue in catalogues.items():
            locale = self.locales[code]
            existing = type(instance).objects.filter(
                translation_key=instance.translation_key, locale=locale
            )
            if (
                existing.filter(alias_of__isnull=True).exists()
                if isinstance(instance, Page)
                else existing.exists()
            ):
                continue
            if self.import_strings(source, locale, segments, catalogue):
                translation, _ = Translation.objects.get_or_create(
                    source=source, target_locale=locale
                )
                save_target(translation)
                self.count("translations")

    def import_strings(self, source, locale, segments, catalogue):
        """StringTranslations for the segments the catalogue translates; how many it did."""
        by_context = {
            (entry.msgctxt, entry.msgid): entry.msgstr for entry in catalogue if entry.msgstr
        }
        by_text = {msgid: text for (_, msgid), text in by_context.items()}
        done = 0
        for segment in segments:
            text = by_context.get((segment.context.path, segment.string.data)) or by_text.get(
                segment.string.data
            )
            if text:
                StringTranslation.objects.update_or_create(
                    translation_of=segment.string,
                    locale=locale,
                    context=segment.context,
                    defaults={"data": text, "translation_type": "manual"},
                )
                done += 1
        return done

    def change_after_translation(self, path, page, changes):
        """A German change after the translations: out of date unless the PO has it."""
        page = page.specific_class.objects.get(pk=page.pk)
        for name, value in self.page_fields(type(page), changes).items():
            setattr(page, name, value)
        page.save_revision().publish()
        source = TranslationSource.objects.get(object_id=page.translation_key, locale=self.de)
        source.update_from_db()
        segments = list(
            StringSegment.objects.filter(source=source).select_related("string", "context")
        )
        for code, catalogue in content.translation_files(path).items():
            translated = {entry.msgid for entry in catalogue if entry.msgstr}
            if all(segment.string.data in translated for segment in segments):
                self.import_strings(source, self.locales[code], segments, catalogue)
                save_target(
                    Translation.objects.get(source=source, target_locale=self.locales[code])
                )
        self.count("German changes after translation")

    def create_aliases(self):
        """Every page not translated into a language is an alias of the German one there."""
        before = Page.objects.filter(alias_of__isnull=False).count()
        index = PageIndex.from_database().sort_by_tree_position()
        for locale in self.locales.values():
            if locale != self.de:
                synchronize_tree(self.de, locale, page_index=index)
        self.count("page aliases", Page.objects.filter(alias_of__isnull=False).count() - before)
