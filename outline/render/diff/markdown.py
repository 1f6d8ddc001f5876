"""Markdown: a change report, one section per kind of change, unchanged headings left out.

Each item is the heading (a title edit shown as ~~deleted~~**inserted**), what it was (old
number, old place, split or merge), its line and the heading it stands under, in the view's
language.
"""

from __future__ import annotations

from collections import defaultdict

from outline.diff import PRIORITY, Diff, Row
from outline.render.diff.view import View, Words, marked_heading, notes, summary, visible
from outline.render.markdown import escape
from outline.render.plain import heading_text

EDIT_MARKS = {"-": ("~~", "~~"), "+": ("**", "**"), "=": ("", "")}


def heading(row: Row) -> str:
    """The row's heading, a title edit marked inside it."""
    return marked_heading(row, EDIT_MARKS, escape)


def item(row: Row, hidden: int, words: Words) -> str:
    """One list item: heading, notes, where it stands."""
    ref = row.ref
    where = (words.line if row.changes[0].new is not None else words.old_line).format(ref.line)
    if ref.parent is not None:
        where += words.under.format(heading_text(ref.parent))
    extra = notes(row, words, hidden)
    said = f" ({escape(words.separator.join(extra))})" if extra else ""
    return f"- {heading(row)}{said} — {escape(where)}\n"


def render(diff: Diff, view: View) -> str:
    """The change report."""
    words = view.words
    out = [f"# {words.report}\n\n", f"{escape(summary(diff, view).rstrip())}\n"]
    by_op: dict[str, list[str]] = defaultdict(list)
    for shown in visible(diff, view):
        if shown.row.changed or shown.hidden:
            by_op[shown.row.op].append(item(shown.row, shown.hidden, words))
    for op in PRIORITY:
        if by_op[op]:
            out.append(f"\n## {words.labels[op]}\n\n")
            out.extend(by_op[op])
    if not any(by_op.values()):
        out.append(f"\n{words.no_changes}\n")
    return "".join(out)
