"""Markdown (CommonMark, by markdown-it-py) to StreamField blocks and rich text.

Headings, paragraphs and lists, quotes ("— Name, Role" on the last line); the other blocks
are fenced blocks named after the block with its fields as YAML (see demo/README.md).
"""

import re

import yaml
from markdown_it import MarkdownIt

MARKDOWN = MarkdownIt("commonmark", {"html": False})
# Wagtail's rich text says <b>/<i>; the editor would rewrite <strong>/<em> on the next save.
TAGS = {"strong": "b", "em": "i"}
BLOCK_SPACE = re.compile(r"\s*(</?(?:p|ul|ol|li|h[1-6])>)\s*")
RICH_KEYS = {"text", "answer"}  # fence fields that hold Markdown


def rich(text):
    return wagtail_html(MARKDOWN.render(text or ""))


def wagtail_html(html):
    """One line, <b> and <i>, as Wagtail's rich text stores it."""
    for markdown_tag, wagtail_tag in TAGS.items():
        html = html.replace(f"<{markdown_tag}>", f"<{wagtail_tag}>")
        html = html.replace(f"</{markdown_tag}>", f"</{wagtail_tag}>")
    return BLOCK_SPACE.sub(r"\1", " ".join(html.split()))


def to_blocks(text, resolve):
    """Markdown to StreamField data; `resolve(field, key)` gives an image's, document's or
    contact person's id for a fence's `image`, `document` or `person` field."""
    tokens = MARKDOWN.parse(text or "")
    blocks, html = [], []

    def flush():
        if html:
            blocks.append({"type": "paragraph", "value": wagtail_html("".join(html))})
            html.clear()

    start = 0
    while start < len(tokens):
        end = top_level_end(tokens, start)
        token = tokens[start]
        if token.type in ("paragraph_open", "bullet_list_open", "ordered_list_open"):
            html.append(MARKDOWN.renderer.render(tokens[start:end], MARKDOWN.options, {}))
        else:
            flush()
            blocks.append(special_block(tokens[start:end], resolve))
        start = end
    flush()
    return blocks


def top_level_end(tokens, start):
    """The index after the top-level block that starts at `start`."""
    depth = 0
    for index in range(start, len(tokens)):
        depth += tokens[index].nesting
        if depth == 0:
            return index + 1
    raise ValueError("unbalanced Markdown tokens")


def special_block(tokens, resolve):
    first = tokens[0]
    if first.type == "heading_open":
        return {
            "type": "heading",
            "value": {"text": " ".join(tokens[1].content.split()), "level": first.tag},
        }
    if first.type == "blockquote_open":
        inline = [token.content for token in tokens if token.type == "inline"]
        return quote_block([line.strip() for text in inline for line in text.splitlines()])
    if first.type == "fence":
        value = fence_value(yaml.safe_load(first.content), resolve)
        return {"type": first.info.strip(), "value": value}
    raise ValueError(f"Markdown the demo does not use: {first.type}")


def quote_block(lines):
    """The quote's lines; from the last line that starts with "— " on, the attribution."""
    starts = [index for index, line in enumerate(lines) if line.startswith("— ")]
    cut = starts[-1] if starts else len(lines)
    speaker, _, role = " ".join(lines[cut:])[2:].partition(", ")
    text = " ".join(" ".join(lines[:cut]).split())
    return {"type": "quote", "value": {"text": text, "speaker": speaker, "role": role}}


def fence_value(value, resolve):
    """A fence's YAML with Markdown fields as HTML and keys of files and people as ids."""
    if isinstance(value, list):
        return [fence_value(item, resolve) for item in value]
    if not isinstance(value, dict):
        return value
    result = {}
    for name, item in value.items():
        if name in RICH_KEYS:
            item = rich(item)
        elif name in ("image", "document", "person"):
            item = resolve(name, item)
        result[name] = fence_value(item, resolve)
    return result
