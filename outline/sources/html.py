"""Web pages: the text of the page's main content, one line a block element.

The page is parsed as browsers parse it (Lexbor, an HTML5 parser in C, through selectolax), in
time linear in its size. The main content container of common publishing systems of government
and news sites is preferred (`CONTENT_SELECTORS`); `selector` (--html-selector) is any CSS
selector instead; on a page with neither, its lists of links are left out (`link_lists`).
Page chrome is left out and blocks become lines as `page_text` says, ordered lists numbered
as a browser numbers them (`html_lists`).

The charset is the forced one, else the one the page declares, as browsers take it (GB2312 and
GBK read as GB18030; a declared UTF-16 on bytes that are not UTF-16 is UTF-8), else detected.
"""

from __future__ import annotations

import re

from outline.sources.link_lists import link_lists
from outline.sources.model import SourceError, SourceText
from outline.sources.page_text import Node, lines, plain, under_chrome
from outline.sources.text import decode

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
CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
WESTERN = frozenset({"iso-8859-1", "latin1", "latin-1", "windows-1252", "us-ascii", "ascii"})
"""Declarations that old Chinese sites get wrong: their pages are GBK, not Western."""
ALIASES = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "gb_2312-80": "gb18030",
    "utf-16": "utf-8",
    "utf-16le": "utf-8",
    "utf-16be": "utf-8",
    "unicode": "utf-8",
}
"""Declared charsets read as browsers read them: GBK with its superset; a UTF-16 declaration
in a page that a parser could read (so ASCII-compatible bytes) means UTF-8."""
BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def read(
    data: bytes,
    encoding: str | None = None,
    selector: str | None = None,
    declared: str | None = None,
) -> SourceText:
    """A web page as lines of text: its main content, or what `selector` picks; `declared`
    is the charset its container names (a saved page's MIME part)."""
    markup, used = decode_page(data, encoding, declared)
    from selectolax.lexbor import LexborHTMLParser  # compiled: imported on the first page

    page = LexborHTMLParser(markup)
    root = page.root
    if root is None:
        raise SourceError("is a web page with no text")
    framed = None if selector else _framed(root)
    if framed is not None and len(plain(framed)) > len(plain(root)):
        root = framed
    skipped: set[int] = set()
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
        if content.mem_id == root.mem_id:  # no container known: leave out the lists of links
            skipped = link_lists(root)
    text = "\n".join(lines(chosen, skipped))
    if not text.strip():
        raise SourceError("is a web page with no text")
    return SourceText(text=text, format="html", encoding=used, line_unit="block")


def decode_page(data: bytes, encoding: str | None, declared: str | None = None) -> tuple[str, str]:
    """A page's markup: in the forced encoding, its declared charset, or a detected one."""
    if encoding:
        return decode(data, encoding)
    found = CHARSET.search(data[:4096])
    name = declared or (found.group(1).decode("ascii") if found else None)
    if name and not data.startswith(BOMS):
        name = ALIASES.get(name.lower(), name.lower())
        if name in WESTERN and not data.isascii():
            return decode(data)
        try:
            return data.decode(name), name
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration: detect instead
    return decode(data)


def select(root: Node, selector: str) -> list[Node]:
    """The elements a CSS selector matches, outermost ones only, in document order."""
    from selectolax.lexbor import SelectolaxError

    try:
        found = root.css(selector)
    except (SelectolaxError, ValueError):
        raise SourceError(f"--html-selector: cannot read {selector!r} as a CSS selector") from None
    chosen = {n.mem_id for n in found}
    outermost = []
    for node in found:
        parent = node.parent
        while parent is not None and parent.mem_id not in chosen:
            parent = parent.parent
        if parent is None:
            outermost.append(node)
    return outermost


def main_content(root: Node) -> Node:
    """The element holding the article: the first known container with a good share of the
    page's text, else the whole page."""
    total = len(plain(root))
    for selector in CONTENT_SELECTORS:
        found = [(len(plain(e)), e) for e in root.css(selector)]
        if found:
            size, element = max(found, key=lambda pair: pair[0])
            if size and size >= MIN_CONTENT_SHARE * total:
                return element
    return root


def _framed(root: Node) -> Node | None:
    """The root of the page an inline frame holds in its srcdoc attribute (the longest, if
    several), which a browser shows in place: some sites serve their article so."""
    from selectolax.lexbor import LexborHTMLParser

    sources = [frame.attributes.get("srcdoc") or "" for frame in root.css("iframe[srcdoc]")]
    longest = max(sources, key=len, default="")
    return LexborHTMLParser(longest).root if longest.strip() else None


def _heading_before(root: Node, content: Node) -> Node | None:
    """The h1 closest before the content container, when the container does not hold one:
    the title of an article often stands just outside its text."""
    if content == root or content.css_first("h1") is not None:
        return None
    found = None
    for node in root.traverse():
        if node == content:
            break
        if node.tag == "h1" and plain(node) and not under_chrome(node):
            found = node
    return found
