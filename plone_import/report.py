"""What an import did, and a progress bar on stderr while it does it."""

import sys
import time
from collections import Counter

LIST_LIMIT = 1000  # lines kept for skipped items and warnings; the rest are counted
# What a dry run says instead: nothing was done, this is what a real run would do.
DRY_RUN_LABELS = {
    "created": "would create",
    "updated": "would update",
    "unchanged": "unchanged",
    "kept": "would keep",
    "mapped": "would map",
    "skipped": "would skip",
    "redirects": "redirects",
    "warnings": "warnings",
}


class Report:
    def __init__(self):
        self.actions = Counter()  # (action, kind) -> n
        self.redirects = Counter()
        self.skipped = []
        self.skipped_count = 0
        self.warnings = []
        self.warning_count = 0
        self.notes = []
        self.items = 0

    def count(self, action, kind):
        self.actions[(action, kind)] += 1

    def count_redirect(self, action):
        self.redirects[action] += 1

    def skip(self, item_id, reason):
        self.skipped_count += 1
        if len(self.skipped) < LIST_LIMIT:
            self.skipped.append(f"{item_id}: {reason}")

    def warn(self, item_id, message):
        self.warning_count += 1
        if len(self.warnings) < LIST_LIMIT:
            self.warnings.append(f"{item_id}: {message}")

    def note(self, message):
        self.notes.append(message)

    def total(self, action):
        return sum(n for (done, _), n in self.actions.items() if done == action)

    def by_kind(self, action):
        kinds = Counter()
        for (done, kind), n in self.actions.items():
            if done == action:
                kinds[kind] += n
        return ", ".join(f"{kind} {n}" for kind, n in sorted(kinds.items()))

    def render(self, source, dry_run=False):
        lines = [
            f"Plone import of {source}" + (" (DRY RUN: nothing was written)" if dry_run else "")
        ]
        lines.append(f"  items read:  {self.items}")

        def label(name):
            return (DRY_RUN_LABELS[name] if dry_run else name) + ":"

        for action in ("created", "updated", "unchanged", "kept", "mapped"):
            total = self.total(action)
            if total or action in ("created", "updated"):
                detail = f" ({self.by_kind(action)})" if total else ""
                lines.append(f"  {label(action):<12} {total}{detail}")
        lines.append(f"  {label('skipped'):<12} {self.skipped_count}")
        redirects = ", ".join(
            f"{n} {DRY_RUN_LABELS[action] if dry_run else action}"
            for action, n in sorted(self.redirects.items())
        )
        lines.append(
            f"  {label('redirects'):<12} {sum(self.redirects.values())} ({redirects or 'none'})"
        )
        lines.append(f"  {label('warnings'):<12} {self.warning_count}")
        lines += self.section("Notes", self.notes, len(self.notes))
        lines += self.section("Skipped", self.skipped, self.skipped_count)
        lines += self.section("Warnings", self.warnings, self.warning_count)
        return "\n".join(lines) + "\n"

    @staticmethod
    def section(title, lines, count):
        if not lines:
            return []
        more = [f"  … and {count - len(lines)} more"] if count > len(lines) else []
        return [f"{title}:", *(f"  {line}" for line in lines), *more]


class Progress:
    """A one-line progress bar on stderr: only on a terminal, or when asked for."""

    WIDTH = 30

    def __init__(self, stream=None, enabled=None):
        self.stream = stream or sys.stderr
        isatty = getattr(self.stream, "isatty", lambda: False)
        self.enabled = isatty() if enabled is None else enabled
        self.label, self.total, self.last = "", 0, 0.0

    def start(self, label, total):
        self.label, self.total, self.last = label, total, 0.0
        self.started = time.monotonic()

    def update(self, done, force=False):
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self.last < 0.2:
            return
        self.last = now
        share = min(done / self.total, 1.0) if self.total else 0.0
        bar = "#" * int(share * self.WIDTH)
        self.stream.write(f"\r{self.label:<10} [{bar:<{self.WIDTH}}] {share:>4.0%}")
        self.stream.flush()

    def done(self):
        if self.enabled:
            self.update(self.total, force=True)
            self.stream.write("\n")
            self.stream.flush()
