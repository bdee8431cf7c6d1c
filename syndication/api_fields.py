"""What the read API shows of each page type: the public page fields, nothing more.

The API is Wagtail's (wagtail.api.v2); instead of ``api_fields`` on the content
models, this one registry (API_FIELDS) names the fields per page type, so the
public surface of the API is read in one place and the content apps stay as
they are.

Decided: the API shows what the HTML page shows to every visitor, minus the
people. Contact persons (names, e-mail addresses, phone numbers of individuals)
and a press release's press contact are left out: copies of an API outlive the
portal's deletion schedule, so personal data stays on the portal's own pages.
An organisation's own address, phone, e-mail and website (its public contact, as
in the directory) are included. Drafts, pages in a workflow, private pages and
documents in private collections never appear (api.py).
"""

from django.utils import timezone
from django.utils.translation import override
from rest_framework.fields import Field
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from events.models import EventPage
from guidance.models import GuidancePage
from locales.utils import translation_map
from news.models import NewsPage
from organisations.models import OrganisationPage

UPCOMING_DATES_SHOWN = 50


class RichTextHTMLField(Field):
    """A rich-text field as HTML with real links (Wagtail stores internal references)."""

    def to_representation(self, value):
        return expand_db_html(value) if value else ""


class TermsField(Field):
    """Taxonomy terms (fields of action, target groups, …) as slug and name in the page's language.

    The slug is the same in every language and is what the filters take.
    """

    def get_attribute(self, instance):
        value = getattr(instance, self.field_name)
        terms = list(value.all()) if hasattr(value, "all") else [value] if value else []
        with override(instance.locale.language_code):
            labels = translation_map(terms)
        return [labels[term.translation_key] for term in terms]

    def to_representation(self, terms):
        return [{"slug": term.slug, "name": term.name} for term in terms]


class SingleTermField(TermsField):
    def to_representation(self, terms):
        return {"slug": terms[0].slug, "name": terms[0].name} if terms else None


class PageLinksField(Field):
    """Pages another page points at (an event's organiser), in the page's language, with URL."""

    def get_attribute(self, instance):
        value = getattr(instance, self.field_name)
        pages = list(value.all()) if hasattr(value, "all") else [value] if value else []
        with override(instance.locale.language_code):
            localized = translation_map(pages)
        return [localized[page.translation_key] for page in pages]

    def to_representation(self, pages):
        request = self.context.get("request")
        return [
            {
                "id": page.pk,
                "title": page.title,
                "slug": page.slug,
                "html_url": page.get_full_url(request),
            }
            for page in pages
        ]


class SinglePageLinkField(PageLinksField):
    def to_representation(self, pages):
        links = super().to_representation(pages)
        return links[0] if links else None


class EventDatesField(Field):
    """The event's upcoming dates, its recurrence expanded (EventDate rows), at most 50."""

    def get_attribute(self, instance):
        return instance.event_dates.filter(end__gte=timezone.now()).order_by("start")[
            :UPCOMING_DATES_SHOWN
        ]

    def to_representation(self, dates):
        return [{"start": date.start.isoformat(), "end": date.end.isoformat()} for date in dates]


class LinksField(Field):
    """An organisation's social media and other links."""

    def get_attribute(self, instance):
        return instance.links.all()

    def to_representation(self, links):
        return [{"label": link.label, "url": link.url} for link in links]


class FundingNoteField(Field):
    def get_attribute(self, instance):
        note = instance.funding_note
        if note is None:
            return None
        with override(instance.locale.language_code):
            return translation_map([note])[note.translation_key]

    def to_representation(self, note):
        return {"title": note.title, "text": note.text}


def rich(name):
    return APIField(name, serializer=RichTextHTMLField())


def terms(name):
    return APIField(name, serializer=TermsField())


API_FIELDS = {
    NewsPage: [
        "kind",
        "date",
        "teaser",
        terms("categories"),
        "lead_image",
        "lead_image_alt",
        "lead_image_caption",
        "lead_image_credit",
        "occasion",
        "body",
        APIField("partner_organisations", serializer=PageLinksField()),
    ],
    EventPage: [
        "status",
        "teaser",
        APIField("dates", serializer=EventDatesField()),
        "all_day",
        "recurrence_rule",
        "schedule_note",
        "online_url",
        "image",
        "image_alt",
        rich("background"),
        terms("target_groups"),
        "target_group_note",
        rich("goals"),
        rich("event_format"),
        rich("procedure"),
        rich("speakers"),
        "duration",
        "group_size",
        "venue_name",
        "venue_address",
        "accessibility",
        rich("equipment"),
        "catering",
        "costs",
        "is_free",
        "promotion",
        "registration",
        "registration_url",
        terms("languages"),
        APIField("organiser", serializer=SinglePageLinkField()),
        APIField("funding_note", serializer=FundingNoteField()),
        "notes",
        "body",
    ],
    OrganisationPage: [
        "summary",
        "legal_form",
        "founded",
        "logo",
        "body",
        terms("fields_of_action"),
        terms("target_groups"),
        "communities",
        terms("languages"),
        APIField("district", serializer=SingleTermField()),
        "street",
        "postcode",
        "city",
        "meeting_times",
        "phone",
        "email",
        "website",
        APIField("links", serializer=LinksField()),
        "is_member",
        "member_since",
    ],
    GuidancePage: ["kind", "intro", "body", terms("topics"), "last_reviewed"],
}


def api_fields(model):
    """The registry's fields for a page model (its own or its nearest listed ancestor's)."""
    for cls in model.__mro__:
        if cls in API_FIELDS:
            return API_FIELDS[cls]
        if cls is Page:
            break
    return []
