"""The paragraphs of a Word document in reading order, and the text of each as Word shows it.

Tables are read row by row, content controls and custom XML as their contents. A text box is
read after the paragraph that anchors it, one paragraph a line: converters from PDF put whole
pages in text boxes and frames. Word 2010 writes each text box twice (mc:Choice and the VML of
mc:Fallback); only the first is read.
"""

from __future__ import annotations

from collections.abc import Iterator

from outline.sources import safexml
from outline.sources.numbering import MC, Element, W, val

CONTAINERS = frozenset(
    W + tag for tag in ("body", "tbl", "tr", "tc", "sdt", "sdtContent", "customXml", "txbxContent")
)
"""Elements whose paragraphs are read in order: the body, tables, content controls."""
SKIPPED = frozenset(
    [
        *(W + tag for tag in ("del", "moveFrom", "delText", "instrText", "rPr", "pPr")),
        *(W + tag for tag in ("fldChar", "footnoteReference", "endnoteReference")),
        *(W + tag for tag in ("commentReference", "txbxContent")),
        MC + "Fallback",
    ]
)
"""Inside a paragraph: deleted text, field codes, properties and text boxes (read as paragraphs
of their own) are not its text."""
BREAK = "\n"
"""A line break inside a paragraph, until it is resolved to a space or nothing."""


def paragraphs(container: Element) -> Iterator[Element]:
    """The paragraphs of a container in reading order, each followed by those of its text
    boxes; a w:altChunk stands for the content it brings in."""
    for child in container:
        if child.tag == W + "p":
            yield child
            for box in _text_boxes(child):
                yield from paragraphs(box)
        elif child.tag in CONTAINERS:
            yield from paragraphs(child)
        elif child.tag == W + "altChunk":
            yield child  # another document's content, which the reader brings in
        elif child.tag == MC + "AlternateContent":
            choice = next((c for c in child if c.tag == MC + "Choice"), None)
            if choice is not None:
                yield from paragraphs(choice)


def _text_boxes(paragraph: Element) -> Iterator[Element]:
    """The text boxes anchored in a paragraph, outermost only, fallbacks left out."""
    for box in paragraph.iter(W + "txbxContent"):
        node = box.getparent()
        while node is not None and node is not paragraph:
            if node.tag in (W + "txbxContent", MC + "Fallback"):
                break
            node = node.getparent()
        else:
            yield box


def paragraph_text(paragraph: Element) -> str:
    """The text of a paragraph as shown: tracked deletions, field codes, hidden runs left out;
    a line break becomes a space between Latin words and nothing between Chinese."""
    pieces: list[str] = []
    _collect(paragraph, pieces)
    text = "".join(pieces)
    if BREAK in text:
        parts = text.split(BREAK)
        text = parts[0]
        for part in parts[1:]:
            latin = text[-1:].isascii() and text[-1:].isalnum() and part[:1].isascii()
            text += (" " if latin else "") + part
    return text


def _collect(element: Element, pieces: list[str]) -> None:
    for child in element:
        tag = child.tag
        if tag in SKIPPED or not isinstance(tag, str):
            continue
        if tag == W + "t":
            pieces.append(safexml.text(child))
        elif tag in (W + "tab", W + "ptab"):
            pieces.append("\t")
        elif tag in (W + "br", W + "cr"):
            pieces.append(BREAK if child.get(W + "type") in (None, "textWrapping") else "")
        elif tag == W + "noBreakHyphen":
            pieces.append("-")
        elif tag == W + "sym":
            pieces.append(_symbol(child.get(W + "char") or ""))
        elif tag == W + "r" and _hidden(child):
            continue
        elif tag != W + "p":  # a paragraph inside a text box is not this one's text
            _collect(child, pieces)


def _hidden(run: Element) -> bool:
    vanish = run.find(f"{W}rPr/{W}vanish")
    return vanish is not None and val(vanish) not in ("0", "false", "off")


def _symbol(code: str) -> str:
    """A w:sym character, unless it is a private-use glyph of a symbol font."""
    try:
        char = chr(int(code, 16))
    except ValueError:
        return ""
    return "" if "\ue000" <= char <= "\uf8ff" else char
