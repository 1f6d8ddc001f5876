"""Plain text: the skeleton as an indented outline, one heading a line, line numbers first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from outline.model import Document, Node
from outline.parser.markers import ROWS
from outline.parser.numerals import ARABIC_DIGITS
from outline.render.controls import visible

if TYPE_CHECKING:
    from outline.render import Options

INDENT = "  "
EXCERPT = 60
"""Characters of a heading's own text shown under it (`show --body`, `export -f txt --body`)."""
SPACED_KINDS = frozenset(kind.kind for kind in ROWS if kind.unit)
DOTS = ".．"
"""Markers that stand apart from their title (第一章 总则, 附件1 XX办法), unlike 一、 or （一）;
so does any marker whose title begins with a digit (1. 2024年), lest the two read as one number.
A heading marked by style alone has no marker to stand apart from."""


def heading_text(node: Node) -> str:
    """Marker and title as one reads them: 一、总体要求, 第一章 总则, 1.1 编制目的 — a space
    after a marker that ends in a word or a digit, and between a dot and a number that would
    otherwise read as one (1. 2024年目标)."""
    last = node.marker[-1:]
    spaced = (
        node.kind in SPACED_KINDS
        or last in ARABIC_DIGITS
        or (last in DOTS and node.title[:1] in ARABIC_DIGITS)
    )
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
