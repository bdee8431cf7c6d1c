"""Reading the demo's data files: pages (YAML front matter + Markdown), YAML, PO, dates."""

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import polib
import yaml

ROOT = Path(__file__).resolve().parent
CONTENT = ROOT / "content"
PAGES = CONTENT / "pages"
TRANSLATIONS = ROOT / "translations"
MEDIA = ROOT / "media"
BERLIN = ZoneInfo("Europe/Berlin")
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def load_yaml(name):
    return yaml.safe_load((CONTENT / name).read_text(encoding="utf-8"))


def read_page(path):
    """(fields, Markdown body) of a page file: YAML between two "---" lines, then Markdown."""
    _, front_matter, body = path.read_text(encoding="utf-8").split("---\n", 2)
    fields = yaml.safe_load(front_matter)
    if body.strip():
        fields["body"] = body
    return fields


def page_files(folder=PAGES):
    """(path, parent path or None) of every page file: home.md, the sections, the rest."""
    if folder == PAGES:
        yield PAGES / "home.md", None
    parent = folder / "_index.md" if folder != PAGES else PAGES / "home.md"
    for section in sorted(path for path in folder.iterdir() if path.is_dir()):
        yield section / "_index.md", parent
        yield from page_files(section)
    for path in sorted(folder.glob("*.md")):
        if path.name not in ("_index.md", "home.md"):
            yield path, parent


def translation_files(path):
    """{language code: PO file} at translations/<code>/<path> (a page file's own path, .po)."""
    relative = path.relative_to(PAGES).with_suffix(".po") if path.is_absolute() else path
    folders = sorted(TRANSLATIONS.iterdir())
    return {f.name: polib.pofile(str(f / relative)) for f in folders if (f / relative).exists()}


def day(spec, today):
    """A date from {in_days: N, weekday: …} (the first such weekday N days from today) or
    {months_ahead: N, nth: K, weekday: …} (the K-th such weekday of the month N months on)."""
    weekday = WEEKDAYS.index(spec["weekday"])
    if "in_days" in spec:
        start = today + dt.timedelta(days=spec["in_days"])
    else:
        months = today.year * 12 + today.month - 1 + spec["months_ahead"]
        start = dt.date(months // 12, months % 12 + 1, 1)
        start += dt.timedelta(weeks=spec.get("nth", 1) - 1)
    return start + dt.timedelta(days=(weekday - start.weekday()) % 7)


def occurrence(spec, today):
    """{start, end} of an event date: day() at the spec's "HH:MM" times, in Berlin."""
    date = day(spec, today)
    times = {key: dt.time.fromisoformat(spec[key]) for key in ("start", "end")}
    return {key: dt.datetime.combine(date, time, tzinfo=BERLIN) for key, time in times.items()}
