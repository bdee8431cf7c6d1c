"""Keyboard use: which controls a keyboard user must reach, and where Tab takes them."""

# The controls a keyboard user must reach, in the order they have in the document.
MARK_CONTROLS = """
() => {
  const groups = [
    ['skip link', 'a.skip-link'],
    ['main navigation', 'nav.main-nav ul a'],
    ['language switcher', '.language-switcher a'],
    ['filter form', 'form.filters input, form.filters select, form.filters button'],
  ];
  const controls = [];
  for (const [group, selector] of groups) {
    document.querySelectorAll(selector).forEach((el, index) => {
      el.dataset.keyboardTest = `${group} ${index + 1}`;
      controls.push(el);
    });
  }
  controls.sort((a, b) => a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1);
  return controls.map((el) => el.dataset.keyboardTest);
}
"""

FOCUSED = """
() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  const label = (el.innerText || el.value || el.getAttribute('aria-label') || '').trim();
  return {
    key: el.dataset.keyboardTest || null,
    name: `<${el.tagName.toLowerCase()}${el.id ? ' id=' + el.id : ''}> ${label.slice(0, 40)}`,
    outline: `${style.outlineStyle} ${style.outlineWidth}`,
    outlineVisible: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
    boxShadow: style.boxShadow,
    onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0
      && box.top < window.innerHeight && box.left < window.innerWidth,
  };
}
"""


def tab_through(tab, expected, limit=120):
    """Press Tab until every expected control had focus; the focused elements, in order."""
    focused = []
    remaining = set(expected)
    for _ in range(limit):
        tab.keyboard.press("Tab")
        info = tab.evaluate(FOCUSED)
        if info is None or (focused and info["name"] == focused[0]["name"]):
            break  # focus left the page or came round again
        focused.append(info)
        remaining.discard(info["key"])
        if not remaining:
            break
    return focused
