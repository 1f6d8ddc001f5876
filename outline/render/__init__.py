"""Renderers: each takes a Document and returns text, or bytes for a binary format (docx).

`FORMATS` holds one record per export format — its name, the module and function that render
it, its file extension, what it can hold — and the CLI's choices, help and file names come from
it. A renderer's module is imported on first use, so that `outline show` pays only for the plain
one. Adding a format is one record here and its module.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib import import_module
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeAlias

if TYPE_CHECKING:
    from outline.loading import Loaded
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
    """The reader that made the text: "text", "docx", "html", "pdf" …"""
    line_unit: str = "line"
    """What the line numbers count: "line", "paragraph" or "block"."""
    pages: tuple[int, ...] = ()
    """The line on which each page begins, for a PDF."""
    body: bool = False
    """Each heading's own text too, in a format that can hold it (`Format.with_body`)."""
    open_depth: int | None = None
    """HTML: sections open down to this level, the deeper ones folded (None: as the page
    chooses — every level of a bare skeleton, the first only with body text)."""
    layout: str | None = None
    """How the document looks, one of its format's `layouts` (None: the first)."""

    @classmethod
    def of(cls, loaded: Loaded, **asked: Any) -> Options:
        """The options for a loaded document: what its reader knows, and what the user asked
        (depth, md_style, body, open_depth, layout)."""
        return cls(
            source=loaded.source,
            encoding=loaded.encoding,
            format=loaded.format,
            line_unit=loaded.line_unit,
            pages=loaded.pages,
            **asked,
        )

    @property
    def stem(self) -> str:
        """A name for a document without a title: its file name without extension."""
        return "" if self.source == "-" else os.path.splitext(os.path.basename(self.source))[0]


Renderer: TypeAlias = "Callable[[Document, Options], str | bytes]"


@dataclass(frozen=True, slots=True)
class Format:
    """One export format."""

    name: str
    """What --format calls it."""
    summary: str
    """What it is, in a few words, for the help."""
    module: str
    """The module whose `export(doc, options)` renders it, imported on first use."""
    extension: str
    """The file name extension of its files."""
    function: str = "export"
    """The name of that module's function: (Document, Options) → str or bytes."""
    binary: bool = False
    """Rendered as bytes (a package such as .docx), not text."""
    with_body: bool = False
    """Can hold each heading's own text (--body)."""
    gathers: bool = False
    """Outputs of many documents concatenate into one file (a line or rows each); such a file
    opens with `head()`, and each document's own output starts with it too."""
    layouts: tuple[str, ...] = ()
    """The looks it can be given (--layout), the default first."""

    def render(self, doc: Document, options: Options) -> str | bytes:
        """The document in this format."""
        renderer: Renderer = getattr(import_module(self.module), self.function)
        return renderer(doc, options)

    def head(self) -> str:
        """What a file gathering many documents opens with (the CSV header); "" for none."""
        head: str = getattr(import_module(self.module), "HEAD", "")
        return head


FORMATS: Mapping[str, Format] = MappingProxyType(
    {
        f.name: f
        for f in (
            Format("md", "Markdown headings and lists", "outline.render.markdown", ".md"),
            Format("json", "one JSON document", "outline.render.json", ".json"),
            Format("txt", "indented text", "outline.render.plain", ".txt", with_body=True),
            Format(
                "jsonl",
                "JSON Lines, one document a line",
                "outline.render.json",
                ".jsonl",
                function="export_line",
                gathers=True,
            ),
            Format("csv", "one row per heading", "outline.render.csv", ".csv", gathers=True),
            Format("opml", "OPML for outliners", "outline.render.opml", ".opml", with_body=True),
            Format("html", "a folding web page", "outline.render.html", ".html", with_body=True),
            Format(
                "docx",
                "a Word document",
                "outline.render.docx",
                ".docx",
                binary=True,
                with_body=True,
                layouts=("plain", "gbt9704"),
            ),
            Format(
                "xmind",
                "an XMind mind map",
                "outline.render.xmind",
                ".xmind",
                binary=True,
                with_body=True,
            ),
            Format("mm", "a FreeMind mind map", "outline.render.freemind", ".mm", with_body=True),
            Format("mermaid", "a Mermaid mindmap", "outline.render.mermaid", ".mmd"),
            Format("svg", "a mind-map picture", "outline.render.svg", ".svg"),
        )
    }
)
"""Export formats by name, in the order the help lists them."""


def names(formats: Mapping[str, Format] = FORMATS) -> str:
    """The formats' names as the help lists them: "md, json, … or docx"."""
    listed = list(formats)
    return ", ".join(listed[:-1]) + " or " + listed[-1] if len(listed) > 1 else "".join(listed)
