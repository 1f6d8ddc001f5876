"""Renderers: each takes a Document and returns text. `FORMATS` maps an export format's name to
its renderer; the CLI's choices come from its keys."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from outline.model import Document
from outline.render import json, markdown, plain


@dataclass(frozen=True, slots=True)
class Options:
    """What a renderer may be asked besides the document."""

    source: str = "-"
    """The path the document was read from ("-" for standard input)."""
    encoding: str | None = None
    """The encoding the text was decoded from, when it was read from bytes."""
    depth: int | None = None
    """Show levels down to this one only."""
    md_style: str = "headings"
    """Markdown: "headings" (## … then nested lists) or "list" (one nested list)."""
    format: str = "text"
    """The reader that made the text: "text", "docx", "html" or "pdf"."""
    line_unit: str = "line"
    """What the line numbers count: "line", "paragraph" or "block"."""
    pages: tuple[int, ...] = ()
    """The line on which each page begins, for a PDF."""


Renderer = Callable[[Document, Options], str]

FORMATS: Mapping[str, Renderer] = MappingProxyType(
    {
        "md": lambda doc, o: markdown.render(
            doc, depth=o.depth, style=o.md_style, title=_stem(o.source)
        ),
        "json": lambda doc, o: json.render(
            doc,
            source=o.source,
            encoding=o.encoding,
            depth=o.depth,
            reader=json.Reader(o.format, o.line_unit, o.pages),
        ),
        "txt": lambda doc, o: plain.render(doc, depth=o.depth),
    }
)
"""Export formats by name."""


def _stem(source: str) -> str:
    """A name for a document without a title: its file name without extension."""
    return "" if source == "-" else os.path.splitext(os.path.basename(source))[0]


EXTENSIONS: Mapping[str, str] = MappingProxyType({"md": ".md", "json": ".json", "txt": ".txt"})
"""The file name extension of each export format."""
