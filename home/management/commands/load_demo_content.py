"""Load demo content for the fictional town of Mittelstadt.

    python manage.py load_demo_content

Creates the content languages (with "sync from German"), a German home page
as the root of the default site, taxonomies, contact persons, funding notes,
organisations, committees, news, events and guidance pages with generated
pictures, real translations of the central pages into English, Turkish and
Arabic, and aliases of everything else in every language. Ends with a
search-index and reference-index rebuild and a demo admin account.

Safe to run twice: whatever exists (found by slug, name or translation key)
is left as it is, so a second run creates nothing.

The texts are written for this demo. Mittelstadt, its districts, the
organisations, people, addresses, phone numbers and e-mail addresses are
invented; phone numbers use the 0123 prefix, e-mail addresses example.org.

Content is data: German pages are dicts whose long texts use a tiny markup
(see `to_blocks`): "## " and "### " headings, paragraphs, "- " and "1. "
lists, "> " quotes with a "> -- Speaker | Role" line, and "!callout",
"!faq", "!contact", "!document" and "!image" lines for the other blocks.
"""

import contextlib
import datetime as dt
import hashlib
import html
import io
import logging
import re
import textwrap
import time
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import management
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.coreutils import find_available_slug
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site, TranslatableMixin, get_page_models
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail_localize.models import LocaleSynchronization
from wagtail_localize.synctree import PageIndex, synchronize_tree

from home import demo_images
from home.management.commands._demo_accessibility import load_accessibility_demo
from home.models import FormPage, HomePage, SiteSettings, StandardPage
from home.signals import invalidation_paused
from locales.languages import DEFAULT_LANGUAGE, LANGUAGES

BERLIN = ZoneInfo("Europe/Berlin")
TRANSLATED_LANGUAGES = ["en", "tr", "ar"]
ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "demo-admin-2026"  # noqa: S105 - the documented demo login, see README
MODERATOR_USERNAME = "moderation"
MODERATOR_PASSWORD = "demo-moderation-2026"  # noqa: S105 - the documented demo login
# Where `make run` serves the demo (its runserver address).
DEMO_SITE_URL = "http://127.0.0.1:8000"
CITY = "Mittelstadt"

# The content apps sit above home/ in the dependency order, so this command
# reaches their models through the app registry instead of importing them.
CONTENT_MODELS = {
    "OrganisationIndexPage": "organisations.OrganisationIndexPage",
    "OrganisationPage": "organisations.OrganisationPage",
    "CommitteeKind": "organisations.CommitteeKind",
    "Committee": "organisations.Committee",
    "EventIndexPage": "events.EventIndexPage",
    "EventPage": "events.EventPage",
    "NewsIndexPage": "news.NewsIndexPage",
    "NewsPage": "news.NewsPage",
    "NewsCategory": "news.NewsCategory",
    "GuidanceIndexPage": "guidance.GuidanceIndexPage",
    "GuidancePage": "guidance.GuidancePage",
    "GuidanceTopic": "guidance.GuidanceTopic",
    "EventOccurrence": "events.EventOccurrence",
    "EventSubmissionPage": "submissions.EventSubmissionPage",
}


def model(name):
    """A model by short name: home's own, or a content app's through the registry."""
    return apps.get_model(CONTENT_MODELS.get(name, f"home.{name}"))


# --- Text helpers --------------------------------------------------------------------------------


class Markup(str):
    """Text in this module's markup; becomes StreamField blocks or rich text HTML."""


def md(text):
    return Markup(textwrap.dedent(text).strip())


def txt(text):
    """Plain text written over several source lines, joined into one line."""
    return " ".join(text.split())


class Ref:
    """A reference to an image, document, contact person or funding note, resolved on load."""

    def __init__(self, kind, key):
        self.kind, self.key = kind, key


def img(key):
    return Ref("image", key)


def person(key):
    return Ref("contact", key)


def funding(key):
    return Ref("funding", key)


INLINE = [
    (re.compile(r"\*\*(.+?)\*\*"), r"<b>\1</b>"),
    (re.compile(r"\[(.+?)\]\((\S+?)\)"), r'<a href="\2">\1</a>'),
]
LIST_ITEM = re.compile(r"^(- |\d+\. )")


def inline(text):
    text = html.escape(" ".join(text.split()), quote=False)
    for pattern, replacement in INLINE:
        text = pattern.sub(replacement, text)
    return text


def chunks(text):
    return [chunk.strip("\n") for chunk in re.split(r"\n\s*\n", text) if chunk.strip()]


def chunk_html(lines):
    """Paragraph lines and "- " / "1. " list items (continued by indented lines) as HTML.

    A numbered list must start a chunk (put a blank line before it).
    """
    parts = []  # [tag, [texts]]
    for line in lines:
        match = LIST_ITEM.match(line)
        tag = match and ("ul" if match.group(1) == "- " else "ol")
        if tag == "ol" and parts and parts[-1][0] != "ol":
            # "1. " starts a numbered list only at the start of a chunk, so that a line that
            # happens to begin with a date ("31. Juli 2027. …") stays part of its paragraph.
            tag = None
        if tag:
            if not parts or parts[-1][0] != tag:
                parts.append([tag, []])
            parts[-1][1].append(line[match.end() :])
        elif parts and (parts[-1][0] == "p" or line.startswith("  ")):
            # a paragraph goes on; an indented line goes on with the list item above
            parts[-1][1][-1] += " " + line.strip()
        else:
            parts.append(["p", [line.strip()]])
    result = []
    for tag, texts in parts:
        if tag == "p":
            result.append(f"<p>{inline(texts[0])}</p>")
        else:
            items = "".join(f"<li>{inline(item)}</li>" for item in texts)
            result.append(f"<{tag}>{items}</{tag}>")
    return "".join(result)


def rich(text):
    """Markup to rich text HTML (for RichTextFields: paragraphs and lists only)."""
    return "".join(chunk_html(chunk.splitlines()) for chunk in chunks(text))


def to_blocks(text, resolve):
    """Markup to BaseStreamBlock data. `resolve(ref)` gives the id of an image, person, …"""
    blocks, pending = [], []

    def flush():
        if pending:
            blocks.append({"type": "paragraph", "value": "".join(pending)})
            pending.clear()

    queue = chunks(text)
    while queue:
        chunk = queue.pop(0)
        first, *rest = chunk.splitlines()
        if first.startswith(("## ", "### ")):
            flush()
            level, heading = first.split(" ", 1)
            blocks.append(
                {"type": "heading", "value": {"text": heading, "level": f"h{len(level)}"}}
            )
            if rest:
                queue.insert(0, "\n".join(rest))
        elif first.startswith("> "):
            flush()
            blocks.append(quote_block(chunk.splitlines()))
        elif first.startswith("!"):
            flush()
            blocks.append(directive_block(first[1:], rest, resolve))
        else:
            pending.append(chunk_html(chunk.splitlines()))
    flush()
    return blocks


def quote_block(lines):
    """ "> " lines of text, then "> -- Speaker | Role" (which may go on over several lines)."""
    text, attribution = [], []
    for line in lines:
        line = line[2:].strip()
        if line.startswith("-- ") or attribution:
            attribution.append(line.removeprefix("-- "))
        else:
            text.append(line)
    speaker, _, role = (part.strip() for part in " ".join(attribution).partition("|"))
    return {"type": "quote", "value": {"text": " ".join(text), "speaker": speaker, "role": role}}


def directive_block(first, rest, resolve):
    name, _, argument = first.partition(" ")
    if name.endswith(":"):
        name, argument = name[:-1], ":" + argument
    key, _, title = argument.partition(":")
    key, title = key.strip(), title.strip()
    if name == "callout":
        value = {"kind": key, "title": title, "text": chunk_html(rest)}
        return {"type": "callout", "value": value}
    if name == "faq":
        items = []
        for line in rest:
            if line.startswith("? "):
                items.append({"question": line[2:].strip(), "lines": []})
            else:
                items[-1]["lines"].append(line)
        value = {
            "title": title,
            "items": [
                {"question": item["question"], "answer": chunk_html(item["lines"])}
                for item in items
            ],
        }
        return {"type": "accordion", "value": value}
    if name == "contact":
        return {"type": "contact_person", "value": {"person": resolve(person(key))}}
    if name == "document":
        return {
            "type": "document",
            "value": {"document": resolve(Ref("document", key)), "title": title},
        }
    if name == "image":
        caption, _, credit = (part.strip() for part in title.partition("|"))
        value = {"image": resolve(img(key)), "caption": caption, "credit": credit}
        return {"type": "image", "value": value}
    raise ValueError(f"Unknown block directive: !{first}")


# --- Dates ---------------------------------------------------------------------------------------

MONTHS = {
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "en": "January February March April May June July August September October November December",
    "tr": "Ocak Şubat Mart Nisan Mayıs Haziran Temmuz Ağustos Eylül Ekim Kasım Aralık",
    "ar": "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر",
}
WEEKDAYS = {
    "de": "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag",
    "en": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
    "tr": "Pazartesi Salı Çarşamba Perşembe Cuma Cumartesi Pazar",
    "ar": "الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد",
}


def long_date(day, language="de", weekday=False):
    """A date written out in `language`, e.g. "14. Oktober 2025", optionally with weekday."""
    month = MONTHS[language].split()[day.month - 1]
    separator = ". " if language == "de" else " "
    text = f"{day.day}{separator}{month} {day.year}"
    if weekday:
        name = WEEKDAYS[language].split()[day.weekday()]
        text = f"{text} {name}" if language == "tr" else f"{name}, {text}"
    return text


def days(number):
    return dt.timedelta(days=number)


def on_weekday(day, weekday):
    """The first date on or after `day` that falls on `weekday` (0 = Monday)."""
    return day + days((weekday - day.weekday()) % 7)


def first_weekday_of_month(year, month, weekday):
    return on_weekday(dt.date(year, month, 1), weekday)


def at(day, start, end):
    """An occurrence (start, end) on `day` between two "HH:MM" wall-clock times in Berlin."""

    def moment(hhmm):
        hour, minute = (int(part) for part in hhmm.split(":"))
        return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=BERLIN)

    return moment(start), moment(end)


def monthly_first(weekday, count, start, end):
    """Occurrences on the first `weekday` of each of the next `count` months."""

    def occurrences(today):
        result, year, month = [], today.year, today.month
        while len(result) < count:
            day = first_weekday_of_month(year, month, weekday)
            if day > today:
                result.append(at(day, start, end))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return result

    return occurrences


def quarterly_meeting(today, later=0):
    """A date of the quarterly meeting: the second Wednesday, every three months.

    later=0 is the first one, two months before today's month; later=2 the third.
    """
    month = today.month - 3 + 3 * later  # 0-based month count from January of today's year
    year, month = today.year + month // 12, month % 12 + 1
    return first_weekday_of_month(year, month, WEDNESDAY) + days(7)


def on_days(offsets, weekday, start, end):
    """Occurrences `offsets` days from today, each moved on to the next `weekday`."""

    def occurrences(today):
        return [at(on_weekday(today + days(offset), weekday), start, end) for offset in offsets]

    return occurrences


# --- Taxonomies: slug, German, English, Turkish, Arabic ------------------------------------------

TAXONOMIES = {
    "FieldOfAction": [
        ("arbeit", "Arbeit und Beruf", "Work and careers", "İş ve meslek", "العمل والمهنة"),
        ("bildung", "Bildung", "Education", "Eğitim", "التعليم"),
        ("gesundheit", "Gesundheit", "Health", "Sağlık", "الصحة"),
        ("jugend", "Jugend", "Youth", "Gençlik", "الشباب"),
        ("kultur", "Kultur", "Culture", "Kültür", "الثقافة"),
        ("sport", "Sport", "Sport", "Spor", "الرياضة"),
        ("frauen", "Frauen", "Women", "Kadınlar", "النساء"),
        ("senioren", "Seniorinnen und Senioren", "Older people", "Yaşlılar", "كبار السن"),
        (
            "religion-dialog",
            "Religion und Dialog",
            "Religion and dialogue",
            "Din ve diyalog",
            "الدين والحوار",
        ),
        ("sprache", "Sprachförderung", "Language learning", "Dil desteği", "تعلّم اللغة"),
        ("beratung", "Beratung", "Counselling", "Danışmanlık", "الاستشارة"),
        ("familie", "Familie", "Family", "Aile", "الأسرة"),
        ("wohnen", "Wohnen", "Housing", "Konut", "السكن"),
        (
            "teilhabe",
            "Politische Teilhabe",
            "Political participation",
            "Siyasi katılım",
            "المشاركة السياسية",
        ),
    ],
    "TargetGroup": [
        ("ehrenamtliche", "Ehrenamtliche", "Volunteers", "Gönüllüler", "المتطوعون"),
        ("jugendliche", "Jugendliche", "Young people", "Gençler", "اليافعون والشباب"),
        ("kinder", "Kinder", "Children", "Çocuklar", "الأطفال"),
        ("eltern", "Eltern", "Parents", "Ebeveynler", "أولياء الأمور"),
        ("familien", "Familien", "Families", "Aileler", "العائلات"),
        ("frauen", "Frauen", "Women", "Kadınlar", "النساء"),
        (
            "seniorinnen-senioren",
            "Seniorinnen und Senioren",
            "Older people",
            "Yaşlılar",
            "كبار السن",
        ),
        ("neuzugewanderte", "Neuzugewanderte", "Newcomers", "Yeni gelenler", "القادمون الجدد"),
        ("gefluechtete", "Geflüchtete", "Refugees", "Mülteciler", "اللاجئون"),
        (
            "migrantenorganisationen",
            "Migrantenorganisationen",
            "Migrant organisations",
            "Göçmen örgütleri",
            "منظمات المهاجرين",
        ),
        (
            "fachkraefte",
            "Fachkräfte der Integrationsarbeit",
            "Integration professionals",
            "Uyum alanındaki uzmanlar",
            "العاملون في مجال الاندماج",
        ),
        (
            "verwaltung",
            "Verwaltung und Politik",
            "Public administration and politics",
            "Kamu yönetimi ve siyaset",
            "الإدارة العامة والسياسة",
        ),
    ],
    "District": [
        ("altstadt", "Altstadt", "Old Town", "Eski Şehir", "البلدة القديمة"),
        ("nordstadt", "Nordstadt", "Nordstadt (north)", "Nordstadt (kuzey)", "نوردشتات (الشمال)"),
        ("suedstadt", "Südstadt", "Südstadt (south)", "Südstadt (güney)", "زودشتات (الجنوب)"),
        ("weststadt", "Weststadt", "Weststadt (west)", "Weststadt (batı)", "فيستشتات (الغرب)"),
        ("hafenviertel", "Hafenviertel", "Harbour Quarter", "Liman Mahallesi", "حي الميناء"),
        ("eichenhain", "Eichenhain", "Eichenhain", "Eichenhain", "آيشنهاين"),
        ("muehlenfeld", "Mühlenfeld", "Mühlenfeld", "Mühlenfeld", "مولنفيلد"),
    ],
    "SpokenLanguage": [
        ("deutsch", "Deutsch", "German", "Almanca", "الألمانية"),
        ("tuerkisch", "Türkisch", "Turkish", "Türkçe", "التركية"),
        ("arabisch", "Arabisch", "Arabic", "Arapça", "العربية"),
        ("russisch", "Russisch", "Russian", "Rusça", "الروسية"),
        ("ukrainisch", "Ukrainisch", "Ukrainian", "Ukraynaca", "الأوكرانية"),
        ("farsi", "Farsi", "Persian (Farsi)", "Farsça", "الفارسية"),
        ("dari", "Dari", "Dari", "Darice", "الدارية"),
        ("kurdisch", "Kurdisch", "Kurdish", "Kürtçe", "الكردية"),
        ("polnisch", "Polnisch", "Polish", "Lehçe", "البولندية"),
        ("tigrinya", "Tigrinya", "Tigrinya", "Tigrinya dili", "التغرينية"),
        ("englisch", "Englisch", "English", "İngilizce", "الإنجليزية"),
        ("franzoesisch", "Französisch", "French", "Fransızca", "الفرنسية"),
        ("griechisch", "Griechisch", "Greek", "Yunanca", "اليونانية"),
        ("rumaenisch", "Rumänisch", "Romanian", "Rumence", "الرومانية"),
        ("bosnisch", "Bosnisch", "Bosnian", "Boşnakça", "البوسنية"),
        ("somali", "Somali", "Somali", "Somalice", "الصومالية"),
    ],
    "NewsCategory": [
        ("verbund-news", "Verbund-News", "Association news", "Birlik haberleri", "أخبار الاتحاد"),
        (
            "pressemitteilungen",
            "Pressemitteilungen",
            "Press releases",
            "Basın açıklamaları",
            "بيانات صحفية",
        ),
        ("projekte", "Projekte", "Projects", "Projeler", "المشاريع"),
        ("foerderung", "Förderung", "Funding", "Destekler ve hibeler", "التمويل والدعم"),
        (
            "veranstaltungsberichte",
            "Veranstaltungsberichte",
            "Event reports",
            "Etkinlik haberleri",
            "تقارير الفعاليات",
        ),
        (
            "aus-den-vereinen",
            "Aus den Vereinen",
            "From the associations",
            "Derneklerden",
            "من الجمعيات",
        ),
    ],
    "CommitteeKind": [
        ("arbeitskreis", "Arbeitskreis", "Working group", "Çalışma grubu", "فريق عمل"),
        ("beirat", "Beirat", "Advisory board", "Danışma kurulu", "مجلس استشاري"),
        (
            "steuerungsgruppe",
            "Steuerungsgruppe",
            "Steering group",
            "Yönlendirme grubu",
            "مجموعة توجيهية",
        ),
        ("netzwerktreffen", "Netzwerktreffen", "Network meeting", "Ağ toplantısı", "لقاء تشبيكي"),
        ("ausschuss", "Ausschuss", "Committee", "Komisyon", "لجنة"),
        ("lenkungskreis", "Lenkungskreis", "Steering committee", "Yönetim kurulu", "لجنة التوجيه"),
        (
            "integrationsrat",
            "Integrationsrat",
            "Integration council",
            "Uyum meclisi",
            "مجلس الاندماج",
        ),
        ("forum", "Forum", "Forum", "Forum", "منتدى"),
    ],
    "GuidanceTopic": [
        (
            "vereinsarbeit",
            "Vereinsarbeit",
            "Running an association",
            "Dernek çalışması",
            "العمل الجمعوي",
        ),
        ("foerdermittel", "Fördermittel", "Funding", "Hibeler ve fonlar", "التمويل والمنح"),
        ("vernetzung", "Vernetzung", "Networking", "Ağ kurma", "التشبيك"),
        (
            "oeffentlichkeitsarbeit",
            "Öffentlichkeitsarbeit",
            "Public relations",
            "Halkla ilişkiler",
            "العلاقات العامة",
        ),
        ("ehrenamt", "Ehrenamt", "Volunteering", "Gönüllülük", "العمل التطوعي"),
        (
            "veranstaltungen-planen",
            "Veranstaltungen planen",
            "Planning events",
            "Etkinlik planlama",
            "تخطيط الفعاليات",
        ),
        (
            "kommunale-integrationsarbeit",
            "Kommunale Integrationsarbeit",
            "Municipal integration work",
            "Belediyenin uyum çalışmaları",
            "العمل البلدي في مجال الاندماج",
        ),
        (
            "projektmanagement",
            "Projektmanagement",
            "Project management",
            "Proje yönetimi",
            "إدارة المشاريع",
        ),
        (
            "recht-finanzen",
            "Recht und Finanzen",
            "Law and finances",
            "Hukuk ve mali işler",
            "القانون والشؤون المالية",
        ),
    ],
}

# --- Generated pictures and documents ------------------------------------------------------------

# key: (title, alt text, generator, arguments)
IMAGES = {
    "hero": (
        "Stadtansicht Mittelstadt",
        "Gezeichnete Stadtansicht von Mittelstadt mit Häusern am Fluss",
        "scene",
        ("skyline", 1, "blue", ""),
    ),
    "signing": (
        "Unterzeichnung der Kooperationsvereinbarung",
        "Zwei Personen sitzen an einem Tisch mit zwei unterschriebenen Dokumenten",
        "scene",
        ("signing", 2, "sand", "Kooperationsvereinbarung"),
    ),
    "funding-workshop": (
        "Beratung zu Förderanträgen",
        "Drei Personen vor einer Pinnwand mit bunten Moderationskarten",
        "scene",
        ("workshop", 3, "sand", "Förderfonds"),
    ),
    "project-kickoff": (
        "Auftakt Starke Vereine",
        "Menschen sitzen um einen langen Tisch mit Unterlagen",
        "scene",
        ("meeting", 4, "teal", "Starke Vereine"),
    ),
    "festival": (
        "Nachbarschaftsfest im Stadtpark",
        "Viele Menschen unter bunten Wimpelketten bei einem Fest im Freien",
        "scene",
        ("festival", 5, "plum", "Nachbarschaftsfest"),
    ),
    "festival-stage": (
        "Bühnenprogramm beim Nachbarschaftsfest",
        "Publikum vor einer Bühne, darüber Wimpelketten",
        "scene",
        ("festival", 15, "green", ""),
    ),
    "council": (
        "Sitzung des Integrationsrates",
        "Mehrere Personen an einem Sitzungstisch vor einer Stadtsilhouette",
        "scene",
        ("meeting", 6, "night", "Integrationsrat"),
    ),
    "cafe": (
        "Beratungscafé der Ukrainischen Gemeinde",
        "Menschen sitzen zu zweit an runden Cafétischen mit Tassen",
        "scene",
        ("cafe", 7, "blue", "Beratungscafé"),
    ),
    "health": (
        "Gesundheitslotsinnen und -lotsen",
        "Drei Personen neben einem großen Symbol für Gesundheit",
        "scene",
        ("health", 8, "teal", "Gesundheitslotsen"),
    ),
    "new-members": (
        "Neue Mitgliedsvereine",
        "Gezeichnete Stadtansicht mit hellen Fenstern in der Abenddämmerung",
        "scene",
        ("skyline", 9, "night", "Neue Mitglieder"),
    ),
    "network-meeting": (
        "Vernetzungstreffen der Ehrenamtskoordination",
        "Koordinatorinnen und Koordinatoren sitzen an einem Tisch mit Namensschildern",
        "scene",
        ("meeting", 10, "green", "Vernetzungstreffen"),
    ),
    "forum": (
        "Vereinsforum Förderanträge",
        "Referentin an einer Pinnwand, daneben Teilnehmende",
        "scene",
        ("workshop", 11, "blue", "Vereinsforum"),
    ),
    "consultation": (
        "Sprechstunde Vereinsberatung",
        "Zwei Menschen im Gespräch an einem kleinen Tisch",
        "scene",
        ("cafe", 12, "sand", "Sprechstunde"),
    ),
    "health-day": (
        "Fachtag Gesund ankommen",
        "Gruppe von Menschen neben einem Gesundheitssymbol",
        "scene",
        ("health", 13, "plum", "Fachtag"),
    ),
    "parents-cafe": (
        "Mehrsprachiges Elterncafé",
        "Eltern sitzen an Cafétischen und unterhalten sich",
        "scene",
        ("cafe", 14, "green", "Elterncafé"),
    ),
    "football": (
        "Fußballturnier Anstoß für Vielfalt",
        "Jugendliche auf einem Fußballplatz mit Mittelkreis und Ball",
        "scene",
        ("sports", 16, "sand", "Anstoß für Vielfalt"),
    ),
    "logo-verbund": (
        "Logo Verbund der Migrantenorganisationen",
        "Logo: die Buchstaben VMO auf dunkelblauem Kreis",
        "logo",
        ("VMO", "blue", "circle"),
    ),
    "logo-ki": (
        "Logo Kommunales Integrationszentrum",
        "Logo: die Buchstaben KI auf petrolfarbenem Quadrat",
        "logo",
        ("KI", "teal", "square"),
    ),
    "logo-elternverein": (
        "Logo Türkisch-Deutscher Elternverein",
        "Logo: die Buchstaben TDE auf violettem Kreis",
        "logo",
        ("TDE", "plum", "circle"),
    ),
    "logo-kulturforum": (
        "Logo Deutsch-Arabisches Kulturforum",
        "Logo: die Buchstaben DAK auf braunem Quadrat",
        "logo",
        ("DAK", "sand", "square"),
    ),
    "logo-isc": (
        "Logo Internationaler Sportclub",
        "Logo: die Buchstaben ISC auf dunkelgrünem Kreis",
        "logo",
        ("ISC", "green", "circle"),
    ),
    "logo-gesundheitsbruecke": (
        "Logo Gesundheitsbrücke",
        "Logo: die Buchstaben GB auf petrolfarbenem Kreis",
        "logo",
        ("GB", "teal", "circle"),
    ),
    "logo-sitara": (
        "Logo Frauennetzwerk Sitara",
        "Logo: der Buchstabe S auf dunkelblauem Quadrat",
        "logo",
        ("S", "night", "square"),
    ),
    "logo-amif": (
        "Logo Kofinanziert von der Europäischen Union",
        "Europaflagge mit dem Text: Kofinanziert von der Europäischen Union, "
        "Asyl-, Migrations- und Integrationsfonds",
        "eu_emblem",
        (),
    ),
    "logo-land": (
        "Logo Landesprogramm Zusammen vor Ort",
        "Logo: die Buchstaben ZvO auf grünem Quadrat",
        "logo",
        ("ZvO", "green", "square"),
    ),
    "portrait-yildirim": (
        "Porträt Derya Yıldırım",
        "Gezeichneter Platzhalter für ein Foto von Derya Yıldırım",
        "portrait",
        (1, "plum"),
    ),
    "portrait-lenz": (
        "Porträt Katharina Lenz",
        "Gezeichneter Platzhalter für ein Foto von Katharina Lenz",
        "portrait",
        (2, "teal"),
    ),
    "portrait-haddad": (
        "Porträt Samir Haddad",
        "Gezeichneter Platzhalter für ein Foto von Samir Haddad",
        "portrait",
        (3, "blue"),
    ),
    "portrait-rahimi": (
        "Porträt Amina Rahimi",
        "Gezeichneter Platzhalter für ein Foto von Amina Rahimi",
        "portrait",
        (4, "sand"),
    ),
}

# key: (title, file name, PDF title, lines)
DOCUMENTS = {
    "checkliste-foerderantrag": (
        "Checkliste Förderantrag (Demo)",
        "checkliste-foerderantrag.pdf",
        "Checkliste: Förderantrag für Vereinsprojekte",
        [
            "Demo-Dokument des Integrationsportals Mittelstadt - alle Angaben sind erfunden.",
            "",
            "1. Projektidee in drei Sätzen beschreiben: Was, für wen, warum?",
            "2. Ziele messbar formulieren: Wie viele Menschen, welche Veränderung?",
            "3. Zeitplan mit Meilensteinen aufstellen.",
            "4. Kostenplan: Honorare, Sachkosten, Raummiete, Verpflegung, Eigenanteil.",
            "5. Nachweise beilegen: Satzung, Freistellungsbescheid, Vereinsregisterauszug.",
            "6. Unterschriften der vertretungsberechtigten Vorstandsmitglieder einholen.",
            "7. Frist notieren und Antrag rechtzeitig einreichen.",
            "",
            "Beratung: Verbund der Migrantenorganisationen Mittelstadt, Telefon 0123 45678-12",
        ],
    ),
    "mustersatzung": (
        "Mustersatzung für gemeinnützige Vereine (Demo)",
        "mustersatzung-verein.pdf",
        "Mustersatzung (Auszug, Demo)",
        [
            "Demo-Dokument des Integrationsportals Mittelstadt - keine Rechtsberatung.",
            "",
            "§ 1 Name, Sitz, Geschäftsjahr",
            "§ 2 Zweck des Vereins (z. B. Förderung der Völkerverständigung und der Bildung)",
            "§ 3 Gemeinnützigkeit und Selbstlosigkeit",
            "§ 4 Mitgliedschaft: Erwerb, Beiträge, Austritt, Ausschluss",
            "§ 5 Organe: Mitgliederversammlung und Vorstand",
            "§ 6 Mitgliederversammlung: Einberufung, Beschlüsse, Protokoll",
            "§ 7 Vorstand: Zusammensetzung, Vertretung, Amtszeit",
            "§ 8 Kassenprüfung",
            "§ 9 Auflösung und Vermögensbindung",
            "",
            "Lassen Sie Ihre Satzung vor der Gründung vom Finanzamt vorab prüfen.",
        ],
    ),
}

# --- Contact persons and funding notes -----------------------------------------------------------

VERBUND_NAME = "Verbund der Migrantenorganisationen Mittelstadt e. V."
KI_NAME = "Stadt Mittelstadt, Kommunales Integrationszentrum"

CONTACTS = {
    "yildirim": {
        "name": "Derya Yıldırım",
        "role": "Vorsitzende",
        "employer": VERBUND_NAME,
        "phone": "0123 45678-10",
        "email": "d.yildirim@verbund-mittelstadt.example.org",
        "photo": img("portrait-yildirim"),
    },
    "brueckner": {
        "name": "Thomas Brückner",
        "role": "Geschäftsführer",
        "employer": VERBUND_NAME,
        "phone": "0123 45678-11",
        "email": "t.brueckner@verbund-mittelstadt.example.org",
    },
    "rahimi": {
        "name": "Amina Rahimi",
        "role": "Vereinsberatung und Projektentwicklung",
        "employer": VERBUND_NAME,
        "phone": "0123 45678-12",
        "email": "beratung@verbund-mittelstadt.example.org",
        "photo": img("portrait-rahimi"),
    },
    "lenz": {
        "name": "Dr. Katharina Lenz",
        "role": "Integrationsbeauftragte, Leiterin des Kommunalen Integrationszentrums",
        "employer": KI_NAME,
        "phone": "0123 45678-200",
        "email": "k.lenz@mittelstadt.example.org",
        "photo": img("portrait-lenz"),
    },
    "haddad": {
        "name": "Samir Haddad",
        "role": "Koordination Ehrenamt",
        "employer": KI_NAME,
        "phone": "0123 45678-214",
        "email": "ehrenamt@mittelstadt.example.org",
        "photo": img("portrait-haddad"),
    },
    "kovalenko": {
        "name": "Olena Kovalenko",
        "role": "Projektleitung „Starke Vereine – starke Nachbarschaft“",
        "employer": KI_NAME,
        "phone": "0123 45678-221",
        "email": "starke-vereine@mittelstadt.example.org",
    },
    "feldmann": {
        "name": "Markus Feldmann",
        "role": "Pressesprecher",
        "employer": "Stadt Mittelstadt, Presse- und Öffentlichkeitsarbeit",
        "phone": "0123 45678-300",
        "email": "presse@mittelstadt.example.org",
    },
    "oezdemir": {
        "name": "Mehmet Özdemir",
        "role": "Vorsitzender",
        "employer": "Türkisch-Deutscher Elternverein Mittelstadt e. V.",
        "phone": "0123 45678-410",
        "email": "vorstand@elternverein-mittelstadt.example.org",
    },
    "petrenko": {
        "name": "Iryna Petrenko",
        "role": "Vorsitzende",
        "employer": "Ukrainische Gemeinde Mittelstadt e. V.",
        "phone": "0123 45678-420",
        "email": "kontakt@ukrainische-gemeinde.example.org",
    },
    "nouri": {
        "name": "Farah Nouri",
        "role": "Koordination der Gesundheitslotsinnen und -lotsen",
        "employer": "Gesundheitsbrücke Mittelstadt e. V.",
        "phone": "0123 45678-430",
        "email": "lotsen@gesundheitsbruecke.example.org",
    },
}

FUNDING_NOTES = {
    "amif": {
        "title": "Asyl-, Migrations- und Integrationsfonds (AMIF)",
        "text": txt(
            """Dieses Vorhaben wird aus Mitteln des Asyl-, Migrations- und Integrationsfonds
            der Europäischen Union kofinanziert."""
        ),
        "logo": img("logo-amif"),
        "link": "https://home-affairs.ec.europa.eu/",
        "translations": {
            "en": (
                "Asylum, Migration and Integration Fund (AMIF)",
                "This project is co-funded by the European Union's Asylum, Migration and "
                "Integration Fund.",
            ),
            "tr": (
                "İltica, Göç ve Uyum Fonu (AMIF)",
                "Bu proje, Avrupa Birliği'nin İltica, Göç ve Uyum Fonu tarafından ortaklaşa "
                "finanse edilmektedir.",
            ),
            "ar": (
                "صندوق اللجوء والهجرة والاندماج (AMIF)",
                "يُموَّل هذا المشروع جزئيًا من صندوق اللجوء والهجرة والاندماج التابع للاتحاد الأوروبي.",
            ),
        },
    },
    "land": {
        "title": "Landesprogramm „Zusammen vor Ort“",
        "text": txt(
            """Gefördert im Landesprogramm „Zusammen vor Ort“ zur Stärkung von
            Migrantenorganisationen und Nachbarschaften (fiktives Förderprogramm)."""
        ),
        "logo": img("logo-land"),
        "link": "",
        "translations": {
            "en": (
                "State programme “Together Locally”",
                "Funded by the state programme “Together Locally”, which strengthens migrant "
                "organisations and neighbourhoods (a fictional programme).",
            ),
            "tr": (
                "Eyalet programı „Yerelde Birlikte“",
                "Göçmen örgütlerini ve mahalleleri güçlendiren „Yerelde Birlikte“ eyalet programı "
                "tarafından desteklenmektedir (kurgusal bir programdır).",
            ),
            "ar": (
                "برنامج الولاية «معًا على المستوى المحلي»",
                "بدعم من برنامج الولاية «معًا على المستوى المحلي» لتعزيز منظمات المهاجرين "
                "والأحياء السكنية (برنامج خيالي).",
            ),
        },
    },
}


# --- German pages: home, directories, plain pages ------------------------------------------------

VERBUND = "verbund-der-migrantenorganisationen-mittelstadt"
KI = "kommunales-integrationszentrum-mittelstadt"
ELTERNVEREIN = "tuerkisch-deutscher-elternverein-mittelstadt"
UKRAINE = "ukrainische-gemeinde-mittelstadt"
ISC = "internationaler-sportclub-mittelstadt"
GESUNDHEITSBRUECKE = "gesundheitsbruecke-mittelstadt"
MUEHLENHOF = "Begegnungszentrum Mühlenhof, Mühlenweg 7, 12343 Mittelstadt"

HOME = {
    "key": "home",
    "title": "Integrationsportal Mittelstadt",
    "slug": "home",
    "seo_title": "Integrationsportal Mittelstadt – Vereine, Termine, Arbeitshilfen",
    "search_description": txt(
        """Das Portal der Migrantenorganisationen und des Kommunalen Integrationszentrums
        Mittelstadt: Organisationen, Veranstaltungen, Neuigkeiten und Arbeitshilfen."""
    ),
    "intro": txt(
        """Hier finden Sie die Migrantenorganisationen und Initiativen in Mittelstadt,
        ihre Veranstaltungen, Neuigkeiten aus dem Verbund und Arbeitshilfen für die
        Integrationsarbeit vor Ort – in mehreren Sprachen."""
    ),
    "hero_image": img("hero"),
    "body": md(
        """
        ## Willkommen im Integrationsportal
        Mittelstadt ist eine Stadt der Vielen: Menschen aus über 140 Ländern leben hier. Mehr
        als 60 Vereine und Initiativen engagieren sich für ein gutes Zusammenleben – mit
        Hausaufgabenhilfe und Elterncafés, Sportgruppen und Kulturfesten, Beratung in der
        Muttersprache und Begleitung zu Ämtern. Dieses Portal macht ihre Arbeit sichtbar und
        verbindet sie mit der Stadtverwaltung, den Wohlfahrtsverbänden und allen, die mitmachen
        wollen.

        ## So finden Sie sich zurecht
        - **Organisationen:** das Verzeichnis der Vereine, Gemeinden und Initiativen, mit Suche
          und Filtern nach Handlungsfeld, Sprache und Stadtteil
        - **Veranstaltungen:** Termine von Vereinen und Verwaltung, auch als Kalender zum
          Abonnieren
        - **Aktuelles:** Neuigkeiten aus dem Verbund und Pressemitteilungen
        - **Arbeitshilfen:** Checklisten, Methoden und Beschreibungen für die Praxis

        !callout info: Demo-Inhalte
        Mittelstadt gibt es nicht. Alle Organisationen, Personen, Adressen, Telefonnummern und
        E-Mail-Adressen auf dieser Website sind erfunden. Die Texte zeigen, wie das Portal im
        Alltag aussehen kann.
        """
    ),
}

INDEX_PAGES = [
    {
        "key": "organisations",
        "model": "OrganisationIndexPage",
        "title": "Organisationen",
        "slug": "organisationen",
        "intro": txt(
            """Migrantenorganisationen, Gemeinden, Initiativen und Fachstellen in Mittelstadt.
            Suchen Sie nach einem Stichwort oder filtern Sie nach Handlungsfeld, Sprache und
            Stadtteil."""
        ),
    },
    {
        "key": "events",
        "model": "EventIndexPage",
        "title": "Veranstaltungen",
        "slug": "veranstaltungen",
        "intro": txt(
            """Treffen, Workshops, Feste und Sprechstunden der Vereine und der Stadt. Alle
            Termine gibt es auch als Kalender-Abonnement."""
        ),
    },
    {
        "key": "news",
        "model": "NewsIndexPage",
        "title": "Aktuelles",
        "slug": "aktuelles",
        "intro": txt(
            """Neuigkeiten aus dem Verbund und seinen Mitgliedsvereinen, Pressemitteilungen,
            Projekte und Hinweise auf Fördermöglichkeiten."""
        ),
    },
    {
        "key": "guidance",
        "model": "GuidanceIndexPage",
        "title": "Arbeitshilfen",
        "slug": "arbeitshilfen",
        "intro": txt(
            """Arbeitshilfen, Methodenkarten, Aufgabenbeschreibungen und Projektberichte für
            alle, die vor Ort Integrationsarbeit machen – ehrenamtlich oder beruflich."""
        ),
    },
]

EVENT_SUBMISSION = {
    "key": "event-submission",
    "title": "Veranstaltung melden",
    "slug": "melden",
    "intro": txt(
        """Ihr Verein oder Ihre Initiative lädt zu einer Veranstaltung ein? Melden Sie sie hier.
        Die Redaktion prüft jede Meldung und veröffentlicht sie meist innerhalb weniger
        Werktage. Ein Konto brauchen Sie dafür nicht."""
    ),
    "confirmation_text": txt(
        """Vielen Dank! Bitte heben Sie die Nummer unten auf, falls Sie Fragen zu Ihrer
        Meldung haben."""
    ),
}

KICK_OFF_SIGN_UP = {
    "key": "kick-off-sign-up",
    "title": "Anmeldung zum Auftakt der Vereinswerkstatt",
    "slug": "anmeldung-vereinswerkstatt",
    "intro": txt(
        """Die Vereinswerkstatt beginnt mit einem gemeinsamen Auftakt im Begegnungszentrum
        Mühlenhof. Melden Sie Ihren Verein bitte bis eine Woche vorher an."""
    ),
    "thank_you_text": txt("""Danke! Ihre Anmeldung ist angekommen. Sie bekommen eine Bestätigung
        per E-Mail."""),
    "to_address": "redaktion@verbund-mittelstadt.example.org",
    "from_address": "portal@verbund-mittelstadt.example.org",
    "subject": "Anmeldung zum Auftakt der Vereinswerkstatt",
    "confirmation_text": txt(
        """Vielen Dank für Ihre Anmeldung zum Auftakt der Vereinswerkstatt. Wir melden uns
        vor der Veranstaltung mit allen Einzelheiten. Ihre Angaben:"""
    ),
    "form_fields": [
        ("Name des Vereins oder der Initiative", "singleline", True),
        ("Ansprechperson", "singleline", True),
        ("E-Mail", "email", True),
        ("Telefon", "singleline", False),
        ("Anzahl der Teilnehmenden", "number", True),
        (
            "Ich bin einverstanden, dass meine Angaben zur Organisation gespeichert werden.",
            "checkbox",
            True,
        ),
    ],
}

IMPRESSUM = {
    "key": "imprint",
    "title": "Impressum",
    "slug": "impressum",
    "intro": "Angaben zum Anbieter dieser Website.",
    "body": md(
        """
        ## Anbieter
        Verbund der Migrantenorganisationen Mittelstadt e. V., Mühlenweg 7, 12343 Mittelstadt

        - Telefon: 0123 45678-0
        - E-Mail: info@verbund-mittelstadt.example.org
        - Web: verbund-mittelstadt.example.org

        ## Vertretungsberechtigter Vorstand
        Derya Yıldırım (Vorsitzende), Mehmet Özdemir (stellvertretender Vorsitzender),
        Iryna Petrenko (Schatzmeisterin)

        ## Registereintrag
        Eingetragen im Vereinsregister des Amtsgerichts Mittelstadt unter der Nummer VR 4711.

        ## Verantwortlich für den Inhalt
        Thomas Brückner, Geschäftsführer, Anschrift wie oben. Für Seiten des Kommunalen
        Integrationszentrums ist die Stadt Mittelstadt verantwortlich, vertreten durch die
        Integrationsbeauftragte Dr. Katharina Lenz.

        ## Inhalte der Vereine
        Organisationen und Initiativen können Veranstaltungen und Änderungen an ihrem Profil
        einreichen. Die Redaktion prüft jede Einsendung vor der Veröffentlichung, übernimmt aber
        keine Gewähr für Angaben der Vereine.

        !callout important: Demo-Website
        Dies ist eine Demonstration. Mittelstadt, der Verbund, alle Personen, Adressen und
        Registernummern sind erfunden.
        """
    ),
}

DATENSCHUTZ = {
    "key": "privacy",
    "title": "Datenschutz",
    "slug": "datenschutz",
    "intro": txt(
        """Wir erheben so wenige Daten wie möglich. Diese Erklärung sagt, was beim Besuch
        dieser Website gespeichert wird, wie lange und welche Rechte Sie haben."""
    ),
    "body": md(
        """
        ## Verantwortlich
        Verbund der Migrantenorganisationen Mittelstadt e. V., Mühlenweg 7, 12343 Mittelstadt,
        E-Mail: datenschutz@verbund-mittelstadt.example.org. Unsere Datenschutzbeauftragte
        erreichen Sie unter derselben Adresse.

        ## Keine Cookies, keine Statistik, keine Dritten
        - Wer diese Website liest, bekommt **keine Cookies**. Die Sprache steht in der Adresse
          der Seite (/de/, /tr/ …), nicht in einem Cookie.
        - Wir verwenden **keine Analyse- oder Statistikdienste** und kein Tracking.
        - Schriften, Bilder und Skripte kommen von unserem eigenen Server. Beim Lesen
          werden **keine Anfragen an Dritte** gestellt.
        - Nur wer sich als Redakteurin oder Redakteur anmeldet, erhält ein technisch notwendiges
          Sitzungs-Cookie, das beim Abmelden gelöscht wird.
        - Seiten mit einem Formular setzen ein technisch notwendiges Cookie (csrftoken), das
          gefälschte Einsendungen verhindert. Es enthält nur eine Zufallszahl.

        ## Server-Protokolle
        Der Webserver speichert bei jedem Abruf die IP-Adresse, Datum und Uhrzeit, die
        aufgerufene Adresse, den Statuscode und die Browserkennung. Wir brauchen diese Angaben,
        um Störungen und Angriffe zu erkennen (Art. 6 Abs. 1 lit. f DSGVO). Die Protokolle werden
        nach 14 Tagen automatisch gelöscht und nicht mit anderen Daten zusammengeführt.

        ## Formulare
        Wenn Sie über ein Formular eine Veranstaltung melden oder sich zu einer Veranstaltung
        anmelden, speichern wir Ihre Angaben und Ihre Kontaktdaten, um die Meldung zu prüfen,
        die Anmeldung zu bearbeiten und bei Fragen nachzufragen (Art. 6 Abs. 1 lit. b und f
        DSGVO). Ihre Kontaktdaten sehen nur die Personen unserer Redaktion, die Meldungen
        prüfen; veröffentlicht werden sie nie. Veröffentlicht wird nur, was für die
        Veranstaltung nötig ist, und ein Bild erst, wenn die Redaktion es freigegeben hat.

        Wir bewahren Ihre Angaben nur so lange auf, wie wir sie dafür brauchen: Ihre
        Kontaktdaten zu einer Veranstaltung löschen wir 90 Tage nach ihrem letzten Termin,
        bei einer abgelehnten Meldung 30 Tage nach der Ablehnung; Anmeldungen löschen wir
        90 Tage nach dem Absenden. Das geschieht automatisch jede Nacht.

        Um unsere Formulare vor massenhaften Einsendungen zu schützen, zählen wir für eine
        Stunde, wie oft von einer Internetadresse aus ein Formular abgeschickt wird. Dafür
        speichern wir nur einen nicht umkehrbaren Hashwert der Adresse, nicht die Adresse
        selbst.

        ## Ihre Rechte
        Sie haben das Recht auf Auskunft, Berichtigung, Löschung und Einschränkung der
        Verarbeitung, auf Datenübertragbarkeit und auf Widerspruch. Sie können sich außerdem bei
        einer Datenschutz-Aufsichtsbehörde beschweren, etwa bei der oder dem
        Landesbeauftragten für den Datenschutz.
        """
    ),
}

BARRIEREFREIHEIT = {
    "key": "accessibility",
    "title": "Erklärung zur Barrierefreiheit",
    "slug": "barrierefreiheit",
    "intro": txt(
        """Wir möchten, dass alle Menschen diese Website nutzen können – unabhängig von
        Behinderung, Alter, Sprache oder Gerät."""
    ),
    "body": lambda today: md(
        f"""
        ## Geltungsbereich
        Diese Erklärung gilt für das Integrationsportal Mittelstadt in allen Sprachfassungen.

        ## Stand der Vereinbarkeit
        Die Website ist mit der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) und
        den Web Content Accessibility Guidelines (WCAG) 2.1 auf Stufe AA **teilweise
        vereinbar**. Die Seiten lassen sich vollständig mit der Tastatur bedienen, funktionieren
        mit Screenreadern und Vergrößerung bis 400 Prozent, arabische und persische Seiten werden
        von rechts nach links dargestellt.

        ## Nicht barrierefreie Inhalte
        - Einige ältere PDF-Dokumente der Vereine sind nicht vollständig barrierefrei. Auf
          Nachfrage schicken wir Ihnen die Inhalte in einer zugänglichen Form.
        - Noch nicht alle Seiten gibt es in allen Sprachen. Fehlt eine Übersetzung, zeigen wir
          den deutschen Text und sagen das deutlich.
        - Texte in Leichter Sprache und Videos in Deutscher Gebärdensprache fehlen noch. Wir
          arbeiten daran.

        ## Erstellung dieser Erklärung
        Diese Erklärung wurde am {long_date(today - days(30))} auf Grundlage einer
        Selbstbewertung erstellt und wird jährlich überprüft.

        ## Barriere melden
        Ist Ihnen eine Barriere aufgefallen? Schreiben Sie uns an
        barrierefreiheit@verbund-mittelstadt.example.org oder rufen Sie an: 0123 45678-0. Wir
        antworten innerhalb von zwei Wochen.

        ## Schlichtungsverfahren
        Wenn Sie mit unserer Antwort nicht zufrieden sind, können Sie sich an die
        Schlichtungsstelle nach § 16 Behindertengleichstellungsgesetz wenden. Sie hilft, Streit
        über Barrieren ohne Gericht zu lösen; das Verfahren ist kostenlos. Informationen finden
        Sie unter [www.schlichtungsstelle-bgg.de](https://www.schlichtungsstelle-bgg.de).
        """
    ),
}

UEBER_UNS = {
    "key": "about",
    "title": "Über uns",
    "slug": "ueber-uns",
    "intro": txt(
        """Das Integrationsportal ist ein gemeinsames Angebot des Verbundes der
        Migrantenorganisationen und des Kommunalen Integrationszentrums Mittelstadt."""
    ),
    "body": md(
        """
        ## Ein Portal, viele Stimmen
        Das Portal ist aus dem Wunsch der Vereine entstanden, ihre Angebote an einem Ort zu
        zeigen – und zwar in den Sprachen der Menschen, die sie erreichen wollen. Die Redaktion
        liegt beim Verbund; das Kommunale Integrationszentrum steuert Arbeitshilfen und Termine
        der Verwaltung bei.

        ## Wer übersetzt?
        Ehrenamtliche Übersetzerinnen und Übersetzer aus den Mitgliedsvereinen übertragen die
        wichtigsten Seiten ins Englische, Türkische, Arabische, Russische, Ukrainische und
        Persische. Wo eine Übersetzung noch fehlt, sehen Sie den deutschen Text.

        ## Mitmachen
        Ihr Verein fehlt im Verzeichnis oder Sie möchten einen Termin melden? Nutzen Sie die
        Formulare auf den Seiten „Organisationen“ und „Veranstaltungen“ oder schreiben Sie an
        redaktion@verbund-mittelstadt.example.org.

        !contact brueckner
        """
    ),
}

STANDARD_PAGES = [IMPRESSUM, DATENSCHUTZ, BARRIEREFREIHEIT, UEBER_UNS]


# --- Organisations -------------------------------------------------------------------------------

ORGANISATIONS = [
    {
        "key": "verbund",
        "title": "Verbund der Migrantenorganisationen Mittelstadt e. V.",
        "slug": VERBUND,
        "legal_form": "eingetragener Verein (e. V.), gemeinnützig",
        "founded": 2001,
        "logo": img("logo-verbund"),
        "summary": txt(
            """Der Dachverband von über 60 Migrantenorganisationen in Mittelstadt: Er berät
            Vereine, vertritt ihre Anliegen in städtischen Gremien und bringt Vereine, Verwaltung
            und Stadtgesellschaft zusammen."""
        ),
        "body": md(
            """
            ## Wer wir sind
            Elf Vereine gründeten den Verbund im Jahr 2001, weil sie nicht länger jeder für sich
            mit der Stadtverwaltung verhandeln wollten. Heute sind mehr als 60 Organisationen
            Mitglied: Elternvereine, Kultur- und Sportvereine, religiöse Gemeinden, Frauen- und
            Jugendgruppen. Zusammen sprechen sie über 25 Sprachen.

            ## Was wir tun
            - **Beratung für Vereine:** Satzung, Gemeinnützigkeit, Buchhaltung, Förderanträge und
              Öffentlichkeitsarbeit
            - **Interessenvertretung:** Mitarbeit in 18 kommunalen, regionalen und landesweiten
              Gremien, Arbeitskreisen und Netzwerken
            - **Vernetzung:** regelmäßige Treffen der Mitgliedsvereine und gemeinsame Projekte mit
              Verwaltung, Wohlfahrtsverbänden und Schulen
            - **Information:** dieses Portal, ein Newsletter und Veranstaltungen in mehreren
              Sprachen

            ## Zusammenarbeit mit der Stadt
            Grundlage der Zusammenarbeit ist eine Kooperationsvereinbarung mit dem Kommunalen
            Integrationszentrum. Die Stadt fördert die Geschäftsstelle des Verbundes strukturell;
            Projekte finanziert der Verbund über Landes-, Bundes- und EU-Programme.

            > Wir verstehen uns als Brücke: Was in den Vereinen passiert, soll in der Stadtpolitik
            > ankommen – und umgekehrt.
            > -- Derya Yıldırım | Vorsitzende des Verbundes
            """
        ),
        "fields_of_action": ["beratung", "teilhabe", "bildung", "arbeit", "kultur"],
        "target_groups": ["migrantenorganisationen", "ehrenamtliche", "neuzugewanderte"],
        "communities": "Mitgliedsvereine mit Wurzeln in mehr als 30 Ländern",
        "languages": [
            "deutsch",
            "tuerkisch",
            "arabisch",
            "russisch",
            "ukrainisch",
            "farsi",
            "kurdisch",
            "englisch",
        ],
        "district": "nordstadt",
        "street": "Mühlenweg 7 (Begegnungszentrum Mühlenhof)",
        "postcode": "12343",
        "meeting_times": (
            "Geschäftsstelle: Montag bis Donnerstag 9–16 Uhr, Freitag 9–13 Uhr\n"
            "Vereinsberatung: Dienstag 14–18 Uhr und nach Vereinbarung"
        ),
        "phone": "0123 45678-0",
        "email": "info@verbund-mittelstadt.example.org",
        "website": "https://verbund-mittelstadt.example.org",
        "contact_persons": [person("yildirim"), person("brueckner"), person("rahimi")],
        "links": [
            ("Newsletter", "https://verbund-mittelstadt.example.org/newsletter"),
            ("Mastodon", "https://social.example.org/@verbund_mittelstadt"),
        ],
    },
    {
        "key": "ki",
        "title": "Kommunales Integrationszentrum Mittelstadt",
        "slug": KI,
        "legal_form": "Dienststelle der Stadtverwaltung",
        "founded": 2013,
        "logo": img("logo-ki"),
        "summary": txt(
            """Die Fachstelle der Stadt Mittelstadt für Integration: Sie stimmt die
            Integrationsarbeit der Verwaltung ab, fördert Migrantenorganisationen und begleitet das
            Ehrenamt."""
        ),
        "body": md(
            """
            ## Integration als Aufgabe der ganzen Stadt
            Das Kommunale Integrationszentrum (KI) sorgt dafür, dass Integration nicht nur im
            Sozialamt stattfindet, sondern in allen Bereichen der Verwaltung – vom Jugendamt bis
            zur Wirtschaftsförderung. Es arbeitet eng mit dem Verbund der Migrantenorganisationen,
            den Wohlfahrtsverbänden, Schulen und dem Jobcenter zusammen.

            ## Angebote
            - Förderfonds für Projekte von Migrantenorganisationen und Initiativen
            - Koordination des Ehrenamts in der Flüchtlingshilfe, mit einem Vernetzungstreffen
              alle drei Monate
            - Beratung für Kitas und Schulen zu Mehrsprachigkeit und Seiteneinstieg
            - Jährliche Integrationskonferenz mit Verwaltung, Politik und Vereinen

            Eine ausführliche Beschreibung der Aufgaben finden Sie unter „Arbeitshilfen“.
            """
        ),
        "fields_of_action": ["bildung", "arbeit", "beratung", "teilhabe", "sprache"],
        "target_groups": [
            "migrantenorganisationen",
            "ehrenamtliche",
            "fachkraefte",
            "verwaltung",
            "neuzugewanderte",
        ],
        "languages": ["deutsch", "englisch", "arabisch", "tuerkisch", "ukrainisch"],
        "district": "altstadt",
        "street": "Rathausplatz 1, Haus B",
        "postcode": "12341",
        "meeting_times": "Montag bis Freitag 8:30–12:30 Uhr, Donnerstag zusätzlich 14–17 Uhr",
        "phone": "0123 45678-200",
        "email": "integration@mittelstadt.example.org",
        "website": "https://www.mittelstadt.example.org/integration",
        "contact_persons": [person("lenz"), person("haddad"), person("kovalenko")],
    },
    {
        "key": "elternverein",
        "title": "Türkisch-Deutscher Elternverein Mittelstadt e. V.",
        "slug": ELTERNVEREIN,
        "legal_form": "eingetragener Verein (e. V.), gemeinnützig",
        "founded": 1994,
        "logo": img("logo-elternverein"),
        "summary": txt(
            """Eltern helfen Eltern: Der Verein begleitet Familien durch Kita, Schule und
            Ausbildung – auf Deutsch und Türkisch."""
        ),
        "body": md(
            """
            Der Elternverein wurde von Müttern und Vätern gegründet, die sich beim Elternabend
            oft nicht verstanden fühlten. Heute erklären ehrenamtliche Elternbegleiterinnen und
            -begleiter das Schulsystem, gehen mit zu Gesprächen in der Schule und organisieren
            Infoabende zu Übergängen: von der Kita in die Grundschule, von der Grundschule in die
            weiterführende Schule und von der Schule in den Beruf.

            - Elterncafé jeden Donnerstag, auch mit Müttern und Vätern anderer Sprachen
            - Hausaufgabenhilfe für Grundschulkinder
            - Infoabende mit Schulen und der Berufsberatung
            """
        ),
        "fields_of_action": ["bildung", "familie", "jugend"],
        "target_groups": ["eltern", "kinder", "familien"],
        "communities": "Familien mit türkischen und kurdischen Wurzeln, heute aus vielen Ländern",
        "languages": ["deutsch", "tuerkisch", "kurdisch"],
        "district": "suedstadt",
        "street": "Schulstraße 23",
        "postcode": "12345",
        "meeting_times": (
            "Elterncafé: donnerstags 15:30–17:30 Uhr\n"
            "Hausaufgabenhilfe: Montag bis Mittwoch 14–16 Uhr"
        ),
        "email": "vorstand@elternverein-mittelstadt.example.org",
        "website": "https://elternverein-mittelstadt.example.org",
        "is_member": True,
        "member_since": 2001,
        "contact_persons": [person("oezdemir")],
        "links": [("Instagram", "https://social.example.org/@elternverein_mittelstadt")],
    },
    {
        "key": "kulturforum",
        "title": "Deutsch-Arabisches Kulturforum Mittelstadt e. V.",
        "slug": "deutsch-arabisches-kulturforum-mittelstadt",
        "legal_form": "eingetragener Verein (e. V.), gemeinnützig",
        "founded": 2009,
        "logo": img("logo-kulturforum"),
        "summary": txt(
            """Lesungen, Musik, Kochabende und Arabischunterricht für Kinder: Das Forum zeigt
            die Vielfalt der arabischsprachigen Kulturen und lädt alle Mittelstädterinnen und
            Mittelstädter ein."""
        ),
        "body": md(
            """
            Das Kulturforum versteht sich als offenes Haus. Einmal im Monat lädt es zum
            „Literarischen Salon“ ein, bei dem Autorinnen und Autoren zweisprachig lesen. Die
            Samstagsschule unterrichtet rund 80 Kinder in Arabisch als Herkunftssprache, und beim
            jährlichen Kulturfest kochen Familien aus acht Ländern für die Nachbarschaft.

            Das Forum beteiligt sich am interreligiösen Gesprächskreis der Stadt und bietet
            Schulen Workshops zu Kultur und Geschichte der arabischen Welt an.
            """
        ),
        "fields_of_action": ["kultur", "bildung", "religion-dialog"],
        "target_groups": ["familien", "kinder", "jugendliche"],
        "communities": "Syrien, Irak, Libanon, Marokko, Palästina, Sudan, Ägypten",
        "languages": ["arabisch", "deutsch", "franzoesisch", "englisch"],
        "district": "hafenviertel",
        "street": "Kaistraße 5",
        "postcode": "12346",
        "meeting_times": "Samstagsschule: samstags 10–13 Uhr\nBüro: Mittwoch 16–19 Uhr",
        "email": "info@kulturforum-mittelstadt.example.org",
        "is_member": True,
        "member_since": 2010,
    },
    {
        "key": "ukraine",
        "title": "Ukrainische Gemeinde Mittelstadt e. V.",
        "slug": UKRAINE,
        "legal_form": "eingetragener Verein (e. V.)",
        "founded": 2015,
        "summary": txt(
            """Anlaufstelle für Menschen aus der Ukraine: Beratungscafé, Sprachtreffs,
            Kinderchor und Hilfe beim Ankommen in Mittelstadt."""
        ),
        "body": md(
            """
            Was als kleiner Kulturverein begann, ist seit 2022 eine wichtige Anlaufstelle für
            geflüchtete Familien geworden. Ehrenamtliche helfen bei Anträgen, vermitteln Kontakte
            zu Sprachkursen und Ärztinnen und organisieren Freizeitangebote für Kinder.

            - Beratungscafé: Hilfe bei Formularen, Terminen und Briefen
            - Sprachtreff Deutsch für Erwachsene, getrennt nach Niveau
            - Kinderchor und ukrainische Samstagsschule
            """
        ),
        "fields_of_action": ["beratung", "sprache", "kultur", "familie"],
        "target_groups": ["gefluechtete", "neuzugewanderte", "familien", "kinder"],
        "communities": "Ukraine",
        "languages": ["ukrainisch", "russisch", "deutsch", "englisch"],
        "district": "weststadt",
        "street": "Ahornallee 40",
        "postcode": "12344",
        "meeting_times": "Beratungscafé: dienstags und freitags 10–13 Uhr",
        "email": "kontakt@ukrainische-gemeinde.example.org",
        "is_member": True,
        "member_since": 2022,
        "contact_persons": [person("petrenko")],
    },
    {
        "key": "sitara",
        "title": "Frauennetzwerk Sitara e. V.",
        "slug": "frauennetzwerk-sitara",
        "legal_form": "eingetragener Verein (e. V.), gemeinnützig",
        "founded": 2017,
        "logo": img("logo-sitara"),
        "summary": txt(
            """Ein Treffpunkt für Frauen aus Afghanistan, Iran und anderen Ländern:
            Deutschkurse mit Kinderbetreuung, Nähwerkstatt, Beratung und gemeinsame Ausflüge."""
        ),
        "body": md(
            """
            „Sitara“ heißt Stern. Der Verein bietet Frauen einen geschützten Raum, um Deutsch zu
            lernen, Erfahrungen auszutauschen und eigene Ideen umzusetzen. Während der Kurse
            betreuen Ehrenamtliche die Kinder. In der Nähwerkstatt entstehen Taschen, die auf dem
            Wochenmarkt verkauft werden; der Erlös finanziert Ausflüge.

            Seit 2023 begleitet das Netzwerk Frauen beim Einstieg in Ausbildung und Beruf, in
            Zusammenarbeit mit dem Jobcenter und örtlichen Betrieben.
            """
        ),
        "fields_of_action": ["frauen", "sprache", "arbeit", "gesundheit"],
        "target_groups": ["frauen", "gefluechtete", "neuzugewanderte"],
        "communities": "Afghanistan, Iran, Tadschikistan",
        "languages": ["farsi", "dari", "deutsch", "englisch"],
        "district": "nordstadt",
        "street": "Birkenweg 3",
        "postcode": "12343",
        "meeting_times": "Frauentreff: montags und mittwochs 9–12 Uhr (mit Kinderbetreuung)",
        "email": "hallo@sitara-mittelstadt.example.org",
        "is_member": True,
        "member_since": 2018,
    },
    {
        "key": "isc",
        "title": "Internationaler Sportclub Mittelstadt e. V.",
        "slug": ISC,
        "legal_form": "eingetragener Verein (e. V.), gemeinnützig",
        "founded": 1998,
        "logo": img("logo-isc"),
        "summary": txt(
            """Fußball, Basketball und Boxen für Kinder und Jugendliche aus über 20 Nationen –
            mit ausgebildeten Übungsleiterinnen und Übungsleitern und einem eigenen Mädchenteam."""
        ),
        "body": md(
            """
            Im ISC trainieren rund 350 Kinder und Jugendliche. Der Mitgliedsbeitrag ist bewusst
            niedrig; wer ihn nicht zahlen kann, spielt trotzdem mit. Ältere Jugendliche werden zu
            Übungsleiterinnen und Übungsleitern ausgebildet und übernehmen Verantwortung für die
            Jüngeren.

            Einmal im Jahr richtet der Verein das Turnier „Anstoß für Vielfalt“ aus, bei dem
            Teams aus Vereinen, Schulen und Jugendzentren gegeneinander antreten.
            """
        ),
        "fields_of_action": ["sport", "jugend"],
        "target_groups": ["jugendliche", "kinder"],
        "communities": "Mitglieder aus über 20 Herkunftsländern",
        "languages": ["deutsch", "tuerkisch", "arabisch", "polnisch", "englisch"],
        "district": "eichenhain",
        "street": "Am Sportpark 2",
        "postcode": "12347",
        "meeting_times": "Training: Montag bis Freitag ab 16 Uhr, Mädchenteam dienstags 17 Uhr",
        "phone": "0123 45678-440",
        "website": "https://isc-mittelstadt.example.org",
        "is_member": True,
        "member_since": 2004,
        "links": [("Vereinskalender", "https://isc-mittelstadt.example.org/termine")],
    },
    {
        "key": "eritrea",
        "title": "Eritreische Gemeinschaft Mittelstadt e. V.",
        "slug": "eritreische-gemeinschaft-mittelstadt",
        "legal_form": "eingetragener Verein (e. V.)",
        "founded": 2016,
        "summary": txt(
            """Die Gemeinschaft unterstützt Menschen aus Eritrea beim Ankommen, organisiert
            Kulturfeste und hilft mit Dolmetschen bei Behördengängen."""
        ),
        "body": md(
            """
            Viele Mitglieder sind selbst vor wenigen Jahren nach Mittelstadt gekommen. Sie wissen,
            wie schwer die ersten Monate sind, und begleiten Neuankommende zu Ämtern, Ärztinnen
            und Schulen. Zum Jahresfest im Herbst kommen Gäste aus der ganzen Region.
            """
        ),
        "fields_of_action": ["kultur", "beratung", "sprache"],
        "target_groups": ["gefluechtete", "familien"],
        "communities": "Eritrea, Äthiopien",
        "languages": ["tigrinya", "deutsch", "englisch", "arabisch"],
        "district": "hafenviertel",
        "street": "Speicherstraße 14",
        "postcode": "12346",
        "meeting_times": "Treffen: jeden zweiten Sonntag im Monat ab 15 Uhr",
        "email": "info@eritreische-gemeinschaft.example.org",
        "is_member": True,
        "member_since": 2019,
    },
    {
        "key": "most",
        "title": "Polnischer Kulturverein „Most“ e. V.",
        "slug": "polnischer-kulturverein-most",
        "legal_form": "eingetragener Verein (e. V.), gemeinnützig",
        "founded": 1991,
        "summary": txt(
            """Seit über dreißig Jahren pflegt „Most“ (polnisch für Brücke) Sprache und Kultur:
            mit Samstagsschule, Chor, Seniorenkreis und deutsch-polnischen Festen."""
        ),
        "body": md(
            """
            Der Verein gehört zu den Gründungsmitgliedern des Verbundes. Neben der Kulturarbeit
            hat „Most“ in den letzten Jahren viele Menschen aus Polen beraten, die zum Arbeiten
            nach Mittelstadt gekommen sind – etwa zu Arbeitsverträgen, Krankenversicherung und
            Kindergeld.
            """
        ),
        "fields_of_action": ["kultur", "bildung", "senioren", "arbeit"],
        "target_groups": ["kinder", "seniorinnen-senioren", "familien"],
        "communities": "Polen",
        "languages": ["polnisch", "deutsch"],
        "district": "altstadt",
        "street": "Marktgasse 9",
        "postcode": "12341",
        "meeting_times": "Chor: mittwochs 19 Uhr\nSeniorenkreis: jeden ersten Freitag, 15 Uhr",
        "email": "most@kulturverein-most.example.org",
        "is_member": True,
        "member_since": 2001,
    },
    {
        "key": "kurdisch",
        "title": "Kurdisches Gemeinschaftszentrum Mittelstadt e. V.",
        "slug": "kurdisches-gemeinschaftszentrum-mittelstadt",
        "legal_form": "eingetragener Verein (e. V.), gemeinnützig",
        "founded": 2005,
        "summary": txt(
            """Beratung, Frauengruppe, Hausaufgabenhilfe und Musikunterricht: Das Zentrum ist
            ein offener Treffpunkt für kurdische Familien und ihre Nachbarinnen und Nachbarn."""
        ),
        "body": md(
            """
            Im Zentrum treffen sich Menschen mit Wurzeln in der Türkei, in Syrien, im Irak und in
            Iran. Die Sozialberatung hilft in vier Sprachen, die Frauengruppe organisiert
            Gesundheitsabende, und in der Musikschule lernen Kinder Saz und Daf.
            """
        ),
        "fields_of_action": ["beratung", "frauen", "kultur", "bildung"],
        "target_groups": ["familien", "frauen", "jugendliche"],
        "communities": "Türkei, Syrien, Irak, Iran",
        "languages": ["kurdisch", "tuerkisch", "arabisch", "deutsch"],
        "district": "nordstadt",
        "street": "Lindenstraße 61",
        "postcode": "12343",
        "meeting_times": "Sozialberatung: Montag und Donnerstag 10–14 Uhr",
        "phone": "0123 45678-450",
        "is_member": True,
        "member_since": 2006,
    },
    {
        "key": "silberfaden",
        "title": "Interkultureller Seniorenkreis „Silberfaden“",
        "slug": "interkultureller-seniorenkreis-silberfaden",
        "legal_form": "Initiative ohne eigene Rechtsform, angebunden an den Verbund",
        "founded": 2012,
        "summary": txt(
            """Ältere Menschen aus vielen Ländern treffen sich jede Woche zum Erzählen, Kochen
            und Spazierengehen – und informieren sich gemeinsam über Pflege und Gesundheit."""
        ),
        "body": md(
            """
            Viele Mitglieder kamen in den 1960er- und 1970er-Jahren zum Arbeiten nach
            Mittelstadt. Im Seniorenkreis erzählen sie sich ihre Geschichten, laden
            Fachleute aus Pflegeberatung und Seniorenbüro ein und besuchen sich gegenseitig, wenn
            jemand krank ist.
            """
        ),
        "fields_of_action": ["senioren", "gesundheit", "kultur"],
        "target_groups": ["seniorinnen-senioren"],
        "communities": "Türkei, Griechenland, Italien, Russland, Kasachstan, Polen",
        "languages": ["deutsch", "tuerkisch", "russisch", "griechisch", "polnisch"],
        "district": "muehlenfeld",
        "street": "Seniorenbüro Mühlenfeld, Kastanienweg 2",
        "postcode": "12348",
        "meeting_times": "Treffen: donnerstags 14–17 Uhr",
        "phone": "0123 45678-460",
        "is_member": True,
        "member_since": 2012,
    },
    {
        "key": "gesundheitsbruecke",
        "title": "Gesundheitsbrücke Mittelstadt e. V.",
        "slug": GESUNDHEITSBRUECKE,
        "legal_form": "eingetragener Verein (e. V.), gemeinnützig",
        "founded": 2019,
        "logo": img("logo-gesundheitsbruecke"),
        "summary": txt(
            """Geschulte Gesundheitslotsinnen und -lotsen informieren in ihrer Muttersprache über
            das Gesundheitssystem, Vorsorge und psychische Gesundheit."""
        ),
        "body": md(
            """
            Die Lotsinnen und Lotsen werden in einer 50-stündigen Schulung auf ihre Aufgabe
            vorbereitet. Danach gestalten sie Infoveranstaltungen in Vereinen, Moscheegemeinden,
            Sprachkursen und Elterncafés – zu Themen wie Impfungen, Vorsorge, Pflege oder Stress.

            > Viele wissen nicht, dass sie sich an die Hausärztin wenden können, wenn es der Seele
            > nicht gut geht. Genau solche Fragen beantworten wir.
            > -- Farah Nouri | Koordinatorin der Gesundheitslotsinnen und -lotsen
            """
        ),
        "fields_of_action": ["gesundheit", "beratung"],
        "target_groups": ["neuzugewanderte", "familien", "frauen", "seniorinnen-senioren"],
        "communities": "Lotsinnen und Lotsen aus 14 Herkunftsländern",
        "languages": [
            "deutsch",
            "arabisch",
            "tuerkisch",
            "farsi",
            "russisch",
            "ukrainisch",
            "tigrinya",
            "somali",
            "rumaenisch",
        ],
        "district": "suedstadt",
        "street": "Gartenstraße 18",
        "postcode": "12345",
        "meeting_times": "Telefonsprechstunde: Mittwoch 10–12 Uhr",
        "phone": "0123 45678-430",
        "email": "lotsen@gesundheitsbruecke.example.org",
        "website": "https://gesundheitsbruecke.example.org",
        "is_member": True,
        "member_since": 2020,
        "contact_persons": [person("nouri")],
    },
    {
        "key": "moschee",
        "title": "Islamische Gemeinde Nordstadt e. V.",
        "slug": "islamische-gemeinde-nordstadt",
        "legal_form": "eingetragener Verein (e. V.)",
        "founded": 1987,
        "summary": txt(
            """Die Gemeinde lädt zum Tag der offenen Moschee und zu interreligiösen
            Gesprächsabenden ein und bietet Jugendlichen Nachhilfe und Freizeitangebote."""
        ),
        "body": md(
            """
            Die Gemeinde ist Mitglied im Rat der Religionen Mittelstadt und öffnet ihre Räume
            regelmäßig für Schulklassen. Ihre Jugendgruppe organisiert Nachhilfe, Ausflüge und
            jedes Jahr eine Spendenaktion für die Mittelstädter Tafel.
            """
        ),
        "fields_of_action": ["religion-dialog", "jugend", "bildung"],
        "target_groups": ["jugendliche", "familien"],
        "communities": "Türkei, Bosnien und Herzegowina, Marokko, Albanien",
        "languages": ["deutsch", "tuerkisch", "arabisch", "bosnisch"],
        "district": "nordstadt",
        "street": "Brunnenstraße 30",
        "postcode": "12343",
        "meeting_times": "Führungen für Gruppen nach Vereinbarung",
        "email": "gemeinde@moschee-nordstadt.example.org",
        "is_member": True,
        "member_since": 2001,
    },
    {
        "key": "willkommen",
        "title": "Willkommensinitiative Südstadt",
        "slug": "willkommensinitiative-suedstadt",
        "legal_form": "Ehrenamtliche Initiative unter dem Dach des Stadtteilvereins Südstadt e. V.",
        "founded": 2015,
        "summary": txt(
            """Rund 40 Ehrenamtliche begleiten Geflüchtete im Alltag: Patenschaften,
            Fahrradwerkstatt, Sprachcafé und Unterstützung bei der Wohnungssuche."""
        ),
        "body": md(
            """
            Die Initiative entstand, als 2015 eine Notunterkunft in der Südstadt eröffnete.
            Heute vermittelt sie Patenschaften, repariert in der Fahrradwerkstatt gespendete
            Räder und hilft bei der Suche nach einer Wohnung. Ihre Koordinatorin nimmt
            regelmäßig am Vernetzungstreffen der Ehrenamtskoordination teil.
            """
        ),
        "fields_of_action": ["sprache", "beratung", "wohnen"],
        "target_groups": ["gefluechtete", "ehrenamtliche"],
        "languages": ["deutsch", "englisch", "arabisch", "farsi", "tigrinya"],
        "district": "suedstadt",
        "street": "Stadtteilladen, Gartenstraße 4",
        "postcode": "12345",
        "meeting_times": "Sprachcafé: freitags 16–18 Uhr\nFahrradwerkstatt: samstags 10–13 Uhr",
        "email": "mitmachen@willkommen-suedstadt.example.org",
    },
]

# --- Committees (Gremien) the umbrella association sits in ---------------------------------------

# name, kind, level, host, description, further members (organisation keys)
COMMITTEES = [
    (
        "Arbeitskreis „Interkulturelle Jugendarbeit“",
        "arbeitskreis",
        "municipal",
        "Jugendamt der Stadt Mittelstadt",
        "Jugendverbände, Jugendzentren und Migrantenorganisationen stimmen Angebote für "
        "Jugendliche ab und planen gemeinsame Ferienprojekte.",
        ["isc", "moschee", "kurdisch"],
    ),
    (
        "Arbeitskreis „Selbsthilfe, Gesundheit und Migration“",
        "arbeitskreis",
        "municipal",
        "Gesundheitsamt Mittelstadt",
        "Austausch über den Zugang zu Gesundheitsangeboten; Planung mehrsprachiger "
        "Infoveranstaltungen.",
        ["gesundheitsbruecke", "sitara", "silberfaden"],
    ),
    (
        "Arbeitskreis „Interkulturelle Öffnung der Verwaltung“",
        "arbeitskreis",
        "municipal",
        "Kommunales Integrationszentrum Mittelstadt",
        "Begleitet Fortbildungen und Leitlinien für eine Verwaltung, die alle Menschen in der "
        "Stadt gut erreicht.",
        ["ki"],
    ),
    (
        "Arbeitskreis „Sport verbindet“ des Integrationsrates",
        "arbeitskreis",
        "municipal",
        "Integrationsrat der Stadt Mittelstadt",
        "Fördert die Zusammenarbeit von Sportvereinen und Migrantenorganisationen.",
        ["isc"],
    ),
    (
        "Begleitausschuss „Partnerschaft für Demokratie Mittelstadt“",
        "ausschuss",
        "municipal",
        "Stadt Mittelstadt, Büro für Demokratie und Vielfalt",
        "Entscheidet über Projekte, die aus dem Aktions- und Initiativfonds gefördert werden.",
        ["ki", "kulturforum"],
    ),
    (
        "Beirat „Förderfonds Bürgerschaftliches Engagement“",
        "beirat",
        "municipal",
        "Stadt Mittelstadt, Büro für Bürgerengagement",
        "Berät über Anträge an den städtischen Förderfonds und über dessen Richtlinien.",
        ["willkommen"],
    ),
    (
        "Beirat des Psychosozialen Netzwerks Migration",
        "beirat",
        "regional",
        "Psychosoziales Netzwerk Migration Mittelland e. V.",
        "Berät das Netzwerk bei der Versorgung von Menschen mit Flucht- und "
        "Migrationserfahrung in der Region.",
        ["gesundheitsbruecke"],
    ),
    (
        "Hausforum im Begegnungszentrum Mühlenhof",
        "forum",
        "municipal",
        "Begegnungszentrum Mühlenhof",
        "Alle Gruppen, die den Mühlenhof nutzen, besprechen Belegung, Hausregeln und "
        "gemeinsame Feste.",
        ["sitara", "kurdisch", "elternverein"],
    ),
    (
        "Integrationsrat der Stadt Mittelstadt",
        "integrationsrat",
        "municipal",
        "Rat der Stadt Mittelstadt",
        "Gewähltes Gremium, das den Rat und die Verwaltung in allen Fragen der Integration berät.",
        ["ki"],
    ),
    (
        "Lenkungskreis Begegnungszentrum Mühlenhof",
        "lenkungskreis",
        "municipal",
        "Stadt Mittelstadt, Sozialamt",
        "Steuert Konzept und Programm des Begegnungszentrums.",
        ["ki"],
    ),
    (
        "Netzwerktreffen der Städtekooperation „Integration regional“",
        "netzwerktreffen",
        "regional",
        "Kommunale Integrationszentren der Region Mittelland",
        "Kommunen und Dachverbände der Region tauschen Erfahrungen aus und planen gemeinsame "
        "Fachtage.",
        ["ki"],
    ),
    (
        "Steuerungsgruppe „Fairer Handel in Mittelstadt“",
        "steuerungsgruppe",
        "municipal",
        "Stadt Mittelstadt, Agenda-Büro",
        "Begleitet die Stadt auf dem Weg zur Fairtrade-Stadt.",
        ["kulturforum"],
    ),
    (
        "Steuerungsgruppe „Nachhaltige Kommune 2030“",
        "steuerungsgruppe",
        "municipal",
        "Stadt Mittelstadt, Agenda-Büro",
        "Entwickelt die Nachhaltigkeitsstrategie der Stadt mit Zivilgesellschaft und Wirtschaft.",
        [],
    ),
    (
        "Steuerungsgruppe „Übergang Schule – Beruf“",
        "steuerungsgruppe",
        "municipal",
        "Kommunale Koordinierungsstelle Übergang Schule – Beruf",
        "Sorgt dafür, dass kein Jugendlicher die Schule ohne Anschlussperspektive verlässt.",
        ["elternverein", "ki"],
    ),
    (
        "Unterarbeitskreis „Antidiskriminierung“ des Integrationsrates",
        "arbeitskreis",
        "municipal",
        "Integrationsrat der Stadt Mittelstadt",
        "Sammelt Fälle von Diskriminierung und erarbeitet Vorschläge für eine "
        "Antidiskriminierungsstelle.",
        ["moschee", "eritrea"],
    ),
    (
        "Vernetzungstreffen der Migrantenorganisationen in der Nordstadt",
        "netzwerktreffen",
        "municipal",
        "Verbund der Migrantenorganisationen Mittelstadt e. V.",
        "Vereine aus der Nordstadt lernen sich kennen und planen gemeinsame Aktionen im Stadtteil.",
        ["sitara", "kurdisch", "moschee"],
    ),
    (
        "Landesweites Vernetzungstreffen der Migrantenorganisationen",
        "netzwerktreffen",
        "state",
        "Landesnetzwerk der Migrantenorganisationen",
        "Zweimal im Jahr treffen sich Dachverbände aus dem ganzen Land.",
        [],
    ),
    (
        "Vorbereitungsgruppe der Stadtteilkonferenz Nordstadt",
        "arbeitskreis",
        "municipal",
        "Quartiersmanagement Nordstadt",
        "Bereitet die jährliche Konferenz aller Einrichtungen und Initiativen in der Nordstadt "
        "vor.",
        ["ki", "sitara"],
    ),
]


# --- News ----------------------------------------------------------------------------------------

PRESS_RELEASE_DAYS_AGO = 61
PROJECT_START_DAYS_AGO = 45


def signing_day(today):
    return today - days(PRESS_RELEASE_DAYS_AGO)


NEWS = [
    {
        "key": "press-cooperation",
        "title": "Verbund und Stadt bekräftigen ihre Zusammenarbeit",
        "slug": "verbund-und-stadt-bekraeftigen-zusammenarbeit",
        "kind": "press_release",
        "days_ago": PRESS_RELEASE_DAYS_AGO,
        "categories": ["pressemitteilungen", "verbund-news"],
        "lead_image": img("signing"),
        "lead_image_caption": txt(
            """Derya Yıldırım (Vorsitzende des Verbundes der Migrantenorganisationen Mittelstadt
            e. V.) und Dr. Katharina Lenz (Integrationsbeauftragte der Stadt Mittelstadt) nach der
            Unterzeichnung"""
        ),
        "lead_image_credit": "Grafik: Integrationsportal Mittelstadt",
        "teaser": txt(
            """Der Verbund der Migrantenorganisationen und das Kommunale Integrationszentrum
            haben eine neue Kooperationsvereinbarung unterzeichnet. Sie gilt für fünf Jahre und
            sichert die Geschäftsstelle des Verbundes am neuen Standort im Mühlenhof."""
        ),
        "occasion": lambda today: txt(
            f"""Unterzeichnung der neuen Kooperationsvereinbarung zwischen dem Verbund der
            Migrantenorganisationen Mittelstadt e. V. und der Stadt Mittelstadt, vertreten durch
            das Kommunale Integrationszentrum – {long_date(signing_day(today), weekday=True)},
            {MUEHLENHOF}"""
        ),
        "body": lambda today: md(
            f"""
            **Gemeinsame Presseerklärung des Verbundes der Migrantenorganisationen Mittelstadt
            e. V. und des Kommunalen Integrationszentrums Mittelstadt**

            Seit seiner Gründung im Jahr 2001 ist der Verbund der Migrantenorganisationen für die
            Stadt ein verlässlicher Partner, wenn es darum geht, die Arbeit der Vereine mit der
            kommunalen Integrationsarbeit zu verbinden. Am {long_date(signing_day(today))} haben
            beide Seiten im Begegnungszentrum Mühlenhof eine neue Kooperationsvereinbarung
            unterzeichnet, die diese Partnerschaft auf eine breitere Grundlage stellt.

            > Die Vereine erreichen Menschen, die eine Verwaltung allein kaum erreicht. Sie greifen
            > Bedürfnisse früh auf, übersetzen, vermitteln und beraten. Dieses Engagement erkennen
            > wir ausdrücklich an – und wir sind darauf angewiesen.
            > -- Dr. Katharina Lenz | Integrationsbeauftragte der Stadt Mittelstadt und Leiterin
            > des Kommunalen Integrationszentrums

            ## Mehr Aufgaben, neuer Standort
            Dem Verbund gehören heute mehr als 60 Vereine an – von Eltern- und Kulturvereinen
            über Sportclubs bis zu religiösen Gemeinden. Mit dem Umzug der Geschäftsstelle aus
            der Altstadt in den Mühlenhof in der Nordstadt rückt der Verbund näher an viele seiner
            Mitglieder heran. Im Haus arbeiten bereits Beratungsstellen, eine Kita und das
            Quartiersmanagement.

            > Längst fragen uns auch Ämter, Wohlfahrtsverbände und Kirchengemeinden um Rat, wenn
            > sie Menschen mit Einwanderungsgeschichte erreichen wollen. Im Mühlenhof wollen wir
            > zusammen mit den Vereinen vor Ort den Dialog im Stadtteil stärken.
            > -- Derya Yıldırım | Vorsitzende des Verbundes der Migrantenorganisationen Mittelstadt
            > e. V.

            ## Was die Vereinbarung regelt
            - eine strukturelle Förderung der Geschäftsstelle für zunächst fünf Jahre
            - Abstimmungsgespräche zwischen Verbund und Integrationszentrum mindestens viermal im
              Jahr
            - die gemeinsame Vorbereitung der jährlichen Integrationskonferenz
            - die frühe Beteiligung des Verbundes an Planungen, die Migrantenorganisationen
              betreffen

            Über den Verbund erreicht die Stadt auf kurzem Weg sehr unterschiedliche
            Gemeinschaften: Informationen zu Impfaktionen, Sprachkursen oder Förderprogrammen
            gehen über die Mitgliedsvereine in viele Sprachen und Stadtteile.
            """
        ),
        "partner_organisations": [VERBUND, KI],
        "press_contact": person("feldmann"),
    },
    {
        "key": "funding-fund",
        "title": "Förderfonds für Vereinsprojekte: Jetzt Anträge stellen",
        "slug": "foerderfonds-fuer-vereinsprojekte",
        "days_ago": 20,
        "categories": ["foerderung", "verbund-news"],
        "lead_image": img("funding-workshop"),
        "lead_image_caption": "Beratung zum Förderantrag in der Geschäftsstelle des Verbundes",
        "lead_image_credit": "Grafik: Integrationsportal Mittelstadt",
        "teaser": txt(
            """Vereine und Initiativen können wieder Geld für kleine Projekte beantragen – bis
            zu 2.500 Euro je Vorhaben. Der Verbund hilft beim Antrag."""
        ),
        "body": lambda today: md(
            f"""
            Der städtische Förderfonds unterstützt Projekte, die das Zusammenleben in Mittelstadt
            stärken: Sprachtreffs, Elternabende, Kulturfeste, Ausflüge oder Fortbildungen für
            Ehrenamtliche. Anträge können bis zum **{long_date(today + days(40))}** gestellt
            werden.

            ## Wer kann einen Antrag stellen?
            - eingetragene Vereine mit Sitz in Mittelstadt
            - Initiativen ohne eigene Rechtsform, wenn ein Verein das Geld für sie verwaltet
            - Gruppen, die zum ersten Mal einen Antrag stellen – sie werden besonders beraten

            > Der erste Antrag ist der schwerste. Wir gehen ihn gern gemeinsam durch, Zeile für
            > Zeile.
            > -- Amina Rahimi | Vereinsberatung im Verbund der Migrantenorganisationen

            !callout tip: Beratung nutzen
            Die Vereinsberatung des Verbundes ist dienstags von 14 bis 18 Uhr geöffnet. Bringen
            Sie Ihre Projektidee mit – eine Seite reicht.
            """
        ),
    },
    {
        "key": "project-start",
        "title": "Projekt „Starke Vereine – starke Nachbarschaft“ gestartet",
        "slug": "projekt-starke-vereine-gestartet",
        "days_ago": PROJECT_START_DAYS_AGO,
        "categories": ["projekte", "verbund-news"],
        "lead_image": img("project-kickoff"),
        "lead_image_caption": "Auftaktveranstaltung im Begegnungszentrum Mühlenhof",
        "lead_image_credit": "Grafik: Integrationsportal Mittelstadt",
        "teaser": txt(
            """Zehn Monate lang unterstützt ein neues Projekt Migrantenorganisationen dabei,
            ihre Vereinsarbeit zu stärken. Rund 60 Vereine waren zur Auftaktveranstaltung
            eingeladen."""
        ),
        "body": md(
            """
            Mit einer gut besuchten Auftaktveranstaltung im Mühlenhof ist das Projekt „Starke
            Vereine – starke Nachbarschaft“ gestartet. Das Kommunale Integrationszentrum leitet
            das Projekt, der Verbund der Migrantenorganisationen und die Migrationsdienste der
            Wohlfahrtsverbände gestalten es mit.

            ## Wie es weitergeht
            In den nächsten Monaten besucht eine Organisationsberatung die teilnehmenden Vereine
            und fragt nach, wo sie Unterstützung brauchen: bei der Buchhaltung, bei Anträgen,
            bei der Suche nach Räumen oder neuen Ehrenamtlichen. Die Ergebnisse werden in einem
            Forum der Vereine besprochen.

            > Die Vereine wissen selbst am besten, was sie brauchen. Unsere Aufgabe ist es,
            > zuzuhören und die richtigen Partner an einen Tisch zu bringen.
            > -- Olena Kovalenko | Projektleiterin im Kommunalen Integrationszentrum

            Vereine, die noch einsteigen möchten, melden sich bei der Projektleitung. Eine
            ausführliche Projektbeschreibung steht unter „Arbeitshilfen“.
            """
        ),
        "press_contact": person("kovalenko"),
    },
    {
        "key": "festival-report",
        "title": "Rückblick: 3.000 Gäste beim Nachbarschaftsfest im Stadtpark",
        "slug": "rueckblick-nachbarschaftsfest-stadtpark",
        "days_ago": 130,
        "categories": ["veranstaltungsberichte", "aus-den-vereinen"],
        "lead_image": img("festival"),
        "lead_image_caption": "Mittags im Stadtpark: Stände der Vereine unter Wimpelketten",
        "lead_image_credit": "Grafik: Integrationsportal Mittelstadt",
        "teaser": txt(
            """Musik, Essen aus 25 Ländern und ein volles Kinderprogramm: Das interkulturelle
            Nachbarschaftsfest war so gut besucht wie nie."""
        ),
        "body": md(
            """
            Bei bestem Wetter haben 32 Vereine den Stadtpark in einen großen Festplatz
            verwandelt. Auf der Bühne wechselten sich der Kinderchor der Ukrainischen Gemeinde,
            eine kurdische Musikgruppe und die Tanzgruppe des Polnischen Kulturvereins ab.

            !image festival-stage: Am Nachmittag vor der Bühne | Grafik: Integrationsportal

            ## Dank an die Ehrenamtlichen
            Über 150 Ehrenamtliche haben Stände aufgebaut, gekocht, übersetzt und aufgeräumt.
            Der Erlös aus dem Essensverkauf geht an die Hausaufgabenhilfe der Vereine.

            > Am schönsten war, dass die Kinder gar nicht mehr gefragt haben, wer woher kommt.
            > Sie haben einfach zusammen gespielt.
            > -- Mehmet Özdemir | Vorsitzender des Türkisch-Deutschen Elternvereins
            """
        ),
    },
    {
        "key": "council-budget",
        "title": "Integrationsrat: Vereine bringen Vorschläge für den Haushalt ein",
        "slug": "integrationsrat-vorschlaege-haushalt",
        "days_ago": 250,
        "categories": ["verbund-news"],
        "lead_image": img("council"),
        "lead_image_caption": "Sitzung des Integrationsrates im Rathaus",
        "lead_image_credit": "Grafik: Integrationsportal Mittelstadt",
        "teaser": txt(
            """Mehr Geld für Sprachkurse mit Kinderbetreuung und eine feste Förderung für
            Elternbegleiter: Der Verbund hat seine Vorschläge für den städtischen Haushalt im
            Integrationsrat vorgestellt."""
        ),
        "body": md(
            """
            In drei Werkstattabenden hatten Mitgliedsvereine zusammengetragen, wo es in der
            Integrationsarbeit am meisten fehlt. Daraus sind fünf Vorschläge entstanden, die der
            Verbund im Integrationsrat vorgestellt hat.

            1. Sprachkurse mit Kinderbetreuung in jedem Stadtteil
            2. eine feste Förderung für Elternbegleiterinnen und -begleiter an Schulen
            3. ein Raumfonds, damit Vereine günstig Räume mieten können
            4. mehr Dolmetschstunden für Beratungsstellen
            5. eine Antidiskriminierungsstelle in der Stadtverwaltung

            > Die Vorschläge kommen direkt aus der Praxis der Vereine. Wir erwarten nicht, dass
            > alles auf einmal umgesetzt wird, aber wir wollen, dass darüber gesprochen wird.
            > -- Thomas Brückner | Geschäftsführer des Verbundes

            Der Integrationsrat hat die Vorschläge einstimmig an den Finanzausschuss
            weitergegeben.
            """
        ),
    },
    {
        "key": "cafe-opening",
        "title": "Ukrainische Gemeinde eröffnet Beratungscafé",
        "slug": "ukrainische-gemeinde-eroeffnet-beratungscafe",
        "days_ago": 390,
        "categories": ["aus-den-vereinen"],
        "lead_image": img("cafe"),
        "lead_image_caption": "Im Beratungscafé in der Weststadt",
        "lead_image_credit": "Grafik: Integrationsportal Mittelstadt",
        "teaser": txt(
            """Zweimal pro Woche helfen Ehrenamtliche bei Formularen, Briefen und Terminen – bei
            Kaffee und Kuchen und auf Ukrainisch, Russisch und Deutsch."""
        ),
        "body": md(
            """
            Im ehemaligen Ladenlokal in der Ahornallee ist ein Treffpunkt entstanden, an dem
            niemand lange warten muss. Ehrenamtliche mit Deutsch- und Ukrainischkenntnissen
            helfen beim Ausfüllen von Anträgen, erklären Briefe und vereinbaren Termine.

            > Viele Menschen kommen mit einem Brief, den sie nicht verstehen, und gehen mit einem
            > Plan. Das ist für uns das Wichtigste.
            > -- Iryna Petrenko | Vorsitzende der Ukrainischen Gemeinde Mittelstadt

            Das Café wird aus dem städtischen Förderfonds und aus Spenden finanziert.
            """
        ),
    },
    {
        "key": "press-health-guides",
        "title": "18 neue Gesundheitslotsinnen und -lotsen für Mittelstadt",
        "slug": "neue-gesundheitslotsinnen-und-lotsen",
        "kind": "press_release",
        "days_ago": 560,
        "categories": ["pressemitteilungen", "projekte"],
        "lead_image": img("health"),
        "lead_image_caption": "Die neuen Lotsinnen und Lotsen bei der Zertifikatsübergabe",
        "lead_image_credit": "Grafik: Integrationsportal Mittelstadt",
        "teaser": txt(
            """Nach 50 Stunden Schulung informieren 18 neue Gesundheitslotsinnen und -lotsen in
            zwölf Sprachen über Vorsorge, Impfungen und psychische Gesundheit."""
        ),
        "occasion": lambda today: txt(
            f"""Übergabe der Zertifikate an die Gesundheitslotsinnen und -lotsen –
            {long_date(today - days(560), weekday=True)}, Stadtbibliothek Mittelstadt,
            Veranstaltungssaal"""
        ),
        "body": md(
            """
            **Gemeinsame Presseerklärung der Gesundheitsbrücke Mittelstadt e. V. und des
            Kommunalen Integrationszentrums Mittelstadt**

            Die Gesundheitsbrücke hat zum dritten Mal Frauen und Männer aus Migrantengemeinden
            zu Gesundheitslotsinnen und -lotsen ausgebildet. Gemeinsam sprechen die 18 neuen
            Lotsinnen und Lotsen zwölf Sprachen, darunter Tigrinya, Somali und Rumänisch.

            > Die Lotsinnen und Lotsen sind keine Ärztinnen, aber sie wissen, wo man Hilfe findet
            > – und sie sprechen die Sprache der Menschen, die zu ihnen kommen.
            > -- Farah Nouri | Koordinatorin der Gesundheitslotsinnen und -lotsen

            > Gesundheit ist eine Frage der Teilhabe. Die Gesundheitsbrücke schließt eine Lücke,
            > die wir als Stadt allein nicht schließen könnten.
            > -- Dr. Katharina Lenz | Integrationsbeauftragte der Stadt Mittelstadt

            ## Infoveranstaltungen buchen
            Vereine, Sprachkursträger und Elterncafés können die Lotsinnen und Lotsen für
            kostenlose Infoveranstaltungen einladen.
            """
        ),
        "partner_organisations": [GESUNDHEITSBRUECKE, KI],
        "press_contact": person("feldmann"),
    },
    {
        "key": "new-members",
        "title": "Vier neue Mitgliedsvereine im Verbund",
        "slug": "vier-neue-mitgliedsvereine",
        "days_ago": 700,
        "categories": ["verbund-news"],
        "lead_image": img("new-members"),
        "lead_image_caption": "Mittelstadt am Abend",
        "lead_image_credit": "Grafik: Integrationsportal Mittelstadt",
        "teaser": txt(
            """Die Mitgliederversammlung hat vier Vereine neu aufgenommen. Der Verbund wächst
            damit auf über 60 Mitglieder."""
        ),
        "body": md(
            """
            Neu im Verbund sind die Ukrainische Gemeinde, ein Verein somalischer Familien, eine
            Theatergruppe junger Erwachsener und ein rumänischer Kulturverein. Die
            Mitgliederversammlung hat alle Aufnahmeanträge einstimmig angenommen.

            > Jeder neue Verein bringt neue Sprachen, neue Ideen und neue Kontakte mit. Davon
            > profitieren alle Mitglieder.
            > -- Derya Yıldırım | Vorsitzende des Verbundes
            """
        ),
    },
]


# --- Events --------------------------------------------------------------------------------------

MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY = range(6)

EVENTS = [
    {
        # Every structured field filled, like a municipal event sheet.
        "key": "network-meeting",
        "title": "Vernetzungstreffen der Ehrenamtskoordination",
        "slug": "vernetzungstreffen-ehrenamtskoordination",
        "teaser": txt(
            """Alle drei Monate treffen sich die Koordinatorinnen und Koordinatoren der
            ehrenamtlichen Initiativen zum Austausch, zu Neuigkeiten aus der Stadtverwaltung und
            zu einem fachlichen Input."""
        ),
        "image": img("network-meeting"),
        # A real repeat rule: every three months on the second Wednesday, one date cancelled.
        "occurrences": lambda today: [at(quarterly_meeting(today), "17:00", "20:00")],
        "recurrence_rule": "FREQ=MONTHLY;INTERVAL=3;BYDAY=2WE",
        "exception_dates": lambda today: [quarterly_meeting(today, later=2)],
        "schedule_note": "alle drei Monate",
        "duration": "3 Stunden",
        "group_size": "10–15 Personen",
        "background": md(
            """
            In Mittelstadt setzen sich viele Initiativen, Vereine und Nachbarschaftsgruppen
            ehrenamtlich für Menschen ein, die neu in die Stadt gekommen sind. In fast jeder
            Gruppe gibt es mindestens eine Person, die die Arbeit der Ehrenamtlichen vor Ort
            abstimmt: Sie nimmt Anfragen an, hält Kontakt zu Ämtern und Beratungsstellen und
            sorgt dafür, dass neue Helferinnen und Helfer gut ankommen.

            Damit diese Koordinatorinnen und Koordinatoren nicht allein arbeiten, lädt das
            Kommunale Integrationszentrum sie viermal im Jahr zu einem gemeinsamen Treffen ein.
            Je nach Thema kommen Kolleginnen und Kollegen aus der Flüchtlingssozialarbeit, der
            Bildungskoordination oder der Sprachkursberatung dazu.
            """
        ),
        "target_groups": ["ehrenamtliche", "fachkraefte", "verwaltung"],
        "target_group_note": txt(
            """Ehrenamtliche Koordinatorinnen und Koordinatoren aus Initiativen und Vereinen;
            Mitarbeitende der Stadtverwaltung, die im Bereich Integration arbeiten"""
        ),
        "goals": md(
            """
            - Vernetzung der Initiativen untereinander und mit der Verwaltung
            - Bedarfe aus den Initiativen erfassen
            - aktuelle Informationen weitergeben
            - Fortbildung durch fachliche Inputs
            """
        ),
        "event_format": md(
            """
            Das Treffen findet alle drei Monate reihum bei einer der Initiativen oder im
            Begegnungszentrum Mühlenhof statt. Im Mittelpunkt stehen der Austausch über aktuelle
            Themen aus den Initiativen und der Stadtverwaltung sowie ein Input von außen.
            """
        ),
        "procedure": md(
            """
            Die Treffen folgen einem festen Ablauf; eingeladen wird immer vom Kommunalen
            Integrationszentrum.

            1. Begrüßung und – wenn neue Gesichter dabei sind – eine kurze Vorstellungsrunde
            2. Neuigkeiten aus der Stadtverwaltung, etwa freie Plätze in Sprachkursen, aktuelle
               Zuzugszahlen oder neue Förderprogramme
            3. Runde „Was gibt es Neues bei euch?“: Jede Initiative berichtet kurz. Einzelfälle
               werden hier bewusst nicht besprochen; wenn mehrere Gruppen vor derselben Frage
               stehen, wird gemeinsam nach Lösungen gesucht.
            4. Fachinput, zum Beispiel zu Jobcenter, Wohnungssuche oder Aufenthaltsrecht
            5. Termine, Verabredungen und das Datum des nächsten Treffens
            """
        ),
        "speakers": md(
            """
            - Team Ehrenamtskoordination im Kommunalen Integrationszentrum Mittelstadt
            - wechselnde Referentinnen und Referenten, je nach Thema
            """
        ),
        "venue_name": "Begegnungszentrum Mühlenhof, Saal im Erdgeschoss",
        "venue_address": "Mühlenweg 7\n12343 Mittelstadt",
        "accessibility": txt(
            """Stufenloser Zugang über den Hofeingang, rollstuhlgerechtes WC im Erdgeschoss,
            mobile Induktionsschleife auf Anfrage. Haltestelle „Mühlenhof“ (Buslinien 4 und 12)
            in 150 Metern Entfernung."""
        ),
        "equipment": md(
            """
            - Raum für bis zu 20 Personen, Stuhlkreis
            - Beamer, Leinwand und Flipchart
            - Namensschilder und Moderationskoffer
            """
        ),
        "catering": "Kaffee, Tee, Wasser und Saftschorlen, dazu Kekse und Obst",
        "costs": txt(
            """Für Teilnehmende kostenlos. Ausgaben des Veranstalters: Verpflegung (etwa 60 Euro
            je Treffen), Honorar für externe Referentinnen und Referenten nach Absprache."""
        ),
        "is_free": True,
        "promotion": txt(
            """Die Einladung geht etwa drei Wochen vorher per E-Mail an den Verteiler der
            Ehrenamtskoordination. Das Datum des nächsten Treffens legen die Teilnehmenden schon
            beim vorherigen Treffen fest."""
        ),
        "registration": txt(
            """Bitte melden Sie sich bis eine Woche vor dem Treffen an, damit wir Raum und
            Verpflegung planen können."""
        ),
        "registration_url": "https://integrationsportal-mittelstadt.example.org/anmeldung",
        "languages": ["deutsch", "englisch"],
        "organiser": KI,
        "funding_note": funding("amif"),
        "notes": txt(
            """Bei Bedarf hängen wir einen Hinweis aus, dass während des Treffens fotografiert
            wird. Wer nicht fotografiert werden möchte, sagt bitte dem Team Bescheid."""
        ),
    },
    {
        "key": "association-forum",
        "title": "Vereinsforum: Förderanträge verständlich schreiben",
        "slug": "vereinsforum-foerderantraege",
        "teaser": txt(
            """Ein Abend für Vorstände und Aktive aus Vereinen: Wie wird aus einer guten Idee ein
            überzeugender Förderantrag? Mit Beispielen, Checkliste und Zeit für Ihre Fragen."""
        ),
        "image": img("forum"),
        "occurrences": on_days([20], THURSDAY, "18:00", "20:30"),
        "duration": "2,5 Stunden",
        "group_size": "bis 25 Personen",
        "background": md(
            """
            Viele Vereine haben gute Ideen, scheitern aber an Formularen, Fristen und
            Kostenplänen. Das Vereinsforum greift die Fragen auf, die in der Vereinsberatung am
            häufigsten gestellt werden.
            """
        ),
        "target_groups": ["migrantenorganisationen", "ehrenamtliche"],
        "target_group_note": "Vorstände und Aktive aus Vereinen und Initiativen",
        "goals": md(
            """
            - Förderprogramme für Vereine kennenlernen
            - einen Antrag Schritt für Schritt aufbauen
            - typische Fehler vermeiden
            """
        ),
        "event_format": md("Kurzvortrag, Arbeit an Beispielanträgen in Kleingruppen, Fragerunde."),
        "procedure": md(
            """
            1. Überblick: Welche Förderprogramme gibt es für Vereine in Mittelstadt?
            2. Aufbau eines Antrags: Ziele, Zielgruppe, Zeitplan, Kosten
            3. Arbeit in Kleingruppen an anonymisierten Beispielanträgen
            4. Fragen aus der Runde und Verabredung von Beratungsterminen
            """
        ),
        "speakers": md(
            """
            - Amina Rahimi, Vereinsberatung im Verbund der Migrantenorganisationen
            - eine Mitarbeiterin des Büros für Bürgerengagement der Stadt
            """
        ),
        "venue_name": "Begegnungszentrum Mühlenhof, Seminarraum 2",
        "venue_address": "Mühlenweg 7\n12343 Mittelstadt",
        "accessibility": "Seminarraum im 1. Obergeschoss, mit Aufzug erreichbar.",
        "equipment": md("Beamer, Pinnwände, Moderationskarten"),
        "catering": "Getränke und kleiner Imbiss",
        "costs": "Kostenlos für Mitgliedsvereine und alle anderen Vereine aus Mittelstadt.",
        "is_free": True,
        "promotion": "Einladung über den Newsletter des Verbundes vier Wochen vorher.",
        "registration": "Anmeldung bis eine Woche vorher per E-Mail oder Telefon.",
        "languages": ["deutsch", "tuerkisch", "arabisch"],
        "organiser": VERBUND,
        "notes": "Flüsterübersetzung ins Türkische und Arabische auf Anfrage.",
        "body": md(
            """
            !document checkliste-foerderantrag: Checkliste Förderantrag (PDF) vorab herunterladen
            """
        ),
    },
    {
        "key": "neighbourhood-festival",
        "title": "Interkulturelles Nachbarschaftsfest im Stadtpark",
        "slug": "interkulturelles-nachbarschaftsfest",
        "teaser": txt(
            """Musik, Tanz, Essen aus aller Welt und ein großes Kinderprogramm: Über 30 Vereine
            laden die ganze Stadt in den Stadtpark ein."""
        ),
        "image": img("festival"),
        "occurrences": on_days([75], SATURDAY, "14:00", "20:00"),
        "duration": "6 Stunden",
        "group_size": "offen, erwartet werden mehrere tausend Gäste",
        "background": md(
            """
            Das Fest ist seit über zehn Jahren der Treffpunkt der Vereine mit der ganzen Stadt.
            Jeder Verein gestaltet einen Stand, das Bühnenprogramm kommt aus den Vereinen.
            """
        ),
        "target_groups": ["familien", "kinder", "jugendliche", "seniorinnen-senioren"],
        "goals": md(
            """
            - Begegnung zwischen Nachbarinnen und Nachbarn
            - die Vielfalt der Vereine zeigen
            - neue Ehrenamtliche gewinnen
            """
        ),
        "event_format": md("Fest im Freien mit Ständen, Bühne und Kinderbereich."),
        "venue_name": "Stadtpark Mittelstadt, Festwiese",
        "venue_address": "Parkallee (Eingang am Musikpavillon)\n12341 Mittelstadt",
        "accessibility": txt(
            """Befestigte Wege bis zur Festwiese, rollstuhlgerechte Toilette am Musikpavillon,
            Ruhezone mit Sitzplätzen."""
        ),
        "catering": "Speisen und Getränke an den Ständen der Vereine zu kleinen Preisen",
        "costs": "Eintritt frei",
        "is_free": True,
        "languages": ["deutsch", "tuerkisch", "arabisch", "ukrainisch", "polnisch", "kurdisch"],
        "organiser": VERBUND,
        "funding_note": funding("land"),
    },
    {
        "key": "consultation",
        "title": "Offene Sprechstunde Vereinsberatung",
        "slug": "offene-sprechstunde-vereinsberatung",
        "teaser": txt(
            """Fragen zu Satzung, Vorstand, Kasse oder Förderung? In der offenen Sprechstunde
            beraten wir Vereine und Initiativen ohne Anmeldung."""
        ),
        "image": img("consultation"),
        "occurrences": monthly_first(TUESDAY, 4, "10:00", "12:00"),
        "schedule_note": "jeden ersten Dienstag im Monat",
        "duration": "2 Stunden",
        "group_size": "Einzelgespräche",
        "target_groups": ["migrantenorganisationen", "ehrenamtliche"],
        "event_format": md("Einzelberatung ohne Termin; Wartezeiten sind möglich."),
        "venue_name": "Geschäftsstelle des Verbundes, Raum 1.04",
        "venue_address": "Mühlenweg 7\n12343 Mittelstadt",
        "accessibility": "Mit Aufzug erreichbar.",
        "costs": "Kostenlos",
        "is_free": True,
        "registration": "Keine Anmeldung nötig.",
        "languages": ["deutsch", "tuerkisch", "farsi", "dari"],
        "organiser": VERBUND,
    },
    {
        "key": "health-day",
        "title": "Fachtag „Gesund ankommen“",
        "slug": "fachtag-gesund-ankommen",
        "teaser": txt(
            """Ein Fachtag für Beratungsstellen, Praxen und Vereine über den Zugang zum
            Gesundheitssystem für neu zugewanderte Menschen."""
        ),
        "image": img("health-day"),
        "occurrences": on_days([100], FRIDAY, "09:30", "16:00"),
        "duration": "ganztägig",
        "group_size": "80 Personen",
        "background": md(
            """
            Wer neu in Deutschland ist, findet sich im Gesundheitssystem oft schwer zurecht.
            Der Fachtag stellt erprobte Ansätze vor – von Gesundheitslotsen bis zu
            Video-Dolmetschen in Arztpraxen.
            """
        ),
        "target_groups": ["fachkraefte", "migrantenorganisationen"],
        "goals": md(
            """
            - gute Beispiele aus Mittelstadt und der Region kennenlernen
            - Kontakte zwischen Praxen, Beratungsstellen und Vereinen knüpfen
            """
        ),
        "procedure": md(
            """
            1. Vortrag: Gesundheit und Migration in Zahlen
            2. Vier Foren: Psychische Gesundheit, Frauengesundheit, Pflege, Dolmetschen
            3. Markt der Möglichkeiten mit Vereinen und Beratungsstellen
            """
        ),
        "venue_name": "Stadtbibliothek Mittelstadt, Veranstaltungssaal",
        "venue_address": "Bibliotheksplatz 1\n12341 Mittelstadt",
        "accessibility": "Barrierefrei zugänglich, Induktionsschleife im Saal.",
        "catering": "Mittagsimbiss und Getränke",
        "costs": "Teilnahmebeitrag 15 Euro, ermäßigt 5 Euro (inklusive Verpflegung)",
        "is_free": False,
        "registration": "Anmeldung bis drei Wochen vorher.",
        "registration_url": "https://gesundheitsbruecke.example.org/fachtag",
        "languages": ["deutsch"],
        "organiser": GESUNDHEITSBRUECKE,
    },
    {
        "key": "parents-cafe",
        "title": "Mehrsprachiges Elterncafé: Wechsel auf die weiterführende Schule",
        "slug": "elterncafe-weiterfuehrende-schule",
        "teaser": txt(
            """Gymnasium, Gesamtschule oder Realschule? Im Elterncafé erklären Elternbegleiterinnen
            und Lehrkräfte, was nach der Grundschule kommt – auf Deutsch und Türkisch."""
        ),
        "image": img("parents-cafe"),
        "occurrences": on_days([3, 10, 17], THURSDAY, "15:30", "17:30"),
        "schedule_note": "drei Donnerstage hintereinander",
        "duration": "2 Stunden",
        "group_size": "15–20 Eltern",
        "target_groups": ["eltern", "familien"],
        "venue_name": "Elternverein, Schulstraße 23",
        "venue_address": "Schulstraße 23\n12345 Mittelstadt",
        "catering": "Tee, Kaffee und Gebäck",
        "costs": "Kostenlos",
        "is_free": True,
        "registration": "Ohne Anmeldung. Kinderbetreuung bitte vorher anfragen.",
        "languages": ["deutsch", "tuerkisch", "kurdisch"],
        "organiser": ELTERNVEREIN,
    },
    {
        "key": "football",
        "title": "Fußballturnier „Anstoß für Vielfalt“",
        "slug": "fussballturnier-anstoss-fuer-vielfalt",
        "teaser": txt(
            """16 Teams aus Vereinen, Schulen und Jugendzentren spielen um den Wanderpokal – mit
            Fair-Play-Wertung und Rahmenprogramm."""
        ),
        "image": img("football"),
        "occurrences": on_days([-33], SATURDAY, "10:00", "17:00"),
        "duration": "ganztägig",
        "group_size": "16 Teams",
        "target_groups": ["jugendliche"],
        "target_group_note": "Jugendliche von 12 bis 17 Jahren, gemischte Teams willkommen",
        "venue_name": "Sportpark Eichenhain",
        "venue_address": "Am Sportpark 2\n12347 Mittelstadt",
        "costs": "Startgeld 20 Euro je Team",
        "is_free": False,
        "languages": ["deutsch", "englisch"],
        "organiser": ISC,
    },
]


# --- Guidance ------------------------------------------------------------------------------------


def project_dates(today):
    """Start, kick-off, end of the ten-month project (the kick-off is the news item's date)."""
    kickoff = today - days(PROJECT_START_DAYS_AGO)
    start = kickoff.replace(day=1)
    year, month = divmod(start.month - 1 + 10, 12)
    end = dt.date(start.year + year, month + 1, 1) - days(1)
    return start, kickoff, end


def project_body(today):
    start, kickoff, end = project_dates(today)
    return md(
        f"""
        ## Worum es geht
        Das Kommunale Integrationszentrum hat für das Projekt Mittel aus dem Landesprogramm
        „Zusammen vor Ort“ eingeworben. Es läuft vom {long_date(start)} bis zum
        {long_date(end)}. Ziel ist, Migrantenorganisationen in drei Bereichen zu stärken:
        **Organisation** (Vorstand, Kasse, Ehrenamtliche), **Beteiligung** (Mitarbeit in
        Gremien und Stadtteilen) und **Arbeit** (Angebote für Ausbildung und Beruf). Dabei sollen
        die Angebote der Vereine, der Wohlfahrtsverbände und der Stadt besser ineinandergreifen.

        Das Projekt knüpft an frühere Kooperationen an und an Wünsche, die Vereine selbst
        geäußert haben: Hilfe bei der Projektentwicklung, bei der Buchhaltung, bei der
        Organisation der Vereinsarbeit und bei der Öffentlichkeitsarbeit.

        ## Projektteam und Leitung
        Ein Projektteam steuert das Vorhaben und stimmt die Inhalte ab. Dazu gehören Vertreterinnen
        und Vertreter zweier Migrantenorganisationen – des Verbundes und des
        Türkisch-Deutschen Elternvereins – sowie der Migrationsdienste von vier
        Wohlfahrtsverbänden. Die Projektleitung liegt beim Kommunalen Integrationszentrum.

        ## Zeitplan
        - **{long_date(kickoff)}:** Auftaktveranstaltung. Eingeladen sind rund 60 Vereine, die in
          der Integrationsarbeit aktiv sind. Wer mitmachen möchte, erklärt das bei der
          Veranstaltung oder innerhalb einer Woche danach schriftlich.
        - **Monate zwei bis vier:** Eine externe Organisationsberatung besucht die
          teilnehmenden Vereine und fragt nach, wo sich die Vereinsarbeit verbessern lässt.
        - **ab Monat fünf:** Forum der Migrantenvereine, moderiert von der
          Organisationsberatung
        - **Monat acht:** gemeinsamer Workshop von Vereinen, Wohlfahrtsverbänden und Stadt
        - **zum Schluss:** Fortbildungen und Seminare zu den Themen, die sich aus der
          Bestandsaufnahme ergeben

        ## Die Bestandsaufnahme
        Die Organisationsberatung ordnet alles, was sie in den Vereinen erfährt, drei Fragen zu:

        1. Welche Aufgaben können Vereine selbst oder gemeinsam mit anderen Vereinen lösen?
        2. Wo brauchen sie fachliche Unterstützung durch Wohlfahrtsverbände und Stadtverwaltung?
        3. Für welche Themen müssen Fortbildungen oder Hilfe von außen organisiert werden?

        ## Forum und Workshop
        Im Forum der Migrantenvereine wird mit den Ergebnissen weitergearbeitet: Wie können
        Vereine durch Austausch und Kooperation mehr erreichen? Parallel klärt das Projektteam
        mit den Migrationsdiensten, welche Unterstützung sie leisten können – und was sie sich
        umgekehrt von den Vereinen wünschen. Im Workshop gegen Ende des Projekts treffen Vereine,
        Verbände und Stadt konkrete Verabredungen für die Zeit danach.

        !callout tip: Ansprechpartner im Portal
        Jeder teilnehmende Verein bekommt eine feste Ansprechperson bei einem der
        Migrationsdienste. Sie hilft auch dabei, das Vereinsprofil und die Termine des Vereins
        in dieses Portal einzutragen.

        !faq: Häufige Fragen zur Teilnahme
        ? Wer kann mitmachen?
        Alle Migrantenorganisationen und Initiativen aus Mittelstadt, auch Gruppen ohne
        eingetragenen Verein.
        ? Was kostet die Teilnahme?
        Nichts. Das Projekt wird vollständig aus Mitteln des Landes und der Stadt finanziert.
        ? Wie viel Zeit muss unser Verein einplanen?
        Rechnen Sie mit einem Gespräch von zwei Stunden für die Bestandsaufnahme und mit drei
        bis vier Abendterminen für Forum und Workshop.

        !contact kovalenko
        """
    )


GUIDANCE = [
    {
        "key": "ki-tasks",
        "title": "Aufgaben des Kommunalen Integrationszentrums",
        "slug": "aufgaben-kommunales-integrationszentrum",
        "kind": "task",
        "topics": ["kommunale-integrationsarbeit", "vernetzung"],
        "reviewed_days_ago": 90,
        "intro": txt(
            """Was macht das Kommunale Integrationszentrum eigentlich? Ein Überblick über die
            vier Aufgabenschwerpunkte – und darüber, wie Vereine davon profitieren."""
        ),
        "body": md(
            """
            ## Integration als Querschnittsaufgabe
            Integration betrifft nicht ein einzelnes Amt, sondern die ganze Stadtverwaltung. Das
            Kommunale Integrationszentrum sorgt deshalb dafür, dass Integrationsarbeit in allen
            Handlungsfeldern mitgedacht wird: Arbeit und Wirtschaft, Bildung, Gesundheit, Sport,
            Kultur und Wohnen.

            ## Aufgabenschwerpunkte

            ### 1. Konzeptionelle Grundlagen
            - Migrantenorganisationen unterstützen und stärken; verbindliche Standards für die
              Zusammenarbeit mit ihnen vereinbaren
            - die Förderrichtlinien für Migrantenorganisationen auswerten und weiterentwickeln
            - Daten zur Integration in Mittelstadt aufbereiten und jährlich berichten

            ### 2. Koordination und Netzwerkarbeit
            - Angebote der Integrationsförderung in der Stadt bündeln und abstimmen
            - die Zusammenarbeit mit dem Bundesamt, dem Land und den Nachbarkommunen pflegen
            - Akteure zusammenbringen, wenn neue Projekte geplant werden, etwa bei der jährlichen
              Integrationskonferenz
            - mit den vom Land geförderten Integrationsagenturen und den Migrantenorganisationen
              zusammenarbeiten, zum Beispiel in regelmäßigen Austauschtreffen
            - an Stadtteilkonferenzen und Planungen in den Stadtbezirken teilnehmen
            - Projektideen aus der Stadt prüfen und dazu Stellung nehmen
            - gemeinsam mit Partnern Konzepte und Projekte für die Integrationsarbeit entwickeln

            ### 3. Unterstützung
            - Veranstaltungen, Fachgespräche und Konferenzen organisieren
            - Ämter, Kitas, Schulen und Träger der Jugendhilfe unterstützen, etwa durch
              Fortbildungen zur interkulturellen Öffnung
            - Migrantenorganisationen fördern, unter anderem über den städtischen Förderfonds

            ### 4. Beratung
            - fachliche Beratung für Verwaltung, Einrichtungen und Vereine
            - Beratung von Migrantenorganisationen, die sich an politischen Planungs- und
              Entscheidungsverfahren beteiligen wollen

            !callout info: Für Vereine besonders wichtig
            Der Förderfonds, die Ehrenamtskoordination und die Beratung zu Beteiligungsverfahren
            stehen allen Migrantenorganisationen in Mittelstadt offen – unabhängig davon, ob sie
            Mitglied im Verbund sind.

            ## Ansprechpartnerin
            !contact lenz
            """
        ),
        "contact_persons": [person("lenz")],
    },
    {
        "key": "project",
        "title": "Projekt „Starke Vereine – starke Nachbarschaft“",
        "slug": "projekt-starke-vereine-starke-nachbarschaft",
        "kind": "project",
        "topics": ["projektmanagement", "vereinsarbeit", "vernetzung"],
        "reviewed_days_ago": 30,
        "intro": txt(
            """Zehn Monate, rund 60 eingeladene Vereine, ein Ziel: Migrantenorganisationen sollen
            ihre Arbeit besser organisieren, sich stärker beteiligen und enger mit
            Wohlfahrtsverbänden und Stadt zusammenarbeiten."""
        ),
        "body": project_body,
        "contact_persons": [person("kovalenko")],
    },
    {
        "key": "funding-application",
        "title": "Förderanträge für Vereinsprojekte schreiben",
        "slug": "foerderantraege-schreiben",
        "kind": "work_aid",
        "topics": ["foerdermittel", "vereinsarbeit", "projektmanagement"],
        "reviewed_days_ago": 45,
        "intro": txt(
            """Eine Schritt-für-Schritt-Hilfe für den ersten Förderantrag: von der Projektidee
            über den Kostenplan bis zur Abrechnung."""
        ),
        "body": md(
            """
            ## Bevor Sie anfangen
            Lesen Sie die Förderrichtlinie ganz durch. Dort steht, wer gefördert wird, was
            gefördert wird und bis wann der Antrag eingehen muss. Klären Sie im Verein, wer den
            Antrag schreibt und wer ihn unterschreiben darf.

            ## Die Projektbeschreibung
            Eine gute Projektbeschreibung beantwortet fünf Fragen:

            1. Was wollen Sie tun?
            2. Für wen – und wie viele Menschen erreichen Sie?
            3. Warum ist das nötig?
            4. Wann und wo findet es statt?
            5. Woran merken Sie am Ende, dass es gelungen ist?

            ## Der Kostenplan
            - Honorare für Referentinnen, Übungsleiter oder Dolmetscherinnen
            - Sachkosten: Material, Druck, Raummiete, Fahrtkosten
            - Verpflegung, wenn die Richtlinie sie erlaubt
            - Eigenanteil: Geld oder ehrenamtliche Arbeit, die der Verein selbst einbringt

            !callout important: Belege aufbewahren
            Heben Sie alle Rechnungen und Quittungen auf. Ohne Belege muss das Geld oft
            zurückgezahlt werden.

            !document checkliste-foerderantrag: Checkliste Förderantrag (PDF)

            !faq: Häufige Fragen
            ? Dürfen wir mit dem Projekt anfangen, bevor der Bescheid da ist?
            In der Regel nicht. Ausgaben vor dem Bewilligungsbescheid werden meist nicht
            erstattet, außer die Förderstelle hat einem vorzeitigen Beginn zugestimmt.
            ? Wir sind kein eingetragener Verein. Können wir trotzdem Geld beantragen?
            Beim städtischen Förderfonds ja, wenn ein eingetragener Verein das Geld für Sie
            verwaltet. Der Verbund übernimmt das für kleine Initiativen.
            ? Was passiert nach dem Projekt?
            Sie schicken einen kurzen Sachbericht und einen Verwendungsnachweis mit allen
            Ausgaben. Die Frist steht im Bescheid.

            !contact rahimi
            """
        ),
        "contact_persons": [person("rahimi")],
    },
    {
        "key": "method-moderation",
        "title": "Methodenkarte: Ein Vernetzungstreffen moderieren",
        "slug": "methodenkarte-vernetzungstreffen-moderieren",
        "kind": "method",
        "topics": ["vernetzung", "ehrenamt", "veranstaltungen-planen"],
        "reviewed_days_ago": 120,
        "intro": txt(
            """Wie bleibt ein Treffen mit 15 Menschen aus 10 Initiativen lebendig und trotzdem
            pünktlich? Eine Methodenkarte aus der Praxis der Ehrenamtskoordination."""
        ),
        "body": md(
            """
            ## Auf einen Blick
            - **Dauer:** 2,5 bis 3 Stunden
            - **Gruppengröße:** 8 bis 20 Personen
            - **Material:** Flipchart, Moderationskarten, Namensschilder, Uhr

            ## Ablauf
            1. **Ankommen (15 Minuten):** Getränke, Namensschilder, Zeit für Gespräche
            2. **Blitzlicht (20 Minuten):** Jede Person sagt in einem Satz, was sie gerade
               beschäftigt. Die Moderation notiert Stichworte am Flipchart.
            3. **Input (30 Minuten):** ein Thema, eine Referentin oder ein Referent, danach
               Fragen
            4. **Themeninseln (45 Minuten):** Kleingruppen zu den Stichworten aus dem Blitzlicht
            5. **Ergebnisse und Termine (20 Minuten):** Was nehmen wir mit? Wann treffen wir uns
               wieder?

            !callout tip: Einzelfälle auslagern
            Wenn jemand einen Einzelfall ausführlich schildern möchte, bieten Sie ein Gespräch
            nach dem Treffen an. So bleibt Zeit für Themen, die alle betreffen.

            !faq: Fragen aus der Praxis
            ? Was tun, wenn immer dieselben reden?
            Arbeiten Sie mit Runden, in denen jede Person kurz drankommt, oder lassen Sie
            Stichworte zuerst auf Karten schreiben.
            ? Wie gehen wir mit mehreren Sprachen um?
            Fragen Sie bei der Einladung nach Übersetzungsbedarf. Oft können Teilnehmende
            füreinander flüstern; planen Sie dafür etwas mehr Zeit ein.

            !contact haddad
            """
        ),
        "contact_persons": [person("haddad")],
    },
    {
        "key": "found-association",
        "title": "Einen Verein gründen: Schritt für Schritt",
        "slug": "verein-gruenden",
        "kind": "work_aid",
        "topics": ["vereinsarbeit", "recht-finanzen"],
        "reviewed_days_ago": 200,
        "intro": txt(
            """Sieben Menschen, eine Satzung, eine Gründungsversammlung: Was Sie für einen
            eingetragenen und gemeinnützigen Verein brauchen."""
        ),
        "body": md(
            """
            ## Die Schritte
            1. Mindestens sieben Gründungsmitglieder finden
            2. eine Satzung schreiben und vom Finanzamt vorab prüfen lassen
            3. die Gründungsversammlung abhalten, den Vorstand wählen, ein Protokoll schreiben
            4. den Verein bei einer Notarin oder einem Notar zum Vereinsregister anmelden
            5. die Gemeinnützigkeit beim Finanzamt beantragen
            6. ein Vereinskonto eröffnen

            !document mustersatzung: Mustersatzung (Auszug, PDF)

            !callout info: Beratung
            Der Verbund berät Gründungsinitiativen kostenlos und hilft auch bei der Übersetzung
            der Satzung für Mitglieder, die wenig Deutsch sprechen.

            !faq: Häufige Fragen
            ? Was kostet die Gründung?
            Für Notar und Registergericht fallen meist zusammen weniger als 150 Euro an.
            ? Muss der Vorstand Deutsch sprechen?
            Nein. Die Satzung und die Unterlagen für das Registergericht müssen aber auf Deutsch
            sein.

            !contact brueckner
            """
        ),
        "contact_persons": [person("brueckner")],
    },
    {
        "key": "invitations",
        "title": "Mehrsprachig und barrierearm einladen",
        "slug": "mehrsprachig-und-barrierearm-einladen",
        "kind": "work_aid",
        "topics": ["oeffentlichkeitsarbeit", "veranstaltungen-planen"],
        "reviewed_days_ago": 60,
        "intro": txt(
            """Eine Einladung, die ankommt: kurze Sätze, alle wichtigen Angaben und Hinweise zur
            Barrierefreiheit – in den Sprachen der Menschen, die Sie erreichen wollen."""
        ),
        "body": md(
            """
            ## Was in jede Einladung gehört
            - Was findet statt und für wen?
            - Datum, Uhrzeit und Dauer
            - Ort mit Adresse und Anfahrt mit Bus und Bahn
            - Barrierefreiheit: Stufen, Aufzug, Toilette, Induktionsschleife
            - Sprachen, Kinderbetreuung, Kosten
            - Anmeldung: bis wann und wie

            ## Einfach schreiben
            Schreiben Sie kurze Sätze mit einem Gedanken pro Satz. Vermeiden Sie Abkürzungen und
            Fachwörter. Lassen Sie Übersetzungen von einer zweiten Person gegenlesen.

            !callout tip: Drei Wochen vorher
            Laden Sie etwa drei Wochen vor der Veranstaltung ein und erinnern Sie eine Woche
            vorher noch einmal – am besten in den Kanälen, die die Zielgruppe wirklich nutzt.
            """
        ),
        "contact_persons": [person("rahimi")],
    },
]


# --- Translations into English, Turkish and Arabic -----------------------------------------------
# Keyed by the German page's key; parents come before their children.

TRANSLATIONS = {
    "home": {
        "en": {
            "title": "Integration Portal Mittelstadt",
            "seo_title": "Integration Portal Mittelstadt – associations, events, guidance",
            "search_description": txt(
                """The portal of the migrant organisations and the Municipal Integration Centre
                in Mittelstadt: organisations, events, news and guidance."""
            ),
            "intro": txt(
                """Find the migrant organisations and initiatives in Mittelstadt, their events,
                news from the umbrella association and guidance for local integration work – in
                several languages."""
            ),
            "body": md(
                """
                ## Welcome to the integration portal
                Mittelstadt is a city of many: people from more than 140 countries live here. Over
                60 associations and initiatives work for good community relations – with homework
                clubs and parents' cafés, sports groups and cultural festivals, advice in people's
                own languages and support with visits to public offices. This portal makes their
                work visible and connects it with the city administration, welfare organisations
                and everyone who wants to get involved.

                ## Finding your way around
                - **Organisations:** the directory of associations, communities and initiatives,
                  with search and filters by field of action, language and district
                - **Events:** dates from the associations and the city, also as a calendar
                  subscription
                - **News:** news from the umbrella association and press releases
                - **Guidance:** checklists, methods and descriptions for practical work

                !callout info: Demo content
                Mittelstadt does not exist. All organisations, people, addresses, phone numbers
                and e-mail addresses on this website are invented. The texts show what the portal
                can look like in everyday use.
                """
            ),
        },
        "tr": {
            "title": "Mittelstadt Uyum Portalı",
            "seo_title": "Mittelstadt Uyum Portalı – dernekler, etkinlikler, rehberler",
            "search_description": txt(
                """Mittelstadt'taki göçmen örgütlerinin ve Belediye Uyum Merkezi'nin portalı:
                kuruluşlar, etkinlikler, haberler ve rehberler."""
            ),
            "intro": txt(
                """Burada Mittelstadt'taki göçmen örgütlerini ve girişimleri, etkinliklerini,
                birlikten haberleri ve yerel uyum çalışmaları için rehberleri birden fazla dilde
                bulabilirsiniz."""
            ),
            "body": md(
                """
                ## Uyum portalına hoş geldiniz
                Mittelstadt çok sesli bir şehir: Burada 140'tan fazla ülkeden insan yaşıyor.
                60'tan fazla dernek ve girişim iyi bir bir arada yaşam için çalışıyor – ödev
                yardımı ve veli kafeleri, spor grupları ve kültür şenlikleri, ana dilde danışmanlık
                ve resmî dairelere refakatle. Bu portal onların çalışmalarını görünür kılar ve
                onları belediye yönetimi, refah kuruluşları ve katılmak isteyen herkesle
                buluşturur.

                ## Portalda yolunuzu bulun
                - **Kuruluşlar:** dernekler, cemaatler ve girişimler rehberi; çalışma alanı, dil
                  ve semte göre arama ve filtreleme
                - **Etkinlikler:** derneklerin ve belediyenin etkinlikleri, takvim aboneliği
                  olarak da
                - **Haberler:** birlikten haberler ve basın açıklamaları
                - **Rehberler:** uygulama için kontrol listeleri, yöntemler ve açıklamalar

                !callout info: Örnek içerik
                Mittelstadt diye bir şehir yoktur. Bu sitedeki tüm kuruluşlar, kişiler, adresler,
                telefon numaraları ve e-posta adresleri uydurmadır. Metinler, portalın günlük
                kullanımda nasıl görünebileceğini göstermektedir.
                """
            ),
        },
        "ar": {
            "title": "بوابة الاندماج في ميتلشتات",
            "seo_title": "بوابة الاندماج في ميتلشتات – جمعيات وفعاليات وأدلة عمل",
            "search_description": txt(
                """بوابة منظمات المهاجرين ومركز الاندماج البلدي في ميتلشتات: المنظمات
                والفعاليات والأخبار وأدلة العمل."""
            ),
            "intro": txt(
                """تجدون هنا منظمات المهاجرين والمبادرات في ميتلشتات، وفعالياتها، وأخبار الاتحاد،
                وأدلة عملية للعمل المحلي في مجال الاندماج – بعدة لغات."""
            ),
            "body": md(
                """
                ## مرحبًا بكم في بوابة الاندماج
                ميتلشتات مدينة متعددة الأصوات: يعيش فيها أناس من أكثر من 140 بلدًا. وتعمل أكثر من
                60 جمعية ومبادرة من أجل عيش مشترك جيد – من خلال دروس التقوية ومقاهي أولياء
                الأمور، والفرق الرياضية والمهرجانات الثقافية، والاستشارة باللغة الأم والمرافقة إلى
                الدوائر الرسمية. تُظهر هذه البوابة عملهم وتربطهم بإدارة المدينة وجمعيات الرعاية
                الاجتماعية وكل من يرغب في المشاركة.

                ## كيف تجدون ما تبحثون عنه
                - **المنظمات:** دليل الجمعيات والجاليات والمبادرات، مع إمكانية البحث والتصفية حسب
                  مجال العمل واللغة والحي
                - **الفعاليات:** مواعيد الجمعيات والمدينة، ويمكن الاشتراك فيها كتقويم
                - **الأخبار:** أخبار الاتحاد والبيانات الصحفية
                - **أدلة العمل:** قوائم تحقق وأساليب عمل وأوصاف للتطبيق العملي

                !callout info: محتوى تجريبي
                مدينة ميتلشتات غير موجودة. جميع المنظمات والأشخاص والعناوين وأرقام الهواتف وعناوين
                البريد الإلكتروني في هذا الموقع خيالية. تُبيّن النصوص كيف يمكن أن تبدو البوابة في
                الاستخدام اليومي.
                """
            ),
        },
    },
    "organisations": {
        "en": {
            "title": "Organisations",
            "slug": "organisations",
            "intro": txt(
                """Migrant organisations, communities, initiatives and specialist services in
                Mittelstadt. Search for a keyword or filter by field of action, language and
                district."""
            ),
        },
        "tr": {
            "title": "Kuruluşlar",
            "slug": "kuruluslar",
            "intro": txt(
                """Mittelstadt'taki göçmen örgütleri, cemaatler, girişimler ve uzman birimler.
                Bir anahtar kelimeyle arayın ya da çalışma alanı, dil ve semte göre
                filtreleyin."""
            ),
        },
        "ar": {
            "title": "المنظمات",
            "slug": "munazzamat",
            "intro": txt(
                """منظمات المهاجرين والجاليات والمبادرات والجهات المتخصصة في ميتلشتات. ابحثوا
                بكلمة مفتاحية أو صفّوا النتائج حسب مجال العمل واللغة والحي."""
            ),
        },
    },
    "events": {
        "en": {
            "title": "Events",
            "slug": "events",
            "intro": txt(
                """Meetings, workshops, festivals and drop-in hours of the associations and the
                city. All dates are also available as a calendar subscription."""
            ),
        },
        "tr": {
            "title": "Etkinlikler",
            "slug": "etkinlikler",
            "intro": txt(
                """Derneklerin ve belediyenin toplantıları, atölyeleri, şenlikleri ve danışma
                saatleri. Tüm tarihlere takvim aboneliği olarak da ulaşabilirsiniz."""
            ),
        },
        "ar": {
            "title": "الفعاليات",
            "slug": "faaliyat",
            "intro": txt(
                """لقاءات وورش عمل ومهرجانات وساعات استشارة تنظمها الجمعيات والمدينة. يمكن
                الاشتراك في جميع المواعيد كتقويم أيضًا."""
            ),
        },
    },
    "news": {
        "en": {
            "title": "News",
            "slug": "news",
            "intro": txt(
                """News from the umbrella association and its member associations, press
                releases, projects and funding opportunities."""
            ),
        },
        "tr": {
            "title": "Haberler",
            "slug": "haberler",
            "intro": txt(
                """Birlikten ve üye derneklerden haberler, basın açıklamaları, projeler ve destek
                olanakları."""
            ),
        },
        "ar": {
            "title": "الأخبار",
            "slug": "akhbar",
            "intro": "أخبار الاتحاد وجمعياته الأعضاء، وبيانات صحفية، ومشاريع، وفرص التمويل.",
        },
    },
    "guidance": {
        "en": {
            "title": "Guidance",
            "slug": "guidance",
            "intro": txt(
                """Work aids, method cards, task descriptions and project reports for everyone
                doing local integration work – as volunteers or professionals."""
            ),
        },
        "tr": {
            "title": "Rehberler",
            "slug": "rehberler",
            "intro": txt(
                """Yerelde uyum çalışması yapan herkes için – gönüllü ya da profesyonel – çalışma
                rehberleri, yöntem kartları, görev tanımları ve proje raporları."""
            ),
        },
        "ar": {
            "title": "أدلة العمل",
            "slug": "adillat-al-amal",
            "intro": txt(
                """أدلة عمل وبطاقات منهجية وأوصاف مهام وتقارير مشاريع لكل من يعمل محليًا في مجال
                الاندماج – تطوعًا أو مهنيًا."""
            ),
        },
    },
    "imprint": {
        "en": {
            "title": "Legal notice",
            "slug": "legal-notice",
            "intro": "Information about the provider of this website.",
            "body": md(
                """
                ## Provider
                Verbund der Migrantenorganisationen Mittelstadt e. V. (Association of Migrant
                Organisations Mittelstadt), Mühlenweg 7, 12343 Mittelstadt, Germany

                - Phone: 0123 45678-0
                - E-mail: info@verbund-mittelstadt.example.org

                ## Authorised board members
                Derya Yıldırım (chair), Mehmet Özdemir (deputy chair), Iryna Petrenko (treasurer)

                ## Register entry
                Registered in the register of associations at Mittelstadt local court under
                number VR 4711.

                ## Responsible for the content
                Thomas Brückner, managing director, address as above. The City of Mittelstadt,
                represented by its integration commissioner Dr. Katharina Lenz, is responsible
                for the pages of the Municipal Integration Centre.

                !callout important: Demo website
                This is a demonstration. Mittelstadt, the association, all people, addresses and
                register numbers are invented.
                """
            ),
        },
        "tr": {
            "title": "Künye",
            "slug": "kunye",
            "intro": "Bu web sitesinin sağlayıcısı hakkında bilgiler.",
            "body": md(
                """
                ## Sağlayıcı
                Verbund der Migrantenorganisationen Mittelstadt e. V. (Mittelstadt Göçmen
                Dernekleri Birliği), Mühlenweg 7, 12343 Mittelstadt, Almanya

                - Telefon: 0123 45678-0
                - E-posta: info@verbund-mittelstadt.example.org

                ## Temsile yetkili yönetim kurulu
                Derya Yıldırım (başkan), Mehmet Özdemir (başkan yardımcısı), Iryna Petrenko
                (sayman)

                ## Sicil kaydı
                Mittelstadt Sulh Hukuk Mahkemesi dernekler sicilinde VR 4711 numarasıyla
                kayıtlıdır.

                ## İçerikten sorumlu
                Thomas Brückner, genel müdür, adres yukarıdaki gibi. Belediye Uyum Merkezi'nin
                sayfalarından, uyum sorumlusu Dr. Katharina Lenz tarafından temsil edilen
                Mittelstadt Belediyesi sorumludur.

                !callout important: Örnek web sitesi
                Bu bir tanıtım sitesidir. Mittelstadt, birlik, tüm kişiler, adresler ve sicil
                numaraları uydurmadır.
                """
            ),
        },
        "ar": {
            "title": "بيانات الناشر",
            "slug": "bayanat-al-nashir",
            "intro": "معلومات عن الجهة المقدِّمة لهذا الموقع.",
            "body": md(
                """
                ## الجهة المقدِّمة
                Verbund der Migrantenorganisationen Mittelstadt e. V. (اتحاد منظمات المهاجرين في
                ميتلشتات)، Mühlenweg 7، 12343 Mittelstadt، ألمانيا

                - الهاتف: 0123 45678-0
                - البريد الإلكتروني: info@verbund-mittelstadt.example.org

                ## أعضاء مجلس الإدارة المخوَّلون بالتمثيل
                ديريا يلدريم (الرئيسة)، محمد أوزدمير (نائب الرئيسة)، إيرينا بيترينكو (أمينة
                الصندوق)

                ## القيد في السجل
                مسجَّل في سجل الجمعيات لدى محكمة ميتلشتات الابتدائية تحت الرقم VR 4711.

                ## المسؤول عن المحتوى
                توماس بروكنر، المدير التنفيذي، على العنوان المذكور أعلاه. أما صفحات مركز الاندماج
                البلدي فتتحمل مسؤوليتها مدينة ميتلشتات، ممثلةً بمفوضة شؤون الاندماج الدكتورة
                كاتارينا لينتس.

                !callout important: موقع تجريبي
                هذا موقع للعرض فقط. ميتلشتات والاتحاد وجميع الأشخاص والعناوين وأرقام السجل خيالية.
                """
            ),
        },
    },
    "privacy": {
        "en": {
            "title": "Privacy",
            "slug": "privacy",
            "intro": txt(
                """We collect as little data as possible. This statement explains what is stored
                when you visit this website, for how long, and what rights you have."""
            ),
            "body": md(
                """
                ## Controller
                Verbund der Migrantenorganisationen Mittelstadt e. V., Mühlenweg 7, 12343
                Mittelstadt, e-mail: datenschutz@verbund-mittelstadt.example.org. You can reach
                our data protection officer at the same address.

                ## No cookies, no analytics, no third parties
                - Readers of this website get **no cookies**. The language is part of the page
                  address (/en/, /tr/ …), not stored in a cookie.
                - We use **no analytics or statistics services** and no tracking.
                - Fonts, images and scripts come from our own server. Reading the site makes
                  **no requests to third parties**.
                - Only editors who log in receive a technically necessary session cookie, which
                  is deleted when they log out.
                - Pages with a form set a technically necessary cookie (csrftoken) that
                  prevents forged submissions. It holds nothing but a random number.

                ## Server logs
                For every request the web server stores the IP address, date and time, the
                address requested, the status code and the browser identifier. We need this
                information to detect faults and attacks (Art. 6(1)(f) GDPR). The logs are
                deleted automatically after 14 days and are not combined with other data.

                ## Forms
                If you use a form to announce an event or to sign up for one, we store your details
                and contact information in order to review the submission, handle the sign-up and
                ask you questions if necessary (Art. 6(1)(b) and (f) GDPR). Only the editors who
                review submissions see your contact details; they are never published. An image is
                published only after the editors have approved it.

                We keep your details only as long as we need them: contact details for an event
                are deleted 90 days after its last date, for a rejected submission 30 days after
                the rejection; sign-ups are deleted 90 days after they were sent. This happens
                automatically every night.

                To protect our forms against mass submissions, we count for one hour how often a
                form is sent from one internet address, storing only an irreversible hash of the
                address, not the address itself.

                ## Your rights
                You have the right of access, rectification, erasure and restriction of
                processing, the right to data portability and the right to object. You can also
                lodge a complaint with a data protection supervisory authority.
                """
            ),
        },
        "tr": {
            "title": "Gizlilik",
            "slug": "gizlilik",
            "intro": txt(
                """Mümkün olduğunca az veri topluyoruz. Bu açıklama, siteyi ziyaret ettiğinizde
                neyin, ne kadar süreyle saklandığını ve haklarınızı anlatır."""
            ),
            "body": md(
                """
                ## Sorumlu
                Verbund der Migrantenorganisationen Mittelstadt e. V., Mühlenweg 7, 12343
                Mittelstadt, e-posta: datenschutz@verbund-mittelstadt.example.org. Veri koruma
                görevlimize aynı adresten ulaşabilirsiniz.

                ## Çerez yok, istatistik yok, üçüncü taraf yok
                - Bu siteyi okuyanlara **hiçbir çerez** verilmez. Dil bir çerezde değil, sayfanın
                  adresinde (/tr/, /de/ …) yer alır.
                - **Hiçbir analiz veya istatistik hizmeti** ve izleme kullanmıyoruz.
                - Yazı tipleri, görseller ve betikler kendi sunucumuzdan gelir. Okuma sırasında
                  **üçüncü taraflara istek gönderilmez**.
                - Yalnızca giriş yapan editörler, çıkış yapınca silinen ve teknik olarak gerekli
                  bir oturum çerezi alır.
                - Form içeren sayfalar, sahte gönderileri önleyen ve teknik olarak gerekli bir
                  çerez (csrftoken) koyar. Bu çerez yalnızca rastgele bir sayı içerir.

                ## Sunucu kayıtları
                Web sunucusu her erişimde IP adresini, tarih ve saati, çağrılan adresi, durum
                kodunu ve tarayıcı bilgisini kaydeder. Bu bilgilere arızaları ve saldırıları
                tespit etmek için ihtiyaç duyarız (GDPR madde 6 fıkra 1 bent f). Kayıtlar 14 gün
                sonra otomatik olarak silinir ve başka verilerle birleştirilmez.

                ## Formlar
                Bir form aracılığıyla bir etkinlik veya bir dernek profilinde değişiklik
                gönderirseniz, gönderiyi incelemek ve gerektiğinde size soru sormak için
                bilgilerinizi ve iletişim bilgilerinizi saklarız (GDPR madde 6 fıkra 1 bent b ve
                f). Bunları yalnızca bu amaç için gerektiği sürece tutarız: Bir etkinliğe ait
                iletişim bilgileri son tarihinden 90 gün sonra, reddedilen bir gönderinin
                iletişim bilgileri ret kararından 30 gün sonra, kayıtlar ise gönderildikten 90 gün
                sonra her gece otomatik olarak silinir.

                ## Haklarınız
                Bilgi alma, düzeltme, silme, işlemenin kısıtlanması, veri taşınabilirliği ve
                itiraz haklarına sahipsiniz. Ayrıca bir veri koruma denetim makamına şikâyette
                bulunabilirsiniz.
                """
            ),
        },
        "ar": {
            "title": "حماية البيانات",
            "slug": "himayat-al-bayanat",
            "intro": txt(
                """نجمع أقل قدر ممكن من البيانات. يوضح هذا البيان ما يُحفَظ عند زيارة هذا الموقع،
                ولأي مدة، وما هي حقوقكم."""
            ),
            "body": md(
                """
                ## الجهة المسؤولة
                Verbund der Migrantenorganisationen Mittelstadt e. V.، Mühlenweg 7، 12343
                Mittelstadt، البريد الإلكتروني: datenschutz@verbund-mittelstadt.example.org.
                ويمكنكم التواصل مع مسؤولة حماية البيانات لدينا على العنوان نفسه.

                ## لا ملفات تعريف ارتباط، لا إحصاءات، لا جهات خارجية
                - لا يحصل قرّاء هذا الموقع على **أي ملفات تعريف ارتباط (كوكيز)**، فاللغة جزء من
                  عنوان الصفحة (/ar/ و/de/ …) وليست محفوظة في ملف تعريف ارتباط.
                - لا نستخدم **أي خدمات تحليل أو إحصاء** ولا أي تتبّع.
                - تأتي الخطوط والصور والبرمجيات من خادمنا الخاص، ولا تُرسَل عند القراءة **أي
                  طلبات إلى جهات خارجية**.
                - يحصل المحررون الذين يسجّلون الدخول فقط على ملف تعريف ارتباط للجلسة ضروري
                  تقنيًا، ويُحذف عند تسجيل الخروج.
                - تضع الصفحات التي تحتوي على استمارة ملف تعريف ارتباط ضروريًا تقنيًا (csrftoken)
                  يمنع الإرسال المزوّر، ولا يحتوي إلا على رقم عشوائي.

                ## سجلات الخادم
                يحفظ خادم الويب عند كل طلب عنوان IP والتاريخ والوقت والعنوان المطلوب ورمز الحالة
                وتعريف المتصفح. نحتاج إلى هذه المعلومات لاكتشاف الأعطال والهجمات (المادة 6، الفقرة
                1، البند (و) من اللائحة العامة لحماية البيانات). تُحذف السجلات تلقائيًا بعد 14
                يومًا ولا تُدمج مع بيانات أخرى.

                ## الاستمارات
                إذا أرسلتم عبر استمارة فعاليةً أو تعديلًا على صفحة جمعية، فإننا نحفظ بياناتكم
                وبيانات الاتصال بكم لمراجعة الطلب وللاستفسار منكم عند الحاجة. ونحتفظ بها فقط طالما
                احتجنا إليها لهذا الغرض: تُحذف بيانات الاتصال الخاصة بفعالية بعد 90 يومًا من آخر
                موعد لها، وبيانات الطلب المرفوض بعد 30 يومًا من رفضه، والتسجيلات بعد 90 يومًا من
                إرسالها، وذلك تلقائيًا كل ليلة.

                ## حقوقكم
                لكم الحق في الاطلاع والتصحيح والحذف وتقييد المعالجة ونقل البيانات والاعتراض. كما
                يحق لكم تقديم شكوى إلى سلطة رقابية مختصة بحماية البيانات.
                """
            ),
        },
    },
    "accessibility": {
        "en": {
            "title": "Accessibility statement",
            "slug": "accessibility",
            "intro": txt(
                """We want everyone to be able to use this website – regardless of disability,
                age, language or device."""
            ),
            "body": lambda today: md(
                f"""
                ## Scope
                This statement applies to the Integration Portal Mittelstadt in all language
                versions.

                ## Compliance status
                This website is **partially compliant** with the German Accessible Information
                Technology Ordinance (BITV 2.0) and the Web Content Accessibility Guidelines
                (WCAG) 2.1, level AA. All pages can be used with a keyboard and work with screen
                readers and with zoom up to 400 percent; Arabic and Persian pages are displayed
                from right to left.

                ## Content that is not accessible
                - Some older PDF documents from the associations are not fully accessible. On
                  request we will send you the content in an accessible format.
                - Not all pages are available in every language yet. Where a translation is
                  missing, we show the German text and say so clearly.
                - Texts in Easy Language and videos in German Sign Language are still missing.
                  We are working on it.

                ## Preparation of this statement
                This statement was prepared on {long_date(today - days(30), "en")} based on a
                self-assessment and is reviewed every year.

                ## Report a barrier
                Have you come across a barrier? Write to
                barrierefreiheit@verbund-mittelstadt.example.org or call 0123 45678-0. We will
                reply within two weeks.

                ## Conciliation procedure
                If you are not satisfied with our reply, you can turn to the conciliation body
                under section 16 of the German Disability Equality Act (Schlichtungsstelle nach
                § 16 BGG). It helps to settle disputes about barriers without going to court; the
                procedure is free of charge. More information:
                [www.schlichtungsstelle-bgg.de](https://www.schlichtungsstelle-bgg.de).
                """
            ),
        },
        "tr": {
            "title": "Erişilebilirlik beyanı",
            "slug": "erisilebilirlik",
            "intro": txt(
                """Bu web sitesini herkesin kullanabilmesini istiyoruz – engellilik, yaş, dil
                veya cihazdan bağımsız olarak."""
            ),
            "body": lambda today: md(
                f"""
                ## Kapsam
                Bu beyan, Mittelstadt Uyum Portalı'nın tüm dil sürümleri için geçerlidir.

                ## Uyum durumu
                Bu web sitesi, Almanya'nın Engelsiz Bilgi Teknolojisi Yönetmeliği (BITV 2.0) ve
                Web İçeriği Erişilebilirlik Yönergeleri (WCAG) 2.1 AA düzeyi ile **kısmen
                uyumludur**. Tüm sayfalar klavyeyle kullanılabilir, ekran okuyucularla ve yüzde
                400'e kadar büyütmeyle çalışır; Arapça ve Farsça sayfalar sağdan sola gösterilir.

                ## Erişilebilir olmayan içerikler
                - Derneklere ait bazı eski PDF belgeleri tam olarak erişilebilir değildir. İsteğiniz
                  üzerine içerikleri size erişilebilir bir biçimde göndeririz.
                - Henüz tüm sayfalar her dilde mevcut değildir. Bir çeviri eksikse Almanca metni
                  gösterir ve bunu açıkça belirtiriz.
                - Kolay dilde metinler ve Alman İşaret Dili videoları henüz yok. Bunun üzerinde
                  çalışıyoruz.

                ## Bu beyanın hazırlanması
                Bu beyan {long_date(today - days(30), "tr")} tarihinde bir öz değerlendirmeye
                dayanarak hazırlanmıştır ve her yıl gözden geçirilir.

                ## Bir engeli bildirin
                Bir engelle mi karşılaştınız? barrierefreiheit@verbund-mittelstadt.example.org
                adresine yazın veya 0123 45678-0 numarasını arayın. İki hafta içinde yanıt
                veririz.

                ## Uzlaştırma süreci
                Yanıtımızdan memnun kalmazsanız, Alman Engellilerin Eşitliği Yasası'nın 16.
                maddesine göre kurulan uzlaştırma kuruluna (Schlichtungsstelle nach § 16 BGG)
                başvurabilirsiniz. Kurul, engellerle ilgili anlaşmazlıkları mahkemeye gitmeden
                çözmeye yardımcı olur; süreç ücretsizdir. Ayrıntılı bilgi:
                [www.schlichtungsstelle-bgg.de](https://www.schlichtungsstelle-bgg.de).
                """
            ),
        },
        "ar": {
            "title": "بيان إمكانية الوصول",
            "slug": "imkaniyat-al-wusul",
            "intro": txt(
                """نريد أن يتمكن الجميع من استخدام هذا الموقع – بغض النظر عن الإعاقة أو العمر أو
                اللغة أو الجهاز المستخدم."""
            ),
            "body": lambda today: md(
                f"""
                ## نطاق التطبيق
                ينطبق هذا البيان على بوابة الاندماج في ميتلشتات بجميع نسخها اللغوية.

                ## حالة التوافق
                هذا الموقع **متوافق جزئيًا** مع اللائحة الألمانية لتقنية المعلومات الخالية من
                العوائق (BITV 2.0) ومع إرشادات إتاحة محتوى الويب (WCAG) 2.1 على المستوى AA. يمكن
                استخدام جميع الصفحات بلوحة المفاتيح، وهي تعمل مع برامج قراءة الشاشة ومع التكبير
                حتى 400 بالمئة، وتُعرض الصفحات العربية والفارسية من اليمين إلى اليسار.

                ## محتوى غير متاح بالكامل
                - بعض مستندات PDF القديمة الخاصة بالجمعيات ليست متاحة بالكامل. نرسل إليكم المحتوى
                  بصيغة متاحة عند الطلب.
                - لا تتوفر جميع الصفحات بكل اللغات بعد. وحيث تنقص الترجمة نعرض النص الألماني
                  ونشير إلى ذلك بوضوح.
                - لا تتوفر بعد نصوص باللغة المبسطة ولا مقاطع فيديو بلغة الإشارة الألمانية، ونحن
                  نعمل على ذلك.

                ## إعداد هذا البيان
                أُعدّ هذا البيان في {long_date(today - days(30), "ar")} استنادًا إلى تقييم ذاتي،
                ويُراجَع سنويًا.

                ## الإبلاغ عن عائق
                هل واجهتم عائقًا؟ راسلونا على barrierefreiheit@verbund-mittelstadt.example.org
                أو اتصلوا على الرقم 0123 45678-0. سنرد خلال أسبوعين.

                ## إجراءات التسوية
                إذا لم تكونوا راضين عن ردّنا، يمكنكم التوجه إلى هيئة التسوية وفق المادة 16 من
                قانون المساواة للأشخاص ذوي الإعاقة (Schlichtungsstelle nach § 16 BGG). تساعد
                الهيئة على حل النزاعات المتعلقة بالعوائق دون اللجوء إلى المحكمة، والإجراء مجاني.
                لمزيد من المعلومات:
                [www.schlichtungsstelle-bgg.de](https://www.schlichtungsstelle-bgg.de).
                """
            ),
        },
    },
}

TRANSLATIONS |= {
    "verbund": {
        "en": {
            "title": "Association of Migrant Organisations Mittelstadt",
            "slug": "association-of-migrant-organisations",
            "legal_form": "registered non-profit association (e. V.)",
            "summary": txt(
                """The umbrella association of more than 60 migrant organisations in Mittelstadt:
                it advises associations, represents their interests in municipal committees and
                brings associations, the city administration and civil society together."""
            ),
            "communities": "Member associations with roots in more than 30 countries",
            "meeting_times": (
                "Office: Monday to Thursday 9 am–4 pm, Friday 9 am–1 pm\n"
                "Advice for associations: Tuesday 2–6 pm and by appointment"
            ),
            "body": md(
                """
                ## Who we are
                Eleven associations founded the umbrella association in 2001 because they no
                longer wanted to negotiate with the city administration each on their own. Today
                more than 60 organisations are members: parents' associations, cultural and
                sports clubs, religious communities, women's and youth groups. Together they
                speak more than 25 languages.

                ## What we do
                - **Advice for associations:** statutes, charitable status, bookkeeping, funding
                  applications and public relations
                - **Representation:** membership of 18 municipal, regional and state-wide
                  committees, working groups and networks
                - **Networking:** regular meetings of member associations and joint projects with
                  the city, welfare organisations and schools
                - **Information:** this portal, a newsletter and events in several languages

                ## Working with the city
                Our cooperation is based on an agreement with the Municipal Integration Centre.
                The city provides core funding for the association's office; projects are
                financed through state, federal and EU programmes.

                > We see ourselves as a bridge: what happens in the associations should reach
                > city politics – and the other way round.
                > -- Derya Yıldırım | Chair of the association
                """
            ),
        },
        "tr": {
            "title": "Mittelstadt Göçmen Dernekleri Birliği",
            "slug": "gocmen-dernekleri-birligi",
            "legal_form": "kayıtlı dernek (e. V.), kamu yararına",
            "summary": txt(
                """Mittelstadt'taki 60'tan fazla göçmen örgütünün çatı kuruluşu: Derneklere
                danışmanlık yapar, onların çıkarlarını belediye kurullarında temsil eder ve
                dernekleri, belediye yönetimini ve kent toplumunu bir araya getirir."""
            ),
            "communities": "30'dan fazla ülkeden kökenleri olan üye dernekler",
            "meeting_times": (
                "Genel merkez: Pazartesi–Perşembe 9.00–16.00, Cuma 9.00–13.00\n"
                "Dernek danışmanlığı: Salı 14.00–18.00 ve randevuyla"
            ),
            "body": md(
                """
                ## Biz kimiz
                Birlik, 2001 yılında belediye yönetimiyle artık her biri tek başına görüşmek
                istemeyen on bir dernek tarafından kuruldu. Bugün 60'tan fazla örgüt üyedir: veli
                dernekleri, kültür ve spor kulüpleri, dini cemaatler, kadın ve gençlik grupları.
                Hep birlikte 25'ten fazla dil konuşuyorlar.

                ## Ne yapıyoruz
                - **Derneklere danışmanlık:** tüzük, kamu yararı statüsü, muhasebe, hibe
                  başvuruları ve halkla ilişkiler
                - **Çıkarların temsili:** 18 yerel, bölgesel ve eyalet çapındaki kurul, çalışma
                  grubu ve ağda yer alma
                - **Ağ kurma:** üye derneklerin düzenli toplantıları; belediye, refah kuruluşları
                  ve okullarla ortak projeler
                - **Bilgilendirme:** bu portal, bir bülten ve birçok dilde etkinlikler

                ## Belediyeyle işbirliği
                İşbirliğinin temeli, Belediye Uyum Merkezi ile yapılan bir anlaşmadır. Belediye,
                birliğin genel merkezini kurumsal olarak destekler; projeler eyalet, federal ve AB
                programlarıyla finanse edilir.

                > Kendimizi bir köprü olarak görüyoruz: Derneklerde olup bitenler kent siyasetine
                > ulaşmalı – ve tersi de.
                > -- Derya Yıldırım | Birlik başkanı
                """
            ),
        },
        "ar": {
            "title": "اتحاد منظمات المهاجرين في ميتلشتات",
            "slug": "ittihad-munazzamat-al-muhajirin",
            "legal_form": "جمعية مسجلة (e. V.) ذات نفع عام",
            "summary": txt(
                """المظلة الجامعة لأكثر من 60 منظمة من منظمات المهاجرين في ميتلشتات: يقدّم
                الاستشارة للجمعيات، ويمثل مصالحها في هيئات المدينة، ويجمع الجمعيات والإدارة
                البلدية والمجتمع المدني."""
            ),
            "communities": "جمعيات أعضاء تعود جذورها إلى أكثر من 30 بلدًا",
            "meeting_times": (
                "المكتب: من الاثنين إلى الخميس 9–16، والجمعة 9–13\n"
                "استشارة الجمعيات: الثلاثاء 14–18 وبموعد مسبق"
            ),
            "body": md(
                """
                ## من نحن
                أسّست إحدى عشرة جمعية الاتحادَ عام 2001، لأنها لم تعد تريد أن تتفاوض كلٌّ منها
                وحدها مع إدارة المدينة. واليوم يضم الاتحاد أكثر من 60 منظمة: جمعيات أولياء أمور،
                ونوادٍ ثقافية ورياضية، وجاليات دينية، ومجموعات نسائية وشبابية. ويتحدث أعضاؤها
                مجتمعين أكثر من 25 لغة.

                ## ماذا نفعل
                - **استشارة الجمعيات:** النظام الأساسي، وصفة النفع العام، والمحاسبة، وطلبات
                  التمويل، والعلاقات العامة
                - **تمثيل المصالح:** المشاركة في 18 هيئة وفريق عمل وشبكة على مستوى المدينة
                  والمنطقة والولاية
                - **التشبيك:** لقاءات منتظمة للجمعيات الأعضاء، ومشاريع مشتركة مع الإدارة وجمعيات
                  الرعاية الاجتماعية والمدارس
                - **الإعلام:** هذه البوابة، ونشرة إخبارية، وفعاليات بعدة لغات

                ## التعاون مع المدينة
                يقوم التعاون على اتفاقية مع مركز الاندماج البلدي. وتدعم المدينة مكتب الاتحاد دعمًا
                هيكليًا، بينما تُموَّل المشاريع من برامج الولاية والحكومة الاتحادية والاتحاد
                الأوروبي.

                > نرى أنفسنا جسرًا: ما يجري في الجمعيات يجب أن يصل إلى سياسة المدينة – والعكس
                > صحيح.
                > -- ديريا يلدريم | رئيسة الاتحاد
                """
            ),
        },
    },
    "ki": {
        "en": {
            "title": "Municipal Integration Centre Mittelstadt",
            "slug": "municipal-integration-centre",
            "legal_form": "department of the city administration",
            "summary": txt(
                """The City of Mittelstadt's specialist office for integration: it coordinates
                the administration's integration work, supports migrant organisations and
                assists volunteers."""
            ),
            "meeting_times": "Monday to Friday 8:30 am–12:30 pm, Thursday also 2–5 pm",
            "body": md(
                """
                ## Integration as a task for the whole city
                The Municipal Integration Centre (KI) makes sure that integration is not left to
                the social welfare office alone but is part of every area of the administration –
                from the youth welfare office to economic development. It works closely with the
                umbrella association of migrant organisations, welfare organisations, schools and
                the job centre.

                ## What we offer
                - a fund for projects by migrant organisations and initiatives
                - coordination of volunteers supporting refugees, with a networking meeting every
                  three months
                - advice for day-care centres and schools on multilingualism and on pupils who
                  join mid-way through their schooling
                - an annual integration conference with the administration, politicians and
                  associations

                A detailed description of our tasks can be found under “Guidance”.
                """
            ),
        },
        "tr": {
            "title": "Mittelstadt Belediye Uyum Merkezi",
            "slug": "belediye-uyum-merkezi",
            "legal_form": "belediye yönetimine bağlı birim",
            "summary": txt(
                """Mittelstadt Belediyesi'nin uyum alanındaki uzman birimi: Yönetimin uyum
                çalışmalarını koordine eder, göçmen örgütlerini destekler ve gönüllülere eşlik
                eder."""
            ),
            "meeting_times": "Pazartesi–Cuma 8.30–12.30, Perşembe ayrıca 14.00–17.00",
            "body": md(
                """
                ## Tüm kentin görevi olarak uyum
                Belediye Uyum Merkezi (KI), uyumun yalnızca sosyal işler dairesine
                bırakılmamasını, gençlik dairesinden ekonomik kalkınmaya kadar yönetimin tüm
                alanlarında ele alınmasını sağlar. Göçmen dernekleri birliği, refah kuruluşları,
                okullar ve Jobcenter ile yakın işbirliği içinde çalışır.

                ## Sunduklarımız
                - göçmen örgütlerinin ve girişimlerin projeleri için bir destek fonu
                - mülteci yardımındaki gönüllülerin koordinasyonu ve üç ayda bir ağ toplantısı
                - kreşlere ve okullara çok dillilik ve okula sonradan katılan öğrenciler
                  konusunda danışmanlık
                - yönetim, siyaset ve derneklerle yıllık uyum konferansı

                Görevlerimizin ayrıntılı açıklamasını „Rehberler“ bölümünde bulabilirsiniz.
                """
            ),
        },
        "ar": {
            "title": "مركز الاندماج البلدي في ميتلشتات",
            "slug": "markaz-al-indimaj-al-baladi",
            "legal_form": "دائرة تابعة لإدارة المدينة",
            "summary": txt(
                """الجهة المختصة بشؤون الاندماج في مدينة ميتلشتات: تنسّق عمل الإدارة في مجال
                الاندماج، وتدعم منظمات المهاجرين، وترافق العمل التطوعي."""
            ),
            "meeting_times": "من الاثنين إلى الجمعة 8:30–12:30، والخميس أيضًا 14–17",
            "body": md(
                """
                ## الاندماج مهمة المدينة بأكملها
                يحرص مركز الاندماج البلدي على ألا يقتصر الاندماج على مكتب الشؤون الاجتماعية، بل أن
                يكون حاضرًا في جميع مجالات الإدارة – من مكتب رعاية الشباب إلى دائرة التنمية
                الاقتصادية. ويعمل المركز بشكل وثيق مع اتحاد منظمات المهاجرين وجمعيات الرعاية
                الاجتماعية والمدارس ومركز العمل (Jobcenter).

                ## ما نقدّمه
                - صندوق لدعم مشاريع منظمات المهاجرين والمبادرات
                - تنسيق العمل التطوعي في مساعدة اللاجئين، مع لقاء تشبيكي كل ثلاثة أشهر
                - استشارة لرياض الأطفال والمدارس حول تعدد اللغات والتحاق التلاميذ الجدد
                - مؤتمر سنوي للاندماج يجمع الإدارة والسياسيين والجمعيات

                تجدون وصفًا مفصّلًا لمهامنا في قسم «أدلة العمل».
                """
            ),
        },
    },
    "press-cooperation": {
        "en": {
            "title": "Umbrella association and city reaffirm their cooperation",
            "slug": "association-and-city-reaffirm-cooperation",
            "teaser": txt(
                """The Association of Migrant Organisations and the Municipal Integration Centre
                have signed a new cooperation agreement. It runs for five years and secures the
                association's office at its new location in the Mühlenhof."""
            ),
            "lead_image_caption": txt(
                """Derya Yıldırım (chair of the Association of Migrant Organisations Mittelstadt)
                and Dr. Katharina Lenz (integration commissioner of the City of Mittelstadt)
                after the signing"""
            ),
            "occasion": lambda today: txt(
                f"""Signing of the new cooperation agreement between the Verbund der
                Migrantenorganisationen Mittelstadt e. V. and the City of Mittelstadt, represented
                by the Municipal Integration Centre – {long_date(signing_day(today), "en", True)},
                {MUEHLENHOF}"""
            ),
            "body": lambda today: md(
                f"""
                **Joint press release of the Association of Migrant Organisations Mittelstadt and
                the Municipal Integration Centre Mittelstadt**

                Since it was founded in 2001, the association has been a reliable partner for the
                city in linking the work of migrant organisations with the municipality's
                integration work. On {long_date(signing_day(today), "en")} both sides signed a new
                cooperation agreement at the Mühlenhof community centre, which puts this
                partnership on a broader footing.

                > The associations reach people whom an administration alone can hardly reach.
                > They pick up needs early, translate, mediate and advise. We explicitly
                > recognise this commitment – and we depend on it.
                > -- Dr. Katharina Lenz | Integration commissioner of the City of Mittelstadt and
                > head of the Municipal Integration Centre

                ## More tasks, a new location
                Today more than 60 associations are members – from parents' and cultural
                associations to sports clubs and religious communities. By moving its office from
                the Old Town to the Mühlenhof in Nordstadt, the association is moving closer to
                many of its members.

                > Public offices, welfare organisations and churches increasingly ask us for
                > advice when they want to reach people with a migration background. At the
                > Mühlenhof we want to work with local associations to strengthen dialogue in the
                > neighbourhood.
                > -- Derya Yıldırım | Chair of the Association of Migrant Organisations
                > Mittelstadt

                ## What the agreement covers
                - core funding for the association's office, initially for five years
                - coordination meetings between the association and the integration centre at
                  least four times a year
                - joint preparation of the annual integration conference
                - early involvement of the association in plans that affect migrant organisations
                """
            ),
        },
        "tr": {
            "title": "Birlik ve belediye işbirliklerini pekiştiriyor",
            "slug": "birlik-ve-belediye-isbirligini-pekistiriyor",
            "teaser": txt(
                """Göçmen Dernekleri Birliği ile Belediye Uyum Merkezi yeni bir işbirliği
                anlaşması imzaladı. Anlaşma beş yıl geçerli ve birliğin Mühlenhof'taki yeni
                merkezini güvence altına alıyor."""
            ),
            "lead_image_caption": txt(
                """Derya Yıldırım (Mittelstadt Göçmen Dernekleri Birliği başkanı) ve Dr. Katharina
                Lenz (Mittelstadt Belediyesi uyum sorumlusu) imzanın ardından"""
            ),
            "occasion": lambda today: txt(
                f"""Verbund der Migrantenorganisationen Mittelstadt e. V. ile Belediye Uyum
                Merkezi tarafından temsil edilen Mittelstadt Belediyesi arasındaki yeni işbirliği
                anlaşmasının imzalanması – {long_date(signing_day(today), "tr", True)},
                {MUEHLENHOF}"""
            ),
            "body": lambda today: md(
                f"""
                **Mittelstadt Göçmen Dernekleri Birliği ile Mittelstadt Belediye Uyum Merkezi'nin
                ortak basın açıklaması**

                2001'deki kuruluşundan bu yana birlik, derneklerin çalışmalarını belediyenin uyum
                çalışmalarıyla buluşturmada kent için güvenilir bir ortak oldu. İki taraf
                {long_date(signing_day(today), "tr")} tarihinde Mühlenhof Buluşma Merkezi'nde bu
                ortaklığı daha geniş bir temele oturtan yeni bir işbirliği anlaşması imzaladı.

                > Dernekler, bir yönetimin tek başına neredeyse hiç ulaşamayacağı insanlara
                > ulaşıyor. İhtiyaçları erkenden fark ediyor, tercüme ediyor, aracılık ediyor ve
                > danışmanlık yapıyorlar. Bu emeği açıkça takdir ediyoruz – ve ona ihtiyacımız var.
                > -- Dr. Katharina Lenz | Mittelstadt Belediyesi uyum sorumlusu ve Belediye Uyum
                > Merkezi müdürü

                ## Daha fazla görev, yeni bir merkez
                Birliğin bugün 60'tan fazla üyesi var – veli ve kültür derneklerinden spor
                kulüplerine ve dini cemaatlere kadar. Genel merkezin Eski Şehir'den
                Nordstadt'taki Mühlenhof'a taşınmasıyla birlik, üyelerinin birçoğuna daha da
                yaklaşıyor.

                > Resmî daireler, refah kuruluşları ve kiliseler de göç geçmişi olan insanlara
                > ulaşmak istediklerinde artık bize danışıyor. Mühlenhof'ta yerel derneklerle
                > birlikte mahalledeki diyaloğu güçlendirmek istiyoruz.
                > -- Derya Yıldırım | Mittelstadt Göçmen Dernekleri Birliği başkanı

                ## Anlaşma neleri düzenliyor
                - birliğin genel merkezine ilk etapta beş yıl süreyle kurumsal destek
                - birlik ile uyum merkezi arasında yılda en az dört kez koordinasyon toplantısı
                - yıllık uyum konferansının birlikte hazırlanması
                - göçmen örgütlerini ilgilendiren planlamalara birliğin erkenden katılımı
                """
            ),
        },
        "ar": {
            "title": "الاتحاد والمدينة يؤكدان تعاونهما",
            "slug": "tajdid-al-taawun",
            "teaser": txt(
                """وقّع اتحاد منظمات المهاجرين ومركز الاندماج البلدي اتفاقية تعاون جديدة لمدة خمس
                سنوات، تضمن استمرار مكتب الاتحاد في مقره الجديد في مركز مولنهوف."""
            ),
            "lead_image_caption": txt(
                """ديريا يلدريم (رئيسة اتحاد منظمات المهاجرين في ميتلشتات) والدكتورة كاتارينا
                لينتس (مفوضة شؤون الاندماج في مدينة ميتلشتات) بعد التوقيع"""
            ),
            "occasion": lambda today: txt(
                f"""توقيع اتفاقية التعاون الجديدة بين Verbund der Migrantenorganisationen
                Mittelstadt e. V. ومدينة ميتلشتات ممثلةً بمركز الاندماج البلدي –
                {long_date(signing_day(today), "ar", True)}، {MUEHLENHOF}"""
            ),
            "body": lambda today: md(
                f"""
                **بيان صحفي مشترك لاتحاد منظمات المهاجرين في ميتلشتات ومركز الاندماج البلدي في
                ميتلشتات**

                منذ تأسيسه عام 2001، يُعدّ الاتحاد شريكًا موثوقًا للمدينة في ربط عمل الجمعيات
                بالعمل البلدي في مجال الاندماج. وفي {long_date(signing_day(today), "ar")} وقّع
                الطرفان في مركز مولنهوف للقاءات اتفاقية تعاون جديدة تضع هذه الشراكة على أساس
                أوسع.

                > تصل الجمعيات إلى أناس يصعب على الإدارة وحدها الوصول إليهم. فهي تلتقط الاحتياجات
                > مبكرًا، وتترجم، وتتوسط، وتقدم المشورة. ونحن نقدّر هذا الالتزام صراحةً – ونحتاج
                > إليه.
                > -- الدكتورة كاتارينا لينتس | مفوضة شؤون الاندماج في مدينة ميتلشتات ومديرة مركز
                > الاندماج البلدي

                ## مهام أكثر ومقر جديد
                يضم الاتحاد اليوم أكثر من 60 جمعية – من جمعيات أولياء الأمور والجمعيات الثقافية
                إلى النوادي الرياضية والجاليات الدينية. وبانتقال مكتبه من البلدة القديمة إلى
                مولنهوف في نوردشتات، يقترب الاتحاد من كثير من أعضائه.

                > باتت الدوائر الرسمية وجمعيات الرعاية الاجتماعية والكنائس تستشيرنا عندما تريد
                > الوصول إلى أشخاص من أصول مهاجرة. وفي مولنهوف نريد أن نعزز الحوار في الحي
                > بالتعاون مع الجمعيات المحلية.
                > -- ديريا يلدريم | رئيسة اتحاد منظمات المهاجرين في ميتلشتات

                ## ما تنظمه الاتفاقية
                - دعم هيكلي لمكتب الاتحاد لمدة خمس سنوات في المرحلة الأولى
                - لقاءات تنسيقية بين الاتحاد ومركز الاندماج أربع مرات في السنة على الأقل
                - التحضير المشترك لمؤتمر الاندماج السنوي
                - إشراك الاتحاد مبكرًا في الخطط التي تخص منظمات المهاجرين
                """
            ),
        },
    },
    "project-start": {
        "en": {
            "title": "Project “Strong associations – strong neighbourhoods” launched",
            "slug": "strong-associations-project-launched",
            "teaser": txt(
                """For ten months a new project will help migrant organisations strengthen their
                work. Around 60 associations were invited to the kick-off event."""
            ),
            "lead_image_caption": "Kick-off event at the Mühlenhof community centre",
            "body": md(
                """
                The project “Strong associations – strong neighbourhoods” got off to a start with
                a well-attended kick-off event at the Mühlenhof. The Municipal Integration Centre
                leads the project; the umbrella association of migrant organisations and the
                migration services of the welfare organisations help to shape it.

                ## What happens next
                Over the coming months, organisational consultants will visit the participating
                associations and ask where they need support: with bookkeeping, applications,
                finding rooms or new volunteers. The results will be discussed in a forum of the
                associations.

                > The associations know best what they need. Our job is to listen and to bring
                > the right partners to the table.
                > -- Olena Kovalenko | Project manager at the Municipal Integration Centre

                Associations that would still like to join can contact the project management.
                """
            ),
        },
        "tr": {
            "title": "„Güçlü Dernekler – Güçlü Mahalle“ projesi başladı",
            "slug": "guclu-dernekler-projesi-basladi",
            "teaser": txt(
                """Yeni bir proje on ay boyunca göçmen örgütlerinin dernek çalışmalarını
                güçlendirmesine destek olacak. Açılış etkinliğine yaklaşık 60 dernek davet
                edildi."""
            ),
            "lead_image_caption": "Mühlenhof Buluşma Merkezi'ndeki açılış etkinliği",
            "body": md(
                """
                „Güçlü Dernekler – Güçlü Mahalle“ projesi, Mühlenhof'ta yoğun katılımlı bir açılış
                etkinliğiyle başladı. Projeyi Belediye Uyum Merkezi yürütüyor; Göçmen Dernekleri
                Birliği ve refah kuruluşlarının göç servisleri de projeyi birlikte
                şekillendiriyor.

                ## Bundan sonra ne olacak
                Önümüzdeki aylarda bir kurumsal danışmanlık ekibi katılımcı dernekleri ziyaret
                edecek ve nerede desteğe ihtiyaç duyduklarını soracak: muhasebede, başvurularda,
                mekân ya da yeni gönüllü bulmada. Sonuçlar derneklerin katıldığı bir forumda
                tartışılacak.

                > Neye ihtiyaç duyduklarını en iyi dernekler kendileri biliyor. Bizim görevimiz
                > dinlemek ve doğru ortakları aynı masada buluşturmak.
                > -- Olena Kovalenko | Belediye Uyum Merkezi proje yöneticisi

                Projeye hâlâ katılmak isteyen dernekler proje yönetimine başvurabilir.
                """
            ),
        },
        "ar": {
            "title": "انطلاق مشروع «جمعيات قوية – أحياء قوية»",
            "slug": "itlaq-mashru-jamiyat-qawiya",
            "teaser": txt(
                """سيدعم مشروع جديد على مدى عشرة أشهر منظماتِ المهاجرين في تعزيز عملها الجمعوي.
                وقد دُعيت نحو 60 جمعية إلى الفعالية الافتتاحية."""
            ),
            "lead_image_caption": "الفعالية الافتتاحية في مركز مولنهوف للقاءات",
            "body": md(
                """
                انطلق مشروع «جمعيات قوية – أحياء قوية» بفعالية افتتاحية شهدت حضورًا كبيرًا في
                مولنهوف. ويتولى مركز الاندماج البلدي قيادة المشروع، بينما يشارك في تصميمه اتحاد
                منظمات المهاجرين وخدمات الهجرة التابعة لجمعيات الرعاية الاجتماعية.

                ## الخطوات القادمة
                في الأشهر المقبلة سيزور فريق استشاري متخصص في تطوير المنظمات الجمعياتِ المشاركة
                ويسألها عن المجالات التي تحتاج فيها إلى دعم: في المحاسبة، أو الطلبات، أو إيجاد
                مقرات أو متطوعين جدد. وستُناقش النتائج في منتدى يجمع الجمعيات.

                > الجمعيات أدرى بما تحتاج إليه. ومهمتنا أن نصغي إليها وأن نجمع الشركاء المناسبين
                > حول طاولة واحدة.
                > -- أولينا كوفالينكو | مديرة المشروع في مركز الاندماج البلدي

                يمكن للجمعيات التي ترغب في الانضمام التواصل مع إدارة المشروع.
                """
            ),
        },
    },
}

TRANSLATIONS |= {
    "network-meeting": {
        "en": {
            "title": "Networking meeting for volunteer coordinators",
            "slug": "volunteer-coordinators-network-meeting",
            "teaser": txt(
                """Every three months the coordinators of volunteer initiatives meet to share
                experiences, hear news from the city administration and learn from an expert
                input."""
            ),
            "background": md(
                """
                In Mittelstadt many initiatives, associations and neighbourhood groups volunteer
                to support people who are new to the city. Almost every group has at least one
                person who coordinates the volunteers' work: they take requests, keep in touch
                with public offices and advice centres and make sure that new helpers settle in
                well.

                So that these coordinators do not work alone, the Municipal Integration Centre
                invites them to a joint meeting four times a year. Depending on the topic,
                colleagues from refugee social work, education coordination or language course
                advice join them.
                """
            ),
            "target_group_note": txt(
                """Volunteer coordinators from initiatives and associations; city staff working
                in the field of integration"""
            ),
            "goals": md(
                """
                - networking between the initiatives and with the administration
                - identifying the initiatives' needs
                - passing on current information
                - training through expert inputs
                """
            ),
            "event_format": md(
                """
                The meeting takes place every three months, in turn at one of the initiatives or
                at the Mühlenhof community centre. At its heart are exchanges on current issues
                from the initiatives and the city administration, plus an input from outside.
                """
            ),
            "procedure": md(
                """
                The meetings follow a fixed pattern; the invitation always comes from the
                Municipal Integration Centre.

                1. Welcome and – if there are new faces – a short round of introductions
                2. News from the city administration, such as free places in language courses,
                   current arrival figures or new funding programmes
                3. “What's new with you?”: each initiative reports briefly. Individual cases are
                   deliberately not discussed here; if several groups face the same question,
                   they look for solutions together.
                4. Expert input, for example on the job centre, finding housing or residence law
                5. Dates, agreements and the date of the next meeting
                """
            ),
            "speakers": md(
                """
                - volunteer coordination team at the Municipal Integration Centre Mittelstadt
                - changing speakers, depending on the topic
                """
            ),
            "schedule_note": "every three months",
            "duration": "3 hours",
            "group_size": "10–15 people",
            "venue_name": "Mühlenhof community centre, hall on the ground floor",
            "accessibility": txt(
                """Step-free access via the courtyard entrance, wheelchair-accessible toilet on
                the ground floor, mobile hearing loop on request. The “Mühlenhof” stop (bus lines
                4 and 12) is 150 metres away."""
            ),
            "equipment": md(
                """
                - room for up to 20 people, chairs in a circle
                - projector, screen and flipchart
                - name badges and facilitation kit
                """
            ),
            "catering": "Coffee, tea, water and juice spritzers, with biscuits and fruit",
            "costs": txt(
                """Free of charge for participants. Organiser's expenses: refreshments (about 60
                euros per meeting), fees for external speakers by arrangement."""
            ),
            "promotion": txt(
                """Invitations are sent by e-mail to the volunteer coordination mailing list about
                three weeks in advance. Participants set the date of the next meeting at the
                previous one."""
            ),
            "registration": txt(
                """Please register at least one week before the meeting so that we can plan the
                room and refreshments."""
            ),
            "notes": txt(
                """If needed, we put up a notice that photos will be taken during the meeting. If
                you do not want to be photographed, please tell the team."""
            ),
        },
        "tr": {
            "title": "Gönüllü koordinatörleri ağ toplantısı",
            "slug": "gonullu-koordinatorleri-ag-toplantisi",
            "teaser": txt(
                """Gönüllü girişimlerin koordinatörleri üç ayda bir deneyim paylaşmak,
                belediyeden haberleri dinlemek ve bir uzman sunumundan yararlanmak için bir araya
                geliyor."""
            ),
            "background": md(
                """
                Mittelstadt'ta pek çok girişim, dernek ve mahalle grubu kente yeni gelen insanlar
                için gönüllü olarak çalışıyor. Neredeyse her grupta gönüllülerin çalışmalarını
                koordine eden en az bir kişi var: Talepleri alıyor, resmî daireler ve danışma
                merkezleriyle iletişimi sürdürüyor ve yeni gönüllülerin kolayca uyum sağlamasına
                yardım ediyor.

                Bu koordinatörlerin yalnız çalışmaması için Belediye Uyum Merkezi onları yılda
                dört kez ortak bir toplantıya davet ediyor. Konuya göre mülteci sosyal
                hizmetinden, eğitim koordinasyonundan veya dil kursu danışmanlığından
                meslektaşlar da katılıyor.
                """
            ),
            "target_group_note": txt(
                """Girişim ve derneklerden gönüllü koordinatörler; belediyede uyum alanında
                çalışan personel"""
            ),
            "goals": md(
                """
                - girişimlerin birbirleriyle ve belediyeyle ağ kurması
                - girişimlerdeki ihtiyaçların belirlenmesi
                - güncel bilgilerin aktarılması
                - uzman sunumlarıyla eğitim
                """
            ),
            "event_format": md(
                """
                Toplantı üç ayda bir, sırayla girişimlerden birinde ya da Mühlenhof Buluşma
                Merkezi'nde yapılır. Odak noktası, girişimlerden ve belediyeden gelen güncel
                konular üzerine fikir alışverişi ile dışarıdan bir uzman sunumudur.
                """
            ),
            "procedure": md(
                """
                Toplantılar sabit bir düzen izler; davet her zaman Belediye Uyum Merkezi'nden
                gelir.

                1. Karşılama ve – yeni katılımcılar varsa – kısa bir tanışma turu
                2. Belediyeden haberler: örneğin dil kurslarındaki boş yerler, güncel göç
                   rakamları veya yeni destek programları
                3. „Sizde neler var?“ turu: Her girişim kısaca bilgi verir. Bireysel vakalar
                   burada bilinçli olarak konuşulmaz; birden fazla grup aynı soruyla karşı
                   karşıyaysa birlikte çözüm aranır.
                4. Uzman sunumu, örneğin Jobcenter, konut arama veya oturum hukuku üzerine
                5. Tarihler, anlaşmalar ve bir sonraki toplantının tarihi
                """
            ),
            "speakers": md(
                """
                - Mittelstadt Belediye Uyum Merkezi gönüllü koordinasyon ekibi
                - konuya göre değişen konuşmacılar
                """
            ),
            "schedule_note": "üç ayda bir",
            "duration": "3 saat",
            "group_size": "10–15 kişi",
            "venue_name": "Mühlenhof Buluşma Merkezi, zemin kattaki salon",
            "accessibility": txt(
                """Avlu girişinden basamaksız erişim, zemin katta tekerlekli sandalyeye uygun
                tuvalet, istek üzerine taşınabilir işitme döngüsü. „Mühlenhof“ durağı (4 ve 12
                numaralı otobüs hatları) 150 metre uzaklıktadır."""
            ),
            "equipment": md(
                """
                - en fazla 20 kişilik oda, daire şeklinde sandalyeler
                - projektör, perde ve flipchart
                - isim kartları ve moderasyon çantası
                """
            ),
            "catering": "Kahve, çay, su ve meyve suyu karışımları; yanında kurabiye ve meyve",
            "costs": txt(
                """Katılımcılar için ücretsizdir. Düzenleyicinin giderleri: ikram (toplantı
                başına yaklaşık 60 avro), dış konuşmacılar için anlaşmaya göre ücret."""
            ),
            "promotion": txt(
                """Davetiye, toplantıdan yaklaşık üç hafta önce gönüllü koordinasyonu e-posta
                listesine gönderilir. Bir sonraki toplantının tarihini katılımcılar bir önceki
                toplantıda belirler."""
            ),
            "registration": txt(
                """Mekânı ve ikramları planlayabilmemiz için lütfen toplantıdan en geç bir hafta
                önce kaydolun."""
            ),
            "notes": txt(
                """Gerekirse toplantı sırasında fotoğraf çekileceğine dair bir duyuru asarız.
                Fotoğrafının çekilmesini istemeyenler lütfen ekibe söylesin."""
            ),
        },
        "ar": {
            "title": "اللقاء التشبيكي لمنسقي العمل التطوعي",
            "slug": "liqa-munassiqi-al-amal-al-tatawwui",
            "teaser": txt(
                """كل ثلاثة أشهر يلتقي منسقو المبادرات التطوعية لتبادل الخبرات، والاطلاع على
                مستجدات إدارة المدينة، والاستفادة من مداخلة متخصصة."""
            ),
            "background": md(
                """
                في ميتلشتات تعمل مبادرات وجمعيات ومجموعات أحياء كثيرة تطوعًا لدعم القادمين الجدد
                إلى المدينة. وفي كل مجموعة تقريبًا شخص واحد على الأقل ينسق عمل المتطوعين: يستقبل
                الطلبات، ويبقى على تواصل مع الدوائر الرسمية ومراكز الاستشارة، ويحرص على أن يجد
                المتطوعون الجدد مكانهم بسهولة.

                وحتى لا يعمل هؤلاء المنسقون بمفردهم، يدعوهم مركز الاندماج البلدي أربع مرات في السنة
                إلى لقاء مشترك. وبحسب الموضوع ينضم إليهم زملاء من العمل الاجتماعي مع اللاجئين أو
                من تنسيق التعليم أو من الاستشارة الخاصة بدورات اللغة.
                """
            ),
            "target_group_note": txt(
                """منسقو العمل التطوعي في المبادرات والجمعيات؛ وموظفو إدارة المدينة العاملون في
                مجال الاندماج"""
            ),
            "goals": md(
                """
                - التشبيك بين المبادرات ومع الإدارة
                - رصد احتياجات المبادرات
                - نقل المعلومات الحديثة
                - التدريب من خلال مداخلات متخصصة
                """
            ),
            "event_format": md(
                """
                يُعقد اللقاء كل ثلاثة أشهر، بالتناوب لدى إحدى المبادرات أو في مركز مولنهوف
                للقاءات. ويتمحور حول تبادل الآراء في القضايا الراهنة لدى المبادرات وإدارة المدينة،
                إضافةً إلى مداخلة من جهة خارجية.
                """
            ),
            "procedure": md(
                """
                تسير اللقاءات وفق ترتيب ثابت، وتصدر الدعوة دائمًا عن مركز الاندماج البلدي.

                1. الترحيب، وجولة تعارف قصيرة إذا حضرت وجوه جديدة
                2. مستجدات إدارة المدينة، مثل المقاعد الشاغرة في دورات اللغة، وأعداد القادمين
                   الحالية، وبرامج التمويل الجديدة
                3. جولة «ما الجديد لديكم؟»: تقدّم كل مبادرة عرضًا موجزًا. لا تُناقش الحالات الفردية
                   هنا عن قصد، أما إذا واجهت عدة مجموعات المسألة نفسها فيُبحث عن حلول مشتركة.
                4. مداخلة متخصصة، مثلًا حول مركز العمل أو البحث عن سكن أو قانون الإقامة
                5. المواعيد والاتفاقات وتحديد موعد اللقاء التالي
                """
            ),
            "speakers": md(
                """
                - فريق تنسيق العمل التطوعي في مركز الاندماج البلدي في ميتلشتات
                - متحدثون مختلفون بحسب الموضوع
                """
            ),
            "schedule_note": "كل ثلاثة أشهر",
            "duration": "3 ساعات",
            "group_size": "10–15 شخصًا",
            "venue_name": "مركز مولنهوف للقاءات، القاعة في الطابق الأرضي",
            "accessibility": txt(
                """دخول دون درجات عبر مدخل الفناء، ومرحاض مهيأ للكراسي المتحركة في الطابق الأرضي،
                وحلقة سمعية متنقلة عند الطلب. تبعد محطة «مولنهوف» (خطا الحافلات 4 و12) مسافة
                150 مترًا."""
            ),
            "equipment": md(
                """
                - قاعة تتسع لـ20 شخصًا، مع كراسٍ مرتبة في دائرة
                - جهاز عرض وشاشة ولوح ورقي
                - بطاقات أسماء وحقيبة أدوات تيسير
                """
            ),
            "catering": "قهوة وشاي وماء وعصائر ممزوجة بالماء الفوار، مع بسكويت وفواكه",
            "costs": txt(
                """مجاني للمشاركين. نفقات الجهة المنظمة: الضيافة (نحو 60 يورو لكل لقاء)، وأتعاب
                المتحدثين من خارج المركز حسب الاتفاق."""
            ),
            "promotion": txt(
                """تُرسل الدعوة بالبريد الإلكتروني إلى قائمة منسقي العمل التطوعي قبل نحو ثلاثة
                أسابيع. ويحدد المشاركون موعد اللقاء التالي خلال اللقاء السابق."""
            ),
            "registration": txt(
                """يرجى التسجيل قبل أسبوع على الأقل من اللقاء حتى نتمكن من التخطيط للقاعة
                والضيافة."""
            ),
            "notes": txt(
                """عند الحاجة نعلّق إشعارًا بأنه سيتم التقاط صور خلال اللقاء. ومن لا يرغب في
                تصويره يُرجى أن يُبلغ الفريق."""
            ),
        },
    },
    "association-forum": {
        "en": {
            "title": "Association forum: writing clear funding applications",
            "slug": "association-forum-funding-applications",
            "teaser": txt(
                """An evening for board members and active members of associations: how does a
                good idea become a convincing funding application? With examples, a checklist and
                time for your questions."""
            ),
            "background": md(
                """
                Many associations have good ideas but struggle with forms, deadlines and budgets.
                The forum takes up the questions asked most often in our advice sessions.
                """
            ),
            "target_group_note": "Board members and active members of associations and initiatives",
            "goals": md(
                """
                - get to know funding programmes for associations
                - build an application step by step
                - avoid common mistakes
                """
            ),
            "event_format": md(
                "Short presentation, work on sample applications in small groups, questions."
            ),
            "procedure": md(
                """
                1. Overview: which funding programmes are there for associations in Mittelstadt?
                2. Structure of an application: aims, target group, timetable, costs
                3. Small-group work on anonymised sample applications
                4. Questions and booking of advice appointments
                """
            ),
            "speakers": md(
                """
                - Amina Rahimi, advice for associations at the umbrella association
                - a member of staff from the city's volunteering office
                """
            ),
            "duration": "2.5 hours",
            "group_size": "up to 25 people",
            "venue_name": "Mühlenhof community centre, seminar room 2",
            "accessibility": "Seminar room on the first floor, accessible by lift.",
            "equipment": md("Projector, pinboards, facilitation cards"),
            "catering": "Drinks and a light snack",
            "costs": "Free of charge for member associations and all other associations in "
            "Mittelstadt.",
            "promotion": "Invitation via the association's newsletter four weeks in advance.",
            "registration": "Please register by e-mail or phone at least one week in advance.",
            "notes": "Whispered interpreting into Turkish and Arabic on request.",
            "body": md(
                """
                !document checkliste-foerderantrag: Download the checklist (PDF, in German)
                """
            ),
        },
        "tr": {
            "title": "Dernek forumu: Anlaşılır hibe başvurusu yazmak",
            "slug": "dernek-forumu-hibe-basvurulari",
            "teaser": txt(
                """Dernek yöneticileri ve aktif üyeler için bir akşam: İyi bir fikir nasıl ikna
                edici bir hibe başvurusuna dönüşür? Örnekler, bir kontrol listesi ve
                sorularınız için zaman."""
            ),
            "background": md(
                """
                Pek çok derneğin iyi fikirleri var, ancak formlar, son başvuru tarihleri ve bütçe
                planları karşısında zorlanıyorlar. Forum, dernek danışmanlığında en sık sorulan
                soruları ele alıyor.
                """
            ),
            "target_group_note": "Dernek ve girişimlerin yöneticileri ve aktif üyeleri",
            "goals": md(
                """
                - derneklere yönelik destek programlarını tanımak
                - bir başvuruyu adım adım oluşturmak
                - sık yapılan hatalardan kaçınmak
                """
            ),
            "event_format": md(
                "Kısa sunum, küçük gruplarda örnek başvurular üzerinde çalışma, soru-cevap."
            ),
            "procedure": md(
                """
                1. Genel bakış: Mittelstadt'taki dernekler için hangi destek programları var?
                2. Bir başvurunun yapısı: hedefler, hedef kitle, zaman planı, maliyetler
                3. Küçük gruplarda anonimleştirilmiş örnek başvurular üzerinde çalışma
                4. Sorular ve danışmanlık randevularının belirlenmesi
                """
            ),
            "speakers": md(
                """
                - Amina Rahimi, Göçmen Dernekleri Birliği dernek danışmanlığı
                - Belediye Gönüllülük Bürosu'ndan bir çalışan
                """
            ),
            "duration": "2,5 saat",
            "group_size": "en fazla 25 kişi",
            "venue_name": "Mühlenhof Buluşma Merkezi, 2 numaralı seminer salonu",
            "accessibility": "Seminer salonu birinci katta, asansörle ulaşılabilir.",
            "equipment": md("Projektör, pano, moderasyon kartları"),
            "catering": "İçecekler ve hafif ikram",
            "costs": "Üye dernekler ve Mittelstadt'taki diğer tüm dernekler için ücretsizdir.",
            "promotion": "Davetiye, birliğin bülteniyle dört hafta önceden gönderilir.",
            "registration": "Lütfen en geç bir hafta önceden e-posta veya telefonla kaydolun.",
            "notes": "İstek üzerine Türkçe ve Arapçaya fısıltı tercümesi yapılır.",
            "body": md(
                """
                !document checkliste-foerderantrag: Kontrol listesini indirin (PDF, Almanca)
                """
            ),
        },
        "ar": {
            "title": "منتدى الجمعيات: كتابة طلبات تمويل واضحة",
            "slug": "muntada-al-jamiyat-talabat-al-tamwil",
            "teaser": txt(
                """أمسية لأعضاء مجالس الإدارة والناشطين في الجمعيات: كيف تتحول فكرة جيدة إلى طلب
                تمويل مقنع؟ مع أمثلة وقائمة تحقق ووقت لأسئلتكم."""
            ),
            "background": md(
                """
                لدى جمعيات كثيرة أفكار جيدة، لكنها تتعثر أمام الاستمارات والمواعيد النهائية وخطط
                التكاليف. ويتناول المنتدى الأسئلة الأكثر تكرارًا في استشارة الجمعيات.
                """
            ),
            "target_group_note": "أعضاء مجالس الإدارة والناشطون في الجمعيات والمبادرات",
            "goals": md(
                """
                - التعرف على برامج التمويل المتاحة للجمعيات
                - بناء الطلب خطوة بخطوة
                - تجنب الأخطاء الشائعة
                """
            ),
            "event_format": md(
                "عرض قصير، ثم العمل في مجموعات صغيرة على نماذج طلبات، ثم جولة أسئلة."
            ),
            "procedure": md(
                """
                1. نظرة عامة: ما برامج التمويل المتاحة للجمعيات في ميتلشتات؟
                2. بنية الطلب: الأهداف والفئة المستهدفة والجدول الزمني والتكاليف
                3. العمل في مجموعات صغيرة على نماذج طلبات مجهولة الهوية
                4. الأسئلة وتحديد مواعيد للاستشارة
                """
            ),
            "speakers": md(
                """
                - أمينة رحيمي، استشارة الجمعيات في اتحاد منظمات المهاجرين
                - موظفة من مكتب المشاركة المدنية في المدينة
                """
            ),
            "duration": "ساعتان ونصف",
            "group_size": "حتى 25 شخصًا",
            "venue_name": "مركز مولنهوف للقاءات، قاعة الندوات 2",
            "accessibility": "قاعة الندوات في الطابق الأول، ويمكن الوصول إليها بالمصعد.",
            "equipment": md("جهاز عرض ولوحات تثبيت وبطاقات تيسير"),
            "catering": "مشروبات ووجبة خفيفة",
            "costs": "مجاني للجمعيات الأعضاء ولجميع الجمعيات الأخرى في ميتلشتات.",
            "promotion": "تُرسل الدعوة عبر النشرة الإخبارية للاتحاد قبل أربعة أسابيع.",
            "registration": "يرجى التسجيل بالبريد الإلكتروني أو الهاتف قبل أسبوع على الأقل.",
            "notes": "ترجمة همسية إلى التركية والعربية عند الطلب.",
            "body": md(
                """
                !document checkliste-foerderantrag: تنزيل قائمة التحقق (PDF، بالألمانية)
                """
            ),
        },
    },
    "ki-tasks": {
        "en": {
            "title": "Tasks of the Municipal Integration Centre",
            "slug": "tasks-of-the-municipal-integration-centre",
            "intro": txt(
                """What does the Municipal Integration Centre actually do? An overview of its
                four main areas of work – and of how associations benefit from them."""
            ),
            "body": md(
                """
                ## Integration as a cross-cutting task
                Integration is not the business of a single office but of the whole city
                administration. The Municipal Integration Centre therefore makes sure that
                integration is considered in every field: work and the economy, education,
                health, sport, culture and housing.

                ## Main areas of work

                ### 1. Conceptual groundwork
                - supporting and strengthening migrant organisations; agreeing binding standards
                  for working with them
                - evaluating and developing the funding guidelines for migrant organisations
                - preparing data on integration in Mittelstadt and reporting every year

                ### 2. Coordination and networking
                - pooling and coordinating the city's integration services
                - maintaining cooperation with the Federal Office, the state and neighbouring
                  municipalities
                - bringing stakeholders together when new projects are planned, for example at
                  the annual integration conference
                - taking part in neighbourhood conferences and district planning

                ### 3. Support
                - organising events, expert meetings and conferences
                - supporting public offices, day-care centres, schools and youth welfare
                  providers, for example with training on intercultural openness
                - funding migrant organisations, among other things through the city's fund

                ### 4. Advice
                - specialist advice for the administration, institutions and associations
                - advice for migrant organisations that want to take part in political planning
                  and decision-making

                !callout info: Especially important for associations
                The fund, the volunteer coordination and advice on participation are open to all
                migrant organisations in Mittelstadt – whether or not they are members of the
                umbrella association.

                ## Contact
                !contact lenz
                """
            ),
        },
        "tr": {
            "title": "Belediye Uyum Merkezi'nin görevleri",
            "slug": "belediye-uyum-merkezinin-gorevleri",
            "intro": txt(
                """Belediye Uyum Merkezi aslında ne yapar? Dört ana görev alanına ve derneklerin
                bunlardan nasıl yararlandığına genel bir bakış."""
            ),
            "body": md(
                """
                ## Kesişen bir görev olarak uyum
                Uyum tek bir dairenin değil, tüm belediye yönetiminin işidir. Bu nedenle Belediye
                Uyum Merkezi, uyumun tüm alanlarda göz önünde bulundurulmasını sağlar: iş ve
                ekonomi, eğitim, sağlık, spor, kültür ve konut.

                ## Ana görev alanları

                ### 1. Kavramsal temel çalışmalar
                - göçmen örgütlerini desteklemek ve güçlendirmek; onlarla işbirliği için bağlayıcı
                  standartlar belirlemek
                - göçmen örgütlerine yönelik destek yönergelerini değerlendirmek ve geliştirmek
                - Mittelstadt'taki uyuma ilişkin verileri hazırlamak ve her yıl raporlamak

                ### 2. Koordinasyon ve ağ çalışması
                - kentteki uyum hizmetlerini bir araya getirmek ve koordine etmek
                - Federal Daire, eyalet ve komşu belediyelerle işbirliğini sürdürmek
                - yeni projeler planlanırken ilgili aktörleri bir araya getirmek, örneğin yıllık
                  uyum konferansında
                - mahalle konferanslarına ve semt planlamalarına katılmak

                ### 3. Destek
                - etkinlikler, uzman toplantıları ve konferanslar düzenlemek
                - resmî dairelere, kreşlere, okullara ve gençlik hizmeti kuruluşlarına destek
                  olmak, örneğin kültürlerarası açılım eğitimleriyle
                - göçmen örgütlerini, diğer yolların yanı sıra belediyenin destek fonuyla
                  desteklemek

                ### 4. Danışmanlık
                - yönetim, kurumlar ve dernekler için uzman danışmanlığı
                - siyasi planlama ve karar süreçlerine katılmak isteyen göçmen örgütlerine
                  danışmanlık

                !callout info: Dernekler için özellikle önemli
                Destek fonu, gönüllü koordinasyonu ve katılım konusundaki danışmanlık, birliğe üye
                olup olmamalarından bağımsız olarak Mittelstadt'taki tüm göçmen örgütlerine
                açıktır.

                ## İletişim
                !contact lenz
                """
            ),
        },
        "ar": {
            "title": "مهام مركز الاندماج البلدي",
            "slug": "mahammat-markaz-al-indimaj",
            "intro": txt(
                """ماذا يفعل مركز الاندماج البلدي بالضبط؟ نظرة عامة على مجالات عمله الأربعة
                الرئيسية، وعلى كيفية استفادة الجمعيات منها."""
            ),
            "body": md(
                """
                ## الاندماج مهمة مشتركة بين القطاعات
                ليس الاندماج شأن دائرة واحدة، بل شأن إدارة المدينة بأكملها. ولذلك يحرص مركز
                الاندماج البلدي على مراعاة الاندماج في جميع المجالات: العمل والاقتصاد، والتعليم،
                والصحة، والرياضة، والثقافة، والسكن.

                ## مجالات العمل الرئيسية

                ### 1. العمل المفاهيمي الأساسي
                - دعم منظمات المهاجرين وتقويتها، والاتفاق على معايير ملزمة للتعاون معها
                - تقييم إرشادات تمويل منظمات المهاجرين وتطويرها
                - إعداد بيانات عن الاندماج في ميتلشتات وتقديم تقرير سنوي

                ### 2. التنسيق والتشبيك
                - تجميع خدمات دعم الاندماج في المدينة وتنسيقها
                - رعاية التعاون مع المكتب الاتحادي والولاية والبلديات المجاورة
                - جمع الجهات المعنية عند التخطيط لمشاريع جديدة، مثلًا في مؤتمر الاندماج السنوي
                - المشاركة في مؤتمرات الأحياء وفي التخطيط على مستوى الدوائر

                ### 3. الدعم
                - تنظيم الفعاليات واللقاءات المتخصصة والمؤتمرات
                - دعم الدوائر الرسمية ورياض الأطفال والمدارس وجهات رعاية الشباب، مثلًا بدورات
                  تدريبية حول الانفتاح بين الثقافات
                - تمويل منظمات المهاجرين، ومن ذلك عبر صندوق الدعم التابع للمدينة

                ### 4. الاستشارة
                - استشارة متخصصة للإدارة والمؤسسات والجمعيات
                - استشارة منظمات المهاجرين التي ترغب في المشاركة في عمليات التخطيط واتخاذ القرار
                  السياسي

                !callout info: مهم بشكل خاص للجمعيات
                صندوق الدعم وتنسيق العمل التطوعي والاستشارة حول المشاركة متاحة لجميع منظمات
                المهاجرين في ميتلشتات، سواء أكانت أعضاء في الاتحاد أم لا.

                ## جهة الاتصال
                !contact lenz
                """
            ),
        },
    },
    "event-submission": {
        "en": {
            "title": "Announce an event",
            "slug": "announce",
            "intro": txt(
                """Is your association or initiative holding an event? Announce it here. The
                editors check every announcement and usually publish it within a few working
                days. You do not need an account."""
            ),
            "confirmation_text": txt(
                """Thank you! Please keep the number below in case you have questions about your
                announcement."""
            ),
        },
        "tr": {
            "title": "Etkinlik bildirin",
            "slug": "bildir",
            "intro": txt(
                """Derneğiniz veya girişiminiz bir etkinlik mi düzenliyor? Buradan bildirin.
                Editörlerimiz her bildirimi kontrol eder ve genellikle birkaç iş günü içinde
                yayımlar. Bunun için bir hesaba ihtiyacınız yok."""
            ),
            "confirmation_text": txt(
                """Teşekkürler! Bildiriminizle ilgili sorularınız olursa diye lütfen aşağıdaki
                numarayı saklayın."""
            ),
        },
        "ar": {
            "title": "أعلن عن فعالية",
            "slug": "ilan",
            "intro": txt(
                """هل تنظّم جمعيتك أو مبادرتك فعالية؟ أعلن عنها هنا. يراجع فريق التحرير كل إعلان
                وينشره عادةً خلال أيام عمل قليلة. لا تحتاج إلى حساب."""
            ),
            "confirmation_text": txt(
                """شكراً لك! يُرجى الاحتفاظ بالرقم أدناه في حال كانت لديك أسئلة حول إعلانك."""
            ),
        },
    },
    "kick-off-sign-up": {
        "en": {
            "title": "Sign up for the kick-off of the association workshop",
            "slug": "sign-up-association-workshop",
            "intro": txt(
                """The association workshop starts with a joint kick-off at the Mühlenhof
                community centre. Please sign up your association at least one week before."""
            ),
            "thank_you_text": txt(
                """Thank you! Your registration has arrived. You will receive a confirmation
                by e-mail."""
            ),
            "subject": "Sign-up for the kick-off of the association workshop",
            "confirmation_text": txt(
                """Thank you for signing up for the kick-off of the association workshop. We
                will be in touch with all the details before the event. Your details:"""
            ),
            "form_labels": [
                "Name of the association or initiative",
                "Contact person",
                "E-mail",
                "Phone",
                "Number of participants",
                "I agree that my details are stored to organise the event.",
            ],
        },
        "tr": {
            "title": "Dernek atölyesinin açılışına kayıt",
            "slug": "dernek-atolyesi-kayit",
            "intro": txt(
                """Dernek atölyesi, Mühlenhof buluşma merkezinde ortak bir açılışla başlıyor.
                Lütfen derneğinizi en geç bir hafta önceden kaydedin."""
            ),
            "thank_you_text": txt(
                """Teşekkürler! Kaydınız bize ulaştı. E-posta ile bir onay alacaksınız."""
            ),
            "subject": "Dernek atölyesi açılışına kayıt",
            "confirmation_text": txt(
                """Dernek atölyesinin açılışına kaydolduğunuz için teşekkür ederiz. Etkinlikten
                önce tüm ayrıntılarla size ulaşacağız. Bilgileriniz:"""
            ),
            "form_labels": [
                "Derneğin veya girişimin adı",
                "İletişim kişisi",
                "E-posta",
                "Telefon",
                "Katılımcı sayısı",
                "Bilgilerimin etkinliğin düzenlenmesi için saklanmasını kabul ediyorum.",
            ],
        },
        "ar": {
            "title": "التسجيل في افتتاح ورشة الجمعيات",
            "slug": "tasjil-warsha",
            "intro": txt(
                """تبدأ ورشة الجمعيات بافتتاح مشترك في مركز اللقاء مولنهوف. يُرجى تسجيل جمعيتك
                قبل أسبوع على الأقل."""
            ),
            "thank_you_text": txt("""شكراً لك! وصل تسجيلك. ستصلك رسالة تأكيد بالبريد الإلكتروني."""),
            "subject": "التسجيل في افتتاح ورشة الجمعيات",
            "confirmation_text": txt(
                """شكراً لتسجيلك في افتتاح ورشة الجمعيات. سنتواصل معك قبل الفعالية بكل
                التفاصيل. بياناتك:"""
            ),
            "form_labels": [
                "اسم الجمعية أو المبادرة",
                "الشخص المسؤول عن التواصل",
                "البريد الإلكتروني",
                "الهاتف",
                "عدد المشاركين",
                "أوافق على حفظ بياناتي لتنظيم الفعالية.",
            ],
        },
    },
}


# --- The loader ----------------------------------------------------------------------------------

# Child objects of pages: relation name -> fields of one item, in the order items give them.
CHILD_FIELDS = {
    "contact_persons": ("person",),
    "links": ("label", "url"),
    "occurrences": ("start", "end"),
    "exception_dates": ("date",),
    "form_fields": ("label", "field_type", "required"),
}
SPEC_ONLY_KEYS = {"key", "model", "form_labels"}
QUIET_LOGGERS = ["wagtail", "django_tasks", "modelsearch"]


def sha1(data):
    return hashlib.sha1(data, usedforsecurity=False).hexdigest()


class DemoLoader:
    """Creates what is missing; whatever exists already is left as it is."""

    def __init__(self, stdout, site_url=DEMO_SITE_URL):
        self.stdout = stdout
        self.site_url = urlsplit(site_url)
        self.today = timezone.localdate()
        self.created = {}
        self.objects = {}  # (kind, key) -> image, document, contact person or funding note
        self.pages = {}  # key -> German page

    def run(self):
        self.create_locales()
        home = self.create_home()
        self.create_taxonomies()
        self.create_contacts()
        self.create_funding_notes()
        self.create_sections(home)
        self.create_committees()
        self.configure_site_settings()
        self.translate_snippets()
        self.translate_pages()
        load_accessibility_demo(home)  # Leichte Sprache and sign language (BITV 2.0 § 4)
        self.create_aliases()
        self.create_admin()
        self.create_moderator()

    def count(self, label, number=1):
        if number:
            self.created[label] = self.created.get(label, 0) + number

    # Languages and the site root --------------------------------------------------------------

    def create_locales(self):
        self.locales = {}
        for language in LANGUAGES:
            locale, created = Locale.objects.get_or_create(language_code=language.code)
            self.locales[language.code] = locale
            if created:
                self.count("locales")
        self.de = self.locales[DEFAULT_LANGUAGE]
        # bulk_create sends no post_save, so no tree sync runs before the content exists;
        # create_aliases() synchronises the trees once everything is in place.
        existing = set(LocaleSynchronization.objects.values_list("locale_id", flat=True))
        missing = [
            LocaleSynchronization(locale=locale, sync_from=self.de)
            for code, locale in self.locales.items()
            if code != DEFAULT_LANGUAGE and locale.pk not in existing
        ]
        LocaleSynchronization.objects.bulk_create(missing)
        self.count("locale synchronisations", len(missing))

    def create_home(self):
        root = Page.get_first_root_node()
        home = HomePage.objects.filter(depth=2, locale=self.de).first()
        placeholders = []
        if home is None:
            # Wagtail's "Welcome to your new Wagtail site!" page (a plain Page) holds the slug.
            placeholders = [
                page
                for page in root.get_children().filter(locale=self.de)
                if page.specific_class is Page and page.numchild == 0
            ]
            for page in placeholders:
                Page.objects.filter(pk=page.pk).update(slug=f"replaced-{page.pk}")
            home = self.add_page(root, HomePage, HOME)
        self.pages[HOME["key"]] = home
        site = Site.objects.filter(is_default_site=True).first() or Site()
        # The Site is where the demo is served, so that the absolute URLs in feeds,
        # calendars, the sitemap, JSON-LD and e-mails reach the running demo.
        wanted = {
            "hostname": self.site_url.hostname,
            "port": self.site_url.port or (443 if self.site_url.scheme == "https" else 80),
            "root_page_id": home.pk,
            "is_default_site": True,
            "site_name": site.site_name or HOME["title"],
        }
        if site.pk is None or any(getattr(site, name) != value for name, value in wanted.items()):
            for name, value in wanted.items():
                setattr(site, name, value)
            site.save()
        self.site = site
        for page in placeholders:
            if not Site.objects.filter(root_page=page).exists():
                page.delete()
        return home

    # Snippets ------------------------------------------------------------------------------------

    def create_taxonomies(self):
        for name, terms in TAXONOMIES.items():
            taxonomy = model(name)
            for slug, german, *_ in terms:
                _, created = taxonomy.objects.get_or_create(
                    slug=slug, locale=self.de, defaults={"name": german}
                )
                if created:
                    self.count(f"{name} terms")

    def create_contacts(self):
        contact_model = model("ContactPerson")
        for key, fields in CONTACTS.items():
            contact = contact_model.objects.filter(name=fields["name"], locale=self.de).first()
            if contact is None:
                contact = contact_model(locale=self.de)
                for name, value in fields.items():
                    setattr(contact, name, self.resolve(value))
                contact.save()
                self.count("contact persons")
            self.objects["contact", key] = contact

    def create_funding_notes(self):
        note_model = model("FundingNote")
        for key, fields in FUNDING_NOTES.items():
            note = note_model.objects.filter(title=fields["title"], locale=self.de).first()
            if note is None:
                note = note_model(
                    locale=self.de,
                    title=fields["title"],
                    text=fields["text"],
                    logo=self.resolve(fields["logo"]),
                    link=fields["link"],
                )
                note.save()
                self.count("funding notes")
            self.objects["funding", key] = note

    def create_committees(self):
        committee_model, kind_model = model("Committee"), model("CommitteeKind")
        umbrella = self.pages["verbund"]
        for name, kind, level, host, description, member_keys in COMMITTEES:
            if committee_model.objects.filter(name=name, locale=self.de).exists():
                continue
            committee = committee_model(
                locale=self.de,
                name=name,
                kind=kind_model.objects.get(slug=kind, locale=self.de),
                level=level,
                host=host,
                description=description,
            )
            committee.members.set([umbrella, *(self.pages[key] for key in member_keys)])
            committee.save()
            self.count("committees")

    # Files ----------------------------------------------------------------------------------------

    def resolve(self, value):
        """The object a Ref stands for (created on first use); other values unchanged."""
        if not isinstance(value, Ref):
            return value
        if (value.kind, value.key) not in self.objects:
            create = {"image": self.create_image, "document": self.create_document}[value.kind]
            self.objects[value.kind, value.key] = create(value.key)
        return self.objects[value.kind, value.key]

    def resolve_id(self, value):
        return self.resolve(value).pk

    def create_image(self, key):
        image_model = get_image_model()
        title, description, generator, arguments = IMAGES[key]
        image = image_model.objects.filter(title=title).first()
        if image is None:
            data = getattr(demo_images, generator)(*arguments)
            extension = "png" if data.startswith(b"\x89PNG") else "jpg"
            image = image_model(
                title=title,
                description=description,
                file=ContentFile(data, name=f"demo-{key}.{extension}"),
                file_size=len(data),
                file_hash=sha1(data),
            )
            image.save()
            self.count("images")
        return image

    def create_document(self, key):
        document_model = get_document_model()
        title, filename, pdf_title, lines = DOCUMENTS[key]
        document = document_model.objects.filter(title=title).first()
        if document is None:
            data = demo_images.text_pdf(pdf_title, lines)
            document = document_model(
                title=title,
                file=ContentFile(data, name=filename),
                file_size=len(data),
                file_hash=sha1(data),
            )
            document.save()
            self.count("documents")
        return document

    # German pages ---------------------------------------------------------------------------------

    def create_sections(self, home):
        indexes = {}
        for spec in INDEX_PAGES:
            indexes[spec["key"]] = self.add_page(
                home, model(spec["model"]), spec, show_in_menus=True
            )
        for spec in STANDARD_PAGES:
            self.add_page(home, StandardPage, spec)
        for spec in ORGANISATIONS:
            self.add_page(
                indexes["organisations"], model("OrganisationPage"), {"city": CITY, **spec}
            )
        for spec in NEWS:
            self.add_page(indexes["news"], model("NewsPage"), spec)
        for spec in EVENTS:
            self.add_page(indexes["events"], model("EventPage"), spec)
        self.add_page(indexes["events"], model("EventSubmissionPage"), EVENT_SUBMISSION)
        self.add_page(home, FormPage, KICK_OFF_SIGN_UP)
        for spec in GUIDANCE:
            self.add_page(indexes["guidance"], model("GuidancePage"), spec)

    def add_page(self, parent, page_model, spec, **attributes):
        """The German page `spec` describes under `parent`: found by slug, or created."""
        page = parent.get_children().filter(slug=spec["slug"]).specific().first()
        if page is None:
            page = page_model(locale=self.de, **attributes)
            self.apply(page, spec)
            parent.add_child(instance=page)
            page.save_revision().publish()
            self.count(f"pages ({page_model.__name__})")
        self.pages[spec["key"]] = page
        return page

    def apply(self, page, spec):
        for name, value in self.field_values(page, spec).items():
            setattr(page, name, value)

    def field_values(self, page, spec):
        """The spec's values for `page`'s fields, converted to what each field takes."""
        values = {}
        for name, value in spec.items():
            if name in SPEC_ONLY_KEYS:
                continue
            if name == "days_ago":
                name, value = "date", self.today - days(value)
            elif name == "reviewed_days_ago":
                name, value = "last_reviewed", self.today - days(value)
            if callable(value):
                value = value(self.today)
            values[name] = self.field_value(page, name, value)
        return values

    def field_value(self, page, name, value):
        """A spec value as the model field wants it: blocks, HTML, objects or child objects."""
        if name in CHILD_FIELDS:
            child_model = page._meta.get_field(name).related_model
            return [
                child_model(
                    **{
                        field: self.resolve(part)
                        for field, part in zip(
                            CHILD_FIELDS[name],
                            item if isinstance(item, tuple) else (item,),
                            strict=True,
                        )
                    }
                )
                for item in value
            ]
        field = page._meta.get_field(name)
        if isinstance(field, StreamField):
            return to_blocks(value, self.resolve_id)
        if isinstance(field, RichTextField):
            return rich(value)
        if field.many_to_many:
            return [self.lookup(field.related_model, item) for item in value]
        if field.many_to_one:
            return self.lookup(field.related_model, value)
        return value

    def lookup(self, related_model, value):
        """A Ref's object, or the German object with this slug (taxonomy term or page)."""
        if isinstance(value, Ref):
            return self.resolve(value)
        if not value:
            return None
        return related_model.objects.get(slug=value, locale=self.de)

    def configure_site_settings(self):
        settings = SiteSettings.for_site(self.site)
        wanted = {
            "imprint_page": self.pages["imprint"],
            "privacy_page": self.pages["privacy"],
            "accessibility_page": self.pages["accessibility"],
            "event_submission_page": self.pages["event-submission"],
        }
        changed = False
        for name, page in wanted.items():
            if getattr(settings, f"{name}_id") is None:
                setattr(settings, name, page)
                changed = True
        if not settings.contact_email:
            settings.contact_email = "redaktion@verbund-mittelstadt.example.org"
            changed = True
        if changed:
            settings.save()

    # Translations and aliases ---------------------------------------------------------------------

    def translate_snippets(self):
        for name, terms in TAXONOMIES.items():
            taxonomy = model(name)
            for slug, _, *translations in terms:
                source = taxonomy.objects.get(slug=slug, locale=self.de)
                for code, label in zip(TRANSLATED_LANGUAGES, translations, strict=True):
                    self.translate_snippet(source, code, name=label)
        note_model = model("FundingNote")
        for fields in FUNDING_NOTES.values():
            source = note_model.objects.get(title=fields["title"], locale=self.de)
            for code, (title, text) in fields["translations"].items():
                self.translate_snippet(source, code, title=title, text=text)

    def translate_snippet(self, source, code, **fields):
        locale = self.locales[code]
        if (
            type(source)
            .objects.filter(translation_key=source.translation_key, locale=locale)
            .exists()
        ):
            return
        translation = source.copy_for_translation(locale)
        for name, value in fields.items():
            setattr(translation, name, value)
        translation.save()
        self.count(f"{type(source).__name__} translations")

    def translate_pages(self):
        for key, languages in TRANSLATIONS.items():
            for code, fields in languages.items():
                self.translate_page(self.pages[key], self.locales[code], fields)

    def translate_page(self, source, locale, fields):
        """A real translation (not an alias): same translation key, the locale's own text."""
        existing = Page.objects.filter(
            translation_key=source.translation_key, locale=locale
        ).first()
        if existing is not None and existing.alias_of_id is None:
            return existing
        if existing is not None and not existing.get_descendants().filter(alias_of=None).exists():
            # An alias made by "sync from German", with only aliases below it: replace it by
            # the translation; create_aliases() puts the aliases below back.
            existing.delete()
            existing = None
        if existing is not None:
            # An alias with translations below it: convert it, keeping the pages below.
            ConvertAliasPageAction(existing.specific).execute(skip_permission_checks=True)
            page = existing.specific_class.objects.get(pk=existing.pk)
            self.apply(page, fields)
        else:
            page = self.copy_for_translation(source, locale, fields)
        if "form_labels" in fields:
            self.translate_form_labels(page, fields["form_labels"])
        page.save_revision().publish()
        self.count("page translations")
        return page

    def translate_form_labels(self, page, labels):
        """A form page's field labels in the translation's language (the fields in order)."""
        form_fields = list(page.form_fields.all())
        for form_field, label in zip(form_fields, labels, strict=True):
            form_field.label = label
        page.form_fields = form_fields
        page.save()

    def copy_for_translation(self, source, locale, fields):
        """What `source.copy_for_translation(locale)` does, with the translated fields in place.

        The translation gets its own slug and text before its first save; changing the slug
        afterwards would make Wagtail add a redirect from the German slug.
        """
        parent = source.get_parent()
        if parent.is_root():
            translated_parent, slug = parent, f"{source.slug}-{locale.language_code}"
        else:
            translated_parent, slug = parent.get_translation(locale), source.slug
        values = self.field_values(source, fields)
        values["slug"] = find_available_slug(translated_parent, values.get("slug", slug))

        def into_locale(original_page, page_copy, child_relation, child_object):
            # Translatable inline objects (a form page's fields) follow the page's language.
            if isinstance(child_object, TranslatableMixin):
                child_object.locale = locale

        return source.copy(
            to=translated_parent,
            update_attrs={"locale": locale, **values},
            copy_revisions=False,
            keep_live=False,
            reset_translation_key=False,
            process_child_object=into_locale,
            log_action="wagtail.copy_for_translation",
        )

    def create_aliases(self):
        """Every page not translated into a language is shown there as an alias of the German."""
        before = Page.objects.filter(alias_of__isnull=False).count()
        page_index = PageIndex.from_database().sort_by_tree_position()
        for code, locale in self.locales.items():
            if code != DEFAULT_LANGUAGE:
                synchronize_tree(self.de, locale, page_index=page_index)
        self.count("page aliases", Page.objects.filter(alias_of__isnull=False).count() - before)

    def create_admin(self):
        user_model = get_user_model()
        self.admin_created = not user_model.objects.filter(username=ADMIN_USERNAME).exists()
        if self.admin_created:
            user_model.objects.create_superuser(ADMIN_USERNAME, "admin@example.org", ADMIN_PASSWORD)
            self.count("users")

    def create_moderator(self):
        """The editorial groups and workflows (setup_roles) and a demo moderator in them."""
        management.call_command("setup_roles", stdout=io.StringIO(), stderr=io.StringIO())
        user_model = get_user_model()
        if not user_model.objects.filter(username=MODERATOR_USERNAME).exists():
            user = user_model.objects.create_user(
                MODERATOR_USERNAME,
                "moderation@example.org",
                MODERATOR_PASSWORD,
                first_name="Demo",
                last_name="Moderation",
            )
            user.groups.add(Group.objects.get(name="Moderation"))
            self.count("users")


# --- The command ---------------------------------------------------------------------------------


@contextlib.contextmanager
def quiet_logs(quiet=True):
    """Hide the INFO lines Wagtail and the task runner log for each of the ~400 saves."""
    loggers = [logging.getLogger(name) for name in QUIET_LOGGERS] if quiet else []
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(max(logger.getEffectiveLevel(), logging.WARNING))
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


def summary_rows():
    """(label, German, translations, aliases or -) per content type, for the final report."""
    rows = []
    for page_model in get_page_models():
        if page_model is Page:
            continue
        pages = page_model.objects.all()
        rows.append(
            (
                page_model.__name__,
                pages.filter(locale__language_code=DEFAULT_LANGUAGE).count(),
                pages.exclude(locale__language_code=DEFAULT_LANGUAGE)
                .filter(alias_of__isnull=True)
                .count(),
                pages.filter(alias_of__isnull=False).count(),
            )
        )
    for name in (
        "FieldOfAction",
        "TargetGroup",
        "District",
        "SpokenLanguage",
        "NewsCategory",
        "CommitteeKind",
        "GuidanceTopic",
        "ContactPerson",
        "FundingNote",
        "Committee",
    ):
        objects = model(name).objects.all()
        german = objects.filter(locale__language_code=DEFAULT_LANGUAGE).count()
        rows.append((name, german, objects.count() - german, "-"))
    return rows


class Command(BaseCommand):
    help = "Load German demo content for the fictional town of Mittelstadt, with translations."

    def add_arguments(self, parser):
        parser.add_argument(
            "--site-url",
            default=DEMO_SITE_URL,
            help=f"Where the demo is served (the default Site's host and port; {DEMO_SITE_URL}).",
        )

    def handle(self, *args, **options):
        started = time.monotonic()
        quiet = options["verbosity"] < 2
        # The reference index is rebuilt once at the end instead of after every save, and
        # cached pages are dropped once at the end instead of looked up after every save.
        with (
            quiet_logs(quiet),
            invalidation_paused(),
            transaction.atomic(),
            disable_reference_index_auto_update(),
        ):
            loader = DemoLoader(self.stdout, options["site_url"])
            loader.run()
        with transaction.atomic():  # one commit instead of one per index row
            management.call_command("update_index", verbosity=0)
            management.call_command("rebuild_references_index", verbosity=0)
        self.report(loader, time.monotonic() - started)

    def report(self, loader, seconds):
        write = self.stdout.write
        if loader.created:
            created = ", ".join(f"{number} {label}" for label, number in loader.created.items())
            write(self.style.SUCCESS(f"Created: {created}."))
        else:
            write(self.style.SUCCESS("Nothing to do: the demo content exists already."))
        write("")
        write(f"{'':24}{'German':>8}{'translated':>12}{'aliases':>9}")
        for label, german, translated, aliases in summary_rows():
            write(f"{label:24}{german:>8}{translated:>12}{aliases:>9}")
        write("")
        write(
            f"Locales: {Locale.objects.count()} "
            f"({LocaleSynchronization.objects.count()} synchronised from German), "
            f"images: {get_image_model().objects.count()}, "
            f"documents: {get_document_model().objects.count()}, "
            "event dates: "
            f"{model('EventOccurrence').objects.filter(page__locale=loader.de).count()} German"
        )
        write("")
        state = "created" if loader.admin_created else "exists already; password unchanged"
        write(f"Admin login ({state}): {ADMIN_USERNAME} / {ADMIN_PASSWORD}  ->  /admin/")
        write(f"Moderator login: {MODERATOR_USERNAME} / {MODERATOR_PASSWORD}")
        write(f"Done in {seconds:.1f} s.")
