"""Plain text: the skeleton as an indented outline, one heading a line, line numbers first."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from outline.model import Document, Node
from outline.parser.numerals import ARABIC_DIGITS

if TYPE_CHECKING:
    from outline.render import Options

INDENT = "  "
EXCERPT = 60
"""Characters of a heading's own text shown under it (`show --body`, `export -f txt --body`)."""
SPACED_KINDS = frozenset({"part", "division", "chapter", "section", "article"})
"""Markers that stand apart from their title (第一章 总则), unlike 一、 or （一）; so does any
marker whose title begins with a digit (1. 2024年), lest the two read as one number. A heading
marked by style alone has no marker to stand apart from."""


CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""Characters a terminal acts on rather than shows: C0 and C1 controls (an escape sequence can
clear the screen or write to the clipboard), DEL, and the bidirectional overrides and isolates
that reorder what is shown."""


NAMED_ESCAPES = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}
"""Control characters with an escape of their own, as Python writes them."""


def visible(text: str, keep: str = "") -> str:
    r"""A text with its control characters (but those in `keep`) written as escapes, so that a
    terminal shows them instead of acting on them.

    >>> visible("一、\x1b]52;c;aGk=\x07目标\u202e"), visible("a\tb\n", keep="\n")
    ('一、\\x1b]52;c;aGk=\\x07目标\\u202e', 'a\\tb\n')
    """
    if CONTROLS.search(text) is None:
        return text
    return CONTROLS.sub(lambda m: _escape(m.group(), keep), text)


def _escape(char: str, keep: str) -> str:
    if char in keep:
        return char
    if char in NAMED_ESCAPES:
        return NAMED_ESCAPES[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def heading_text(node: Node) -> str:
    """Marker and title as one reads them: 一、总体要求, 第一章 总则."""
    spaced = node.kind in SPACED_KINDS or node.title[:1] in ARABIC_DIGITS
    gap = " " if spaced and node.marker and node.title else ""
    return f"{node.marker}{gap}{node.title}"


def render(doc: Document, depth: int | None = None, body: int = 0) -> str:
    """The title, then each heading indented by level after its line number; control
    characters in the text are written as escapes (`visible`)."""
    visits = [v for v in doc.walk() if depth is None or v.level <= depth]
    width = len(str(max((v.node.line for v in visits), default=1)))
    lines = [visible(doc.title)] if doc.title else []
    for visit in visits:
        indent = INDENT * (visit.level - 1)
        lines.append(f"{visit.node.line:>{width}}  {indent}{visible(heading_text(visit.node))}")
        text = excerpt(doc.body(visit.node), body) if body else ""
        if text:
            lines.append(f"{'':>{width}}  {indent}{INDENT}{visible(text)}")
    return "".join(line + "\n" for line in lines)


def excerpt(text: str, width: int) -> str:
    """The start of a text on one line, at most `width` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def export(doc: Document, options: Options) -> str:
    """The plain-text export: `render`, with the start of each body under --body."""
    return render(doc, depth=options.depth, body=EXCERPT if options.body else 0)
