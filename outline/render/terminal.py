"""The skeleton as a tree for the terminal: line numbers in a column of their own at the left,
then the headings on tree guides, coloured by level.

User text reaches rich only as `Text`, never as markup: a speech may contain `[...]`; and only
with its control characters escaped (`visible`): a title may hold an escape sequence.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment
from rich.style import Style
from rich.text import Span, Text
from rich.tree import Tree

from outline.model import Document, Visit
from outline.render.controls import CONTROLS, visible
from outline.render.plain import excerpt, heading_text

LEVEL_STYLES = ("bold red", "bold yellow", "green", "cyan", "magenta", "blue")
GUIDES = ("├── ", "└── ", "│   ", "    ")
"""A branch, the last branch, and what stands below a branch that goes on or has ended."""
DIM = Style(dim=True)
"""Line numbers and tree guides."""
MIN_TEXT_WIDTH = 10
"""Columns a heading keeps however deep it is and however narrow the terminal."""


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the tree, before it is wrapped to the terminal's width."""

    number: str
    """What stands in the first column: a line number, or nothing."""
    guides: str
    """The tree guides before the text."""
    text: Text
    """The heading (or the start of its body)."""
    below: str
    """The guides before the text's wrapped lines."""


@dataclass(frozen=True, slots=True)
class Skeleton:
    """The tree as rich renders it: each row wrapped within its own column, so that the line
    numbers keep theirs."""

    rows: tuple[Row, ...]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max((len(row.number) for row in self.rows), default=0)
        for row in self.rows:
            room = max(options.max_width - width - 2 - cell_len(row.guides), MIN_TEXT_WIDTH)
            lines = console.render_lines(row.text, options.update_width(room), pad=False)
            for i, line in enumerate(lines):
                yield Segment(f"{row.number if i == 0 else '':>{width}}  ", DIM)
                yield Segment(row.guides if i == 0 else row.below, DIM)
                yield from line
                yield Segment.line()


def tree(doc: Document, label: str, depth: int | None = None, body: int = 0) -> Skeleton:
    """The document as rows: its label (its title, or its path), then a heading a row with
    its line number in the first column and, with `body`, the start of its text below it."""
    rows = [Row("", "", Text(visible(label), style="bold"), "")]
    visits = [v for v in doc.walk() if depth is None or v.level <= depth]
    for visit, guides, below in _guided(visits):
        rows.append(Row(str(visit.node.line), guides, _label(visit), below))
        text = excerpt(doc.body(visit.node), body) if body else ""
        if text:
            rows.append(Row("", below, Text(visible(text), style="dim italic"), below))
    return Skeleton(tuple(rows))


def _guided(visits: list[Visit]) -> Iterator[tuple[Visit, str, str]]:
    """Each visit with the guides before its heading and those before a line under it."""
    last = _last_of_siblings(visits)
    going_on: list[bool] = []  # for each level above, whether more siblings follow
    for visit, is_last in zip(visits, last, strict=True):
        del going_on[visit.level - 1 :]
        above = "".join(GUIDES[2] if more else GUIDES[3] for more in going_on)
        yield visit, above + GUIDES[1 if is_last else 0], above + GUIDES[3 if is_last else 2]
        going_on.append(not is_last)


def _last_of_siblings(visits: list[Visit]) -> list[bool]:
    """For each visit, whether no sibling follows it (before its parent's branch ends)."""
    last: list[bool] = []
    later: set[int] = set()  # levels at which a sibling follows
    for visit in reversed(visits):
        last.append(visit.level not in later)
        later = {level for level in later if level < visit.level} | {visit.level}
    return last[::-1]


def _label(visit: Visit) -> Text:
    style = LEVEL_STYLES[(visit.level - 1) % len(LEVEL_STYLES)]
    node = visit.node
    label = Text(visible(node.marker), style=style)
    title = visible(heading_text(node)[len(node.marker) :])
    label.append(title, style=style if visit.level == 1 else "")
    return label


def escaped(text: Text) -> Text:
    """A rich Text with its control characters written as escapes, its styles kept."""
    plain = text.plain
    if CONTROLS.search(plain) is None:
        return text
    cuts = sorted({i for m in CONTROLS.finditer(plain) for i in (m.start(), m.end())})
    pieces = []
    for piece in text.divide(cuts):
        if CONTROLS.fullmatch(piece.plain):
            shown = Text(visible(piece.plain), style=piece.style)
            shown.spans = [Span(0, len(shown), span.style) for span in piece.spans]
            pieces.append(shown)
        else:
            pieces.append(piece)
    return Text("", style=text.style, end=text.end).join(pieces)


def escape_tree(tree: Tree) -> Tree:
    """A rich Tree whose labels are Text, each with its control characters escaped."""
    if isinstance(tree.label, Text):
        tree.label = escaped(tree.label)
    for child in tree.children:
        escape_tree(child)
    return tree
