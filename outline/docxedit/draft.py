"""A user's .docx opened for editing: the text as the reader reads it, the paragraph of each
line, the skeleton parsed from it, and the main document part as text to splice into.

Everything that finds headings and markers works on the reader's text; everything that writes
finds its way back through the reader's own `origins` (the w:p of each line) and `pieces` (the
element each character of a paragraph is read from), so that what is written is exactly what
was read.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from outline.docxedit.package import PackageError, member, replaced
from outline.docxedit.part import Part, PartError, Splice
from outline.parser import parse
from outline.sources.docx import read_paragraphs

if TYPE_CHECKING:
    from outline.model import Document
    from outline.sources.docx import Reading


class EditError(Exception):
    """A .docx that cannot be edited; the message is one line for the user."""


@dataclass(frozen=True, slots=True)
class Draft:
    """A .docx read, parsed and ready to be edited."""

    data: bytes
    """The package's bytes as given."""
    reading: Reading
    """The reader's text, with the paragraph of each line."""
    doc: Document
    """The skeleton parsed from that text, as every command parses it."""
    part: Part
    """The main document part as text."""
    member: str
    """That part's name in the zip archive, as stored."""

    @property
    def text(self) -> str:
        """The text the reader made of the document."""
        return self.reading.text.text

    def saved(self, splices: Iterable[Splice]) -> bytes:
        """The package with the edits made in the main document part, every other part copied
        as it was; the bytes given when there are no edits."""
        splices = list(splices)
        if not splices:
            return self.data
        try:
            return replaced(self.data, {self.member: self.part.spliced(splices)})
        except PackageError as e:
            raise EditError(str(e)) from None


def open_draft(data: bytes) -> Draft:
    """A .docx opened for editing. Raises `outline.sources.SourceError` for bytes that are no
    readable .docx, EditError for one whose main part cannot be edited in place."""
    reading = read_paragraphs(data)
    try:
        name, xml = member(data, reading.part)
        part = Part(xml, reading.root, name)
    except (PackageError, PartError) as e:
        raise EditError(str(e)) from None
    got = reading.text
    doc = parse(got.text, {s.line: s.level for s in got.styled}, dict(got.labels), got.asides)
    return Draft(data, reading, doc, part, name)


def line_starts(text: str) -> list[int]:
    """The offset at which each line of a reader's text begins (lines end at \\n)."""
    starts = [0]
    position = text.find("\n")
    while position != -1:
        starts.append(position + 1)
        position = text.find("\n", position + 1)
    return starts
