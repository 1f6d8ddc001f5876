"""Where each element of an XML part stands in its text, so that an edit can replace a few
elements and leave every other character as it was.

A parser gives a tree and forgets the bytes; serializing the tree again would rewrite every
namespace declaration, quote and empty element of the part. `scan` instead walks the text once,
tag by tag, and returns one `Span` per element in document order — the order in which lxml's
`iter()` yields them — so that the Nth element of the tree is the Nth span.

>>> spans = scan('<w:p a="1"><w:r><w:t>一、</w:t></w:r><w:pPr/></w:p>')
>>> [(s.name, s.start, s.end, s.empty) for s in spans]
[('w:p', 0, 49, False), ('w:r', 11, 35, False), ('w:t', 16, 29, False), ('w:pPr', 35, 43, True)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TOKEN = re.compile(
    r"""<(?:
      !--.*?-->                                    # a comment
    | !\[CDATA\[.*?\]\]>                           # character data
    | \?.*?\?>                                     # a processing instruction
    | /(?P<close>[^\s>]+)\s*>                      # an end tag
    | (?P<open>[^\s/>!?]+)                         # a start tag: its name,
      (?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*  # its attributes,
      \s*(?P<empty>/?)>                            # and whether it is empty
    )""",
    re.DOTALL | re.VERBOSE,
)
"""One piece of markup at a `<`; text between tags holds no `<`."""


class MarkupError(ValueError):
    """Text that is not well-formed XML, or holds a document type declaration."""


@dataclass(frozen=True, slots=True)
class Span:
    """Where one element stands in the text of its part."""

    name: str
    """Its name as written, prefix included: "w:p"."""
    start: int
    """Offset of the `<` of its start tag."""
    open_end: int
    """Offset just past its start tag (the whole element, when it is empty)."""
    close_start: int
    """Offset of its end tag; `open_end` for an empty element."""
    end: int
    """Offset just past the element."""
    empty: bool
    """Written as one tag: <w:pPr/>."""

    @property
    def prefix(self) -> str:
        """The namespace prefix of its name ("" for none)."""
        return self.name.rpartition(":")[0]

    @property
    def local(self) -> str:
        """Its name without the prefix."""
        return self.name.rpartition(":")[2]


def scan(text: str) -> list[Span]:
    """The spans of the elements of an XML text, in document order. Raises MarkupError for text
    that is not well-formed (a tag not closed, or closed by another name) or that declares a
    document type, whose entities would make the text differ from what it stands for."""
    spans: list[Span | None] = []
    open_: list[tuple[int, str, int, int]] = []  # index in spans, name, start, open_end
    position = text.find("<")
    while position != -1:
        found = TOKEN.match(text, position)
        if found is None:
            raise MarkupError(f"no markup that can be read at offset {position}")
        if found["open"]:
            if found["empty"]:
                spans.append(
                    Span(found["open"], position, found.end(), found.end(), found.end(), True)
                )
            else:
                open_.append((len(spans), found["open"], position, found.end()))
                spans.append(None)
        elif found["close"]:
            if not open_ or open_[-1][1] != found["close"]:
                raise MarkupError(f"</{found['close']}> closes no element at offset {position}")
            index, name, start, open_end = open_.pop()
            spans[index] = Span(name, start, open_end, position, found.end(), False)
        position = text.find("<", found.end())
    if open_:
        raise MarkupError(f"<{open_[-1][1]}> is never closed")
    return [s for s in spans if s is not None]
