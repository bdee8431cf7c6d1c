"""The field values of each page model, from a Plone item.

title, description and subjects are common to every Plone type; the text
comes from Volto blocks or from the classic `text` field (see content_html).
Required short texts (teasers, introductions) fall back to the beginning of
the text or the title; the site's length limits are kept, with a warning.
"""

from html import escape

from django.contrib.auth import get_user_model
from django.utils import translation
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext
from wagtail.models import Locale

from events.models import EventIndexPage, EventPage
from guidance.models import GuidanceIndexPage, GuidancePage, GuidanceTopic
from home.models import StandardPage
from locales.languages import DEFAULT_LANGUAGE
from news.models import NewsCategory, NewsIndexPage, NewsPage
from organisations.models import OrganisationIndexPage, OrganisationPage

from .dates import local_date, parse_datetime
from .event_fields import event_fields, event_link
from .html import plain_text
from .people import first, reference_uids, venue_values
from .volto import blocks_to_html, has_blocks

TITLE_MAX = 255
RELATIONS = "plone_import.relations"  # [(attribute, UID)] of relations.json, added to the item
LEAD_IMAGE_RELATIONS = ("preview_image_link", "image_link", "lead_image_link")
PLAIN_TEXT_TYPES = {"text/plain", "text/x-web-intelligent", "text/x-rst", "text/x-web-markdown"}


def content_html(item, warn):
    """The item's main text as HTML: Volto blocks first, else the `text` field."""
    if has_blocks(item):
        layout = (item.get("blocks_layout") or {}).get("items") or []
        return blocks_to_html(item.get("blocks") or {}, layout, warn)
    text = item.get("text")
    content_type = "text/html"
    if isinstance(text, dict):
        content_type, text = text.get("content-type") or content_type, text.get("data")
    if not isinstance(text, str):
        return ""
    if content_type in PLAIN_TEXT_TYPES and not text.lstrip().startswith("<"):
        paragraphs = [part.strip() for part in text.split("\n\n") if part.strip()]
        return "".join(f"<p>{escape(part)}</p>" for part in paragraphs)
    return text


class FieldMapper:
    """Builds the field values for one page; warnings go to the resolver's list."""

    def __init__(self, converter, assets, report, load=None):
        self.converter = converter
        self.assets = assets
        self.report = report
        self.load = load  # uid -> the exported item (Location items for venues), or None
        self.terms = {}
        self.users = {}

    def fields(self, entry, item):
        html = self.html(entry, item)
        values = {
            "title": self.title(entry, item),
            "search_description": self.description(item),
            "show_in_menus": not item.get("exclude_from_nav", False),
        }
        owner = self.owner(item)
        if owner is not None:
            values["owner"] = owner
        builder = MODEL_FIELDS[entry.model]
        values.update(builder(self, entry, item, html))
        if item.get("subjects") and entry.model not in SUBJECT_MODELS:
            subjects = ", ".join(str(subject) for subject in item["subjects"])
            self.converter.warn(
                f"subjects not imported ({subjects}): a {entry.model._meta.verbose_name} "
                "has no categories"
            )
        return values

    def owner(self, item):
        """The first of the item's creators that is a user of this site, else None."""
        for name in item.get("creators") or []:
            if isinstance(name, str) and name not in self.users:
                self.users[name] = get_user_model().objects.filter(username=name).first()
            if isinstance(name, str) and self.users[name] is not None:
                return self.users[name]
        return None

    def html(self, entry, item):
        """The item's text as HTML; an event's web address and related items follow it."""
        html = content_html(item, self.converter.warn)
        if entry.model is EventPage:
            html += event_link(item.get("event_url"))
        return html + self.related_html(entry, item)

    def related_html(self, entry, item):
        """relatedItems (the item's field or relations.json) as a "See also" list of links."""
        uids = [ref.get("UID") for ref in item.get("relatedItems") or [] if isinstance(ref, dict)]
        uids += [uid for attribute, uid in item.get(RELATIONS) or [] if attribute == "relatedItems"]
        links = []
        for uid in dict.fromkeys(filter(None, uids)):
            target = self.converter.resolver.plan.entries.get(uid)
            title = (target.title or target.name) if target else uid
            links.append(f'<li><a href="resolveuid/{escape(uid)}">{escape(title)}</a></li>')
        if not links:
            return ""
        with translation.override(entry.language or DEFAULT_LANGUAGE):
            heading = gettext("See also")
        return f"<h2>{escape(heading)}</h2><ul>{''.join(links)}</ul>"

    def venue(self, item):
        """(name, address) of the first Location item the event refers to, or ("", "")."""
        for uid in reference_uids(item.get("location_reference")):
            location = self.load(uid) if self.load else None
            if location is not None:
                return venue_values(location)
            self.converter.warn(f"location {uid} is not in the export: venue left empty")
        return "", ""

    def organiser(self, item):
        """The OrganisationPage of the event's organisational unit, if imported."""
        for uid in reference_uids(item.get("organisational_unit_reference")):
            target = self.converter.resolver.target(uid, f"resolveuid/{uid}")
            if target is not None and target.kind == "page" and target.model is OrganisationPage:
                return target.id
        return None

    def lead_image(self, entry, item, field_name="image"):
        """The item's own image field, else the image its preview_image_link points at."""
        own = self.assets.lead_image(entry, item, field_name)
        if own:
            return own
        uids = [
            uid for attribute, uid in item.get(RELATIONS) or [] if attribute in LEAD_IMAGE_RELATIONS
        ]
        for name in LEAD_IMAGE_RELATIONS:
            if isinstance(item.get(name), dict) and item[name].get("UID"):
                uids.append(item[name]["UID"])
        for uid in uids:
            image_id = self.converter.resolver.image(f"resolveuid/{uid}")
            if image_id:
                return image_id
        return None

    # ------------------------------------------------------------------ common values

    def title(self, entry, item):
        title = " ".join(str(item.get("title") or entry.name or entry.uid).split())
        if len(title) > TITLE_MAX:
            self.converter.warn(f"title shortened to {TITLE_MAX} characters")
        return title[:TITLE_MAX]

    @staticmethod
    def description(item):
        return " ".join(str(item.get("description") or "").split())

    def short_text(self, item, html, limit, name):
        """Description, else the beginning of the text, else the title; at most `limit`."""
        text = self.description(item) or plain_text(html) or str(item.get("title") or "")
        if len(text) > limit:
            if self.description(item):
                self.converter.warn(f"description shortened to {limit} characters for the {name}")
            text = Truncator(text).chars(limit)
        return text

    def body(self, html):
        return self.converter.stream(html)

    def terms_for(self, model, item):
        """Taxonomy snippets (in German, the source language) for the item's subjects."""
        terms = []
        for subject in item.get("subjects") or []:
            name = " ".join(str(subject).split())[:100]
            slug = slugify(name)[:100]
            if not slug:
                continue
            key = (model, slug)
            if key not in self.terms:
                self.terms[key] = model.objects.get_or_create(
                    slug=slug,
                    locale=Locale.objects.get(language_code=DEFAULT_LANGUAGE),
                    defaults={"name": name},
                )[0]
            terms.append(self.terms[key])
        return terms


def standard_fields(mapper, entry, item, html):
    return {"intro": mapper.description(item), "body": mapper.body(html)}


def index_fields(mapper, entry, item, html):
    if html.strip():
        mapper.converter.warn("the folder's own text is not imported (index pages have none)")
    return {"intro": mapper.description(item)}


def guidance_fields(mapper, entry, item, html):
    return {
        "intro": mapper.short_text(item, html, 600, "introduction"),
        "body": mapper.body(html),
        "topics": mapper.terms_for(GuidanceTopic, item),
    }


def news_fields(mapper, entry, item, html):
    published = parse_datetime(item.get("effective"), entry.item_id, "effective")
    created = parse_datetime(item.get("created"), entry.item_id, "created")
    values = {
        "date": local_date(published or created) or local_date(None),
        "teaser": mapper.short_text(item, html, 500, "teaser"),
        "body": mapper.body(html),
        "categories": mapper.terms_for(NewsCategory, item),
        "lead_image_id": mapper.lead_image(entry, item),
    }
    caption, credit = mapper.converter.resolver.registry.image_meta.get(
        values["lead_image_id"], ("", "")
    )
    values["lead_image_caption"] = str(item.get("image_caption") or caption)[:300]
    values["lead_image_credit"] = str(item.get("image_credit") or credit)[:200]
    if values["date"] is None:
        values.pop("date")  # the model's default: today
    return values


def organisation_fields(mapper, entry, item, html):
    """An Organisational Unit: summary, description and its contact details."""
    email = first(item, "contact_email", "email")
    website = first(item, "contact_website", "website", "url", "remoteUrl")
    values = {
        "summary": mapper.short_text(item, html, 400, "summary"),
        "body": mapper.body(html),
        "street": first(item, "street", "address")[:200],
        "postcode": first(item, "zip_code", "postal_code", "zip")[:10],
        "city": first(item, "city")[:100],
        "phone": first(item, "contact_phone", "phone")[:50],
        "email": email if "@" in email else "",
        "website": website if website.startswith(("http://", "https://")) else "",
    }
    return values


# Page models whose subjects become taxonomy terms (news categories, guidance topics).
SUBJECT_MODELS = {NewsPage, GuidancePage}

MODEL_FIELDS = {
    OrganisationPage: organisation_fields,
    OrganisationIndexPage: index_fields,
    StandardPage: standard_fields,
    GuidancePage: guidance_fields,
    NewsPage: news_fields,
    EventPage: event_fields,
    GuidanceIndexPage: index_fields,
    NewsIndexPage: index_fields,
    EventIndexPage: index_fields,
}
