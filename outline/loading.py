"""`load`: a file's bytes read by the reader of its format and parsed — the one path from bytes
to a Document, for the command line and for library users (`outline.dask` among them).

>>> loaded = load("一、总体要求\\n（一）指导思想\\n".encode("gbk"), "plan.txt")
>>> loaded.format, loaded.encoding, [v.node.title for v in loaded.doc.walk()]
('text', 'gb18030', ['总体要求', '指导思想'])
"""

from __future__ import annotations

from dataclasses import dataclass

from outline.model import Document
from outline.sources.model import ReadOptions


@dataclass(frozen=True, slots=True)
class Loaded:
    """A document read from a file and parsed, with what its reader knows about it."""

    source: str
    """The name it was read under: a path as given, "-" for standard input, or ""."""
    doc: Document
    """The parsed document."""
    format: str = "text"
    """The reader that read it: "text", "docx", "html", "pdf" …"""
    encoding: str | None = None
    """The encoding its bytes were decoded with (and how many bytes were replaced); None where
    the format fixes it (.docx, PDF)."""
    line_unit: str = "line"
    """What a line number counts: "line", "paragraph" (.docx, PDF, --unwrap) or "block" (web
    pages)."""
    pages: tuple[int, ...] = ()
    """The line on which each page begins (PDF, text with page breaks)."""
    data: bytes = b""
    """The bytes read, for a command that writes the document back (check --write)."""
    lines: tuple[int, ...] = ()
    """For each line of the document's text, the line of the file it begins on, when they
    differ (`SourceText.lines`)."""


def load(data: bytes, name: str = "", options: ReadOptions | None = None) -> Loaded:
    """A file's bytes as a parsed document. `name` (a path) tells the format when the first
    bytes do not. Raises `outline.sources.SourceError`, with one line for the user, for bytes
    that are not a document any reader can read."""
    from outline.parser import parse
    from outline.sources import read

    got = read(data, name, options)
    doc = parse(got.text, {s.line: s.level for s in got.styled}, dict(got.labels), got.asides)
    return Loaded(name, doc, got.format, got.encoding, got.line_unit, got.pages, data, got.lines)
