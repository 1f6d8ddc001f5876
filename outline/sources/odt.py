"""OpenDocument text (.odt, .ott, flat .fodt): one line a paragraph, list numbering restored.

The package is a zip holding content.xml (the text) and styles.xml (the shared styles); a
flat .fodt holds both in one XML file. Paragraphs (text:p) and headings (text:h) are read in
order, inside lists (text:list, text:numbered-paragraph), sections, tables row by row, and
text boxes after the paragraph that anchors them. The labels that list styles and the outline
style generate are rebuilt (`odt_lists`) and put before the text; a heading's outline level is
kept as evidence of its level. Tracked deletions, notes and comments are not the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from outline.sources import odt_lists, safexml
from outline.sources.caps import CAPS
from outline.sources.model import SourceError, SourceText, Styled
from outline.sources.odt_lists import STYLE, TEXT, Counts, ListStyle
from outline.sources.package import Package

OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
SKIPPED = frozenset(
    [
        TEXT + "tracked-changes",
        TEXT + "note",
        OFFICE + "annotation",
        TEXT + "number",
        TEXT + "ruby-text",
        TEXT + "soft-page-break",
        TEXT + "sequence-decls",
        TEXT + "variable-decls",
        TEXT + "user-field-decls",
        DRAW + "frame",
        DRAW + "a",
    ]
)
"""Not the text: deletions, notes and comments, cached labels, frames (read on their own)."""
FRAMES = frozenset({DRAW + "frame", DRAW + "a"})
SPACES = re.compile(r"[ \t\r\n]+")
BREAK = "\n"


@dataclass(slots=True)
class _Reader:
    """The lines being read, and the state of the lists."""

    styles: dict[str, ListStyle]
    paragraph_lists: dict[str, str]
    """The list style of each paragraph style, through the styles it inherits from."""
    lines: list[str] = field(default_factory=list)
    styled: list[Styled] = field(default_factory=list)
    numbered: int = 0
    labels: list[tuple[int, int]] = field(default_factory=list)
    lists: dict[str, Counts] = field(default_factory=dict)
    """Counters by list: a list's xml:id, a numbered paragraph's list id, or "" (outline)."""
    last: Counts | None = None


def read(data: bytes) -> SourceText:
    """An OpenDocument text as lines of text, one a paragraph, list labels restored."""
    content, styles = _parts(data)
    body = content.find(f"{OFFICE}body/{OFFICE}text")
    if body is None:
        raise SourceError("is an OpenDocument file without a text body (not a text document?)")
    roots = [r for r in (styles, content) if r is not None]
    reader = _Reader(odt_lists.list_styles(*roots), _paragraph_lists(roots))
    _block(reader, body, None)
    if not any(line.strip() for line in reader.lines):
        raise SourceError("is an OpenDocument text with no text")
    return SourceText(
        text="\n".join(reader.lines),
        format="odt",
        encoding=None,
        line_unit="paragraph",
        styled=tuple(reader.styled),
        numbered=reader.numbered,
        labels=tuple(reader.labels),
    )


def _parts(data: bytes) -> tuple[safexml.Element, safexml.Element | None]:
    """content.xml and styles.xml, or a flat document twice."""
    if not data.startswith(b"PK"):
        root = safexml.parse(data, "is a damaged flat OpenDocument file (not XML)")
        return root, root
    package = Package(data, "OpenDocument file")
    content = package.find("content.xml")
    if content is None:
        raise SourceError("is an OpenDocument file without its content (content.xml)")
    styles = package.find("styles.xml")
    try:
        shared = package.xml(styles) if styles else None
    except SourceError as e:
        if "inflate beyond" in str(e):
            raise
        shared = None
    return package.xml(content), shared


def _paragraph_lists(roots: list[safexml.Element]) -> dict[str, str]:
    parents: dict[str, str] = {}
    own: dict[str, str] = {}
    for root in roots:
        for node in root.iter(STYLE + "style"):
            name = node.get(STYLE + "name") or ""
            parents[name] = node.get(STYLE + "parent-style-name") or ""
            if node.get(STYLE + "list-style-name"):
                own[name] = node.get(STYLE + "list-style-name") or ""
    found = {}
    for name in parents:
        step, seen = name, set()
        while step and step not in own and step not in seen:
            seen.add(step)
            step = parents.get(step, "")
        if step in own:
            found[name] = own[step]
    return found


@dataclass(frozen=True, slots=True)
class _Item:
    """Where a paragraph stands in a list."""

    counts: Counts
    style: str
    level: int
    start: int | None = None
    numbered: bool = True


def _block(reader: _Reader, container: safexml.Element, item: _Item | None) -> None:
    """The paragraphs of a container, in order."""
    for child in container:
        tag = child.tag
        if tag in (TEXT + "p", TEXT + "h"):
            _paragraph(reader, child, item)
            item = None if item is None else _Item(item.counts, item.style, item.level, None, False)
        elif tag == TEXT + "list":
            _list(reader, child, item)
        elif tag == TEXT + "numbered-paragraph":
            _numbered(reader, child)
        elif (tag in SKIPPED and tag not in FRAMES) or not isinstance(tag, str):
            continue
        else:  # sections, tables, rows, cells, indexes, frames anchored to the page
            _block(reader, child, None)


def _list(reader: _Reader, node: safexml.Element, outer: _Item | None) -> None:
    style = node.get(TEXT + "style-name") or (outer.style if outer else "")
    if outer is not None:
        counts, level = outer.counts, outer.level + 1
    else:
        counts, level = _counts(reader, node), 1
    for child in node:
        numbered = child.tag == TEXT + "list-item"
        if child.tag not in (TEXT + "list-item", TEXT + "list-header"):
            continue
        start = _int(child.get(TEXT + "start-value"))
        _block(reader, child, _Item(counts, style, level, start, numbered))


def _counts(reader: _Reader, node: safexml.Element) -> Counts:
    """The counters a top-level list numbers with: its own, or those of the list it
    continues."""
    continued = node.get(TEXT + "continue-list")
    if continued and continued in reader.lists:
        counts = reader.lists[continued]
    elif node.get(TEXT + "continue-numbering") == "true" and reader.last is not None:
        counts = reader.last
    else:
        counts = Counts()
    if node.get(XML_ID):
        reader.lists[node.get(XML_ID) or ""] = counts
    reader.last = counts
    return counts


def _numbered(reader: _Reader, node: safexml.Element) -> None:
    key = node.get(TEXT + "list-id") or ""
    counts = reader.lists.setdefault("numbered:" + key, Counts())
    level = min(max(_int(node.get(TEXT + "level")) or 1, 1), odt_lists.LEVELS)
    style = node.get(TEXT + "style-name") or ""
    item = _Item(counts, style, level, _int(node.get(TEXT + "start-value")))
    _block(reader, node, item)


def _paragraph(reader: _Reader, node: safexml.Element, item: _Item | None) -> None:
    label = _label(reader, node, item)
    text = _text(node)
    if label:
        reader.numbered += 1
    if len(reader.lines) >= CAPS.paragraphs:
        raise SourceError(f"is an OpenDocument text of more than {CAPS.paragraphs} paragraphs")
    reader.lines.append(label + text)
    if label:
        reader.labels.append((len(reader.lines), len(label)))
    if node.tag == TEXT + "h" and text.strip():
        level = _int(node.get(TEXT + "outline-level")) or 1
        if 1 <= level <= 9:
            reader.styled.append(Styled(line=len(reader.lines), level=level, style="outline level"))
    for box in node.iter(DRAW + "text-box"):
        outer = box.getparent()
        while outer is not None and outer is not node and outer.tag != DRAW + "text-box":
            outer = outer.getparent()
        if outer is node:  # not inside another box, whose paragraphs read it
            _block(reader, box, None)


def _label(reader: _Reader, node: safexml.Element, item: _Item | None) -> str:
    if item is not None:
        if not item.numbered:
            return ""
        name = item.style or reader.paragraph_lists.get(node.get(TEXT + "style-name") or "", "")
        style = reader.styles.get(name, {})
        item.counts.step(style, item.level, item.start)
        return odt_lists.label(style, item.counts, item.level)
    if node.tag != TEXT + "h" or node.get(TEXT + "is-list-header") == "true":
        return ""
    outline = reader.styles.get("", {})
    level = min(max(_int(node.get(TEXT + "outline-level")) or 1, 1), odt_lists.LEVELS)
    counts = reader.lists.setdefault("", Counts())
    restart = node.get(TEXT + "restart-numbering") == "true"
    counts.step(outline, level, _int(node.get(TEXT + "start-value")) if restart else None)
    return odt_lists.label(outline, counts, level)


def _text(paragraph: safexml.Element) -> str:
    """A paragraph's text: white space collapsed as OpenDocument says, spaces and tabs as
    written, a line break a space between Latin words and nothing between Chinese."""
    pieces: list[str] = []
    _collect(paragraph, pieces)
    text = "".join(pieces).lstrip(" ")
    if BREAK in text:
        parts = text.split(BREAK)
        text = parts[0]
        for part in parts[1:]:
            latin = text[-1:].isascii() and text[-1:].isalnum() and part[:1].isascii()
            text += (" " if latin else "") + part
    return text


def _collect(element: safexml.Element, pieces: list[str]) -> None:
    pieces.append(SPACES.sub(" ", safexml.text(element)))
    for child in element:
        tag = child.tag
        if isinstance(tag, str) and tag not in SKIPPED:
            if tag == TEXT + "s":
                pieces.append(" " * min(_int(child.get(TEXT + "c")) or 1, 1000))
            elif tag == TEXT + "tab":
                pieces.append("\t")
            elif tag == TEXT + "line-break":
                pieces.append(BREAK)
            else:
                _collect(child, pieces)
        if isinstance(tag, str):
            pieces.append(SPACES.sub(" ", child.tail or ""))


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None
