"""Renderers: each takes a Document and returns text, or bytes for a binary format (docx).
`FORMATS` maps an export format's name to its renderer; the CLI's choices come from its keys."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from outline.model import Document


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


# Every renderer is imported on first use, so that `outline show` pays only for the plain one.


def _md(doc: Document, o: Options) -> str:
    from outline.render import markdown

    return markdown.render(doc, depth=o.depth, style=o.md_style, title=_stem(o.source))


def _json(doc: Document, o: Options) -> str:
    from outline.render import json

    reader = json.Reader(o.format, o.line_unit, o.pages)
    return json.render(doc, source=o.source, encoding=o.encoding, depth=o.depth, reader=reader)


def _jsonl(doc: Document, o: Options) -> str:
    from outline.render import json

    reader = json.Reader(o.format, o.line_unit, o.pages)
    return json.render_line(doc, source=o.source, encoding=o.encoding, depth=o.depth, reader=reader)


def _txt(doc: Document, o: Options) -> str:
    from outline.render import plain

    return plain.render(doc, depth=o.depth, body=plain.EXCERPT if o.body else 0)


def _csv(doc: Document, o: Options) -> str:
    from outline.render import csv

    return csv.render(doc, source=o.source, depth=o.depth)


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
        "md": _md,
        "json": _json,
        "txt": _txt,
        "jsonl": _jsonl,
        "csv": _csv,
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


class _Heads(Mapping[str, str]):
    """The heads of the formats that gather documents, the CSV one read on first use."""

    def __getitem__(self, format: str) -> str:
        if format == "jsonl":
            return ""
        if format == "csv":
            from outline.render import csv

            return csv.HEAD
        raise KeyError(format)

    def __iter__(self) -> Iterator[str]:
        return iter(("jsonl", "csv"))

    def __len__(self) -> int:
        return 2


HEADS: Mapping[str, str] = _Heads()
"""Formats whose outputs for many documents concatenate into one file, with the text such a file
opens with; each document's own output starts with it too."""

WITH_BODY = frozenset({"docx", "html", "opml", "txt"})
"""Formats that can hold each heading's own text (`Options.body`)."""
