"""The paragraphs of a Word document in reading order, and the text of each as Word shows it.

Tables are read row by row, content controls and custom XML as their contents. A text box is
read after the paragraph that anchors it, one paragraph a line: converters from PDF put whole
pages in text boxes and frames. Word 2010 writes each text box twice (mc:Choice and the VML of
mc:Fallback); only the first is read.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

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
    return resolved("".join(piece for piece, _ in pieces(paragraph)))[0]


def pieces(paragraph: Element) -> list[tuple[str, Element]]:
    """The pieces of a paragraph's text in order, each with the element it is read from (a w:t,
    w:tab, w:br, w:sym …); a line break is `BREAK` until `resolved`. For the tools that write
    into the file: a character of the text is found in the element it was read from."""
    found: list[tuple[str, Element]] = []
    _collect(paragraph, found)
    return found


def resolved(raw: str) -> tuple[str, Sequence[int]]:
    """A paragraph's joined pieces with each line break resolved, and for each character of the
    result the position in `raw` it stands for."""
    if BREAK not in raw:
        return raw, range(len(raw))
    parts = raw.split(BREAK)
    text = parts[0]
    where = list(range(len(text)))
    position = len(text)  # where the break before `part` stands in `raw`
    for part in parts[1:]:
        if text[-1:].isascii() and text[-1:].isalnum() and part[:1].isascii():
            text += " "
            where.append(position)
        text += part
        where.extend(range(position + 1, position + 1 + len(part)))
        position += 1 + len(part)
    return text, where


def _collect(element: Element, found: list[tuple[str, Element]]) -> None:
    for child in element:
        tag = child.tag
        if tag in SKIPPED or not isinstance(tag, str):
            continue
        if tag == W + "t":
            found.append((safexml.text(child), child))
        elif tag in (W + "tab", W + "ptab"):
            found.append(("\t", child))
        elif tag in (W + "br", W + "cr"):
            found.append((BREAK if child.get(W + "type") in (None, "textWrapping") else "", child))
        elif tag == W + "noBreakHyphen":
            found.append(("-", child))
        elif tag == W + "sym":
            found.append((_symbol(child.get(W + "char") or ""), child))
        elif tag == W + "r" and _hidden(child):
            continue
        elif tag != W + "p":  # a paragraph inside a text box is not this one's text
            _collect(child, found)


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
