"""Plain text: the merged skeleton, one heading a line, like a unified diff of the outline.

    --- OLD
    +++ NEW
    ~ 7 7  二、聚焦重点，落实[-全面从严治党-]{+管党治党+}各项任务
    + · 8    （二）新增一节

Each row: the op's symbol, the line on the old side and on the new (· where there is none),
the heading indented by level, then notes in parentheses, in the view's language. A title
edit is marked inside the title, [-deleted-]{+inserted+}, as `git diff --word-diff` does.
"""

from __future__ import annotations

from outline.diff import Diff, Row
from outline.render.diff.view import SYMBOLS, View, lines, marked_heading, notes, visible
from outline.render.plain import INDENT

EDIT_MARKS = {"-": ("[-", "-]"), "+": ("{+", "+}"), "=": ("", "")}


def heading(row: Row) -> str:
    """The row's heading, a title edit marked inside it."""
    return marked_heading(row, EDIT_MARKS)


def render(diff: Diff, view: View) -> str:
    """The merged skeleton as text, headed by the two paths."""
    shown = visible(diff, view)
    numbers = [lines(s.row) for s in shown]
    old_width = max((len(o) for o, _ in numbers), default=1)
    new_width = max((len(n) for _, n in numbers), default=1)
    out = [f"--- {view.old}\n", f"+++ {view.new}\n"]
    for item, (old_line, new_line) in zip(shown, numbers, strict=True):
        row = item.row
        extra = notes(row, view.words, item.hidden)
        tail = f"  ({view.words.separator.join(extra)})" if extra else ""
        out.append(
            f"{SYMBOLS[row.op]} {old_line:>{old_width}} {new_line:>{new_width}}  "
            f"{INDENT * (row.level - 1)}{heading(row)}{tail}\n"
        )
    return "".join(out)
