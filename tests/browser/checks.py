"""What the checks of a page measure: axe-core, the Nu HTML checker, reflow, requests."""

import json
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

from .tools import VNU_JAR, find_java_for_vnu

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}


def axe_violations(tab):
    """axe-core's WCAG 2.0/2.1 A and AA violations on a tab (or a frame) as it is now."""
    from axe_playwright_python.sync_playwright import Axe

    return Axe().run(tab, options=AXE_OPTIONS).response["violations"]


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

# Java for a short run: the client compiler only and one garbage collector thread start
# faster and cost less CPU than the defaults (the checker needs a larger thread stack then).
JAVA_OPTIONS = ["-Xss4m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]


def run_vnu(files):
    """Check the HTML files with one run of the Nu checker: {file name: [error, …]}."""
    java = find_java_for_vnu()
    command = [java, *JAVA_OPTIONS, "-jar", str(VNU_JAR), "--format", "json", "--stdout"]
    completed = subprocess.run(  # noqa: S603 - fixed command, our own temporary files
        [*command, "--exit-zero-always", *map(str, files)],
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
