"""Volto blocks (Plone 6) to HTML, which html.HtmlConverter then turns into blocks.

A Volto page keeps its content in `blocks` ({id: block}) in the order of
`blocks_layout.items`. Every block type that carries text, images or links is
written out here (the table in plone_import/README.md); what has no place in
a static page (listings, search) is reported, so nothing is dropped silently.

Blocks the portal has a StreamField block for are written as marker elements
that html._StreamBuilder turns into that block:

    <x-accordion title="…"><x-panel title="…">html</x-panel>…</x-accordion>
    <x-callout title="…">html</x-callout>                 (teaser, highlight, button, banner)
    <table><caption>…</caption><tr><th>…</th>…</tr>…</table>
    <img src="…" alt="…" data-caption="…" data-credit="…"/>
"""

from html import escape

SLATE_TAGS = {
    "p": "p",
    "paragraph": "p",
    "h1": "h1",
    "h2": "h2",
    "h3": "h3",
    "h4": "h4",
    "h5": "h5",
    "h6": "h6",
    "ul": "ul",
    "ol": "ol",
    "li": "li",
    "blockquote": "blockquote",
    "strong": "b",
    "b": "b",
    "em": "i",
    "i": "i",
    "u": "u",
    "del": "s",
    "s": "s",
    "sub": "sub",
    "sup": "sup",
    "code": "code",
}
LEAF_MARKS = (("bold", "b"), ("italic", "i"), ("strong", "b"), ("em", "i"))
# Blocks whose content the page has elsewhere (title, description, lead image) or none.
SILENT = {"title", "description", "separator", "toc", "leadimage", "empty", "dividerBlock"}
# Dynamic blocks: the portal lists news and events on its index pages and has a search.
DYNAMIC = {"listing", "search", "rssBlock", "eventCalendar", "eventSearch"}


def has_blocks(item):
    """Whether the item's content is in Volto blocks (beyond title and description)."""
    blocks = item.get("blocks") or {}
    layout = (item.get("blocks_layout") or {}).get("items") or []
    return any(
        (blocks.get(key) or {}).get("@type") not in ("title", "description") for key in layout
    )


def blocks_to_html(blocks, layout, warn):
    """HTML for the blocks in layout order; warn(message) for what is left out."""
    return "".join(block_to_html(blocks.get(key) or {}, warn) for key in layout or [])


def block_to_html(block, warn):
    if not isinstance(block, dict):
        return ""
    kind = block.get("@type")
    handler = HANDLERS.get(kind)
    if handler is not None:
        return handler(block, warn)
    if kind in DYNAMIC:
        headline = text_of(block.get("headline") or block.get("title"))
        what = f" {headline!r}" if headline else ""
        warn(f"Volto block {kind!r}{what}: a dynamic list, add it by hand if the page needs it")
        return f"<h2>{escape(headline)}</h2>" if headline else ""
    if kind in SILENT:
        return ""
    html = generic_block(block)
    warn(f"Volto block {kind!r} is unknown: " + ("its texts kept" if html else "nothing in it"))
    return html


# ---------------------------------------------------------------------- values


def text_of(value):
    """Plain text of a string, a slate value (list of nodes) or a {data: …} rich text."""
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, dict):
        return text_of(value.get("data") or value.get("text") or value.get("title") or "")
    if isinstance(value, list):
        return " ".join(filter(None, (node_text(node) for node in value)))
    return ""


def node_text(node):
    if not isinstance(node, dict):
        return text_of(node) if isinstance(node, str) else ""
    if "text" in node and "children" not in node:
        return " ".join(str(node.get("text") or "").split())
    return " ".join(filter(None, (node_text(child) for child in node.get("children") or [])))


def rich_html(value):
    """HTML of a value that may be slate nodes, an HTML {data} object or plain text."""
    if isinstance(value, list):
        return "".join(slate_node(node) for node in value)
    if isinstance(value, dict) and isinstance(value.get("data"), str):
        return value["data"]
    text = text_of(value)
    return f"<p>{escape(text)}</p>" if text else ""


def first_link(value):
    """The address of a Volto link field: [{"@id": …}], a string, or {"@id": …}."""
    if isinstance(value, list):
        value = value[0] if value else {}
    if isinstance(value, dict):
        return value.get("@id") or value.get("url") or ""
    return value if isinstance(value, str) else ""


def first_target(value):
    if isinstance(value, list) and value and isinstance(value[0], dict):
        return value[0]
    return value if isinstance(value, dict) else {}


def link(url, text):
    return f'<a href="{escape(url)}">{escape(text or url)}</a>'


def img(url, alt="", caption="", credit=""):
    if not url:
        return ""
    return (
        f'<img src="{escape(url)}" alt="{escape(alt)}" '
        f'data-caption="{escape(caption)}" data-credit="{escape(credit)}"/>'
    )


# ---------------------------------------------------------------------- slate


def slate_block(block, warn):
    return rich_html(block.get("value") or [])


def slate_node(node):
    if not isinstance(node, dict):
        return ""
    if "text" in node and "type" not in node:
        text = escape(node.get("text") or "")
        for mark, tag in LEAF_MARKS:
            if node.get(mark):
                text = f"<{tag}>{text}</{tag}>"
        return text
    inner = "".join(slate_node(child) for child in node.get("children") or [])
    kind = node.get("type")
    if kind == "link":
        return f'<a href="{escape(link_url(node.get("data") or {}))}">{inner}</a>'
    tag = SLATE_TAGS.get(kind)
    return f"<{tag}>{inner}</{tag}>" if tag else inner


def link_url(data):
    """The address of a slate link: data.url, or an internal link's @id (older Volto)."""
    if data.get("url"):
        return data["url"]
    internal = ((data.get("link") or {}).get("internal") or {}).get("internal_link") or []
    if internal and isinstance(internal[0], dict):
        return internal[0].get("@id") or ""
    external = (data.get("link") or {}).get("external") or {}
    return external.get("external_link") or ""


# ---------------------------------------------------------------------- blocks


def image_block(block, warn):
    url = first_link(block.get("url"))
    caption = text_of(block.get("caption") or block.get("description") or block.get("title"))
    html = img(url, text_of(block.get("alt")), caption, text_of(block.get("credit")))
    href = first_link(block.get("href"))
    if href:  # a linked image: the link follows it
        html += f"<p>{link(href, caption or text_of(block.get('alt')) or href)}</p>"
    return html


def callout(title, body_html):
    if not (title or body_html):
        return ""
    return f'<x-callout title="{escape(title)}">{body_html}</x-callout>'


def teaser_block(block, warn):
    """Teaser: the linked item's kicker, title, description and picture as a call-out."""
    target = first_target(block.get("href"))
    url = target.get("@id") or ""
    title = text_of(block.get("title")) or text_of(target.get("title"))
    kicker = text_of(block.get("head_title")) or text_of(target.get("head_title"))
    description = text_of(block.get("description")) or text_of(target.get("description"))
    body = f"<p>{escape(kicker)}</p>" if kicker else ""
    body += f"<p>{escape(description)}</p>" if description else ""
    if url:
        body += f"<p>{link(url, text_of(block.get('buttonText')) or title or url)}</p>"
    html = callout(title, body)
    picture = first_link(block.get("preview_image"))
    return html + (img(picture, title) if picture else "")


def highlight_block(block, warn):
    """Highlight / banner / hero: title, text, button and image."""
    title = text_of(block.get("title") or block.get("heading"))
    body = rich_html(block.get("description") or block.get("text") or block.get("value"))
    url = first_link(block.get("buttonLink") or block.get("href") or block.get("link"))
    if url:
        label = text_of(block.get("buttonText")) or title or url
        body += f"<p>{link(url, label)}</p>"
    picture = first_link(block.get("url") or block.get("image") or block.get("preview_image"))
    return callout(title, body) + (img(picture, title) if picture else "")


def button_block(block, warn):
    url = first_link(block.get("href") or block.get("link"))
    title = text_of(block.get("title") or block.get("text")) or url
    if not url:
        return f"<p>{escape(title)}</p>" if title else ""
    return callout("", f"<p>{link(url, title)}</p>")


def slider_block(block, warn):
    """Each slide: its picture with the title as caption, then its text and link."""
    parts = []
    for slide in block.get("slides") or []:
        if not isinstance(slide, dict):
            continue
        target = first_target(slide.get("href"))
        title = text_of(slide.get("title")) or text_of(target.get("title"))
        picture = first_link(slide.get("preview_image"))
        if not picture and target.get("image_field") and target.get("@id"):
            picture = f"{target['@id']}/@@images/{target['image_field']}"  # its lead image
        parts.append(img(picture, title, title))
        parts.append(teaser_block({**slide, "preview_image": None}, warn))
    return "".join(parts)


def media_link_block(block, warn):
    """Video and maps: a link to the video or map, with its title."""
    url = first_link(block.get("url") or block.get("src"))
    title = text_of(block.get("title") or block.get("description"))
    if not url:
        return f"<p>{escape(title)}</p>" if title else ""
    return f"<p>{link(url, title or url)}</p>"


def heading_block(block, warn):
    tag = block.get("tag") if block.get("tag") in ("h2", "h3", "h4") else "h2"
    return f"<{tag}>{escape(block.get('heading') or '')}</{tag}>"


def html_block(block, warn):
    return block.get("html") or ""


def text_block(block, warn):
    """The older draft.js text block: its paragraphs and headings, without styles."""
    tags = {"header-two": "h2", "header-three": "h3", "unordered-list-item": "li"}
    parts = []
    for line in (block.get("text") or {}).get("blocks") or []:
        tag = tags.get(line.get("type"), "p")
        parts.append(f"<{tag}>{escape(line.get('text') or '')}</{tag}>")
    return "".join(parts)


def children_html(data, warn):
    blocks = data.get("blocks") or {}
    layout = (data.get("blocks_layout") or {}).get("items") or []
    return "".join(block_to_html(blocks.get(key) or {}, warn) for key in layout)


def grid_block(block, warn):
    """Grids and columns: their headline, then their blocks in order."""
    data = block.get("data") if isinstance(block.get("data"), dict) else block
    headline = text_of(block.get("headline"))
    html = f"<h2>{escape(headline)}</h2>" if headline else ""
    for column in block.get("columns") or []:  # older teaser grids: [{teaser…}]
        html += (
            block_to_html({"@type": "teaser", **column}, warn) if isinstance(column, dict) else ""
        )
    return html + children_html(data, warn)


def accordion_block(block, warn):
    """Accordion: each panel's title becomes a question, its blocks the answer."""
    data = block.get("data") if isinstance(block.get("data"), dict) else block
    panels = data.get("blocks") or {}
    parts = []
    for key in (data.get("blocks_layout") or {}).get("items") or []:
        panel = panels.get(key) or {}
        title = text_of(panel.get("title"))
        parts.append(f'<x-panel title="{escape(title)}">{children_html(panel, warn)}</x-panel>')
    headline = text_of(block.get("headline") or block.get("title"))
    return f'<x-accordion title="{escape(headline)}">{"".join(parts)}</x-accordion>'


def table_block(block, warn):
    """slateTable (and the older table): rows of header or data cells."""
    table = block.get("table") or {}
    rows = []
    for row in table.get("rows") or []:
        cells = []
        for cell in row.get("cells") or []:
            tag = "th" if cell.get("type") == "header" else "td"
            value = cell.get("value")
            inner = rich_html(value) if isinstance(value, list) else escape(text_of(value))
            cells.append(f"<{tag}>{inner}</{tag}>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    caption = text_of(block.get("title") or table.get("caption"))
    caption = f"<caption>{escape(caption)}</caption>" if caption else ""
    return f"<table>{caption}{''.join(rows)}</table>" if rows else ""


def generic_block(block):
    """An unknown block: the texts and links of its usual fields, so nothing is lost."""
    parts = []
    for name in ("title", "headline", "heading", "head_title"):
        if text_of(block.get(name)):
            parts.append(f"<h3>{escape(text_of(block.get(name)))}</h3>")
    for name in ("description", "text", "value", "plaintext"):
        parts.append(rich_html(block.get(name)) if block.get(name) else "")
    for name in ("href", "url", "link"):
        url = first_link(block.get(name))
        if url:
            parts.append(f"<p>{link(url, url)}</p>")
    return "".join(parts)


HANDLERS = {
    "slate": slate_block,
    "introduction": slate_block,
    "text": text_block,
    "image": image_block,
    "teaser": teaser_block,
    "highlight": highlight_block,
    "banner": highlight_block,
    "hero": highlight_block,
    "__button": button_block,
    "button": button_block,
    "slider": slider_block,
    "video": media_link_block,
    "maps": media_link_block,
    "heading": heading_block,
    "html": html_block,
    "gridBlock": grid_block,
    "__grid": grid_block,
    "teaserGrid": grid_block,
    "columnsBlock": grid_block,
    "accordion": accordion_block,
    "slateTable": table_block,
    "table": table_block,
}
