"""The portal of the permission matrix test (tests/test_permission_matrix.py): the README's
table read as data, the pages, snippets and users of every role."""

import re
from io import StringIO
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client, TestCase
from django.urls import reverse
from django.utils.text import slugify
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Locale, Page, Site

from events.models import EventIndexPage, EventPage
from guidance.models import GuidanceIndexPage
from home.form_protection import started_token
from home.models import FormField, FormPage, HomePage, SiteSettings
from locales.languages import LANGUAGES
from news.models import NewsIndexPage
from organisations.models import OrganisationIndexPage
from submissions.models import EventSubmission, EventSubmissionPage
from tests.conftest import Tree, in_days, make_contact
from tests.translation_helpers import translate_with_localize

README = Path(__file__).resolve().parent.parent / "README.md"
ROLES = [
    "anonymous",
    "organisation",
    "Redaktion",
    "Moderation",
    "Übersetzung Türkisch",
    "superuser",
]
PASSWORD = "a-long-test-password"


def read_matrix():
    """{(action, where): {role: bool}} from the table between the markers in README.md."""
    text = README.read_text(encoding="utf-8")
    block = text.split("<!-- permission matrix")[1].split("<!-- end of permission matrix")[0]
    rows = [line for line in block.splitlines() if line.startswith("|")]
    header = [cell.strip() for cell in rows[0].strip("|").split("|")]
    assert header == ["action", "where", *ROLES], header
    matrix = {}
    for line in rows[2:]:
        action, where, *cells = [cell.strip() for cell in line.strip("|").split("|")]
        assert set(cells) <= {"yes", "no"}, line
        matrix[action, where] = dict(zip(ROLES, [cell == "yes" for cell in cells], strict=True))
    return matrix


MATRIX = read_matrix()


# --------------------------------------------------------------------------- the portal


def build_portal():
    """A German site, synchronised into every language, with what each cell needs."""
    locales = {
        lang.code: Locale.objects.get_or_create(language_code=lang.code)[0] for lang in LANGUAGES
    }
    root = Page.get_first_root_node()
    home = root.add_child(
        instance=HomePage(title="Startseite", slug="start", locale=locales["de"], intro="Hallo")
    )
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    SiteSettings.for_site(site)
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    indexes = [
        home.add_child(instance=model(title=title, slug=title.lower(), locale=locales["de"]))
        for model, title in (
            (OrganisationIndexPage, "Organisationen"),
            (EventIndexPage, "Veranstaltungen"),
            (NewsIndexPage, "Aktuelles"),
            (GuidanceIndexPage, "Handreichungen"),
        )
    ]
    tree = Tree(locales, home, indexes)
    tree.page = tree.guidance_page("Vereinsgründung")
    tree.untranslated = tree.guidance_page("Satzung")
    tree.form = tree.add(
        tree.events, EventSubmissionPage(title="Veranstaltung melden", slug="melden")
    )
    # With its field, as the page editor saves it: the aliases in every language are
    # copied when the page is created (locales.aliases), fields included.
    tree.signup = tree.add(
        home,
        FormPage(
            title="Anmeldung",
            slug="anmeldung",
            to_address="",
            from_address="",
            form_fields=[FormField(label="Name", field_type="singleline")],
        ),
    )
    tree.verein = tree.organisation("Elternverein Mitte")
    tree.contact = make_contact("Erika Beispiel")
    # Wagtail's migrations made its default groups and workflow; sync_languages removes them.
    assert Group.objects.filter(name__in=["Editors", "Moderators"]).count() == 2
    assert Page.get_first_root_node().get_workflow().name == "Moderators approval"
    call_command("sync_languages", stdout=StringIO(), stderr=StringIO())

    with TestCase.captureOnCommitCallbacks(execute=True):
        _, tree.tr_page = translate_with_localize(tree.page, locales["tr"])
        _, tree.ar_page = translate_with_localize(tree.page, locales["ar"])
        _, tree.tr_contact = translate_with_localize(tree.contact, locales["tr"])
        _, tree.ar_contact = translate_with_localize(tree.contact, locales["ar"])
    tree.tr_form = tree.translate(tree.form, "tr", title="Etkinlik bildir")
    tree.tr_signup = tree.translate(tree.signup, "tr", title="Kayıt")
    tree.tr_events = tree.in_language(tree.events, "tr")
    for form_page in (tree.signup, tree.tr_signup):
        FormSubmission.objects.create(page=form_page, form_data={"name": "Ayşe Beispiel"})
    # A live Turkish event, as an approved submission leaves it, with online registration
    # and one registration.
    tree.tr_event = add_event(tree, tree.tr_events, "Kahvaltı")
    EventPage.objects.filter(pk=tree.tr_event.pk).update(registration_enabled=True)
    assert registration_sent(Client(), tree.tr_event, "Ayşe Beispiel")
    # Drafts waiting to be published, so that publishing shows.
    for page in (tree.page, tree.tr_page, tree.ar_page):
        page = page.specific
        page.title += " (neu)"
        page.save_revision()

    # Submissions through the public forms; only the last has an image (approving one
    # moves its file, and files are not rolled back with the database).
    client = Client()
    for form_page, title, image in (
        (tree.tr_form, "Kahve sabahı", False),
        (tree.form, "Elterncafé", False),
        (tree.tr_form, "Fotoğraflı", True),
    ):
        with TestCase.captureOnCommitCallbacks(execute=True):
            data = submission_data(tree, title, image=image)
            response = client.post(form_page.url, data, format="multipart")
        assert response.status_code == 200, response.content.decode()[:500]
    tree.submitted_tr = EventSubmission.objects.get(title="Kahve sabahı")
    tree.submitted_de = EventSubmission.objects.get(title="Elterncafé")
    tree.with_image = EventSubmission.objects.get(title="Fotoğraflı")
    assert tree.with_image.image_file

    tree.users = {
        role: make_user(role) for role in ROLES if role not in ("anonymous", "organisation")
    }
    return tree


def add_event(tree, parent, title):
    from events.models import EventOccurrence, EventPage

    start, end = in_days(7)
    event = EventPage(
        title=title, teaser=title, occurrences=[EventOccurrence(start=start, end=end)]
    )
    return tree.add(parent, event)


def registration_sent(client, event, name):
    """Register through the form on the event page; True when a registration was stored."""
    from registrations.models import Registration

    html = client.get(event.url).content.decode()
    dates = re.findall(r'name="date" value="([^"]+)"', html)
    data = {
        "date": dates[0] if dates else "",
        "name": name,
        "email": f"{slugify(name)}@example.org",  # another person each time, not a repeat
        "people": "1",
        "consent": "on",
        "form_started": started_token(),
    }
    if "csrftoken" in client.cookies:
        data["csrfmiddlewaretoken"] = client.cookies["csrftoken"].value
    before = Registration.objects.count()
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(reverse("registration_register", args=[event.pk]), data)
    return Registration.objects.count() == before + 1


def submission_data(tree, title, image=False):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from home.form_protection import started_token
    from tests.submission_helpers import png_bytes

    return {
        "organisation": str(tree.verein.pk),
        "title": title,
        "description": "Ein offenes Treffen.",
        "first_date": in_days(10)[0].date().isoformat(),
        "start_time": "16:00",
        "end_time": "18:00",
        "repeat": "once",
        "venue_name": "Mühlenhof",
        "venue_address": "Mühlenweg 7, 12343 Mittelstadt",
        "is_free": "on",
        "contact_name": "Ayşe Beispiel",
        "contact_email": "ayse@example.org",
        "contact_phone": "0521 123456",
        "privacy_consent": "on",
        "form_started": started_token(),
    } | (
        {
            "image_alt": "Eltern am Tisch",
            "image_rights": "on",
            "image": SimpleUploadedFile("foto.png", png_bytes(), content_type="image/png"),
        }
        if image
        else {}
    )


def make_user(role):
    name = re.sub(r"\W", "", role.lower())
    if role == "superuser":
        return get_user_model().objects.create_superuser(name, f"{name}@example.org", PASSWORD)
    user = get_user_model().objects.create_user(name, f"{name}@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name=role))
    return user
