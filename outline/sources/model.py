"""What every reader returns: the text the parser takes, and what the reader knows about it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How a file is read, besides its bytes and name: what a user may ask of every reader."""

    encoding: str | None = None
    """Decode text and web pages in this encoding instead of detecting it."""
    html_selector: str | None = None
    """Web pages: read only the element this CSS selector picks, instead of the main content."""
    unwrap: bool = False
    """Text: re-join hard-wrapped lines into paragraphs (text from a PDF always is)."""


class SourceError(Exception):
    """A file that cannot be read as a document; the message is one line for the user."""


@dataclass(frozen=True, slots=True)
class Styled:
    """A paragraph that its file marks as a heading by style or outline level, not by text."""

    line: int
    """1-based line of the paragraph in the reader's text."""
    level: int
    """Outline level, 1 for the top ("Heading 1", 标题 1, w:outlineLvl 0)."""
    style: str
    """Where the level comes from: the style's name, or "outline level"."""


@dataclass(frozen=True, slots=True)
class SourceText:
    """A document as one reader made it: lines of text, ready for `parse`."""

    text: str
    """The text: one line a paragraph for .docx, a block for web pages, a line for text."""
    format: str
    """The reader that made it: "text", "docx", "html" or "pdf"."""
    encoding: str | None
    """The encoding the bytes were decoded with, and how many bytes that it could not read were
    replaced ("utf-8, 3 bytes replaced"); None where the format fixes it (.docx, PDF)."""
    line_unit: str
    """What a line of `text` is: "line" of the file, "paragraph" (of a .docx, or re-joined
    from hard-wrapped lines) or "block" (an element of a web page)."""
    styled: tuple[Styled, ...] = ()
    """Paragraphs that are headings by style or outline level (.docx)."""
    numbered: int = 0
    """How many paragraphs got their number from Word's automatic numbering (.docx)."""
    asides: tuple[int, ...] = ()
    """The 1-based lines that are no part of the text's flow (a PDF's running heads and
    footnotes, set after the paragraph they interrupt): their markers are no headings."""
    labels: tuple[tuple[int, int], ...] = ()
    """The paragraphs whose number a list's numbering made (.docx, OpenDocument): their
    1-based line and the length of the label put before their text, suffix included. The
    label is a marker whatever follows it (3. then 2023年…, where Word puts nothing between)."""
    pages: tuple[int, ...] = ()
    """The 1-based line on which each page begins (PDF, or text with form feeds)."""
    lines: tuple[int, ...] = ()
    """For each line of `text`, the 1-based line of the file it begins on, when they differ
    (text re-joined by --unwrap); empty when each line of `text` is that line of the file."""
