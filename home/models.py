"""The shared kernel: taxonomies, contact persons, funding notes, site settings,
the home page and plain content pages (imprint, privacy, accessibility).

Nothing here imports a content app: the home page shows news and events
through template tags that those apps provide.
"""

import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db import models
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField, FormSubmission
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from locales.languages import DEFAULT_LANGUAGE
from locales.permissions import RolePagePermissions

from .blocks import ALT_TEXT_HELP, RICH_TEXT_FEATURES, BaseStreamBlock
from .form_fields import PortalFormBuilder
from .form_protection import ProtectedFormMixin, refusal

# Editors choose taxonomy terms, contact persons and organisations in the source
# language; every language version shows their translations (locales.utils).
SOURCE_LANGUAGE = {"locale__language_code": DEFAULT_LANGUAGE}


def alt_text_field():
    """The alt text of one use of an image (a page's lead image): translated with the page."""
    return models.CharField(_("alt text"), max_length=300, blank=True, help_text=ALT_TEXT_HELP)


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
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="unique_%(app_label)s_%(class)s_slug"
            )
        ]

    def __str__(self):
        return self.name


@register_snippet
class FieldOfAction(Taxonomy):
    """Handlungsfeld: Arbeit, Bildung, Gesundheit, Jugend, Kultur, Sport, …"""

    class Meta(Taxonomy.Meta):
        verbose_name = _("field of action")
        verbose_name_plural = _("fields of action")


@register_snippet
class TargetGroup(Taxonomy):
    """Zielgruppe: Ehrenamtliche, Jugendliche, Frauen, Neuzugewanderte, …"""

    class Meta(Taxonomy.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")


@register_snippet
class District(Taxonomy):
    """Stadtbezirk or municipality of the county."""

    class Meta(Taxonomy.Meta):
        verbose_name = _("district")
        verbose_name_plural = _("districts")


@register_snippet
class SpokenLanguage(Taxonomy):
    """A language spoken in an organisation or at an event (not only content languages).

    With a language code, visitors read its name in their own language from Django's
    list of language names (locales.languages.language_name): "Arabisch" on a German
    page, "العربيّة" on an Arabic one, however far the label's translations have got.
    """

    code = models.CharField(
        _("language code"),
        max_length=10,
        blank=True,
        help_text=_(
            "ISO 639-1 code such as ar, tr or ckb: visitors then read the name in their "
            "own language."
        ),
    )

    panels = [*Taxonomy.panels, FieldPanel("code")]
    translatable_fields = [*Taxonomy.translatable_fields, SynchronizedField("code")]

    class Meta(Taxonomy.Meta):
        verbose_name = _("spoken language")
        verbose_name_plural = _("spoken languages")


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
    event_submission_page = models.ForeignKey(
        Page,
        verbose_name=_("event submission form"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked in the footer of every page, in the visitor's language."),
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)

    panels = [
        FieldPanel("imprint_page"),
        FieldPanel("privacy_page"),
        FieldPanel("accessibility_page"),
        FieldPanel("event_submission_page"),
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


class HomePage(RolePagePermissions, Page):
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
    hero_image_alt = alt_text_field()
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        FieldPanel("hero_image_alt"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    translatable_fields = page_translatable_fields(
        TranslatableField("intro"),
        SynchronizedField("hero_image"),
        TranslatableField("hero_image_alt"),
        TranslatableField("body"),
    )

    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")


class StandardPage(RolePagePermissions, Page):
    """A plain page: imprint, privacy notice, accessibility statement, about us."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    translatable_fields = page_translatable_fields(
        TranslatableField("intro"), TranslatableField("body")
    )

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage", "home.FormPage"]

    class Meta:
        verbose_name = _("standard page")


class FormField(TranslatableMixin, AbstractFormField):
    """One field of a FormPage; translators translate its label, help text and choices.

    wagtail-localize translates inline objects only when they are translatable
    themselves; the field takes its page's language.
    """

    page = ParentalKey("FormPage", on_delete=models.CASCADE, related_name="form_fields")

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        pass

    translatable_fields = [
        TranslatableField("label"),
        TranslatableField("help_text"),
        TranslatableField("choices"),
        TranslatableField("default_value"),
        SynchronizedField("clean_name"),
        SynchronizedField("field_type"),
        SynchronizedField("required"),
    ]


class FormPage(RolePagePermissions, AbstractEmailForm):
    """A form editors build in the admin, e.g. the sign-up for a kick-off meeting.

    Submissions are stored (admin: Forms, with CSV export), e-mailed to the
    editors' address and confirmed to the address in the form's first e-mail
    field. The form is protected like every public form (home.form_protection);
    ``manage.py delete_old_form_submissions`` deletes submissions after
    FORM_SUBMISSION_RETENTION_DAYS.
    """

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)
    thank_you_text = RichTextField(_("thank-you text"), features=RICH_TEXT_FEATURES, blank=True)
    confirmation_text = models.TextField(
        _("confirmation e-mail"),
        blank=True,
        help_text=_(
            "Sent to the address in the form's first e-mail field, followed by a copy of "
            "the entries. Leave empty to send no confirmation."
        ),
    )

    content_panels = AbstractEmailForm.content_panels + [
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
                FieldPanel("confirmation_text"),
            ],
            heading=_("E-mail"),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    translatable_fields = page_translatable_fields(
        TranslatableField("intro"),
        TranslatableField("form_fields"),
        TranslatableField("thank_you_text"),
        TranslatableField("subject"),
        TranslatableField("confirmation_text"),
        SynchronizedField("to_address"),
        SynchronizedField("from_address"),
    )

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = []
    cache_fragments = False  # the form carries a CSRF token and the visitor's input
    form_builder = PortalFormBuilder  # bounded fields; Eastern Arabic digits in numbers
    template = "home/form_page.html"
    landing_page_template = "home/form_page_landing.html"

    class Meta:
        verbose_name = _("form page")

    def get_form_class(self):
        return type("ProtectedForm", (ProtectedFormMixin, super().get_form_class()), {})

    def serve(self, request, *args, **kwargs):
        if request.method != "POST":
            return super().serve(request, *args, **kwargs)
        form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
        context = self.get_context(request)
        context["form"] = form
        if refused := refusal(request, form, f"form-page-{self.pk}"):
            status, context["refusal"] = refused
            return TemplateResponse(request, self.get_template(request), context, status=status)
        if form.is_spam:  # the honeypot was filled in: the usual answer, nothing stored
            return self.render_landing_page(request)
        return self.render_landing_page(request, self.process_form_submission(form))

    def process_form_submission(self, form):
        for name in form.protection_field_names():  # neither stored nor e-mailed
            form.cleaned_data.pop(name, None)
        submission = super().process_form_submission(form)
        self.send_confirmation(form)
        return submission

    def send_confirmation(self, form):
        if not self.confirmation_text:
            return
        email_fields = (f.clean_name for f in self.get_form_fields() if f.field_type == "email")
        address = form.cleaned_data.get(next(email_fields, None))
        if not address:
            return
        body = f"{self.confirmation_text}\n\n{self.render_email(form)}\n"
        send_mail(self.subject or self.title, body, self.from_address or None, [address])


def delete_old_form_submissions(now=None):
    """Delete form-builder submissions older than FORM_SUBMISSION_RETENTION_DAYS; how many."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.FORM_SUBMISSION_RETENTION_DAYS)
    deleted, _by_model = FormSubmission.objects.filter(submit_time__lt=cutoff).delete()
    return deleted
