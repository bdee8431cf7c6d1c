"""The directory of organisations and the committees (Gremien) they sit in.

Events and news point at organisations; this app imports neither: an
organisation's page reaches its events through the reverse relation.
"""

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import BaseStreamBlock
from home.cache import LazyContext
from home.indexes import IndexListing, IndexPage
from home.listing import public, selected, with_image
from home.localized import localized_choice_lists, localized_contacts, localized_lists
from home.models import (
    SOURCE_LANGUAGE,
    District,
    FieldOfAction,
    SpokenLanguage,
    Taxonomy,
    page_translatable_fields,
)
from locales.languages import DEFAULT_LANGUAGE
from locales.permissions import RolePagePermissions
from locales.utils import localize_all, translation_map, with_source_language

LOGO_RENDITION = "max-160x160"


class OrganisationListing(IndexListing):
    """The directory's page of results, filter choices and labels, in the visitor's language."""

    @cached_property
    def _found(self):
        return self.page.organisations(self.request)  # (organisations, search query)

    def matching(self):
        return self._found[0]

    def labelled(self, items):
        labels = translation_map(
            [item for page in items for item in page.fields_of_action.all()]
            + [page.district for page in items if page.district]
        )
        for page in items:
            page.localized_fields = [labels[f.translation_key] for f in page.fields_of_action.all()]
            page.localized_district = labels.get(getattr(page.district, "translation_key", None))
        return items

    @cached_property
    def directory_query(self):
        return self._found[1]

    @cached_property
    def filters(self):
        return localized_choice_lists(
            {"field": FieldOfAction, "language": SpokenLanguage, "district": District}
        )

    @cached_property
    def selected(self):
        return {
            name: selected(self.request, name, choices) for name, choices in self.filters.items()
        }


class OrganisationIndexPage(IndexPage):
    """The directory: full-text search and filters by field of action, language and district."""

    subpage_types = ["organisations.OrganisationPage"]
    listing_class = OrganisationListing

    class Meta:
        verbose_name = _("organisation directory")

    def organisations(self, request):
        organisations = with_source_language(public(OrganisationPage.objects.live()).child_of(self))
        organisations = (
            with_image(organisations, "logo", LOGO_RENDITION)
            .select_related("district")
            .prefetch_related("fields_of_action")
            .order_by("title")
        )
        query = request.GET.get("q", "").strip()[:200]
        if query:
            # The search backend takes plain filters only; restrictions stay on the listing.
            searched = OrganisationPage.objects.live().child_of(self)
            matching = [page.pk for page in searched.search(query, operator="and")]
            organisations = organisations.filter(pk__in=matching)
        for name, field in (
            ("field", "fields_of_action__slug"),
            ("language", "languages__slug"),
            ("district", "district__slug"),
        ):
            if slug := request.GET.get(name):
                organisations = organisations.filter(**{field: slug})
        return organisations.distinct(), query


class OrganisationPage(RolePagePermissions, Page):
    """A member organisation, initiative or office, as the directory shows it."""

    legal_form = models.CharField(
        _("legal form"),
        max_length=100,
        blank=True,
        help_text=_("e.g. eingetragener Verein (e. V.)"),
    )
    founded = models.PositiveSmallIntegerField(_("founded (year)"), null=True, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    summary = models.TextField(
        _("short description"),
        max_length=400,
        help_text=_("One or two sentences for the directory."),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("description"), blank=True)
    fields_of_action = ParentalManyToManyField(
        "home.FieldOfAction",
        verbose_name=_("fields of action"),
        blank=True,
        limit_choices_to=SOURCE_LANGUAGE,
    )
    target_groups = ParentalManyToManyField(
        "home.TargetGroup",
        verbose_name=_("target groups"),
        blank=True,
        limit_choices_to=SOURCE_LANGUAGE,
    )
    communities = models.CharField(
        _("communities and countries of origin"), max_length=300, blank=True
    )
    languages = ParentalManyToManyField(
        "home.SpokenLanguage",
        verbose_name=_("languages spoken"),
        blank=True,
        limit_choices_to=SOURCE_LANGUAGE,
    )
    district = models.ForeignKey(
        "home.District",
        verbose_name=_("district"),
        limit_choices_to=SOURCE_LANGUAGE,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    meeting_times = models.TextField(_("meeting and office times"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    is_member = models.BooleanField(_("member of the umbrella association"), default=False)
    member_since = models.PositiveSmallIntegerField(_("member since (year)"), null=True, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("logo"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("legal_form"), FieldPanel("founded")]),
                FieldRowPanel([FieldPanel("is_member"), FieldPanel("member_since")]),
            ],
            heading=_("Organisation"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("fields_of_action", widget=forms.CheckboxSelectMultiple),
                FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
                FieldPanel("communities"),
                FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Work and people"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("district"),
                FieldPanel("street"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
                FieldPanel("meeting_times"),
            ],
            heading=_("Address and times"),
        ),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("email"), FieldPanel("website")],
            heading=_("Contact"),
        ),
        InlinePanel("contact_persons", heading=_("Contact persons"), label=_("Contact person")),
        InlinePanel("links", heading=_("Social media and other links"), label=_("Link")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("communities"),
        index.SearchField("legal_form"),
        index.RelatedFields("fields_of_action", [index.SearchField("name")]),
        index.RelatedFields("languages", [index.SearchField("name")]),
    ]
    translatable_fields = page_translatable_fields(
        TranslatableField("legal_form"),
        SynchronizedField("founded"),
        SynchronizedField("logo"),
        TranslatableField("summary"),
        TranslatableField("body"),
        SynchronizedField("fields_of_action"),
        SynchronizedField("target_groups"),
        TranslatableField("communities"),
        SynchronizedField("languages"),
        SynchronizedField("district"),
        SynchronizedField("street"),
        SynchronizedField("postcode"),
        SynchronizedField("city"),
        TranslatableField("meeting_times"),
        SynchronizedField("phone"),
        SynchronizedField("email"),
        SynchronizedField("website"),
        SynchronizedField("is_member"),
        SynchronizedField("member_since"),
        SynchronizedField("contact_persons"),
        SynchronizedField("links"),
    )

    parent_page_types = ["organisations.OrganisationIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def source_page(self):
        """The German original (events and news point at it); looked up once per instance."""
        if self.locale.language_code == DEFAULT_LANGUAGE:
            return self
        if getattr(self, "_source_page", None) is None:
            source = OrganisationPage.objects.filter(
                translation_key=self.translation_key, locale__language_code=DEFAULT_LANGUAGE
            ).first()
            self._source_page = source or self
        return self._source_page

    def upcoming_events(self, limit=5):
        """Upcoming events this organisation organises, in this page's language (events point
        at the German original: found by its translation key, without a query of its own)."""
        original = {
            "organiser__translation_key": self.translation_key,
            "organiser__locale__language_code": DEFAULT_LANGUAGE,
        }
        return (
            public(self._meta.get_field("events").related_model.objects.live())
            .filter(**original, locale_id=self.locale_id, event_dates__end__gte=timezone.now())
            .annotate(next_start=models.Min("event_dates__start"))
            .order_by("next_start")[:limit]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(OrganisationDetails(self).entries())
        return context


class OrganisationDetails(LazyContext):
    """Labels, contacts, committees and events in the visitor's language."""

    @cached_property
    def _labels(self):
        page = self.page
        return localized_lists(
            {
                "fields_of_action": page.fields_of_action.all(),
                "target_groups": page.target_groups.all(),
                "spoken_languages": page.languages.all(),
                "district": District.objects.filter(pk=page.district_id),
            }
        )

    @cached_property
    def fields_of_action(self):
        return self._labels["fields_of_action"]

    @cached_property
    def target_groups(self):
        return self._labels["target_groups"]

    @cached_property
    def spoken_languages(self):
        return self._labels["spoken_languages"]

    @cached_property
    def district(self):
        return next(iter(self._labels["district"]), None)

    @cached_property
    def contacts(self):
        return localized_contacts(self.page.contact_persons.all())

    @cached_property
    def committees(self):
        key = self.page.translation_key
        return localize_all(Committee.objects.filter(members__translation_key=key))

    @cached_property
    def events(self):
        return self.page.upcoming_events()


class OrganisationContact(Orderable):
    page = ParentalKey(OrganisationPage, on_delete=models.CASCADE, related_name="contact_persons")
    person = models.ForeignKey(
        "home.ContactPerson",
        verbose_name=_("contact person"),
        on_delete=models.CASCADE,
        related_name="+",
        limit_choices_to=SOURCE_LANGUAGE,
    )

    panels = [FieldPanel("person")]


class OrganisationLink(Orderable):
    page = ParentalKey(OrganisationPage, on_delete=models.CASCADE, related_name="links")
    label = models.CharField(_("label"), max_length=100, help_text=_("e.g. Instagram"))
    url = models.URLField(_("address"))

    panels = [FieldPanel("label"), FieldPanel("url")]


@register_snippet
class CommitteeKind(Taxonomy):
    """Arbeitskreis, Beirat, Steuerungsgruppe, Netzwerk, …"""

    class Meta(Taxonomy.Meta):
        verbose_name = _("committee kind")
        verbose_name_plural = _("committee kinds")


@register_snippet
class Committee(TranslatableMixin, index.Indexed, ClusterableModel):
    """A Gremium: working group, advisory board, steering group or network."""

    class Level(models.TextChoices):
        MUNICIPAL = "municipal", _("municipal")
        REGIONAL = "regional", _("regional (several municipalities)")
        STATE = "state", _("state")

    name = models.CharField(_("name"), max_length=200)
    kind = models.ForeignKey(
        CommitteeKind,
        verbose_name=_("kind"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to=SOURCE_LANGUAGE,
    )
    level = models.CharField(
        _("level"), max_length=20, choices=Level.choices, default=Level.MUNICIPAL
    )
    host = models.CharField(_("host"), max_length=200, blank=True, help_text=_("Who convenes it."))
    description = models.TextField(_("description"), blank=True)
    members = ParentalManyToManyField(
        OrganisationPage,
        verbose_name=_("member organisations"),
        blank=True,
        related_name="committees",
        limit_choices_to=SOURCE_LANGUAGE,
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("level"),
        FieldPanel("host"),
        FieldPanel("description"),
        FieldPanel("members"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("kind"),
        SynchronizedField("level"),
        TranslatableField("host"),
        TranslatableField("description"),
        SynchronizedField("members"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("committee")
        verbose_name_plural = _("committees")
        ordering = ["name"]

    def __str__(self):
        return self.name
