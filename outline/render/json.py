"""JSON and JSON Lines: the skeleton as data for other tools. The shape is stable:

{"source": PATH, "format": "text"|"docx"|"html"|"pdf", "encoding": str|null,
"line_unit": "line"|"paragraph"|"block", "pages": [LINE, ...], "title": str|null,
"nodes": [NODE, ...], ...} where every NODE has "marker", "number", "title", "line", "level",
"children" and more (see `node_dict`). Line numbers count the reader's lines: for a .docx its
paragraphs, for a web page its blocks, for a PDF its re-joined paragraphs.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, NamedTuple

from outline.model import Document, Node

if TYPE_CHECKING:
    from outline.render import Options


class Reader(NamedTuple):
    """How the text was read: what the line numbers refer to."""

    format: str = "text"
    """The reader: "text", "docx", "html" or "pdf"."""
    line_unit: str = "line"
    """What a line number counts: "line", "paragraph" (.docx, PDF) or "block" (web page)."""
    pages: tuple[int, ...] = ()
    """The line on which each page begins (PDF)."""


TEXT = Reader()
"""A text file read line by line."""


def document_dict(
    doc: Document,
    source: str = "-",
    encoding: str | None = None,
    depth: int | None = None,
    reader: Reader = TEXT,
) -> dict[str, Any]:
    """The document as plain JSON types."""
    return {
        "source": source,
        "format": reader.format,
        "encoding": encoding,
        "line_unit": reader.line_unit,
        "pages": list(reader.pages),
        "title": doc.title,
        "title_line": doc.title_line,
        "date": doc.date,
        "salutation": doc.salutation,
        "preamble": {"start": 0, "end": doc.nodes[0].start if doc.nodes else len(doc.text)},
        "length": len(doc.text),
        "nodes": [node_dict(n, 1, depth) for n in doc.nodes],
    }


def node_dict(node: Node, level: int, depth: int | None = None) -> dict[str, Any]:
    """One node and its subtree. Offsets count characters of the decoded text."""
    below = [] if depth is not None and level >= depth else node.children
    return {
        "marker": node.marker,
        "number": node.number,
        "title": node.title,
        "line": node.line,
        "column": node.column,
        "level": level,
        "kind": node.kind,
        "inline": node.inline,
        "restart": node.restart,
        "span": {
            "start": node.start,
            "marker": node.marker_start,
            "body_start": node.body_start,
            "end": node.end,
        },
        "children": [node_dict(child, level + 1, depth) for child in below],
    }


def render(
    doc: Document,
    source: str = "-",
    encoding: str | None = None,
    depth: int | None = None,
    reader: Reader = TEXT,
) -> str:
    """The document as indented JSON, UTF-8 characters unescaped."""
    data = document_dict(doc, source, encoding, depth, reader)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render_line(
    doc: Document,
    source: str = "-",
    encoding: str | None = None,
    depth: int | None = None,
    reader: Reader = TEXT,
) -> str:
    """The document as one line of JSON Lines: the shape of `render`, without the indentation."""
    data = document_dict(doc, source, encoding, depth, reader)
    return json.dumps(data, ensure_ascii=False) + "\n"


def export(doc: Document, options: Options) -> str:
    """The JSON export: `render` as the CLI's options ask."""
    reader = Reader(options.format, options.line_unit, options.pages)
    return render(
        doc, source=options.source, encoding=options.encoding, depth=options.depth, reader=reader
    )


def export_line(doc: Document, options: Options) -> str:
    """The JSON Lines export: `render_line` as the CLI's options ask."""
    reader = Reader(options.format, options.line_unit, options.pages)
    return render_line(
        doc, source=options.source, encoding=options.encoding, depth=options.depth, reader=reader
    )
