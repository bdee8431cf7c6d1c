"""News and press releases, with categories, a year archive and partner organisations."""

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import BaseStreamBlock
from home.cache import LazyContext
from home.indexes import IndexListing, IndexPage
from home.listing import public, selected, with_image
from home.models import SOURCE_LANGUAGE, Taxonomy, alt_text_field, page_translatable_fields
from locales.permissions import RolePagePermissions
from locales.utils import (
    localize_all,
    localize_one,
    localized_choices,
    translation_map,
    with_source_language,
)

LIST_RENDITION = "fill-400x250"


@register_snippet
class NewsCategory(Taxonomy):
    """Verbund-News, Presse, Projekte, Förderung, …"""

    class Meta(Taxonomy.Meta):
        verbose_name = _("news category")
        verbose_name_plural = _("news categories")


def news_items(locale_id):
    """Live, public news in one language, newest first, with what a listing shows."""
    pages = public(NewsPage.objects.live()).filter(locale_id=locale_id)
    pages = with_image(with_source_language(pages), "lead_image", LIST_RENDITION)
    return pages.prefetch_related("categories").order_by("-date", "-pk")


def with_localized_categories(pages):
    """Give each page .localized_categories in the visitor's language (one query)."""
    labels = translation_map(category for page in pages for category in page.categories.all())
    for page in pages:
        page.localized_categories = [labels[c.translation_key] for c in page.categories.all()]
    return pages


class NewsListing(IndexListing):
    """The requested page of news with its filters, labels in the visitor's language."""

    @cached_property
    def _pages(self):
        return news_items(self.page.locale_id).child_of(self.page)

    def matching(self):
        pages = self._pages
        if slug := self.request.GET.get("category"):
            pages = pages.filter(categories__slug=slug).distinct()
        year = self.request.GET.get("year", "")
        if year.isdigit():
            pages = pages.filter(date__year=int(year))
        return pages

    def labelled(self, items):
        return with_localized_categories(items)

    @cached_property
    def categories(self):
        return localized_choices(NewsCategory.objects.all())

    @cached_property
    def selected_category(self):
        return selected(self.request, "category", self.categories)

    @cached_property
    def years(self):
        return [day.year for day in self._pages.dates("date", "year", order="DESC")]


class NewsIndexPage(IndexPage):
    """News, newest first, with a category filter, a year archive and pagination."""

    subpage_types = ["news.NewsPage"]
    per_page = 10
    listing_class = NewsListing

    class Meta:
        verbose_name = _("news index")

    def chosen(self, request):
        year = request.GET.get("year", "")
        return {"selected_year": int(year) if year.isdigit() else None}


class NewsPage(RolePagePermissions, Page):
    """A news item or a (joint) press release."""

    class Kind(models.TextChoices):
        NEWS = "news", _("News")
        PRESS_RELEASE = "press_release", _("Press release")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.NEWS)
    date = models.DateField(_("date"), default=timezone.localdate)
    categories = ParentalManyToManyField(
        NewsCategory, verbose_name=_("categories"), blank=True, limit_choices_to=SOURCE_LANGUAGE
    )
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead_image_alt = alt_text_field()
    lead_image_caption = models.CharField(_("caption"), max_length=300, blank=True)
    lead_image_credit = models.CharField(_("photo credit"), max_length=200, blank=True)
    teaser = models.TextField(_("teaser"), max_length=500)
    occasion = models.CharField(
        _("occasion, date and place"),
        max_length=300,
        blank=True,
        help_text=_("For press releases: what happened, when and where."),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    partner_organisations = ParentalManyToManyField(
        "organisations.OrganisationPage",
        verbose_name=_("partner organisations"),
        blank=True,
        related_name="news_items",
        help_text=_("For a joint press release: the organisations that issue it together."),
        limit_choices_to=SOURCE_LANGUAGE,
    )
    press_contact = models.ForeignKey(
        "home.ContactPerson",
        verbose_name=_("press contact"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to=SOURCE_LANGUAGE,
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("date"),
                FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Kind and date"),
        ),
        FieldPanel("teaser"),
        MultiFieldPanel(
            [
                FieldPanel("lead_image"),
                FieldPanel("lead_image_alt"),
                FieldPanel("lead_image_caption"),
                FieldPanel("lead_image_credit"),
            ],
            heading=_("Lead image"),
        ),
        FieldPanel("occasion"),
        FieldPanel("body"),
        FieldPanel("partner_organisations"),
        FieldPanel("press_contact"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("teaser"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    translatable_fields = page_translatable_fields(
        SynchronizedField("kind"),
        SynchronizedField("date"),
        SynchronizedField("categories"),
        SynchronizedField("lead_image"),
        TranslatableField("lead_image_alt"),
        TranslatableField("lead_image_caption"),
        TranslatableField("lead_image_credit"),
        TranslatableField("teaser"),
        TranslatableField("occasion"),
        TranslatableField("body"),
        SynchronizedField("partner_organisations"),
        SynchronizedField("press_contact"),
    )

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(NewsDetails(self).entries())
        return context


class NewsDetails(LazyContext):
    """Categories, partner organisations and the press contact in the visitor's language."""

    @cached_property
    def categories(self):
        return localize_all(self.page.categories.all())

    @cached_property
    def partners(self):
        return localize_all(self.page.partner_organisations.all())

    @cached_property
    def press_contact(self):
        return localize_one(self.page.press_contact)
