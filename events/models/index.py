"""EventIndexPage, the events' filters and the upcoming dates of a language."""

import datetime as dt

from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from home.indexes import IndexListing, IndexPage
from home.listing import public, selected
from home.localized import localized_choice_lists
from home.models import District, SpokenLanguage, TargetGroup
from locales.utils import translation_map, with_source_language

from ..recurrence import at_midnight, end_of_day
from .dates import EventDate
from .event import EventPage

# Query parameters of the event filters and what they select (on EventPage). The
# slugs are those of the German terms and organisations, the same in every language.
FILTERS = {
    "target_group": "target_groups__slug",
    "language": "languages__slug",
    "organiser": "organiser__slug",
    "district": "organiser__district__slug",
}


# The organiser filter offers the organisers of this many dates (the next ones), not every
# organisation with an event: issue 15, a bounded index at 100,000 pages.
ORGANISER_DATES = 200


def event_filter(params, prefix=""):
    """A Q object for the filters in params; prefix reaches EventPage from another model."""
    condition = Q()
    for name, lookup in FILTERS.items():
        if value := params.get(name):
            condition &= Q(**{f"{prefix}{lookup}": value})
    if params.get("free"):
        condition &= Q(**{f"{prefix}is_free": True})
    return condition


def date_param(params, name):
    """?from=2027-03-01 as a date, or None when missing or malformed."""
    try:
        return dt.date.fromisoformat(params.get(name, ""))
    except ValueError:
        return None


def upcoming_occurrences(locale_id, now=None):
    """Dates of live, public events in one language that have not ended, by start."""
    now = now or timezone.now()
    return (
        EventDate.objects.filter(
            page__in=public(EventPage.objects.live()).filter(locale_id=locale_id), end__gte=now
        )
        .select_related("page", "page__organiser")
        .order_by("start", "page__title")
    )


def with_localized_organisers(occurrences):
    """Give each date .localized_organiser in the visitor's language (one query)."""
    organisers = translation_map(o.page.organiser for o in occurrences if o.page.organiser)
    for occurrence in occurrences:
        organiser = occurrence.page.organiser
        occurrence.localized_organiser = (
            organisers.get(organiser.translation_key) if organiser else None
        )
    return occurrences


class EventListing(IndexListing):
    """The requested page of dates and the filters' choices, in the visitor's language."""

    def matching(self):
        return self.page.occurrences(self.request)

    def labelled(self, items):
        for occurrence in items:
            occurrence.page.source_language_code = occurrence.source_language_code
        return with_localized_organisers(items)

    @cached_property
    def filters(self):
        return localized_choice_lists(
            {"target_group": TargetGroup, "language": SpokenLanguage, "district": District}
        )

    @cached_property
    def selected(self):
        return {
            name: selected(self.request, name, choices) for name, choices in self.filters.items()
        }

    @cached_property
    def organisers(self):
        return self.page.organiser_choices(self.request)


class EventIndexPage(IndexPage):
    """Lists the dates of the events below it, with filters, a past-events archive and pages."""

    # The public form (submissions.EventSubmissionPage) sits here too; named, not imported.
    subpage_types = ["events.EventPage", "submissions.EventSubmissionPage"]
    listing_class = EventListing

    class Meta:
        verbose_name = _("event index")

    def occurrences(self, request, now=None):
        """The dates the request asks for: upcoming (or past, ?past=1), filtered, in order."""
        now = now or timezone.now()
        params = request.GET
        events = (
            public(EventPage.objects.live()).descendant_of(self).filter(locale_id=self.locale_id)
        )
        dates = EventDate.objects.filter(page__in=events).filter(event_filter(params, "page__"))
        if day := date_param(params, "from"):
            dates = dates.filter(end__gte=at_midnight(day))
        if day := date_param(params, "to"):
            dates = dates.filter(start__lte=end_of_day(day))
        if params.get("past"):
            dates = dates.filter(end__lt=now).order_by("-start", "page__title")
        else:
            dates = dates.filter(end__gte=now).order_by("start", "page__title")
        # Each filter names one term, so the joins add no duplicate rows: no DISTINCT needed.
        return with_source_language(dates, "page__").select_related("page", "page__organiser")

    def organiser_choices(self, request, now=None):
        """The organisers of the next ORGANISER_DATES dates listed here (the latest ones in
        the past listing), and the one the visitor chose, labelled in their language.

        Bounded, so a site with 25,000 organisations lists a few hundred, in one indexed query
        (dates by start). The value is the slug of the source page, which every event points at.
        """
        now = now or timezone.now()
        selected = request.GET.get("organiser", "")
        events = EventPage.objects.child_of(self).live()
        dates = EventDate.objects.filter(page__in=events)
        if request.GET.get("past"):
            dates = dates.filter(end__lt=now).order_by("-start")
        else:
            dates = dates.filter(end__gte=now).order_by("start")
        shown = Q(id__in=dates[:ORGANISER_DATES].values("page__organiser_id"))
        if selected:
            shown |= Q(slug=selected, id__in=events.values("organiser_id"))
        organisers = Page.objects.filter(shown).order_by("title")
        labels = translation_map(organisers)
        return [
            {"slug": page.slug, "name": labels[page.translation_key].title} for page in organisers
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        calendar_params = request.GET.copy()
        for name in ("page", "past", "from", "to"):
            calendar_params.pop(name, None)
        context["calendar_query"] = calendar_params.urlencode()  # the feed with these filters
        return context

    def chosen(self, request):
        return {
            "selected_organiser": request.GET.get("organiser", ""),
            "date_from": date_param(request.GET, "from"),
            "date_to": date_param(request.GET, "to"),
            "only_free": bool(request.GET.get("free")),
            "past": bool(request.GET.get("past")),
        }
