"""A Turkish translator in the admin: refused what is not theirs, in Turkish, and the
translation editor in their language."""

import re
from urllib.parse import urlsplit

import pytest

from submissions.models import EventSubmission

from .forms import days_from_today, fill_event_form, log_in, send_form
from .server import in_worker_thread

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


TRANSLATOR = ("tercuman", "demo-translator-2026")


def create_turkish_translator(username, password):
    """A member of the group "Übersetzung Türkisch" whose admin speaks Turkish."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from wagtail.users.models import UserProfile

    user = get_user_model().objects.create_user(username, password=password)
    user.groups.add(Group.objects.get(name="Übersetzung Türkisch"))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "tr"
    profile.save()


def turkish_submission_form():
    from submissions.models import EventSubmissionPage

    return EventSubmissionPage.objects.live().get(locale__language_code="tr").url


def turkish_translator_and_targets(reference):
    """A member of "Übersetzung Türkisch" whose admin speaks Turkish, and what they try."""
    from wagtail.models import Page

    from home.models import FormPage

    create_turkish_translator(*TRANSLATOR)
    turkish = Page.objects.filter(locale__language_code="tr", depth__gt=2, live=True)
    page = turkish.filter(alias_of__isnull=True).order_by("path").first() or turkish.first()
    sign_up_form = FormPage.objects.filter(locale__language_code="tr").first()
    event = EventSubmission.objects.get(reference=reference).page_id
    return page.pk, sign_up_form.pk, event


def submission_state(reference):
    submission = EventSubmission.objects.select_related("page").get(reference=reference)
    return submission.status, submission.page.live


def test_turkish_translator_is_refused_in_turkish(own_tab, live_site):
    """A translator tries to delete, move, copy and unpublish a Turkish page, to publish a
    submitted event past moderation and to read the sign-ups: each is refused, in Turkish."""
    tab = own_tab
    tab.goto(live_site.url + in_worker_thread(turkish_submission_form))
    fill_event_form(tab, "Kahve sabahı", days_from_today(12))
    send_form(tab)
    reference = tab.locator(".reference").inner_text()
    page, sign_up_form, event = in_worker_thread(lambda: turkish_translator_and_targets(reference))

    log_in(tab, live_site, *TRANSLATOR)

    refusal = "Üzgünüm, bu alana erişim yetkiniz yok."
    forbidden = [f"/admin/pages/{page}/{action}/" for action in ("delete", "move", "copy")]
    forbidden += [f"/admin/pages/{page}/unpublish/", f"/admin/forms/submissions/{sign_up_form}/"]
    forbidden += [f"/admin/forms/submissions/{sign_up_form}/?export=csv"]
    for path in forbidden:
        tab.goto(live_site.url + path)
        assert urlsplit(tab.url).path == "/admin/", path
        assert refusal in tab.locator(".messages").inner_text(), path
        assert tab.locator("html").get_attribute("lang") == "tr"

    tab.goto(f"{live_site.url}/admin/bulk/wagtailcore/page/publish/?id={event}&next=/admin/")
    assert "Bu sayfayı yayınlama yetkiniz yok" in tab.locator("main").inner_text()
    assert tab.locator("form button[type=submit]:has-text('Evet')").count() == 0
    status, live = in_worker_thread(lambda: submission_state(reference))
    assert status == EventSubmission.Status.SUBMITTED and not live


EDITOR_TRANSLATOR = ("cevirmen", "demo-translator-2026")


def turkish_translator_and_translation():
    """A Turkish translator whose admin speaks Turkish, and a Turkish page that the demo
    translated with wagtail-localize (its edit view is the translation editor)."""
    from wagtail.models import Page
    from wagtail_localize.models import Translation

    create_turkish_translator(*EDITOR_TRANSLATOR)
    keys = Translation.objects.filter(target_locale__language_code="tr").values_list(
        "source__object_id", flat=True
    )
    page = Page.objects.filter(
        translation_key__in=keys, locale__language_code="tr", alias_of__isnull=True, depth__gt=2
    ).order_by("path")
    return page.first().pk


def test_turkish_translator_reads_the_translation_editor_in_turkish(own_tab, live_site):
    """wagtail-localize's editor writes its heading ("Deutsch to Türkçe translation") and
    the label of its actions menu ("More actions") in English, hard-coded in its
    JavaScript; locales/static/locales/js/translation_editor_language.js puts them into
    the translator's language, in the browser, once the editor has rendered."""
    tab = own_tab
    page = in_worker_thread(turkish_translator_and_translation)
    log_in(tab, live_site, *EDITOR_TRANSLATOR)

    tab.goto(f"{live_site.url}/admin/pages/{page}/edit/")
    editor = tab.locator(".js-translation-editor")
    heading = editor.get_by_text(re.compile(r"^Çeviri: .+ → Türkçe$")).first
    heading.wait_for(state="attached")
    assert tab.locator("html").get_attribute("lang") == "tr"
    text = editor.text_content()
    assert " translation" not in text and "More actions" not in text
    assert "Diğer işlemler" in editor.locator(".w-dropdown__toggle .w-sr-only").first.text_content()
    # The editor's own strings come from its catalogue, which ours complete.
    assert "PO dosyasını indir" in text
    assert "Lade PO Datei herunter" not in text
