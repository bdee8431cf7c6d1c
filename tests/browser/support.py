"""Helpers for the browser tests: which pages, where to find them, how to check them.

Nothing here starts a browser or a server; the fixtures in conftest.py do that.
"""

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = REPO_ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# --------------------------------------------------------------------------- the page list

LANGUAGES = ("de", "ar")
INDEX_PAGES = ("organisations", "events", "news", "guidance")
DETAIL_PAGES = ("organisation", "event", "news-item", "guidance-page", "standard")
# The event submission form, a form-builder page, the profile proposal form and the
# request for a personal link (views of submissions/).
FORM_PAGES = ("submission", "sign-up", "proposal", "my-link")
PUBLIC_PAGES = ("home", *INDEX_PAGES, *DETAIL_PAGES, *FORM_PAGES, "search")

PUBLIC_PAGE_IDS = [f"{code}-{name}" for code in LANGUAGES for name in PUBLIC_PAGES]
# Pages with a form set the CSRF cookie, so they are visited in a browser context of their own.
FORM_PAGE_IDS = [f"{code}-{name}" for code in LANGUAGES for name in FORM_PAGES]
READING_PAGE_IDS = [page_id for page_id in PUBLIC_PAGE_IDS if page_id not in FORM_PAGE_IDS]
ADMIN_PAGE_IDS = [f"{code}-admin-login" for code in LANGUAGES]
ALL_PAGE_IDS = PUBLIC_PAGE_IDS + ADMIN_PAGE_IDS

# Right-to-left: Arabic (translated demo pages) and Farsi (the demo has no Farsi text, so
# every page there shows German content in a Farsi interface). Every public page type in
# both is read for direction (BIDI_CHECK); the Farsi pages also get the checks of every page.
RTL_LANGUAGES = ("ar", "fa")
FARSI_PAGE_IDS = [f"fa-{name}" for name in PUBLIC_PAGES]
RTL_PAGE_IDS = [f"{code}-{name}" for code in RTL_LANGUAGES for name in PUBLIC_PAGES]
# BITV 2.0 § 4 (issue 18): the demo's texts in Leichte Sprache (German, lang de-x-ls), the
# German text "what the portal offers" in every language (an alias where untranslated:
# last updated and share links in each language's words), the start page in the rest.
EVERY_LANGUAGE = ("de", "en", "tr", "ar", "ru", "uk", "fa")
EASY_PAGES = ("easy-home", "easy-offer", "easy-orientation", "easy-statement")
ACCESSIBILITY_PAGE_IDS = [
    *[f"de-{name}" for name in EASY_PAGES],
    *[f"{code}-offer" for code in EVERY_LANGUAGE],
    *[f"{code}-home" for code in EVERY_LANGUAGE if code not in (*LANGUAGES, "fa")],
]
CHECKED_PAGE_IDS = ALL_PAGE_IDS + FARSI_PAGE_IDS + ACCESSIBILITY_PAGE_IDS

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def language_of(page_id):
    return page_id.split("-", 1)[0]


def is_form_page(page_id):
    return page_id.split("-", 1)[1] in FORM_PAGES


# --------------------------------------------------------------------------- missing tools

INSTALL_CHROMIUM = (
    "Chromium is not installed, so the browser tests cannot run. "
    "Install it with `apt-get install chromium` (Debian/Ubuntu; as root) "
    "or point CHROMIUM_PATH at a Chromium/Chrome binary."
)
INSTALL_PLAYWRIGHT = (
    "The Python package playwright is missing; install the test dependencies "
    "with `make install` (pip install -r requirements.lock). "
    "Do not run `playwright install`: the tests use the system's Chromium."
)
INSTALL_VNU = (
    "The Nu HTML checker is missing: run `npm ci` in the repository root "
    "(package.json pins vnu-jar) and install Java 17 or newer "
    "(`apt-get install default-jre-headless`)."
)


def running_in_ci(environ=None):
    """True when the CI variable says so (CI=true, as GitHub, GitLab and .ci/run set it)."""
    value = (os.environ if environ is None else environ).get("CI", "")
    return value.strip().lower() in {"1", "true", "yes", "on"}


def missing(message, environ=None):
    """Skip the test with an install hint; in CI a missing tool fails the test instead."""
    if running_in_ci(environ):
        pytest.fail(f"{message} (CI=true: a missing tool is a failure, not a skip)", pytrace=False)
    pytest.skip(message)


def find_chromium(environ=None):
    """The Chromium binary to drive: $CHROMIUM_PATH, else chromium on the PATH; None if none."""
    environ = os.environ if environ is None else environ
    configured = environ.get("CHROMIUM_PATH")
    if configured:
        return configured if os.access(configured, os.X_OK) else None
    path = environ.get("PATH", os.defpath)
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name, path=path)
        if found:
            return found
    return None


# --------------------------------------------------------------------------- finding the pages


@dataclass
class SitePages:
    """Where each page of the list lives on the live server (paths, not URLs)."""

    paths: dict = field(default_factory=dict)  # page id -> path with query string
    search_terms: dict = field(default_factory=dict)  # language -> search term
    search_targets: dict = field(default_factory=dict)  # language -> path the search must find
    filters: dict = field(default_factory=dict)  # page id of an index -> (name, value)


_SELECT = re.compile(r'<select\b[^>]*\bname="([^"]+)"[^>]*>(.*?)</select>', re.S)
_OPTION = re.compile(r'<option value="([^"]+)"')
_CARD = re.compile(r'<li class="card[ "]')


def _html(client, path):
    response = client.get(path)
    assert response.status_code == 200, f"{path} answered {response.status_code}"
    return response.content.decode()


def _filter_with_results(client, path):
    """(name, value) of the first filter option whose result list is not empty."""
    form = re.search(r'<form class="filters".*?</form>', _html(client, path), re.S)
    assert form, f"{path} has no filter form"
    for name, options in _SELECT.findall(form.group(0)):
        for value in _OPTION.findall(options):
            if _CARD.search(_html(client, f"{path}?{urlencode({name: value})}")):
                return name, value
    raise AssertionError(f"no filter of {path} finds anything: is the demo content loaded?")


def _search_with_results(client, code, page):
    """A term that finds page with the site search in the language code."""
    from django.urls import reverse
    from django.utils import translation

    with translation.override(code):
        search_path = reverse("search")
    words = sorted(re.findall(r"\w{5,}", page.title), key=len, reverse=True)
    for term in [*words, page.title]:
        path = f"{search_path}?{urlencode({'q': term})}"
        if f'href="{page.url}"' in _html(client, path):
            return term, path
    raise AssertionError(f"the {code} search finds no word of {page.title!r}")


def find_pages():
    """Pick the pages of the list from the demo content, checking each with Django's client.

    German detail pages are the first of their type (in tree order) that have a
    real Arabic translation; the Arabic pages are those translations. Index pages
    get the first filter that finds something; the search page searches for a
    word of the organisation's title.
    """
    from django.test import Client
    from wagtail.models import Locale, Site

    from events.models import EventIndexPage, EventPage
    from guidance.models import GuidanceIndexPage, GuidancePage
    from home.models import FormPage, SiteSettings, StandardPage
    from news.models import NewsIndexPage, NewsPage
    from organisations.models import OrganisationIndexPage, OrganisationPage
    from submissions.models import EventSubmissionPage

    client = Client(SERVER_NAME="localhost")
    site = Site.objects.get(is_default_site=True)
    locales = {code: Locale.objects.get(language_code=code) for code in LANGUAGES}

    def translated(page):
        versions = [page.get_translation_or_none(locales[code]) for code in LANGUAGES[1:]]
        return all(version is not None and not version.alias_of_id for version in versions)

    def german(model):
        pages = list(model.objects.live().public().filter(locale=locales["de"]).order_by("path"))
        assert pages, f"no live German {model.__name__}: is the demo content loaded?"
        return next((page for page in pages if translated(page)), pages[0])

    settings = SiteSettings.for_site(site)
    standard = settings.accessibility_page.specific if settings.accessibility_page else None
    chosen = {
        "home": site.root_page.specific,
        "organisations": german(OrganisationIndexPage),
        "events": german(EventIndexPage),
        "news": german(NewsIndexPage),
        "guidance": german(GuidanceIndexPage),
        "organisation": german(OrganisationPage),
        "event": german(EventPage),
        "news-item": german(NewsPage),
        "guidance-page": german(GuidancePage),
        "standard": standard or german(StandardPage),
        "submission": german(EventSubmissionPage),
        "sign-up": german(FormPage),
    }

    found = SitePages()
    locales["fa"] = Locale.objects.get(language_code="fa")
    for code in (*LANGUAGES, "fa"):
        for name, page in chosen.items():
            version = page if code == "de" else page.get_translation(locales[code]).specific
            path = version.url
            if name in INDEX_PAGES:
                filter_name, value = _filter_with_results(client, path)
                found.filters[f"{code}-{name}"] = (filter_name, value)
                path = f"{path}?{urlencode({filter_name: value})}"
            found.paths[f"{code}-{name}"] = path
        organisation = chosen["organisation"]
        found.paths[f"{code}-proposal"] = (
            f"/{code}/organisations/propose/?{urlencode({'organisation': organisation.slug})}"
        )
        found.paths[f"{code}-my-link"] = f"/{code}/organisations/my-link/"
        if code != "de":
            organisation = organisation.get_translation(locales[code]).specific
        term, path = _search_with_results(client, code, organisation)
        found.search_terms[code] = term
        found.search_targets[code] = organisation.url
        found.paths[f"{code}-search"] = path
        if code in LANGUAGES:
            found.paths[f"{code}-admin-login"] = "/admin/login/"
    found.paths.update(accessibility_paths(site.root_page))
    assert set(found.paths) == set(CHECKED_PAGE_IDS)
    return found


def accessibility_paths(home):
    """Paths of ACCESSIBILITY_PAGE_IDS in the demo (see home/management/commands/_demo_…)."""
    from wagtail.models import Locale

    from home.models import SiteSettings
    from locales.languages import EASY_LANGUAGE

    offer = home.get_children().get(slug="was-bietet-dieses-portal")
    statement = SiteSettings.objects.get().accessibility_page
    orientation = home.get_children().get(slug="so-finden-sie-sich-zurecht")
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    easy = locales[EASY_LANGUAGE]
    paths = {
        "de-easy-home": home.get_translation(easy).url,
        "de-easy-offer": offer.get_translation(easy).url,
        "de-easy-orientation": orientation.get_translation(easy).url,
        "de-easy-statement": statement.get_translation(easy).url,
    }
    for code in EVERY_LANGUAGE:
        paths[f"{code}-offer"] = offer.get_translation(locales[code]).url
        paths[f"{code}-home"] = home.get_translation(locales[code]).url
    return {page_id: path for page_id, path in paths.items() if page_id in ACCESSIBILITY_PAGE_IDS}


# --------------------------------------------------------------------------- what a visit records


@dataclass
class Visit:
    """What one page load showed: the server's HTML, axe's verdict, layouts, traffic."""

    page_id: str
    url: str
    status: int = 0
    html: str = ""
    lang: str = ""
    dir: str = ""
    axe_violations: list = field(default_factory=list)
    layouts: dict = field(default_factory=dict)  # layout name -> measurement
    requests: list = field(default_factory=list)  # every URL the page asked for
    console_errors: list = field(default_factory=list)
    broken_resources: list = field(default_factory=list)
    cookies: list = field(default_factory=list)  # of the visit's own context (forms, admin)
    bidi: dict = field(default_factory=dict)  # BIDI_CHECK's findings (right-to-left pages)


def host_of(url):
    return urlsplit(url).netloc


def foreign_requests(visit, server_url):
    """The requests of a visit that went to another host than the live server."""
    server = host_of(server_url)
    return [
        url
        for url in visit.requests
        if urlsplit(url).scheme in {"http", "https", "ws", "wss"} and host_of(url) != server
    ]


def format_axe(violations):
    """axe's violations as readable text: rule, impact, help link, each failing element."""
    lines = []
    for violation in violations:
        lines.append(
            f"\n[{violation['impact']}] {violation['id']}: {violation['help']}\n"
            f"  {violation['helpUrl']}"
        )
        for node in violation["nodes"]:
            lines.append(f"  - {' '.join(map(str, node['target']))}")
            lines.append(f"    {node['html'][:300]}")
            summary = (node.get("failureSummary") or "").replace("\n", "\n      ")
            if summary:
                lines.append(f"      {summary}")
    return "\n".join(lines)


# --------------------------------------------------------------------------- layouts

LAYOUTS = {
    # WCAG 1.4.10 Reflow: 320 CSS px is a 1280 px window at 400 % zoom.
    "320px": {"width": 320, "height": 640, "font_size": ""},
    # WCAG 1.4.4 Resize text, by page zoom: a 1280 px window at 200 % is 640 CSS px wide.
    "640px (200% zoom)": {"width": 640, "height": 400, "font_size": ""},
    # WCAG 1.4.4 Resize text, by text-only zoom: desktop layout, every rem-sized text doubled.
    "1280px, 200% text": {"width": 1280, "height": 800, "font_size": "200%"},
}

MEASURE_OVERFLOW = """
(fontSize) => {
  document.documentElement.style.fontSize = fontSize;
  const root = document.documentElement;
  const width = root.clientWidth;
  const result = {scrollWidth: root.scrollWidth, clientWidth: width,
                  innerWidth: window.innerWidth, offenders: []};
  if (root.scrollWidth > width) {
    const wide = [...document.body.querySelectorAll('*')].filter((el) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && (box.right > width + 1 || box.left < -1);
    });
    for (const el of wide) {
      if (wide.some((other) => other !== el && el.contains(other))) continue;
      const box = el.getBoundingClientRect();
      const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
        (el.classList.length ? '.' + [...el.classList].join('.') : '');
      result.offenders.push(`${name} spans ${Math.round(box.left)}..${Math.round(box.right)}px`);
      if (result.offenders.length >= 8) break;
    }
  }
  document.documentElement.style.fontSize = '';
  return result;
}
"""


def measure_layouts(page):
    """Resize the loaded page to each layout and measure horizontal overflow."""
    original = page.viewport_size
    results = {}
    for name, layout in LAYOUTS.items():
        page.set_viewport_size({"width": layout["width"], "height": layout["height"]})
        results[name] = page.evaluate(MEASURE_OVERFLOW, layout["font_size"])
    page.set_viewport_size(original)
    return results


# --------------------------------------------------------------------------- the Nu HTML checker


def run_vnu(files):
    """Check the HTML files with one run of the Nu checker: {file name: [error, …]}."""
    java = shutil.which("java")
    if not VNU_JAR.exists() or java is None:
        missing(INSTALL_VNU)
    completed = subprocess.run(  # noqa: S603 - fixed command, our own temporary files
        [java, "-jar", str(VNU_JAR), "--format", "json", "--stdout", "--exit-zero-always"]
        + [str(path) for path in files],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert completed.returncode == 0, f"vnu failed to run:\n{completed.stderr}"
    errors = {Path(path).name: [] for path in files}
    for message in json.loads(completed.stdout)["messages"]:
        if (
            message.get("type") in {"error", "non-document-error"}
            or message.get("subType") == "fatal"
        ):
            name = Path(urlsplit(message.get("url", "")).path).name
            errors.setdefault(name, []).append(
                f"line {message.get('lastLine', '?')}: {message['message']}\n"
                f"    {message.get('extract', '').strip()[:200]}"
            )
    return errors


# --------------------------------------------------------------------------- keyboard

# The controls a keyboard user must reach, in the order they have in the document.
MARK_CONTROLS = """
() => {
  const groups = [
    ['skip link', 'a.skip-link'],
    ['main navigation', 'nav.main-nav ul a'],
    ['language switcher', '.language-switcher a'],
    ['filter form', 'form.filters input, form.filters select, form.filters button'],
  ];
  const controls = [];
  for (const [group, selector] of groups) {
    document.querySelectorAll(selector).forEach((el, index) => {
      el.dataset.keyboardTest = `${group} ${index + 1}`;
      controls.push(el);
    });
  }
  controls.sort((a, b) => a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1);
  return controls.map((el) => el.dataset.keyboardTest);
}
"""

FOCUSED = """
() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  const label = (el.innerText || el.value || el.getAttribute('aria-label') || '').trim();
  return {
    key: el.dataset.keyboardTest || null,
    name: `<${el.tagName.toLowerCase()}${el.id ? ' id=' + el.id : ''}> ${label.slice(0, 40)}`,
    outline: `${style.outlineStyle} ${style.outlineWidth}`,
    outlineVisible: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
    boxShadow: style.boxShadow,
    onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0
      && box.top < window.innerHeight && box.left < window.innerWidth,
  };
}
"""


def tab_through(tab, expected, limit=120):
    """Press Tab until every expected control had focus; the focused elements, in order."""
    focused = []
    remaining = set(expected)
    for _ in range(limit):
        tab.keyboard.press("Tab")
        info = tab.evaluate(FOCUSED)
        if info is None or (focused and info["name"] == focused[0]["name"]):
            break  # focus left the page or came round again
        focused.append(info)
        remaining.discard(info["key"])
        if not remaining:
            break
    return focused


# --------------------------------------------------------------------------- reading direction

# Run on a right-to-left page. Reads the page as a person would and reports
#  rtlInLtr:   text in Arabic script whose nearest lang is a left-to-right language
#              (a screen reader would read it with a German or English voice);
#  unisolated: a Latin run of more than one word ("12345 Mittelstadt", "Verein e. V.")
#              inside right-to-left text without an isolating element around it, so that
#              the bidi algorithm moves its numbers and full stops;
#  dateCards:  each date line of a card (and of a news page's header): its logical text
#              and the text read off the screen, right to left, numbers and Latin words
#              left to right, from where each character is drawn.
BIDI_CHECK = r"""
(rtlLanguages) => {
  const ARABIC = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/;
  const LATIN_LETTER = /[A-Za-z\u00c0-\u024f]/;
  // Runs of two or more words (separated by spaces) of Latin letters or digits, at least
  // one with a letter; words of punctuation only ("–", "·") between them join the run.
  const latinRuns = (text) => {
    const runs = [];
    let run = [];
    for (const word of [...text.split(' '), '\u0627']) {
      const latin = !ARABIC.test(word) && /[A-Za-z\u00c0-\u024f0-9]/.test(word);
      const neutral = !ARABIC.test(word) && !latin;
      if (latin || (neutral && run.length)) { run.push(word); continue; }
      const words = run.filter((w) => /[A-Za-z\u00c0-\u024f0-9]/.test(w));
      if (words.length > 1 && LATIN_LETTER.test(run.join(' '))) runs.push(run.join(' '));
      run = [];
    }
    return runs;
  };
  const RTL_LANGS = new Set(rtlLanguages);
  const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);
  const isRtlLang = (lang) => RTL_LANGS.has((lang || '').split('-')[0]);
  const nearestLang = (el) => (el.closest('[lang]') || {lang: ''}).lang;
  const describe = (el) => {
    let name = el.tagName.toLowerCase();
    if (el.id) name += '#' + el.id;
    if (el.classList.length) name += '.' + [...el.classList].join('.');
    return name;
  };
  const isolatedLtr = (el, stop) => {
    for (let node = el; node && node !== stop.parentElement; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.unicodeBidi === 'plaintext') return true;
      const isolates = ['isolate', 'isolate-override'].includes(style.unicodeBidi);
      if (isolates && (style.direction === 'ltr' || node.matches(':dir(ltr)'))) return true;
      if (node === stop) break;
    }
    return false;
  };
  const result = {rtlInLtr: [], unisolated: [], dateCards: []};
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const el = node.parentElement;
    if (!el || SKIP.has(el.tagName) || el.closest('[hidden], .form-trap')) continue;
    const text = node.data.replace(/\s+/g, ' ').trim();
    if (!text) continue;
    const lang = nearestLang(el);
    if (ARABIC.test(text) && !isRtlLang(lang)) {
      result.rtlInLtr.push(`"${text.slice(0, 60)}" in ${describe(el)} (nearest lang="${lang}")`);
    }
    if (isRtlLang(lang) && !isolatedLtr(el, el.closest('[lang]'))) {
      for (const run of latinRuns(text)) {
        result.unisolated.push(`"${run}" in "${text.slice(0, 80)}" (${describe(el)})`);
      }
    }
  }

  // Reading a line off the screen: characters right to left; a run of digits and Latin
  // letters left to right, as a reader takes numbers and Latin words. Punctuation joins such
  // a run between two Latin letters, and between two digits when it is a number's
  // separator (15:30, 1.5) - as the Unicode bidi algorithm itself decides (W4, N1).
  const DIGIT = /[0-9\u0660-\u0669\u06f0-\u06f9]/;
  const kind = (ch) => DIGIT.test(ch) ? 'D' : LATIN_LETTER.test(ch) ? 'L'
    : ARABIC.test(ch) && !/[\u060c\u061b\u061f\u066b\u066c]/.test(ch) ? 'R' : 'N';
  const joins = (seq, kinds, i) => {
    let before = i - 1, after = i + 1;
    while (before >= 0 && kinds[before] === 'N') before--;
    while (after < kinds.length && kinds[after] === 'N') after++;
    if (before < 0 || after >= kinds.length) return false;
    const [a, b] = [kinds[before], kinds[after]];
    if (a === 'R' || b === 'R') return false;
    if (a === 'D' && b === 'D') return after - before === 2 && /[:.,\/+\-]/.test(seq[i]);
    return true;
  };
  const screenText = (el) => {
    const chars = [];
    const range = document.createRange();
    const texts = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    while (texts.nextNode()) {
      const node = texts.currentNode;
      for (let i = 0; i < node.data.length; i++) {
        if (/\s/.test(node.data[i])) continue;
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const box = range.getClientRects()[0];
        if (!box || !box.width) continue;
        chars.push({ch: node.data[i], x: box.left + box.width / 2, y: box.top + box.height / 2,
                    h: box.height, order: chars.length});
      }
    }
    const lines = [];
    for (const c of chars.sort((a, b) => a.y - b.y)) {
      const line = lines.find((l) => Math.abs(l.y - c.y) < l.h / 2);
      if (line) line.chars.push(c); else lines.push({y: c.y, h: c.h, chars: [c]});
    }
    return lines.map((line) => {
      const seq = line.chars.sort((a, b) => b.x - a.x || a.order - b.order).map((c) => c.ch);
      const kinds = seq.map(kind);
      const ltr = kinds.map((k, i) => k !== 'R' && (k !== 'N' || joins(seq, kinds, i)));
      const out = [];
      let run = [];
      seq.forEach((ch, i) => {
        if (ltr[i]) { run.push(ch); return; }
        out.push(...run.reverse(), ch);
        run = [];
      });
      out.push(...run.reverse());
      return out.join('');
    }).join('');
  };
  const DATE_LINES = 'main .event-date, main .card .card-meta, main .page-header .card-meta';
  const cards = document.querySelectorAll(DATE_LINES);
  for (const el of [...cards].slice(0, 12)) {
    if (!el.querySelector('time')) continue;
    result.dateCards.push({where: describe(el), logical: el.textContent.replace(/\s+/g, ' ').trim(),
                           screen: screenText(el)});
  }
  return result;
}
"""
