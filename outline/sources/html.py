"""Web pages: the text of the page's main content, one line a block element.

Scripts, styles, forms' controls, navigation and the page's header and footer are dropped. The
main content container of common publishing systems of government and news sites is preferred
(`CONTENT_SELECTORS`); `selector` (--html-selector) names another: tag, #id, .class, combined
(div.article) and nested (div#main p).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from outline.sources.dom import Element, parse_html, select
from outline.sources.model import SourceError, SourceText
from outline.sources.text import decode

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
    }
)
"""Elements whose text is not the document's."""
PAGE_FURNITURE = frozenset({"header", "footer"})
"""Dropped unless inside an article or main element, where they hold its title or notes."""
CONTENT_ROOTS = frozenset({"article", "main"})
BLOCKS = frozenset(
    {
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
    }
)
"""Elements that begin and end a line."""
NOISE_TOKENS = frozenset(
    {
        "nav",
        "navbar",
        "menu",
        "breadcrumb",
        "breadcrumbs",
        "crumb",
        "crumbs",
        "share",
        "bdsharebuttonbox",
        "toolbar",
        "sidebar",
        "pagination",
        "pager",
        "copyright",
    }
)
"""Class or id words (split at - and _) of navigation and sharing widgets."""
CONTENT_SELECTORS = (
    "#UCAP-CONTENT",
    "#js_content",
    ".rich_media_content",
    ".TRS_Editor",
    ".trs_editor_view",
    ".TRS_UEDITOR",
    "#zoom",
    ".pages_content",
    "#vsb_content",
    ".v_news_content",
    ".rm_txt_con",
    "#rwb_zw",
    "#p-detail",
    "#detail",
    ".article-content",
    ".article_content",
    "#article",
    "article",
    "main",
    "#content",
    ".content",
)
"""Where the text of an article stands on common sites: central and local government portals
(TRS and UCAP systems: #UCAP-CONTENT, .TRS_Editor, #zoom), WeChat articles (#js_content),
university sites (#vsb_content), news sites; then the generic article, main and #content."""
MIN_CONTENT_SHARE = 0.2
"""A container holding less of the page's text than this is not its main content."""
HIDDEN = re.compile(r"display\s*:\s*none", re.IGNORECASE)
"""Hidden by its style. (Not visibility:hidden: WeChat hides its articles so until a script
shows them.)"""
CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
WESTERN = frozenset({"iso-8859-1", "latin1", "latin-1", "windows-1252", "us-ascii", "ascii"})
"""Declarations that old Chinese sites get wrong: their pages are GBK, not Western."""
ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030"}
"""Declared charsets read with their superset, as browsers do."""
SPACES = re.compile(r"[ \t\r\n\f]+")


def read(data: bytes, encoding: str | None = None, selector: str | None = None) -> SourceText:
    """A web page as lines of text: its main content, or what `selector` picks."""
    markup, used = decode_page(data, encoding)
    root = parse_html(markup)
    if selector:
        chosen = select(root, selector)
        if not chosen:
            raise SourceError(f"has no element that --html-selector {selector!r} matches")
    else:
        content = main_content(root)
        chosen = [content]
        heading = _heading_before(root, content)
        if heading is not None:
            chosen.insert(0, heading)
    text = "\n".join(lines(chosen))
    if not text.strip():
        raise SourceError("is a web page with no text")
    return SourceText(text=text, format="html", encoding=used, line_unit="block")


def decode_page(data: bytes, encoding: str | None) -> tuple[str, str]:
    """A page's markup: in the forced encoding, its declared charset, or a detected one."""
    if encoding:
        return decode(data, encoding)
    declared = CHARSET.search(data[:4096])
    if declared and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        name = declared.group(1).decode("ascii").lower()
        name = ALIASES.get(name, name)
        if name in WESTERN and not data.isascii():
            return decode(data)
        try:
            return data.decode(name), name
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration: detect instead
    return decode(data)


def main_content(root: Element) -> Element:
    """The element holding the article: the first known container with a good share of the
    page's text, else the whole page."""
    total = len(_plain(root))
    for selector in CONTENT_SELECTORS:
        found = [(len(_plain(e)), e) for e in select(root, selector)]
        if found:
            size, element = max(found, key=lambda pair: pair[0])
            if size and size >= MIN_CONTENT_SHARE * total:
                return element
    return root


def _heading_before(root: Element, content: Element) -> Element | None:
    """The h1 closest before the content container, when the container does not hold one:
    the title of an article often stands just outside its text."""
    if content is root or select(content, "h1"):
        return None
    found = None
    for element in _before(root, content):
        if element.tag == "h1" and _plain(element) and not _under_furniture(element):
            found = element
    return found


def _before(element: Element, stop: Element) -> Iterator[Element]:
    """The elements in document order up to `stop` (not included)."""
    stack = [element]
    while stack:
        current = stack.pop()
        if current is stop:
            return
        yield current
        stack.extend(reversed([c for c in current.children if isinstance(c, Element)]))


def _under_furniture(element: Element) -> bool:
    node = element.parent
    while node is not None:
        if _dropped(node, inside_content=False):
            return True
        node = node.parent
    return False


def lines(elements: list[Element]) -> Iterator[str]:
    """The text of elements, one line a block; spaces collapsed as a browser does."""
    pieces: list[str] = []
    for element in elements:
        _text(element, pieces, inside_content=element.tag in CONTENT_ROOTS, pre=False)
        pieces.append("\n")
    for line in "".join(pieces).split("\n"):
        if line.strip():
            yield line.strip(" ")


def _text(element: Element, pieces: list[str], inside_content: bool, pre: bool) -> None:
    for child in element.children:
        if isinstance(child, str):
            pieces.append(child if pre else SPACES.sub(" ", child))
            continue
        if _dropped(child, inside_content):
            continue
        if child.tag == "br":
            pieces.append("\n")
            continue
        block = child.tag in BLOCKS
        if block:
            pieces.append("\n")
        _text(
            child,
            pieces,
            inside_content or child.tag in CONTENT_ROOTS,
            pre or child.tag in ("pre", "textarea"),
        )
        if block:
            pieces.append("\n")


def _dropped(element: Element, inside_content: bool) -> bool:
    """Whether an element is page furniture rather than the document."""
    if element.tag in DROPPED or (element.tag in PAGE_FURNITURE and not inside_content):
        return True
    if "hidden" in element.attrs or HIDDEN.search(element.attrs.get("style", "")):
        return True
    words = " ".join([element.attrs.get("class", ""), element.attrs.get("id", "")])
    return any(word in NOISE_TOKENS for word in re.split(r"[\s\-_]+", words.lower()))


def _plain(element: Element) -> str:
    """All the text inside an element that would be read, without layout."""
    pieces: list[str] = []
    _text(element, pieces, element.tag in CONTENT_ROOTS, False)
    return "".join("".join(pieces).split())
