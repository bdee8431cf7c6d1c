import html as html_module
import re

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeData, mark_safe
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from locales.languages import DEFAULT_LANGUAGE, get_language_info
from locales.status import VisitorState, visitor_state
from locales.utils import (
    absolute_url,
    language_versions,
    page_versions,
    source_language_code,
    term_label,
    term_language_name,
)

register = template.Library()


def _versions(context):
    """Language versions of the current page, computed once per request."""
    request = context.get("request")
    page = context.get("page")
    if request is None or not isinstance(page, Page):
        return []
    cache = getattr(request, "_language_versions", None)
    if cache is None:
        cache = language_versions(page, request)
        request._language_versions = cache
    return cache


@register.inclusion_tag("locales/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Every language the page can be read in; a variant (Leichte Sprache) only where the
    page has been written in it, as it has nothing of its own to show otherwise."""
    return {"versions": [v for v in _versions(context) if v["url"] and _offered(v)]}


def _offered(version):
    return not version["language"].variant_of or version["is_translation"] or version["is_current"]


@register.simple_tag(takes_context=True)
def easy_language_version(context):
    """The language version of the current page in Leichte Sprache, if editors wrote one."""
    return next(
        (
            v
            for v in _versions(context)
            if v["language"].is_easy_language and v["is_translation"] and not v["is_current"]
        ),
        None,
    )


@register.inclusion_tag("locales/hreflang.html", takes_context=True)
def hreflang_links(context):
    request = context.get("request")
    versions = [v for v in _versions(context) if v["is_translation"]]
    default = next((v for v in versions if v["language"].code == DEFAULT_LANGUAGE), None)
    return {
        "alternates": [(v["language"].code, absolute_url(v["url"], request)) for v in versions],
        "x_default": absolute_url(default["url"], request) if default else None,
    }


@register.simple_tag
def translation_state(page):
    """What a visitor should be told about a translated page (locales.status.VisitorState).

    Computed once per page object. Aliases cost no query; so does a German page that
    other languages show as aliases (it is their source), as the language switcher's
    query (page_versions) tells. Any other page costs one (two when translated with
    wagtail-localize): a German page, too, may be the translation of a page written in
    another language (an event sent through the Arabic form).
    """
    if not isinstance(page, Page):
        return VisitorState()
    state = getattr(page, "_translation_state", None)
    if state is None:
        if page.alias_of_id or _shown_as_aliases(page):
            state = VisitorState()
        else:
            state = visitor_state(page)
        page._translation_state = state
    return state


def _shown_as_aliases(page):
    """A German page whose aliases in other languages show it: an original."""
    if page.locale.language_code != DEFAULT_LANGUAGE:
        return False
    versions, _ = page_versions(page)
    return any(version.alias_of_id == page.pk for version in versions.values())


@register.simple_tag
def content_language(page):
    """The language a page's text is written in: the source's for an alias, and for a
    translation whose published version has no translated text yet."""
    if not isinstance(page, Page):
        return None
    if getattr(page, "alias_of_id", None):
        # The source may be in any language (an event sent through the Arabic form).
        return get_language_info(source_language_code(page))
    state = translation_state(page)
    if state.untranslated:
        return get_language_info(state.original.locale.language_code)
    return get_language_info(page.locale.language_code)


@register.filter(name="term_label")
def term_label_filter(term):
    """A taxonomy label's name as the visitor reads it (locales.utils.term_label)."""
    return term_label(term)


@register.filter
def language_info(code):
    """Django's facts about a language code (name, name_translated, bidi)."""
    return get_language_info(code)


# ---------------------------------------------------------------- language of a run of text


def text_language(obj, page=None, locale_codes=None):
    """The language obj's text is written in (a Language), or None when that cannot be told.

    obj is a Language, a language code, a page, a translatable object (a taxonomy label,
    a snippet) or an untranslatable one (a document, an image: written in the source
    language). The page being shown (``page``) is asked the full question
    (content_language); what shares its locale is in the visitor's language; for anything
    else one query per request tells the languages of the locales (an alias shows its
    source's text). locale_codes is a callable giving
    {locale id: language code}.
    """
    if obj is None or obj == "":
        return None
    if isinstance(obj, str):
        return get_language_info(obj)
    if hasattr(obj, "direction") and hasattr(obj, "code"):
        return obj
    if term_language_name(obj):  # a language's name, shown in the visitor's language
        return None
    if isinstance(obj, Page) and page is not None and obj.pk == getattr(page, "pk", None):
        return content_language(page)
    if getattr(obj, "alias_of_id", None):
        # Listings annotate the source's language (locales.utils.with_source_language).
        code = getattr(obj, "source_language_code", None)
        return get_language_info(code or DEFAULT_LANGUAGE)
    if hasattr(obj, "locale_id"):
        if obj.locale_id == getattr(page, "locale_id", None):
            return None  # in the shown page's language tree: the visitor's language
        code = (locale_codes or _locale_codes)().get(obj.locale_id)
        return get_language_info(code) if code else None
    if hasattr(obj, "file"):  # a document or image: its title is in the source language
        return get_language_info(DEFAULT_LANGUAGE)
    return None


def _locale_codes(request=None):
    """{locale id: language code}, looked up once per request."""
    codes = getattr(request, "_locale_codes", None)
    if codes is None:
        codes = dict(Locale.objects.values_list("pk", "language_code"))
        if request is not None:
            request._locale_codes = codes
    return codes


def _visitor_language(context):
    """The page's language (also in an inclusion tag's own context, which lacks it)."""
    return context.get("current_language") or get_language_info(get_language() or "")


@register.simple_tag(takes_context=True)
def lang_attrs(context, obj):
    """` lang="de" dir="ltr"` for an element holding obj's text, where that text is in
    another language than the visitor's; nothing otherwise.

    Marks each run of content, so that the visitor's own interface text around it
    (labels, dates, notices) keeps the page's language and direction:
    <h3{% lang_attrs item %}>{{ item.title }}</h3>.
    """
    language = text_language(
        obj, context.get("page"), lambda: _locale_codes(context.get("request"))
    )
    current = _visitor_language(context)
    if language is None or language.code == current.code:
        return ""
    return format_html(' lang="{}" dir="{}"', language.code, language.direction)


@register.simple_tag(takes_context=True)
def choice_lang_attrs(context, choice):
    """lang_attrs for one choice of a form field of translatable objects.

    Forms offer the source language's objects (home.models.SOURCE_LANGUAGE), labelled
    with their translation where there is one: a label that is still the object's own
    text is in the source language.
    """
    value = choice.data.get("value")
    instance = getattr(value, "instance", None)
    if instance is None or str(instance) != str(choice.choice_label):
        return ""
    return lang_attrs(context, DEFAULT_LANGUAGE)


@register.filter
def isolate(value, language=None):
    """value in a <bdi>, so that a name, address or code keeps its own direction and
    does not pull the punctuation and numbers around it (``{{ title|isolate }}``).

    With a language (a Language or code), the run also carries its lang and dir.
    """
    if value in (None, ""):
        return ""
    language = text_language(language) if language else None
    if language is None:
        return format_html("<bdi>{}</bdi>", value)
    return format_html('<bdi lang="{}" dir="{}">{}</bdi>', language.code, language.direction, value)


@register.simple_tag(takes_context=True)
def interface_lang_attrs(context):
    """The visitor's lang and dir, for interface text (a label, a file size) that sits
    inside content which may be in another language (a contact card in a German body)."""
    current = _visitor_language(context)
    return format_html(' lang="{}" dir="{}"', current.code, current.direction)


# Text in a right-to-left script (Hebrew, Arabic and their presentation forms).
RTL_SCRIPT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
LATIN_OR_DIGIT = re.compile("[A-Za-z\u00c0-\u024f0-9]")
LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f]")
WORD = re.compile(r"\S+")
TAG = re.compile(r"(<[^>]*>)")


def _word_kind(word):
    if RTL_SCRIPT.search(word):
        return "rtl"
    return "latin" if LATIN_OR_DIGIT.search(word) else "neutral"


def _latin_runs(text):
    """(start, end) of each run of two or more Latin words (with the punctuation between
    them) that holds a Latin letter; brackets at its ends stay outside, to mirror."""
    runs, words = [], [(m.start(), m.end(), _word_kind(m.group())) for m in WORD.finditer(text)]
    run = []
    for word in [*words, (len(text), len(text), "rtl")]:
        if word[2] == "latin" or (word[2] == "neutral" and run):
            run.append(word)
            continue
        while run and run[-1][2] == "neutral":
            run.pop()
        latin = [w for w in run if w[2] == "latin"]
        if len(latin) > 1 and LATIN_LETTER.search(text[run[0][0] : run[-1][1]]):
            start, end = run[0][0], run[-1][1]
            while text[start] in "([{«„“\"'":
                start += 1
            while text[end - 1] in ")]}»“”\"',،:;":
                end -= 1
            runs.append((start, end))
        run = []
    return runs


def _isolate_runs(text):
    """text (not escaped) as HTML, each Latin run in a <bdi dir="ltr">."""
    html, position = [], 0
    for start, end in _latin_runs(text):
        html.append(conditional_escape(text[position:start]))
        html.append(format_html('<bdi dir="ltr">{}</bdi>', text[start:end]))
        position = end
    html.append(conditional_escape(text[position:]))
    return "".join(html)


@register.filter(needs_autoescape=True)
def isolate_latin(value, autoescape=True):
    """In right-to-left text, each Latin run of more than one word in a <bdi dir="ltr">.

    An Arabic title that names "Verbund der Migrantenorganisationen Mittelstadt e. V."
    would otherwise show the association's full stop at the wrong end. Text without
    right-to-left script is returned as it came. Works on plain text and on HTML such as
    rich text (only the text between tags is touched).
    """
    if value is None:
        return ""
    is_html = isinstance(value, SafeData) or not autoescape
    text = str(value)
    if not RTL_SCRIPT.search(text):
        return value if is_html else conditional_escape(text)
    if not is_html:
        return mark_safe(_isolate_runs(text))  # noqa: S308 - every part escaped
    parts = TAG.split(text)
    for index in range(0, len(parts), 2):  # even parts are text between tags
        parts[index] = _isolate_runs(html_module.unescape(parts[index]))
    return mark_safe("".join(parts))  # noqa: S308 - escaped text and the value's own tags
