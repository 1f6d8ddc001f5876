"""Renderers: each takes a Document and returns text, or bytes for a binary format (docx).
`FORMATS` maps an export format's name to its renderer; the CLI's choices come from its keys."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from outline.model import Document
from outline.render import csv, json, markdown, plain


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
    body: bool = False
    """Each heading's own text too (see `WITH_BODY`): whole in docx, html and opml, its start
    on one line in txt."""


# These renderers are imported on first use, so that `outline show` does not pay for XML,
# HTML and Word at start-up.


def _opml(doc: Document, o: Options) -> str:
    from outline.render import opml

    return opml.render(doc, title=_stem(o.source), depth=o.depth, body=o.body)


def _html(doc: Document, o: Options) -> str:
    from outline.render import html

    return html.render(doc, title=_stem(o.source), source=o.source, depth=o.depth, body=o.body)


def _docx(doc: Document, o: Options) -> bytes:
    from outline.render import docx

    return docx.render(doc, title=_stem(o.source), depth=o.depth, body=o.body)


Renderer = Callable[[Document, Options], str | bytes]

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
        "txt": lambda doc, o: plain.render(doc, depth=o.depth, body=plain.EXCERPT if o.body else 0),
        "jsonl": lambda doc, o: json.render_line(
            doc,
            source=o.source,
            encoding=o.encoding,
            depth=o.depth,
            reader=json.Reader(o.format, o.line_unit, o.pages),
        ),
        "csv": lambda doc, o: csv.render(doc, source=o.source, depth=o.depth),
        "opml": _opml,
        "html": _html,
        "docx": _docx,
    }
)
"""Export formats by name."""


def _stem(source: str) -> str:
    """A name for a document without a title: its file name without extension."""
    return "" if source == "-" else os.path.splitext(os.path.basename(source))[0]


EXTENSIONS: Mapping[str, str] = MappingProxyType(
    {
        "md": ".md",
        "json": ".json",
        "txt": ".txt",
        "jsonl": ".jsonl",
        "csv": ".csv",
        "opml": ".opml",
        "html": ".html",
        "docx": ".docx",
    }
)
"""The file name extension of each export format."""

HEADS: Mapping[str, str] = MappingProxyType({"jsonl": "", "csv": csv.HEAD})
"""Formats whose outputs for many documents concatenate into one file, with the text such a file
opens with; each document's own output starts with it too."""

WITH_BODY = frozenset({"docx", "html", "opml", "txt"})
"""Formats that can hold each heading's own text (`Options.body`)."""
