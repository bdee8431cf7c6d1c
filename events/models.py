"""Event descriptions and their dates.

An EventPage follows the structure of a municipal event description
(background, target groups, goals, format, procedure, speakers, schedule,
venue, equipment, costs, promotion, registration); each date it takes place
on is an EventOccurrence, so listings and calendars show every date.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import RICH_TEXT_FEATURES, BaseStreamBlock
from home.listing import filter_query_string, paginate, selected
from home.models import SOURCE_LANGUAGE, TargetGroup, page_translatable_fields
from locales.utils import localize_all, localize_one, localized_choices, translation_map


def upcoming_occurrences(locale_id, now=None):
    """Occurrences of live, public events in one language that have not ended, by date."""
    now = now or timezone.now()
    return (
        EventOccurrence.objects.filter(
            page__in=EventPage.objects.live().public().filter(locale_id=locale_id),
            end__gte=now,
        )
        .select_related("page", "page__organiser")
        .order_by("start", "page__title")
    )


class EventIndexPage(Page):
    """Lists upcoming dates of the events below it, filterable by target group and organiser."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    translatable_fields = page_translatable_fields(TranslatableField("intro"))

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    per_page = 20

    class Meta:
        verbose_name = _("event index")

    def occurrences(self, request):
        occurrences = upcoming_occurrences(self.locale_id).filter(page__path__startswith=self.path)
        if slug := request.GET.get("target_group"):
            occurrences = occurrences.filter(page__target_groups__slug=slug)
        if slug := request.GET.get("organiser"):
            occurrences = occurrences.filter(page__organiser__slug=slug)
        return occurrences.distinct()

    def organiser_choices(self):
        """Organisations with events here, labelled in the visitor's language.

        The value is the slug of the source page, which every event points at.
        """
        organisers = Page.objects.filter(
            id__in=EventPage.objects.child_of(self).live().values("organiser_id")
        ).order_by("title")
        labels = translation_map(organisers)
        return [
            {"slug": page.slug, "name": labels[page.translation_key].title} for page in organisers
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        items = paginate(request, self.occurrences(request), self.per_page)
        organisers = translation_map(
            occurrence.page.organiser for occurrence in items if occurrence.page.organiser
        )
        for occurrence in items:
            organiser = occurrence.page.organiser
            occurrence.localized_organiser = (
                organisers.get(organiser.translation_key) if organiser else None
            )
        target_groups = localized_choices(TargetGroup.objects.all())
        organiser_choices = self.organiser_choices()
        context.update(
            items=items,
            target_groups=target_groups,
            organisers=organiser_choices,
            selected_target_group=selected(request, "target_group", target_groups),
            selected_organiser=request.GET.get("organiser", ""),
            query_string=filter_query_string(request),
        )
        return context


class EventPage(Page):
    """One event description with every field of a structured event sheet."""

    teaser = models.TextField(_("teaser"), max_length=400, help_text=_("One or two sentences."))
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    background = RichTextField(_("background"), features=RICH_TEXT_FEATURES, blank=True)
    target_groups = ParentalManyToManyField(
        "home.TargetGroup",
        verbose_name=_("target groups"),
        blank=True,
        limit_choices_to=SOURCE_LANGUAGE,
    )
    target_group_note = models.CharField(_("target groups in detail"), max_length=300, blank=True)
    goals = RichTextField(_("goals"), features=RICH_TEXT_FEATURES, blank=True)
    event_format = RichTextField(_("format"), features=RICH_TEXT_FEATURES, blank=True)
    procedure = RichTextField(_("content and procedure"), features=RICH_TEXT_FEATURES, blank=True)
    speakers = RichTextField(_("speakers"), features=RICH_TEXT_FEATURES, blank=True)
    schedule_note = models.CharField(
        _("rhythm"), max_length=200, blank=True, help_text=_("e.g. every three months")
    )
    duration = models.CharField(_("duration"), max_length=100, blank=True)
    group_size = models.CharField(_("group size"), max_length=100, blank=True)
    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    venue_address = models.TextField(_("venue address"), max_length=500, blank=True)
    accessibility = models.TextField(
        _("accessibility of the venue"),
        blank=True,
        help_text=_("Step-free access, accessible toilet, hearing loop, …"),
    )
    equipment = RichTextField(_("rooms and equipment"), features=RICH_TEXT_FEATURES, blank=True)
    catering = models.TextField(_("catering"), blank=True)
    costs = models.TextField(_("costs and expenses"), blank=True)
    is_free = models.BooleanField(_("free of charge for participants"), default=True)
    promotion = models.TextField(
        _("promotion and invitation"),
        blank=True,
        help_text=_("How and how early people are invited."),
    )
    registration = models.TextField(_("registration"), blank=True)
    registration_url = models.URLField(_("registration link"), blank=True)
    languages = ParentalManyToManyField(
        "home.SpokenLanguage",
        verbose_name=_("languages spoken at the event"),
        blank=True,
        limit_choices_to=SOURCE_LANGUAGE,
    )
    organiser = models.ForeignKey(
        "organisations.OrganisationPage",
        verbose_name=_("organiser"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        limit_choices_to=SOURCE_LANGUAGE,
    )
    funding_note = models.ForeignKey(
        "home.FundingNote",
        verbose_name=_("funding note"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to=SOURCE_LANGUAGE,
    )
    notes = models.TextField(_("other notes"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("further content"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("teaser"),
        FieldPanel("image"),
        FieldPanel("organiser"),
        MultiFieldPanel(
            [
                InlinePanel("occurrences", label=_("Date"), min_num=1),
                FieldPanel("schedule_note"),
                FieldRowPanel([FieldPanel("duration"), FieldPanel("group_size")]),
            ],
            heading=_("Dates"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("background"),
                FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
                FieldPanel("target_group_note"),
                FieldPanel("goals"),
                FieldPanel("event_format"),
                FieldPanel("procedure"),
                FieldPanel("speakers"),
                FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Description"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldPanel("accessibility"),
                FieldPanel("equipment"),
                FieldPanel("catering"),
            ],
            heading=_("Venue"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("is_free"),
                FieldPanel("costs"),
                FieldPanel("registration"),
                FieldPanel("registration_url"),
                FieldPanel("promotion"),
            ],
            heading=_("Costs, registration and promotion"),
        ),
        FieldPanel("funding_note"),
        FieldPanel("notes"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("teaser"),
        index.SearchField("background"),
        index.SearchField("goals"),
        index.SearchField("procedure"),
        index.SearchField("venue_name"),
        index.SearchField("body"),
        index.FilterField("is_free"),
    ]
    translatable_fields = page_translatable_fields(
        TranslatableField("teaser"),
        SynchronizedField("image"),
        TranslatableField("background"),
        SynchronizedField("target_groups"),
        TranslatableField("target_group_note"),
        TranslatableField("goals"),
        TranslatableField("event_format"),
        TranslatableField("procedure"),
        TranslatableField("speakers"),
        TranslatableField("schedule_note"),
        TranslatableField("duration"),
        TranslatableField("group_size"),
        TranslatableField("venue_name"),
        SynchronizedField("venue_address"),
        TranslatableField("accessibility"),
        TranslatableField("equipment"),
        TranslatableField("catering"),
        TranslatableField("costs"),
        SynchronizedField("is_free"),
        TranslatableField("promotion"),
        TranslatableField("registration"),
        SynchronizedField("registration_url"),
        SynchronizedField("languages"),
        SynchronizedField("organiser"),
        SynchronizedField("funding_note"),
        TranslatableField("notes"),
        TranslatableField("body"),
        SynchronizedField("occurrences"),
    )

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        occurrences = list(self.occurrences.order_by("start"))
        labels = translation_map([*self.target_groups.all(), *self.languages.all()])
        context.update(
            upcoming=[occurrence for occurrence in occurrences if occurrence.end >= now],
            past=[occurrence for occurrence in occurrences if occurrence.end < now],
            target_group_labels=[labels[item.translation_key] for item in self.target_groups.all()],
            language_labels=[labels[item.translation_key] for item in self.languages.all()],
            organiser=localize_one(self.organiser),
            funding=localize_all([self.funding_note])[0] if self.funding_note else None,
        )
        return context


class EventOccurrence(Orderable):
    """One date of an event, in Europe/Berlin wall-clock time."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="occurrences")
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))

    panels = [FieldRowPanel([FieldPanel("start"), FieldPanel("end")])]

    class Meta(Orderable.Meta):
        verbose_name = _("date")
        verbose_name_plural = _("dates")
        indexes = [models.Index(fields=["start"]), models.Index(fields=["end"])]

    def __str__(self):
        return f"{self.start:%Y-%m-%d %H:%M}"

    def clean(self):
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The end must not be before the start.")})
