"""Markdown (CommonMark, by markdown-it-py) to StreamField blocks and rich text.

Headings, paragraphs and lists, quotes ("— Name, Role" on the last line); the other blocks
are fenced blocks named after the block with its fields as YAML (see demo/README.md).
"""

import re

import yaml
from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

MARKDOWN = MarkdownIt("commonmark", {"html": False})
# Wagtail's rich text says <b>/<i>; the editor would rewrite <strong>/<em> on the next save.
TAGS = {"strong": "b", "em": "i"}
BLOCK_SPACE = re.compile(r"\s*(</?(?:p|ul|ol|li|h[1-6])>)\s*")
RICH_KEYS = {"text", "answer"}  # fence fields that hold Markdown
REFERENCES = {"image", "document", "person"}  # fence fields that name a file or a person


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
    contact person's id for a fence's `image`, `document` or `person` field. Paragraphs and
    lists in a row make one paragraph block."""
    blocks, html = [], []
    for node in SyntaxTreeNode(MARKDOWN.parse(text or "")).children:
        if node.type in ("paragraph", "bullet_list", "ordered_list"):
            html.append(MARKDOWN.renderer.render(node.to_tokens(), MARKDOWN.options, {}))
            continue
        if html:
            blocks.append({"type": "paragraph", "value": wagtail_html("".join(html))})
            html.clear()
        blocks.append(special_block(node, resolve))
    if html:
        blocks.append({"type": "paragraph", "value": wagtail_html("".join(html))})
    return blocks


def special_block(node, resolve):
    if node.type == "heading":
        text = " ".join(node.children[0].content.split())
        return {"type": "heading", "value": {"text": text, "level": node.tag}}
    if node.type == "blockquote":
        lines = [
            line.strip()
            for t in node.to_tokens()
            if t.type == "inline"
            for line in t.content.splitlines()
        ]
        return quote_block(lines)
    if node.type == "fence":
        value = fence_value(yaml.safe_load(node.content), resolve)
        return {"type": node.info.strip(), "value": value}
    raise ValueError(f"Markdown the demo does not use: {node.type}")


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
    return {
        name: rich(item)
        if name in RICH_KEYS
        else resolve(name, item)
        if name in REFERENCES
        else fence_value(item, resolve)
        for name, item in value.items()
    }
