"""The translation workflow in the Wagtail admin.

- the translation status report (Reports menu) and its actions,
- a dashboard panel with each language's share and what is out of date,
- a header button on German pages to mark their last change as minor,
- the translation editor's two English texts in the translator's language
  (static/locales/js/translation_editor_language.js),
- the language check for snippets: Wagtail's snippet permissions are per
  model, so these hooks refuse editing, creating or deleting a snippet in a
  language the user may not edit (locales.permissions).
"""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets.button import Button
from wagtail.models import Locale, TranslatableMixin

from . import views
from .changes import has_major_change, register_actions
from .languages import DEFAULT_LANGUAGE
from .permissions import editable_locale_ids
from .status import status_rows, summarise


@hooks.register("insert_editor_js")
def translation_editor_language():
    """Loaded by the page and translation editors; acts only on the translation editor."""
    return format_html(
        '<script src="{}" defer></script>', static("locales/js/translation_editor_language.js")
    )


@hooks.register("register_admin_urls")
def register_admin_urls():
    report = views.TranslationStatusReportView
    return [
        path("translation-status/", report.as_view(), name="locales_translation_status"),
        path(
            "translation-status/results/",
            report.as_view(results_only=True),
            name="locales_translation_status_results",
        ),
        path(
            "translation-status/<int:translation_id>/update/",
            views.update_from_original,
            name="locales_update_from_original",
        ),
        path(
            "translation-status/<int:translation_id>/reviewed/",
            views.confirm_machine_translations,
            name="locales_confirm_machine_translations",
        ),
        path(
            "translation-status/minor/<str:app_label>/<str:model_name>/<str:pk>/",
            views.mark_change_minor,
            name="locales_mark_change_minor",
        ),
    ]


@hooks.register("register_log_actions")
def register_log_actions(actions):
    """The minor-change mark and snippet saves in Wagtail's audit log (locales.changes)."""
    register_actions(actions)


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return MenuItem(
        _("Translation status"),
        reverse("locales_translation_status"),
        icon_name="wagtail-localize-language",
        order=9100,
    )


class TranslationStatusPanel(Component):
    """Each language's share of current translations and the number out of date."""

    name = "translation_status"
    template_name = "locales/admin/dashboard_panel.html"
    order = 150

    def get_context_data(self, parent_context=None):
        return {"summaries": summarise(status_rows())}


@hooks.register("construct_homepage_panels")
def add_translation_status_panel(request, panels):
    if editable_locale_ids(request.user):
        panels.append(TranslationStatusPanel())


@hooks.register("register_page_header_buttons")
def minor_change_button(page, user, view_name=None, next_url=None):
    """On a German original with a recorded change: "Minor change, no re-translation needed"."""
    if page.alias_of_id or page.depth < 2 or page.locale.language_code != DEFAULT_LANGUAGE:
        return
    if not page.permissions_for_user(user).can_edit():
        return
    if not has_major_change(page):
        return
    url = reverse(
        "locales_mark_change_minor", args=[page._meta.app_label, page._meta.model_name, page.pk]
    )
    yield Button(_("Last change was minor"), url, icon_name="tick", priority=70)


# --------------------------------------------------------------------------- snippet languages


def refuse_other_languages(request, instances):
    allowed = editable_locale_ids(request.user)
    if any(
        isinstance(obj, TranslatableMixin) and obj.locale_id not in allowed for obj in instances
    ):
        return permission_denied(request)
    return None


@hooks.register("before_edit_snippet", order=-10)
def check_language_before_edit(request, instance):
    """Runs before wagtail-localize's hook, which would open its translation editor."""
    return refuse_other_languages(request, [instance])


@hooks.register("before_delete_snippet", order=-10)
def check_language_before_delete(request, instances):
    return refuse_other_languages(request, instances)


@hooks.register("before_create_snippet", order=-10)
def check_language_before_create(request, model):
    if not issubclass(model, TranslatableMixin):
        return None
    code = request.GET.get("locale") or DEFAULT_LANGUAGE
    locale = Locale.objects.filter(language_code=code).first()
    if locale is None or locale.id not in editable_locale_ids(request.user):
        return permission_denied(request)
    return None
