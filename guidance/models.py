"""Guidance material: work aids, task descriptions, method cards and project pages."""

from django import forms
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import BaseStreamBlock
from home.cache import LazyContext
from home.indexes import IndexListing, IndexPage
from home.listing import public, selected
from home.localized import localized_contacts
from home.models import SOURCE_LANGUAGE, Taxonomy, page_translatable_fields
from locales.permissions import RolePagePermissions
from locales.utils import localize_all, localized_choices, translation_map, with_source_language


@register_snippet
class GuidanceTopic(Taxonomy):
    """Vereinsarbeit, Förderung, Vernetzung, Öffentlichkeitsarbeit, …"""

    class Meta(Taxonomy.Meta):
        verbose_name = _("guidance topic")
        verbose_name_plural = _("guidance topics")


class GuidanceListing(IndexListing):
    """The requested page of guidance with its filters, labels in the visitor's language."""

    def matching(self):
        pages = with_source_language(
            public(GuidancePage.objects.live()).child_of(self.page).prefetch_related("topics")
        ).order_by("title")
        if slug := self.request.GET.get("topic"):
            pages = pages.filter(topics__slug=slug).distinct()
        kind = self.request.GET.get("kind", "")
        if kind in GuidancePage.Kind.values:
            pages = pages.filter(kind=kind)
        return pages

    def labelled(self, items):
        labels = translation_map(topic for page in items for topic in page.topics.all())
        for page in items:
            page.localized_topics = [labels[t.translation_key] for t in page.topics.all()]
        return items

    @cached_property
    def topics(self):
        return localized_choices(GuidanceTopic.objects.all())

    @cached_property
    def selected_topic(self):
        return selected(self.request, "topic", self.topics)


class GuidanceIndexPage(IndexPage):
    """Guidance material, filterable by topic and kind."""

    subpage_types = ["guidance.GuidancePage"]
    listing_class = GuidanceListing

    class Meta:
        verbose_name = _("guidance index")

    def chosen(self, request):
        return {"kinds": GuidancePage.Kind.choices, "selected_kind": request.GET.get("kind", "")}


class GuidancePage(RolePagePermissions, Page):
    """A work aid, task description, method card or project description."""

    class Kind(models.TextChoices):
        WORK_AID = "work_aid", _("Work aid")
        TASK = "task", _("Task description")
        METHOD = "method", _("Method card")
        PROJECT = "project", _("Project")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.WORK_AID)
    intro = models.TextField(_("introduction"), max_length=600)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    topics = ParentalManyToManyField(
        GuidanceTopic, verbose_name=_("topics"), blank=True, limit_choices_to=SOURCE_LANGUAGE
    )
    last_reviewed = models.DateField(
        _("last reviewed"), null=True, blank=True, help_text=_("When the content was last checked.")
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("last_reviewed"),
            ],
            heading=_("Classification"),
        ),
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel("contact_persons", heading=_("Contact persons"), label=_("Contact person")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("kind"),
    ]
    translatable_fields = page_translatable_fields(
        SynchronizedField("kind"),
        TranslatableField("intro"),
        TranslatableField("body"),
        SynchronizedField("topics"),
        SynchronizedField("last_reviewed"),
        SynchronizedField("contact_persons"),
    )

    parent_page_types = ["guidance.GuidanceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("guidance page")
        verbose_name_plural = _("guidance pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(GuidanceDetails(self).entries())
        return context


class GuidanceDetails(LazyContext):
    """Topics and contact persons in the visitor's language."""

    @cached_property
    def topics(self):
        return localize_all(self.page.topics.all())

    @cached_property
    def contacts(self):
        return localized_contacts(self.page.contact_persons.all())


class GuidanceContact(Orderable):
    page = ParentalKey(GuidancePage, on_delete=models.CASCADE, related_name="contact_persons")
    person = models.ForeignKey(
        "home.ContactPerson",
        verbose_name=_("contact person"),
        on_delete=models.CASCADE,
        related_name="+",
        limit_choices_to=SOURCE_LANGUAGE,
    )

    panels = [FieldPanel("person")]
