"""EventPage: one event description and its schedule (see events.models)."""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import RICH_TEXT_FEATURES, BaseStreamBlock
from home.cache import LazyContext
from home.localized import localized_lists
from home.models import SOURCE_LANGUAGE, alt_text_field, page_translatable_fields
from locales.permissions import RolePagePermissions
from locales.utils import localize_one

from ..forms import EventPageForm
from ..panels import SubmissionPanel
from ..recurrence import Schedule, at_midnight, berlin, end_of_day, normalise_rule, window, zone_of
from ..structured_data import event_json_ld, share_image_url
from .dates import EventDate


class EventPage(RolePagePermissions, Page):
    """One event description with every field of a structured event sheet."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Takes place as planned")
        CANCELLED = "cancelled", _("Cancelled")
        POSTPONED = "postponed", _("Postponed")
        MOVED_ONLINE = "moved_online", _("Moved online")

    teaser = models.TextField(_("teaser"), max_length=400, help_text=_("One or two sentences."))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SCHEDULED
    )
    online_url = models.URLField(
        _("online meeting link"),
        blank=True,
        help_text=_("Where to join when the event takes place online."),
    )
    all_day = models.BooleanField(
        _("all-day"),
        default=False,
        help_text=_("The dates are whole days; their times are ignored."),
    )
    recurrence_rule = models.CharField(
        _("repeat rule"),
        max_length=500,
        blank=True,
        help_text=_("Built from the repeat fields (iCalendar RRULE)."),
    )
    recurrence_timezone = models.CharField(
        _("time zone of the repeat rule"),
        max_length=64,
        blank=True,
        editable=False,
        help_text=_("The rule repeats this zone's wall-clock time (empty: Europe/Berlin)."),
    )
    ical_uid = models.CharField(
        _("iCalendar UID"), max_length=255, blank=True, db_index=True, editable=False
    )
    # What an imported calendar said about its version of the event: an older copy
    # (lower SEQUENCE, or the same and an older LAST-MODIFIED) does not overwrite it.
    ical_sequence = models.IntegerField(_("iCalendar SEQUENCE"), null=True, editable=False)
    ical_modified = models.DateTimeField(_("iCalendar LAST-MODIFIED"), null=True, editable=False)
    ical_source = models.CharField(_("imported from"), max_length=500, blank=True, editable=False)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = alt_text_field()
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
    # Online registration (the registrations app): per date, the same in every language.
    registration_enabled = models.BooleanField(
        _("online registration"),
        default=False,
        help_text=_("Visitors register on the event page for one of its upcoming dates."),
    )
    registration_capacity = models.PositiveIntegerField(
        _("places per date"), null=True, blank=True, help_text=_("Empty: no limit.")
    )
    registration_waiting_list = models.BooleanField(
        _("waiting list"),
        default=True,
        help_text=_("When a date is full, people join a waiting list and move up by e-mail."),
    )
    registration_closes_days = models.PositiveSmallIntegerField(
        _("registration closes (days before each date)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(365)],
        help_text=_("0: open until the date begins."),
    )
    registration_max_people = models.PositiveSmallIntegerField(
        _("people per registration"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
        help_text=_("1: each person registers themselves."),
    )
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
        SubmissionPanel(),
        FieldPanel("teaser"),
        FieldPanel("image"),
        FieldPanel("image_alt"),
        FieldPanel("organiser"),
        FieldRowPanel([FieldPanel("status"), FieldPanel("online_url")]),
        MultiFieldPanel(
            [
                FieldPanel("all_day"),
                InlinePanel(
                    "occurrences",
                    label=_("Date"),
                    min_num=1,
                    help_text=_(
                        "The first date starts the series that the repeat rule repeats; "
                        "further dates are single extra dates."
                    ),
                ),
                FieldPanel("repeat"),
                FieldRowPanel([FieldPanel("repeat_interval"), FieldPanel("repeat_monthly")]),
                FieldPanel("repeat_weekdays"),
                FieldRowPanel([FieldPanel("repeat_until"), FieldPanel("repeat_count")]),
                InlinePanel(
                    "exception_dates",
                    label=_("Cancelled day"),
                    heading=_("Cancelled days"),
                    help_text=_("Days on which a repeated date does not take place."),
                ),
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
                FieldPanel("registration_enabled"),
                FieldRowPanel(
                    [FieldPanel("registration_capacity"), FieldPanel("registration_max_people")]
                ),
                FieldRowPanel(
                    [
                        FieldPanel("registration_waiting_list"),
                        FieldPanel("registration_closes_days"),
                    ]
                ),
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
        TranslatableField("image_alt"),
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
        SynchronizedField("registration_enabled"),
        SynchronizedField("registration_capacity"),
        SynchronizedField("registration_waiting_list"),
        SynchronizedField("registration_closes_days"),
        SynchronizedField("registration_max_people"),
        SynchronizedField("languages"),
        SynchronizedField("organiser"),
        SynchronizedField("funding_note"),
        TranslatableField("notes"),
        TranslatableField("body"),
        # The schedule is the same in every language.
        SynchronizedField("status"),
        SynchronizedField("online_url"),
        SynchronizedField("all_day"),
        SynchronizedField("occurrences"),
        SynchronizedField("recurrence_rule"),
        SynchronizedField("recurrence_timezone"),
        SynchronizedField("exception_dates"),
    )
    base_form_class = EventPageForm

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    @property
    def cache_fragments(self):
        """A page with the registration form carries a CSRF token and the places left."""
        return not self.registration_enabled

    # Dates ----------------------------------------------------------------------------------

    def schedule(self, dates=None):
        """The event's Schedule (events.recurrence) from its rows, saved or not.

        dates: ([(start, end)] of its rows, [cancelled days]) where read already."""
        if dates is None:
            dates = (
                [(row.start, row.end) for row in self.occurrences.all()],
                [row.date for row in self.exception_dates.all()],
            )
        starts, days = dates
        return Schedule(
            first=starts[0] if starts else None,
            rule=self.recurrence_rule,
            exceptions=frozenset(days),
            extra=starts[1:],
            all_day=self.all_day,
            zone=self.recurrence_timezone,
        )

    def saved_dates(self):
        """schedule()'s dates as saved, in one query (its dates and cancelled days, UNION ALL);
        None for a page whose rows are in memory (a preview)."""
        if not isinstance(self.occurrences.all(), models.QuerySet):
            return None
        no_time = models.Value(None, output_field=models.DateTimeField())
        no_day = models.Value(None, output_field=models.DateField())
        occurrences = self.occurrences.values(
            order=models.F("sort_order"), begins=models.F("start"), ends=models.F("end"), day=no_day
        )
        cancelled = self.exception_dates.values(
            order=models.F("sort_order"), begins=no_time, ends=no_time, day=models.F("date")
        )
        rows = list(occurrences.order_by().union(cancelled.order_by(), all=True).order_by("order"))
        return (
            [(row["begins"], row["ends"]) for row in rows if row["day"] is None],
            [row["day"] for row in rows if row["day"] is not None],
        )

    def save(self, *args, **kwargs):
        # Saves that update a few columns (save_revision, publishing steps) leave the dates be.
        full_save = kwargs.get("update_fields") is None
        if full_save:
            self.prepare_dates()
        result = super().save(*args, **kwargs)
        if full_save:
            # After super().save(): modelcluster writes the child rows inside it.
            self.rebuild_dates()
        return result

    def prepare_dates(self):
        """Keep the rows' order (the first date starts the series) and whole days whole."""
        if self.all_day or not self.recurrence_rule:
            self.recurrence_timezone = ""  # whole days and single dates are Berlin's
        self.recurrence_rule = normalise_rule(
            self.recurrence_rule, self.all_day, zone_of(self.recurrence_timezone)
        )
        rows = list(self.occurrences.all())
        for number, row in enumerate(rows):
            row.sort_order = number
            if self.all_day and row.start and row.end:
                row.start = at_midnight(berlin(row.start).date())
                row.end = end_of_day(berlin(row.end).date())
        self.occurrences = rows  # in memory, so that super().save() writes the changes

    def rebuild_dates(self, now=None):
        """Replace this event's EventDate rows with its schedule's dates in the window."""
        dates = self.schedule().occurrences(*window(now and berlin(now)))
        EventDate.objects.filter(page=self).delete()
        EventDate.objects.bulk_create(EventDate(page=self, start=s, end=e) for s, e in dates)

    def ical_status(self):
        return {self.Status.CANCELLED: "CANCELLED", self.Status.POSTPONED: "TENTATIVE"}.get(
            self.status, "CONFIRMED"
        )

    # Page -------------------------------------------------------------------------------------

    UPCOMING_SHOWN = 12
    PAST_SHOWN = 6

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(EventDetails(self, request).entries())
        return context


class EventDetails(LazyContext):
    """Dates, labels and linked snippets in the visitor's language, and schema.org data."""

    def __init__(self, page, request):
        super().__init__(page, request)
        self.now = timezone.now()

    @cached_property
    def _schedule(self):
        return self.page.schedule(self.page.saved_dates())

    @cached_property
    def _dates(self):
        return [EventDate(page=self.page, start=s, end=e) for s, e in self._schedule.occurrences()]

    @cached_property
    def _upcoming(self):
        return [date for date in self._dates if date.end >= self.now]

    @cached_property
    def _past(self):
        return [date for date in self._dates if date.end < self.now]

    @cached_property
    def _labels(self):
        page = self.page
        return localized_lists(
            {"target_groups": page.target_groups.all(), "languages": page.languages.all()}
        )

    @cached_property
    def upcoming(self):
        return self._upcoming[: self.page.UPCOMING_SHOWN]

    @cached_property
    def more_upcoming(self):
        return len(self._upcoming) - len(self.upcoming)

    @cached_property
    def past(self):
        return self._past[::-1][: self.page.PAST_SHOWN]

    @cached_property
    def cancelled(self):
        return [start for start in self._schedule.cancelled_starts() if start >= self.now]

    @cached_property
    def target_group_labels(self):
        return self._labels["target_groups"]

    @cached_property
    def language_labels(self):
        return self._labels["languages"]

    @cached_property
    def organiser(self):
        return localize_one(self.page.organiser)

    @cached_property
    def funding(self):
        return localize_one(self.page.funding_note)

    @cached_property
    def share_image_url(self):
        return share_image_url(self.page.image, self.request)

    @cached_property
    def structured_data(self):
        dates = self.upcoming or self._past[-1:]
        return event_json_ld(self.page, self.request, dates, self.organiser, self.share_image_url)
