"""What the index pages of news, events, organisations and guidance share.

An index page has an introduction and lists its children a page at a time, with
filters in the query string. A subclass names its listing (an IndexListing: what the
request's filters select, and the filters' choices) and what else the request chose
that its template shows; its template and subpage types are its own.
"""

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from locales.permissions import RolePagePermissions

from .cache import LazyContext
from .listing import filter_query_string, paginate
from .models import page_translatable_fields


class IndexListing(LazyContext):
    """The requested page of an index page's listing, computed when a template first reads
    it; a subclass adds the filters' choices as further cached properties."""

    @cached_property
    def items(self):
        return self.labelled(paginate(self.request, self.matching(), self.page.per_page))

    def matching(self):
        """Everything the request's filters select, in the listing's order."""
        raise NotImplementedError

    def labelled(self, items):
        """The requested page of items, given their labels in the visitor's language."""
        return items


class IndexPage(RolePagePermissions, Page):
    """A listing of the pages below it, per_page at a time, with filters."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    translatable_fields = page_translatable_fields(TranslatableField("intro"))

    parent_page_types = ["home.HomePage"]
    per_page = 20
    listing_class = IndexListing  # a subclass names its own

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.listing(request))
        return context

    def listing(self, request):
        """The listing's context (also of the embeddable listings): the items and the
        filters' choices, computed when a template first reads them, and the request's
        choices."""
        return {
            **self.listing_class(self, request).entries(),
            **self.chosen(request),
            "query_string": filter_query_string(request),
        }

    def chosen(self, request):
        """What else the request chose that the template shows (a year, a kind, …)."""
        return {}
