"""One XML part of a package as text, its elements found in it, and edits spliced into it.

The part is decoded as its bytes say (a byte order mark, else the XML declaration), edited as
text, and encoded back the same way, so that every character outside an edit keeps its bytes.
Its elements are those of the tree the reader parsed, matched to their spans in the text by
document order; a tree and a text that do not match element for element are not edited.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from outline.docxedit.spans import MarkupError, Span, scan

Element = Any
"""An lxml element of the tree the reader parsed (lxml ships no type information)."""

BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
DECLARED = re.compile(rb"""^<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


class PartError(Exception):
    """A part that cannot be edited; the message is one line for the user."""


@dataclass(frozen=True, slots=True)
class Splice:
    """One edit of a part's text: the characters from `start` to `end` replaced."""

    start: int
    """Offset of the first character replaced."""
    end: int
    """Offset just past the last one (`start` for an insertion)."""
    text: str
    """What stands there instead."""


class Part:
    """An XML part as text, with the span of each element of its parsed tree."""

    def __init__(self, data: bytes, root: Element, name: str) -> None:
        self.name = name
        self.codec = _codec(data)
        try:
            self.text = data.decode(self.codec)
        except (UnicodeDecodeError, LookupError):
            raise PartError(f"its part {name} cannot be decoded as {self.codec}") from None
        if self.text.encode(self.codec) != data:
            raise PartError(f"its part {name} would not be written back byte for byte")
        try:
            self.spans = scan(self.text)
        except MarkupError as e:
            raise PartError(f"its part {name} is not well-formed XML ({e})") from None
        elements = [e for e in root.iter() if isinstance(e.tag, str)]
        if len(elements) != len(self.spans) or any(
            _local(e.tag) != s.local for e, s in zip(elements, self.spans, strict=True)
        ):
            raise PartError(f"its part {name} does not read the same twice")
        self.index: dict[Element, int] = {e: i for i, e in enumerate(elements)}

    def span(self, element: Element) -> Span:
        """Where an element of the tree stands in the text."""
        return self.spans[self.index[element]]

    def source(self, element: Element) -> str:
        """An element exactly as written."""
        span = self.span(element)
        return self.text[span.start : span.end]

    def spliced(self, splices: Iterable[Splice]) -> bytes:
        """The part's bytes with the edits made; they may not overlap."""
        pieces: list[str] = []
        position = 0
        for splice in sorted(splices, key=lambda s: (s.start, s.end)):
            if splice.start < position:
                raise ValueError(f"edits of {self.name} overlap at offset {splice.start}")
            pieces += [self.text[position : splice.start], splice.text]
            position = splice.end
        pieces.append(self.text[position:])
        return "".join(pieces).encode(self.codec)


def _codec(data: bytes) -> str:
    """The encoding of an XML part: its byte order mark, else its declaration, else UTF-8.
    A byte order mark is kept as a character of the text, so that it is written back."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            return codec
    declared = DECLARED.match(data)
    return declared.group(1).decode("ascii").lower() if declared else "utf-8"


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]
