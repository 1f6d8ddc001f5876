"""JSON and JSON Lines: the skeleton as data for other tools. The shape is stable:

{"source": PATH, "title": str|null, "nodes": [NODE, ...], ...} where every NODE has "marker",
"number", "title", "line", "level", "children" and more (see `node_dict`).
"""

from __future__ import annotations

import json
from typing import Any

from outline.model import Document, Node


def document_dict(
    doc: Document, source: str = "-", encoding: str | None = None, depth: int | None = None
) -> dict[str, Any]:
    """The document as plain JSON types."""
    return {
        "source": source,
        "encoding": encoding,
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
        "span": {
            "start": node.start,
            "marker": node.marker_start,
            "body_start": node.body_start,
            "end": node.end,
        },
        "children": [node_dict(child, level + 1, depth) for child in below],
    }


def render(
    doc: Document, source: str = "-", encoding: str | None = None, depth: int | None = None
) -> str:
    """The document as indented JSON, UTF-8 characters unescaped."""
    return (
        json.dumps(document_dict(doc, source, encoding, depth), ensure_ascii=False, indent=2) + "\n"
    )


def render_line(
    doc: Document, source: str = "-", encoding: str | None = None, depth: int | None = None
) -> str:
    """The document as one line of JSON Lines: the shape of `render`, without the indentation."""
    return json.dumps(document_dict(doc, source, encoding, depth), ensure_ascii=False) + "\n"
