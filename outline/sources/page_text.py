"""The text of a parsed web page as a reader sees it: one line a block, chrome left out.

Scripts, styles, forms' controls and hidden elements are never text. Page chrome is dropped by
its element (nav, aside; header and footer outside an article), its ARIA role (navigation,
banner, contentinfo …) and the class and id words that publishing systems give it (footer,
breadcrumb, share …), matched as whole words: "headline" is not "head". Inline elements never
break a line, so a marker split across tags (一、<span>2009</span>年, （<span>一</span>）) stays
whole; a line break in the source between two Chinese characters is no space, as browsers
render it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from outline.sources.html_lists import list_labels

Node = Any
"""A selectolax (Lexbor) node (its stubs do not cover every attribute this reads)."""

DROPPED = frozenset(
    {
        "head",
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "math",
        "iframe",
        "object",
        "canvas",
        "select",
        "option",
        "button",
        "input",
        "textarea",
        "nav",
        "aside",
        "dialog",
        "marquee",
        "-comment",
    }
)
"""Elements whose text is not the document's."""
PAGE_FURNITURE = frozenset({"header", "footer"})
"""Dropped unless inside an article or main element, where they hold its title or notes."""
CONTENT_ROOTS = frozenset({"article", "main"})
BLOCKS = frozenset(
    [
        "address",
        "article",
        "blockquote",
        "body",
        "center",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "footer",
        "hr",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
        "caption",
        "title",
    ]
)
"""Elements that begin and end a line."""
ROLES = frozenset({"navigation", "banner", "contentinfo", "search", "menu", "menubar", "toolbar"})
"""ARIA roles of page chrome."""
NOISE_TOKENS = frozenset(
    [
        "nav",
        "navbar",
        "navigation",
        "menu",
        "submenu",
        "breadcrumb",
        "breadcrumbs",
        "crumb",
        "crumbs",
        "share",
        "qrcode",
        "erweima",
        "ewm",
        "sharing",
        "bdsharebuttonbox",
        "fenxiang",
        "toolbar",
        "sidebar",
        "pagination",
        "pager",
        "copyright",
        "related",
        "relate",
        "xgwz",
        "dqwz",
        "comment",
        "comments",
        "advert",
        "ads",
        "topbar",
    ]
)
"""Class or id words of navigation, sharing and related-links widgets, copyright lines."""
FURNITURE_TOKENS = frozenset({"header", "footer", "foot"})
"""Class or id words of a page's header and footer: dropped outside an article, like the
elements of those names."""
WORD_BREAK = re.compile(r"[\s\-_]+|(?<=[a-z])(?=[A-Z])")
"""Where a class or id splits into words: spaces, - and _, and camelCase."""
HIDDEN = re.compile(r"display\s*:\s*none", re.IGNORECASE)
"""Hidden by its style. (Not visibility:hidden: WeChat hides its articles so until a script
shows them.)"""
INLINE = re.compile(r"display\s*:\s*inline(?:-block|-flex)?\b", re.IGNORECASE)
"""Set inline by its style: no line break before or after it."""
SPACES = re.compile(r"[ \t\r\n\f]+")
SEGMENT = "\x1f"
"""Stands for white space with a line break in it, until its neighbours are known."""
WIDE = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\U00020000-\U0003ffff]")
"""Characters between which a line break in the source is no space (CJK, full width)."""


def lines(elements: list[Node], skipped: frozenset[int] | set[int] = frozenset()) -> Iterator[str]:
    """The text of elements, one line a block; spaces collapsed as a browser does; without
    the elements `skipped` (by `mem_id`)."""
    pieces: list[str] = []
    for element in elements:
        inside = element.tag in CONTENT_ROOTS or inside_content(element)
        _text(element, pieces, inside, skipped)
        pieces.append("\n")
    for raw in "".join(pieces).split("\n"):
        line = _segments(raw)
        if line.strip():
            yield line.strip(" ")


def plain(element: Node) -> str:
    """All the text inside an element that would be read, without layout."""
    pieces: list[str] = []
    _text(element, pieces, element.tag in CONTENT_ROOTS or inside_content(element))
    return "".join("".join(pieces).split()).replace(SEGMENT, "")


def _text(
    root: Node, pieces: list[str], inside: bool, skipped: frozenset[int] | set[int] = frozenset()
) -> None:
    """The text under `root`, walked without recursion (pages nest thousands deep). The items
    of an ordered list get the number a browser shows before them (`list_labels`)."""
    stack: list[tuple[Node, bool, bool, str] | str] = [(root, inside, False, "")]
    glued = -1  # len(pieces) right after a list item's label, with only spaces since
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            pieces.append(item)
            continue
        node, inside_here, pre, label = item
        tag = node.tag
        if tag == "-text":
            raw = node.text_content or ""
            pieces.append(raw if pre else _collapse(raw))
            if len(pieces) - 1 == glued and not raw.strip():
                glued = len(pieces)
            continue
        if node is not root and (dropped(node, inside_here) or node.mem_id in skipped):
            continue
        if tag == "br":
            pieces.append("\n")
            continue
        block = tag in BLOCKS and not _inline(node)
        inside_child = inside_here or tag in CONTENT_ROOTS
        pre_child = pre or tag in ("pre", "textarea", "listing", "plaintext")
        if block:
            if len(pieces) != glued:  # the label stands on the first line of its item
                pieces.append("\n")
            stack.append("\n")
        if label:
            pieces.append(label)
            glued = len(pieces)
        children = list(node.iter(include_text=True))
        labels = list_labels(node, children) if tag == "ol" else {}
        stack.extend(
            (child, inside_child, pre_child, labels.get(i, ""))
            for i, child in reversed(list(enumerate(children)))
        )


def _inline(node: Node) -> bool:
    """Whether a block element is set inline by its style (display:inline-block), as the
    marker and the title of a heading in a WeChat article are, side by side."""
    attrs = node.attributes
    return bool(attrs) and INLINE.search(attrs.get("style") or "") is not None


def _collapse(raw: str) -> str:
    return SPACES.sub(lambda m: SEGMENT if "\n" in m.group() else " ", raw)


def _segments(line: str) -> str:
    """A line with each source line break resolved: nothing between wide characters, else a
    space; runs of spaces from several elements made one."""
    if SEGMENT in line:
        parts = line.split(SEGMENT)
        out = parts[0]
        for part in parts[1:]:
            before, after = out.rstrip(" ")[-1:], part.lstrip(" ")[:1]
            wide = bool(WIDE.match(before)) and bool(WIDE.match(after))
            out = out.rstrip(" ") + part.lstrip(" ") if wide else out + " " + part
        line = out
    return re.sub(" {2,}", " ", line)


def dropped(node: Node, inside_content: bool) -> bool:
    """Whether an element is page chrome rather than the document."""
    tag = node.tag
    if tag in DROPPED or (tag in PAGE_FURNITURE and not inside_content):
        return True
    attrs = node.attributes
    if not attrs:
        return False
    if "hidden" in attrs or HIDDEN.search(attrs.get("style") or ""):
        return True
    if (attrs.get("role") or "").strip().lower() in ROLES:
        return True
    named = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
    words = {w.lower() for w in WORD_BREAK.split(named)}
    return bool(words & NOISE_TOKENS) or (not inside_content and bool(words & FURNITURE_TOKENS))


def inside_content(node: Node) -> bool:
    """Whether an element stands inside an article or main element."""
    parent = node.parent
    while parent is not None:
        if parent.tag in CONTENT_ROOTS:
            return True
        parent = parent.parent
    return False


def under_chrome(node: Node) -> bool:
    """Whether an element stands inside page chrome."""
    parent = node.parent
    while parent is not None and parent.tag not in ("html", "-undef"):
        if dropped(parent, inside_content(parent)):
            return True
        parent = parent.parent
    return False
