"""locales: the shipped gettext catalogues are complete and safe to compile.

For every language in locales.languages.LANGUAGES there is a catalogue under
locales/locale/<code>/LC_MESSAGES/ (django.po, plus any other .po there) whose

- header is not fuzzy and names the language, UTF-8 and a valid Plural-Forms,
- entries are all translated and none is fuzzy,
- msgstrs keep the msgid's Python-format (``%(name)s``) and brace (``{name}``)
  placeholders, and its leading/trailing newlines,
- plural entries fill every form the language's Plural-Forms asks for.

No database is needed; obsolete (``#~``) entries are not compiled and are ignored.
"""

import functools
import gettext
import re
from collections import Counter
from pathlib import Path

import polib
import pytest

from locales.languages import INTERFACE_LANGUAGES as LANGUAGES

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locales" / "locale"
CODES = [language.code for language in LANGUAGES]

# %(name)s, %s, %5.2f … ; "%%" is a literal percent sign.
PERCENT_PLACEHOLDER = re.compile(
    r"%(?:\((?P<name>[^)]*)\))?"  # mapping key
    r"[#0 +-]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?"  # flags, width, precision, length
    r"(?P<type>[diouxXeEfFgGcrsab%])"
)
# {name}, {0}, {}, {name!r:>10} … ; "{{" and "}}" are literal braces.
BRACE_PLACEHOLDER = re.compile(r"\{(?P<field>[^{}!:.\[]*)[^{}]*\}")


def catalogue_paths(code):
    return sorted((LOCALE_DIR / code / "LC_MESSAGES").glob("*.po"))


@functools.cache
def load(path):
    return polib.pofile(str(path))


def catalogues(code):
    """The parsed catalogues of a language; fails the test if it has no django.po."""
    django_po = LOCALE_DIR / code / "LC_MESSAGES" / "django.po"
    if not django_po.is_file():
        pytest.fail(f"no catalogue for {code!r}: {django_po.relative_to(LOCALE_DIR.parent.parent)}")
    return [(path.relative_to(LOCALE_DIR), load(path)) for path in catalogue_paths(code)]


def live_entries(code):
    for path, po in catalogues(code):
        for entry in po:
            if not entry.obsolete:
                yield path, entry


def label(path, entry):
    return f"{path}: {entry.msgid!r}"


def placeholders(entry, text):
    """The format placeholders of text, as the entry's flags make them matter.

    Python-format placeholders only count in entries flagged python-format (a
    lone "%" elsewhere is just a percent sign); named ones compare as a multiset,
    positional ones in order. Brace placeholders always count, as a multiset.
    """
    named, positional = Counter(), []
    if "python-format" in entry.flags:
        for match in PERCENT_PLACEHOLDER.finditer(text):
            if match["type"] == "%":
                continue
            if match["name"] is not None:
                named[match[0]] += 1
            else:
                positional.append(match[0])
    braces = Counter(
        match["field"]
        for match in BRACE_PLACEHOLDER.finditer(text.replace("{{", "").replace("}}", ""))
    )
    return named, positional, braces


def edges(text):
    return text.startswith("\n"), text.endswith("\n")


def plural_forms(po):
    """(nplurals, plural function) from the catalogue's Plural-Forms header."""
    header = po.metadata.get("Plural-Forms", "")
    match = re.fullmatch(r"\s*nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*(.+?)\s*;?\s*", header)
    assert match, f"Plural-Forms header missing or malformed: {header!r}"
    return int(match[1]), gettext.c2py(match[2])


# --------------------------------------------------------------------------- the set of catalogues


@pytest.mark.parametrize("code", CODES)
def test_every_language_has_a_catalogue(code):
    assert catalogues(code)


def test_no_catalogue_without_a_language():
    shipped = {path.parent.parent.name for path in LOCALE_DIR.glob("*/LC_MESSAGES/*.po")}
    assert shipped <= set(CODES), (
        f"catalogues for languages not in LANGUAGES: {shipped - set(CODES)}"
    )


# --------------------------------------------------------------------------- headers


@pytest.mark.parametrize("code", CODES)
def test_header(code):
    for path, po in catalogues(code):
        assert not po.metadata_is_fuzzy, f"{path}: the header is marked fuzzy"
        assert po.metadata.get("Language") == code, f"{path}: Language header"
        assert "charset=UTF-8" in po.metadata.get("Content-Type", ""), f"{path}: Content-Type"
        nplurals, plural = plural_forms(po)
        assert nplurals >= 1, f"{path}: nplurals"
        for n in range(1001):
            assert 0 <= plural(n) < nplurals, f"{path}: plural({n}) is out of range"


# --------------------------------------------------------------------------- entries


@pytest.mark.parametrize("code", CODES)
def test_no_untranslated_entries(code):
    untranslated = [
        label(path, entry)
        for path, entry in live_entries(code)
        if not entry.msgid_plural and not entry.msgstr.strip()
    ]
    assert not untranslated, f"{len(untranslated)} untranslated: {untranslated}"


@pytest.mark.parametrize("code", CODES)
def test_no_fuzzy_entries(code):
    fuzzy = [label(path, entry) for path, entry in live_entries(code) if "fuzzy" in entry.flags]
    assert not fuzzy, f"{len(fuzzy)} fuzzy: {fuzzy}"


@pytest.mark.parametrize("code", CODES)
def test_plural_entries_fill_every_form(code):
    incomplete = []
    for path, po in catalogues(code):
        nplurals, _ = plural_forms(po)
        for entry in po:
            if entry.obsolete or not entry.msgid_plural:
                continue
            forms = entry.msgstr_plural
            if sorted(forms) != list(range(nplurals)) or not all(
                form.strip() for form in forms.values()
            ):
                incomplete.append(f"{label(path, entry)} has {forms!r}, needs {nplurals} forms")
    assert not incomplete, "\n".join(incomplete)


@pytest.mark.parametrize("code", CODES)
def test_placeholders_match(code):
    """A plural form may follow either the msgid or the msgid_plural (e.g. "one item")."""
    mismatched = []
    for path, entry in live_entries(code):
        sources = [entry.msgid, entry.msgid_plural] if entry.msgid_plural else [entry.msgid]
        expected = [(placeholders(entry, source), edges(source)) for source in sources]
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for translation in translations:
            if not translation:
                continue  # reported as untranslated or incomplete
            if (placeholders(entry, translation), edges(translation)) not in expected:
                mismatched.append(f"{label(path, entry)} -> {translation!r}")
    assert not mismatched, "placeholders or newlines differ:\n" + "\n".join(mismatched)
