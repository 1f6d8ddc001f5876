"""CSV: one row per heading, for spreadsheets and data frames; many documents make one table.

Columns (`COLUMNS`): source, path (the markers from the top down to this heading, joined by
/), level, kind, marker, number, title, line, length (characters of the heading's own text)
and section_length (with the headings under it). Each document opens with a row of level 0
and kind "document" that holds its title, title line and length, so that a document without
headings still has a row.

The text is UTF-8 with a byte order mark, by which Excel knows the encoding (on Chinese Windows
it would otherwise read GBK). Rows end in CRLF, as RFC 4180 writes them. Excel reads a marker
such as `1.` or `(1)` as a number; import the column as text to keep it as written.

A spreadsheet runs a cell that starts with = + - @ as a formula (`=HYPERLINK(…)` sends data
away when clicked), and so may one starting with a tab or a carriage return: such a text cell
is written with a ' before it, as OWASP advises (`cell`); standard input's name, a lone -,
is no formula and stays as it is. The ' shows in a CSV reader that is
not a spreadsheet; a program reading the file back takes it off with `uncell`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from outline.model import Document
from outline.render.json import document_dict

if TYPE_CHECKING:
    from outline.render import Options

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

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What a cell that a spreadsheet would run as a formula starts with."""
GUARD = "'"
"""What stands before such a cell, so that it is read as text."""
STDIN = "-"
"""The source of standard input, a cell no spreadsheet runs, left as it is."""

Cells = tuple[str | int | None, ...]


def cell(value: str | int | None) -> str | int | None:
    """A value as a CSV cell: a text a spreadsheet would run as a formula gets a ' before it.

    >>> cell("=HYPERLINK(1)"), cell("@SUM"), cell("一、总体要求"), cell(-1), cell("-")
    ("'=HYPERLINK(1)", "'@SUM", '一、总体要求', -1, '-')
    >>> cell("'=1")
    "''=1"
    """
    if isinstance(value, str) and value != STDIN and _formula(value.lstrip(GUARD)):
        # A text that already looks guarded ('=…, ''=…) gets one more guard, so that
        # `uncell`, which takes one off, gives it back as it was.
        return GUARD + value
    return value


def _formula(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def uncell(text: str) -> str:
    """What a cell of this CSV holds, its guard against formulas taken off.

    >>> [uncell(str(cell(t))) for t in ("=1", "'=1", "''=1", "'a", "-")]
    ['=1', "'=1", "''=1", "'a", '-']
    """
    guarded = text.startswith(GUARD) and _formula(text.lstrip(GUARD))
    return text[1:] if guarded else text


def _text(rows: Iterator[Cells] | list[Cells]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(tuple(map(cell, row)) for row in rows)
    return out.getvalue()


HEAD = BOM + _text([COLUMNS])
"""What a CSV file of any number of documents begins with: the byte order mark and the header."""


def render(doc: Document, source: str = "-", depth: int | None = None) -> str:
    """One document as a CSV file: `HEAD`, then its rows."""
    return HEAD + _text(rows(doc, source, depth))


def rows(doc: Document, source: str = "-", depth: int | None = None) -> Iterator[Cells]:
    """The document's row, then one row per heading in document order."""
    return record_rows(document_dict(doc, source), depth)


def record_rows(record: Mapping[str, Any], depth: int | None = None) -> Iterator[Cells]:
    """The rows of a document given as plain data, in the shape of the JSON export
    (`outline.render.json.document_dict`, a JSON Lines record): the document's own, then one
    per heading down to `depth`. A value that is not there is None (an empty field)."""
    source, size = record["source"], record["length"]
    title, line = record["title"] or "", record["title_line"]
    yield (source, "", 0, DOCUMENT_KIND, "", None, title, line, size, size)
    yield from _heading_rows(source, record["nodes"], (), depth)


def _heading_rows(
    source: str, nodes: list[dict[str, Any]], above: tuple[str, ...], depth: int | None
) -> Iterator[Cells]:
    for node in nodes:
        if depth is not None and node["level"] > depth:
            continue
        markers = (*above, node["marker"])
        span = node["span"]
        yield (
            source,
            PATH_SEPARATOR.join(markers),
            node["level"],
            node["kind"],
            node["marker"],
            node["number"],
            node["title"],
            node["line"],
            span["end"] - span["start"],
            _section_end(node) - span["start"],
        )
        yield from _heading_rows(source, node["children"], markers, depth)


def _section_end(node: Mapping[str, Any]) -> int:
    """Where the text of a heading and everything under it ends."""
    while node["children"]:
        node = node["children"][-1]
    end: int = node["span"]["end"]
    return end


def export(doc: Document, options: Options) -> str:
    """The CSV export: `render` as the CLI's options ask."""
    return render(doc, source=options.source, depth=options.depth)
