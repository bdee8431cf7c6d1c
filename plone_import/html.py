"""Plone HTML to the portal's StreamField blocks.

The HTML is split into the blocks an editor would have made: headings become
heading blocks, images image blocks, and the text between them one paragraph
block; tables become table blocks, and the marker elements volto.py writes
(<x-accordion>, <x-callout>) accordion and call-out blocks. Links are
rewritten first (internal ones to Wagtail's
<a linktype="page" id="…"> and <a linktype="document" id="…">), then every
paragraph goes through Wagtail's own rich-text converter for the features the
portal allows (home.blocks.RICH_TEXT_FEATURES), so nothing the editor could
not have written (styles, scripts, tables, unknown tags) reaches the database.
"""

import re
import uuid
from html import escape

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

from home.blocks import RICH_TEXT_FEATURES

HEADINGS = {"h1": "h2", "h2": "h2", "h3": "h3", "h4": "h3", "h5": "h3", "h6": "h3"}
CONTAINERS = {"div", "section", "article", "main", "header", "footer", "aside", "body", "html"}
DROPPED = {"script", "style", "noscript", "form", "head", "title", "meta", "link", "template"}
EMBEDS = {"iframe", "object", "embed", "video", "audio", "canvas", "svg", "map"}
BLOCK_END = re.compile(r"</(p|div|li|h[1-6]|td|th|tr|blockquote)>|<br\s*/?>", re.IGNORECASE)
EMPTY_PARAGRAPH = re.compile(r"<p[^>]*>(\s|<br/>)*</p>")
HEADING_MAX, CAPTION_MAX, CREDIT_MAX, QUESTION_MAX = 200, 300, 200, 300


def block(kind, value):
    return {"type": kind, "value": value, "id": str(uuid.uuid4())}


def plain_text(html):
    """The text of an HTML fragment, whitespace collapsed; block ends separate words."""
    soup = BeautifulSoup(BLOCK_END.sub(r" \g<0>", html or ""), "html.parser")
    for node in soup.find_all(list(DROPPED | EMBEDS)):
        node.decompose()
    return " ".join(soup.get_text("").split())


class HtmlConverter:
    """Converts HTML fragments to raw StreamField data (a list of block dicts)."""

    def __init__(self, resolver):
        self.resolver = resolver
        self.contentstate = ContentstateConverter(RICH_TEXT_FEATURES)

    def stream(self, html):
        soup = BeautifulSoup(html or "", "html.parser")
        builder = _StreamBuilder(self)
        builder.walk(soup)
        builder.flush()
        return builder.blocks

    def rich_text(self, html):
        """Sanitised rich text: only the features the portal allows."""
        if not html.strip():
            return ""
        try:
            result = self.contentstate.to_database_format(
                self.contentstate.from_database_format(html)
            )
        except AssertionError:  # unbalanced tags that html.parser let through
            result = self.contentstate.to_database_format(
                self.contentstate.from_database_format(f"<p>{escape(plain_text(html))}</p>")
            )
        return EMPTY_PARAGRAPH.sub("", result)

    def rewrite_links(self, node):
        anchors = [node] if node.name == "a" else node.find_all("a")
        for anchor in anchors:
            target = self.resolver.link(anchor.get("href"))
            if target is None:  # keep the text, drop the link
                anchor.name, anchor.attrs = "span", {}
            elif target.kind in ("page", "document"):
                anchor.attrs = {"linktype": target.kind, "id": str(target.id)}
            else:
                anchor.attrs = {"href": target.url}

    def warn(self, message):
        self.resolver.warnings.append(message)


class _StreamBuilder:
    """Walks the parsed HTML once, collecting blocks; text is buffered into paragraphs."""

    def __init__(self, converter):
        self.converter = converter
        self.blocks = []
        self.buffer = []

    def walk(self, node):
        for child in list(node.children):
            self.visit(child)

    def visit(self, node):
        if isinstance(node, Comment) or not isinstance(node, NavigableString | Tag):
            return
        if isinstance(node, NavigableString):
            if type(node) is NavigableString and (node.strip() or self.buffer):
                self.buffer.append(escape(str(node)))
            return
        name = node.name.lower()
        if name in DROPPED:
            return
        if name in EMBEDS:
            self.converter.warn(f"embedded <{name}> not imported")
        elif name in HEADINGS:
            self.heading(node, HEADINGS[name])
        elif name == "img":
            self.image(node)
        elif name == "figure":
            self.figure(node)
        elif name == "table":
            self.table(node)
        elif name == "x-accordion":
            self.accordion(node)
        elif name == "x-callout":
            self.callout(node)
        elif name in CONTAINERS:
            self.walk(node)
        else:
            self.text(node)

    def text(self, node):
        for unwanted in node.find_all(list(DROPPED | EMBEDS)):
            if unwanted.name in EMBEDS:
                self.converter.warn(f"embedded <{unwanted.name}> not imported")
            unwanted.decompose()
        images = [image.extract() for image in node.find_all("img")]
        headings = node.find_all(list(HEADINGS))
        if headings:  # headings inside paragraphs or lists: keep their order
            self.walk(node)
            return
        self.converter.rewrite_links(node)
        self.buffer.append(str(node))
        for image in images:
            self.image(image)

    def heading(self, node, level):
        self.flush()
        text = node.get_text(" ", strip=True)
        text = " ".join(text.split())
        if text:
            if len(text) > HEADING_MAX:
                self.converter.warn(f"heading shortened to {HEADING_MAX} characters")
            self.blocks.append(block("heading", {"text": text[:HEADING_MAX], "level": level}))

    def image(self, node, caption=""):
        self.flush()
        image_id = self.converter.resolver.image(node.get("src"))
        if image_id is not None:
            item_caption, item_credit = self.converter.resolver.registry.image_meta.get(
                image_id, ("", "")
            )
            caption = caption or node.get("data-caption") or node.get("title") or item_caption
            credit = node.get("data-credit") or item_credit
            alt = " ".join((node.get("alt") or "").split())[:255]  # this use's own alt text
            for text, limit, what in (
                (caption, CAPTION_MAX, "caption"),
                (credit, CREDIT_MAX, "credit"),
            ):
                if len(text) > limit:
                    self.converter.warn(f"image {what} shortened to {limit} characters")
            self.blocks.append(
                block(
                    "image",
                    {
                        "image": image_id,
                        "alt_text": alt,
                        "caption": caption[:CAPTION_MAX],
                        "credit": credit[:CREDIT_MAX],
                    },
                )
            )
            self.converter.resolver.registry.note_alt_text(image_id, alt)

    def figure(self, node):
        caption_node = node.find("figcaption")
        caption = caption_node.get_text(" ", strip=True) if caption_node else ""
        if caption_node:
            caption_node.extract()
        image = node.find("img")
        if image is None:
            self.walk(node)
            return
        image.extract()
        self.image(image, caption)
        self.walk(node)

    def table(self, node):
        """A table block: one row per <tr>, cells as rich text (links kept)."""
        self.flush()
        caption = node.find("caption")
        caption_text = caption.get_text(" ", strip=True) if caption else ""
        rows, header = [], False
        for number, row in enumerate(node.find_all("tr")):
            cells = row.find_all(["td", "th"])
            if number == 0:
                header = bool(cells) and all(cell.name == "th" for cell in cells)
            values = [self.cell_text(cell) for cell in cells]
            if any(plain_text(value) for value in values):
                rows.append({"cells": values})
        if rows:
            value = {"caption": caption_text[:CAPTION_MAX], "header_row": header, "rows": rows}
            self.blocks.append(block("table", value))

    def cell_text(self, cell):
        for image in cell.find_all("img"):  # a table cell holds no images: after the table
            self.converter.warn(f"image {image.get('src')} in a table cell moved below the table")
            image.extract()
        self.converter.rewrite_links(cell)
        inner = "".join(str(child) for child in cell.children)
        return self.converter.rich_text(inner if "<p" in inner else f"<p>{inner}</p>")

    def accordion(self, node):
        """An accordion block: panel titles are the questions, their content the answers.

        Headings inside a panel stay as bold lines of the answer; images follow the accordion.
        """
        self.flush()
        items, images = [], []
        for panel in node.find_all("x-panel", recursive=False):
            images += [image.extract() for image in panel.find_all("img")]
            question = " ".join((panel.get("title") or "").split())
            answer = self.rich_block_text(panel)
            if len(question) > QUESTION_MAX:
                self.converter.warn(f"accordion title shortened to {QUESTION_MAX} characters")
            if not question and not answer:
                continue
            if not answer:
                answer = f"<p>{escape(question)}</p>"
            items.append({"question": question[:QUESTION_MAX] or "…", "answer": answer})
        title = " ".join((node.get("title") or "").split())
        if items:
            self.blocks.append(block("accordion", {"title": title[:HEADING_MAX], "items": items}))
        elif title:
            self.blocks.append(block("heading", {"text": title[:HEADING_MAX], "level": "h2"}))
        for image in images:
            self.image(image)

    def callout(self, node):
        """A call-out block (teaser, highlight, button, banner); its images follow it."""
        self.flush()
        images = [image.extract() for image in node.find_all("img")]
        title = " ".join((node.get("title") or "").split())
        text = self.rich_block_text(node) or (f"<p>{escape(title)}</p>" if title else "")
        if text:
            if len(title) > HEADING_MAX:
                self.converter.warn(f"call-out title shortened to {HEADING_MAX} characters")
            value = {"kind": "info", "title": title[:HEADING_MAX], "text": text}
            self.blocks.append(block("callout", value))
        for image in images:
            self.image(image)

    def rich_block_text(self, node):
        """The rich text of a container's content; headings become bold paragraphs."""
        for heading in node.find_all(list(HEADINGS)):
            heading.name = "p"
            heading.attrs = {}
            heading.string = heading.get_text(" ", strip=True)
            heading.string.wrap(BeautifulSoup("", "html.parser").new_tag("b"))
        for nested in node.find_all(["x-callout", "x-accordion", "x-panel"]):
            if nested.get("title"):
                nested.insert(
                    0, BeautifulSoup(f"<p><b>{escape(nested['title'])}</b></p>", "html.parser")
                )
            nested.unwrap()
        for table in node.find_all("table"):  # a table inside a panel: one line per row
            lines = [
                " | ".join(c.get_text(" ", strip=True) for c in row.find_all(["td", "th"]))
                for row in table.find_all("tr")
            ]
            table.replace_with(
                BeautifulSoup("".join(f"<p>{escape(line)}</p>" for line in lines), "html.parser")
            )
        self.converter.rewrite_links(node)
        inner = "".join(str(child) for child in node.children)
        text = self.converter.rich_text(inner)
        return text if plain_text(text) else ""

    def flush(self):
        if not self.buffer:
            return
        html = "".join(self.buffer).strip()
        self.buffer = []
        text = self.converter.rich_text(html)
        if text and plain_text(text):
            self.blocks.append(block("paragraph", text))
