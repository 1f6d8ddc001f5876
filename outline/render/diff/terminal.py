"""The merged skeleton as a rich tree: each row's symbol and heading coloured by its change, a
title edit marked inside the title, notes and line numbers dim.

User text reaches rich only as `Text`, never as markup: a speech may contain `[...]`.
"""

from __future__ import annotations

from rich.text import Text
from rich.tree import Tree

from outline.diff import Diff, Row, title_edit
from outline.render.diff.view import SYMBOLS, ZH, View, Words, lines, notes, visible
from outline.render.plain import heading_text

STYLES = {
    "unchanged": "",
    "renamed": "yellow",
    "renumbered": "cyan",
    "moved": "blue",
    "reordered": "blue",
    "promoted": "magenta",
    "demoted": "magenta",
    "added": "bold green",
    "removed": "red",
    "split": "bright_cyan",
    "merged": "bright_cyan",
}
"""The colour of each op."""
EDIT_STYLES = {"-": "red strike", "+": "bold green", "=": ""}


def tree(diff: Diff, view: View) -> Tree:
    """A rich Tree of the merged skeleton, under the two paths."""
    root = Tree(Text(f"{view.old} → {view.new}", style="bold"), guide_style="dim")
    branches: list[Tree] = [root]
    for shown in visible(diff, view):
        del branches[shown.row.level :]
        branches.append(branches[-1].add(label(shown.row, shown.hidden, view.words)))
    return root


def label(row: Row, hidden: int = 0, words: Words = ZH) -> Text:
    """One row: symbol, heading, notes (in the language of `words`), lines."""
    style = STYLES[row.op]
    change = row.changes[0]
    ref = row.ref
    text = Text()
    text.append(SYMBOLS[row.op] + " ", style=style or "dim")
    full = heading_text(ref.node)
    text.append(full[: len(full) - len(ref.title)], style=style)
    if "renamed" in change.ops and change.old is not None and change.new is not None:
        for tag, part in title_edit(change.old.title, change.new.title):
            text.append(part, style=EDIT_STYLES[tag])
    else:
        text.append(ref.title, style=style if row.changed else "")
    extra = notes(row, words, hidden)
    if extra:
        text.append(f"  ({words.separator.join(extra)})", style="dim")
    old_line, new_line = lines(row)
    text.append(f"  {old_line}→{new_line}", style="dim")
    return text
