"""CSV: one row per heading, for spreadsheets and data frames; many documents make one table.

Columns (`COLUMNS`): source, path (the markers from the top down to this heading, joined by
/), level, kind, marker, number, title, line, length (characters of the heading's own text)
and section_length (with the headings under it). Each document opens with a row of level 0
and kind "document" that holds its title, title line and length, so that a document without
headings still has a row.

The text is UTF-8 with a byte order mark, by which Excel knows the encoding (on Chinese Windows
it would otherwise read GBK). Rows end in CRLF, as RFC 4180 writes them. Excel reads a marker
such as `1.` or `(1)` as a number; import the column as text to keep it as written.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from outline.model import Document, Node

COLUMNS = (
    "source",
    "path",
    "level",
    "kind",
    "marker",
    "number",
    "title",
    "line",
    "length",
    "section_length",
)
BOM = "\ufeff"
PATH_SEPARATOR = "/"
DOCUMENT_KIND = "document"
"""The kind of the row that stands for the document itself (level 0)."""

Row = tuple[str | int, ...]


def _text(rows: Iterator[Row] | list[Row]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


HEAD = BOM + _text([COLUMNS])
"""What a CSV file of any number of documents begins with: the byte order mark and the header."""


def render(doc: Document, source: str = "-", depth: int | None = None) -> str:
    """One document as a CSV file: `HEAD`, then its rows."""
    return HEAD + _text(rows(doc, source, depth))


def rows(doc: Document, source: str = "-", depth: int | None = None) -> Iterator[Row]:
    """The document's row, then one row per heading in document order."""
    size = len(doc.text)
    yield (source, "", 0, DOCUMENT_KIND, "", "", doc.title or "", doc.title_line or "", size, size)
    for visit in doc.walk():
        if depth is not None and visit.level > depth:
            continue
        node = visit.node
        path = PATH_SEPARATOR.join(n.marker for n in (*visit.ancestors, node))
        yield (
            source,
            path,
            visit.level,
            node.kind,
            node.marker,
            node.number,
            node.title,
            node.line,
            node.end - node.start,
            section_end(node) - node.start,
        )


def section_end(node: Node) -> int:
    """Where the text of a heading and everything under it ends."""
    while node.children:
        node = node.children[-1]
    return node.end
