"""Runs an import: plan, then write everything in one transaction.

All or nothing by default: the first item that cannot be imported stops the
run, the transaction is rolled back and the files already stored are deleted.
With skip_invalid each item is written inside its own savepoint, and an item
that fails is rolled back alone, reported, and its content left out. A dry
run does the whole import and then rolls it back, so it checks everything a
real run would (page validation included) and writes nothing.
"""

import logging
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import transaction

from .assets import FileLedger
from .errors import ImportAbort, ItemError
from .placement import find_anchor
from .plan import Plan, PlanOptions
from .report import Progress, Report
from .sources import open_export
from .writer import Writer

ERROR_LIMIT = 20


@dataclass
class Options:
    dry_run: bool = False
    parent: str | None = None
    language_map: dict = field(default_factory=dict)
    skip_invalid: bool = False
    translations: str | None = None
    blob_dir: str | None = None
    old_urls: list = field(default_factory=list)
    sections: dict = field(default_factory=dict)
    progress: bool | None = None


class _DryRunRollback(Exception):
    pass


def run_import(path, options, stderr=None):
    """Import the export at path and return the Report; ImportAbort if nothing was written."""
    report = Report()
    progress = Progress(stderr, options.progress)
    export = open_export(path, options.translations, options.blob_dir)
    anchor = find_anchor(options.parent)
    progress.start("reading", export.size)
    plan = Plan(export, PlanOptions(options.language_map, options.sections), report, progress)
    plan.build()
    report.items = plan.counts()
    if plan.orphans:
        report.note(
            f"{len(plan.orphans)} item(s) whose parent is not in the export go below "
            f"--parent ({anchor.title!r}): "
            + ", ".join(plan.orphans[:10])
            + (" …" if len(plan.orphans) > 10 else "")
        )
    errors = plan.errors()
    if errors and not options.skip_invalid:
        raise ImportAbort(describe(errors))
    for error in errors:
        report.skip(error.item_id, str(error).removeprefix(f"{error.item_id}: "))
    ledger = FileLedger()
    try:
        with transaction.atomic(), quiet_wagtail_log(options.dry_run):
            write_all(plan, export, anchor, options, report, ledger, progress)
            if options.dry_run:
                raise _DryRunRollback
    except _DryRunRollback:
        ledger.delete_since(0)
    except BaseException:
        ledger.delete_since(0)
        raise
    return report


@contextmanager
def quiet_wagtail_log(dry_run):
    """A dry run writes nothing, so Wagtail's "Page created" log lines would be untrue."""
    logger = logging.getLogger("wagtail")
    level = logger.level
    if dry_run:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)


def write_all(plan, export, anchor, options, report, ledger, progress):
    writer = Writer(plan, export, anchor, options, report, ledger)
    entries = plan.writable()
    failed = set()
    progress.start("importing", len(entries))
    for number, entry in enumerate(entries, 1):
        if entry.parent_uid in failed:
            failed.add(entry.uid)
            report.skip(
                entry.item_id, f"its parent {plan.entries[entry.parent_uid].item_id} failed"
            )
        elif not write_one(writer, export, entry, options, report, ledger):
            failed.add(entry.uid)
        progress.update(number)
    progress.done()
    for uid in list(writer.pending):  # pass 3: links to items written after the linking item
        if uid not in failed:
            write_one(writer, export, plan.entries[uid], options, report, ledger, revisit=True)
    writer.write_plone_redirects(export.redirects())


def write_one(writer, export, entry, options, report, ledger, revisit=False):
    """Write one item; with skip_invalid a failing item is rolled back alone (False)."""
    item = export.load(entry.key)
    if not options.skip_invalid:
        writer.write(entry, item, revisit)
        return True
    mark = ledger.mark()
    try:
        with transaction.atomic():
            writer.write(entry, item, revisit)
    except ItemError as error:
        ledger.delete_since(mark)
        writer.forget(entry)
        report.skip(entry.item_id, str(error).removeprefix(f"{entry.item_id}: "))
        return False
    return True


def describe(errors):
    lines = [f"{len(errors)} item(s) cannot be imported; nothing was written:"]
    lines += [f"  {error}" for error in errors[:ERROR_LIMIT]]
    if len(errors) > ERROR_LIMIT:
        lines.append(f"  … and {len(errors) - ERROR_LIMIT} more")
    lines.append("Use --skip-invalid to import everything else.")
    return "\n".join(lines)
