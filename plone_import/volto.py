"""Volto blocks (Plone 6) to HTML, which html.HtmlConverter then turns into blocks.

A Volto page keeps its content in `blocks` ({id: block}) in the order of
`blocks_layout.items`. Slate text blocks hold a tree of nodes (p, h2, ul, li,
link, strong, …); image blocks an image address; teasers a link to another
item. Blocks that carry no content of their own here (title, description,
separators, table of contents) are left out; any other block not known here
(listings, search, videos, …) is reported.
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
SILENT = {"title", "description", "separator", "toc", "leadimage"}


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
    kind = block.get("@type")
    handler = HANDLERS.get(kind)
    if handler is not None:
        return handler(block, warn)
    if kind not in SILENT:
        warn(f"Volto block {kind!r} not imported")
    return ""


def slate_block(block, warn):
    return "".join(slate_node(node) for node in block.get("value") or [])


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


def image_block(block, warn):
    url = block.get("url")
    if isinstance(url, list):  # newer Volto: [{"@id": …}]
        url = url[0].get("@id") if url and isinstance(url[0], dict) else ""
    if not url:
        return ""
    alt = escape(block.get("alt") or "")
    return f'<img src="{escape(url)}" alt="{alt}"/>'


def teaser_block(block, warn):
    href = block.get("href") or []
    target = href[0] if href and isinstance(href[0], dict) else {}
    url = target.get("@id") or ""
    title = block.get("title") or target.get("title") or url
    description = block.get("description") or target.get("description") or ""
    if not url:
        return ""
    text = f'<p><a href="{escape(url)}">{escape(title)}</a></p>'
    return text + (f"<p>{escape(description)}</p>" if description else "")


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


def nested_blocks(block, warn):
    """Grids, columns and accordions: their blocks in order; an accordion panel's title as h3."""
    data = block.get("data") if isinstance(block.get("data"), dict) else block
    blocks = data.get("blocks") or {}
    layout = (data.get("blocks_layout") or {}).get("items") or []
    parts = []
    for key in layout:
        child = blocks.get(key) or {}
        if "@type" in child:
            parts.append(block_to_html(child, warn))
        else:  # an accordion panel: {title, blocks, blocks_layout}
            if child.get("title"):
                parts.append(f"<h3>{escape(child['title'])}</h3>")
            parts.append(nested_blocks(child, warn))
    return "".join(parts)


def table_block(block, warn):
    rows = (block.get("table") or {}).get("rows") or []
    html_rows = []
    for row in rows:
        cells = "".join(
            f"<td>{''.join(slate_node(node) for node in cell.get('value') or [])}</td>"
            for cell in row.get("cells") or []
        )
        html_rows.append(f"<tr>{cells}</tr>")
    return f"<table>{''.join(html_rows)}</table>"


HANDLERS = {
    "slate": slate_block,
    "text": text_block,
    "image": image_block,
    "teaser": teaser_block,
    "heading": heading_block,
    "html": html_block,
    "gridBlock": nested_blocks,
    "__grid": nested_blocks,
    "columnsBlock": nested_blocks,
    "accordion": nested_blocks,
    "slateTable": table_block,
    "table": table_block,
}
