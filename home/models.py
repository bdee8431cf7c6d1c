"""The shared kernel: taxonomies, contact persons, funding notes, site settings,
the home page and plain content pages (imprint, privacy, accessibility).

Nothing here imports a content app: the home page shows news and events
through template tags that those apps provide.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from locales.languages import DEFAULT_LANGUAGE

from .blocks import BaseStreamBlock

# Editors choose taxonomy terms, contact persons and organisations in the source
# language; every language version shows their translations (locales.utils).
SOURCE_LANGUAGE = {"locale__language_code": DEFAULT_LANGUAGE}


def page_translatable_fields(*fields):
    """Page's own translated fields (title, slug, SEO texts) followed by the given ones."""
    return [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        SynchronizedField("show_in_menus"),
        *fields,
    ]


class Taxonomy(TranslatableMixin, index.Indexed, models.Model):
    """A translatable label used to classify content and to filter listings.

    The slug is the same in every language, so a filter link such as
    ?field=bildung works for German and Turkish visitors alike.
    """

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        help_text=_("Short name for web addresses, the same in every language."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    translatable_fields = [TranslatableField("name"), SynchronizedField("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


@register_snippet
class FieldOfAction(Taxonomy):
    """Handlungsfeld: Arbeit, Bildung, Gesundheit, Jugend, Kultur, Sport, …"""

    class Meta(Taxonomy.Meta):
        verbose_name = _("field of action")
        verbose_name_plural = _("fields of action")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_fieldofaction_slug")
        ]


@register_snippet
class TargetGroup(Taxonomy):
    """Zielgruppe: Ehrenamtliche, Jugendliche, Frauen, Neuzugewanderte, …"""

    class Meta(Taxonomy.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_targetgroup_slug")
        ]


@register_snippet
class District(Taxonomy):
    """Stadtbezirk or municipality of the county."""

    class Meta(Taxonomy.Meta):
        verbose_name = _("district")
        verbose_name_plural = _("districts")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_district_slug")
        ]


@register_snippet
class SpokenLanguage(Taxonomy):
    """A language spoken in an organisation or at an event (not only content languages)."""

    class Meta(Taxonomy.Meta):
        verbose_name = _("spoken language")
        verbose_name_plural = _("spoken languages")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_spokenlanguage_slug")
        ]


@register_snippet
class ContactPerson(TranslatableMixin, index.Indexed, models.Model):
    """A person to contact. Organisation and guidance pages choose them."""

    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=200, blank=True)
    employer = models.CharField(
        _("employer"), max_length=200, blank=True, help_text=_("Organisation or office, as text.")
    )
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("employer"),
        MultiFieldPanel([FieldPanel("phone"), FieldPanel("email")], heading=_("Contact")),
        FieldPanel("photo"),
    ]
    translatable_fields = [
        SynchronizedField("name"),
        TranslatableField("role"),
        TranslatableField("employer"),
        SynchronizedField("phone"),
        SynchronizedField("email"),
        SynchronizedField("photo"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.role})" if self.role else self.name


@register_snippet
class FundingNote(TranslatableMixin, models.Model):
    """The note and logo of a funding programme, e.g. the EU's AMIF."""

    title = models.CharField(_("programme"), max_length=200)
    text = models.TextField(_("text"))
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    link = models.URLField(_("link"), blank=True)

    panels = [FieldPanel("title"), FieldPanel("text"), FieldPanel("logo"), FieldPanel("link")]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("text"),
        SynchronizedField("logo"),
        SynchronizedField("link"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("funding note")
        verbose_name_plural = _("funding notes")

    def __str__(self):
        return self.title


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Footer links. Pages are chosen in German; visitors get their language's version."""

    imprint_page = models.ForeignKey(
        Page,
        verbose_name=_("imprint"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        Page,
        verbose_name=_("privacy"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        Page,
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)

    panels = [
        FieldPanel("imprint_page"),
        FieldPanel("privacy_page"),
        FieldPanel("accessibility_page"),
        FieldPanel("contact_email"),
    ]

    class Meta:
        verbose_name = _("site settings")

    def footer_pages(self):
        return [
            page
            for page in (self.imprint_page_id, self.privacy_page_id, self.accessibility_page_id)
            if page
        ]


class HomePage(Page):
    """The start page of one language. It shows the latest news and upcoming events."""

    intro = models.TextField(_("introduction"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    translatable_fields = page_translatable_fields(
        TranslatableField("intro"),
        SynchronizedField("hero_image"),
        TranslatableField("body"),
    )

    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")


class StandardPage(Page):
    """A plain page: imprint, privacy notice, accessibility statement, about us."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    translatable_fields = page_translatable_fields(
        TranslatableField("intro"), TranslatableField("body")
    )

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
