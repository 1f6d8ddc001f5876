"""What every diff renderer shares: which rows show, each op's symbol, the notes that say
where a heading came from."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from outline.diff import Diff, Row, title_edit
from outline.render.plain import heading_text

SYMBOLS: Mapping[str, str] = MappingProxyType(
    {
        "unchanged": " ",
        "renamed": "~",
        "renumbered": "#",
        "moved": "→",
        "reordered": "↕",
        "promoted": "↑",
        "demoted": "↓",
        "added": "+",
        "removed": "-",
        "split": "<",
        "merged": ">",
    }
)
"""The mark of each op at the start of a row."""
LABELS: Mapping[str, str] = MappingProxyType(
    {
        "unchanged": "未变",
        "renamed": "改题",
        "renumbered": "改号",
        "moved": "移动",
        "reordered": "调序",
        "promoted": "升级",
        "demoted": "降级",
        "added": "新增",
        "removed": "删除",
        "split": "拆分",
        "merged": "合并",
    }
)
"""Each op's name in Chinese, for reports."""
MISSING_LINE = "·"
"""Shown for the line of a side a heading is not on."""


@dataclass(frozen=True, slots=True)
class View:
    """What to show of a diff."""

    old: str = "-"
    """The path of the old document as given."""
    new: str = "-"
    """The path of the new document as given."""
    depth: int | None = None
    """Show rows down to this level only."""
    only_changes: bool = False
    """Hide the rows whose whole subtree is unchanged."""


@dataclass(frozen=True, slots=True)
class Shown:
    """A row that shows, and the changes it hides beneath it."""

    row: Row
    """The row."""
    hidden: int
    """Changed rows beneath it that --depth keeps from showing."""


def visible(diff: Diff, view: View) -> list[Shown]:
    """The rows a view shows, in order."""
    shown = []
    for row in diff.rows:
        if view.depth is not None and row.level > view.depth:
            continue
        if view.only_changes and not row.changed and not row.below:
            continue
        cut = view.depth is not None and row.level == view.depth
        shown.append(Shown(row, row.below if cut else 0))
    return shown


def notes(row: Row) -> list[str]:
    """What the row's heading was, beyond its title: old number, old place, split or merge."""
    found: list[str] = []
    first = row.changes[0]
    if first.old is not None and first.new is not None:
        if "renumbered" in first.ops:
            found.append(f"was {first.old.marker}" if first.old.marker else "was unnumbered")
        if {"moved", "promoted", "demoted"} & set(first.ops):
            parent = first.old.parent
            found.append(f"from {heading_text(parent)}" if parent else "from the top level")
    if row.op == "split" and first.old is not None:
        found.append(f"split from {heading_text(first.old.node)}")
    if row.op == "merged":
        parts = " + ".join(heading_text(c.old.node) for c in row.changes if c.old is not None)
        found.append(f"merged from {parts}")
    return found


def lines(row: Row) -> tuple[str, str]:
    """The row's line numbers on the old and new side, MISSING_LINE where it has none."""
    change = row.changes[0]
    return (
        str(change.old.line) if change.old else MISSING_LINE,
        str(change.new.line) if change.new else MISSING_LINE,
    )


def summary(diff: Diff, view: View) -> str:
    """One line: the count of each op that occurs, and the similarity of the skeletons."""
    counts = ", ".join(f"{n} {op}" for op, n in diff.counts().items() if n) or "no headings"
    return f"{view.old} → {view.new}: {counts}; similarity {diff.similarity:.2f}\n"


def marked_heading(
    row: Row, marks: Mapping[str, tuple[str, str]], escape: Callable[[str], str] = str
) -> str:
    """A row's heading as text, a title edit marked inside it: `marks` maps the edit's tags
    ("-" deleted, "+" inserted, "=" kept) to what goes before and after each part."""
    change = row.changes[0]
    text = heading_text(row.ref.node)
    if "renamed" not in change.ops or change.old is None or change.new is None:
        return escape(text)
    marked = "".join(
        f"{marks[tag][0]}{escape(part)}{marks[tag][1]}"
        for tag, part in title_edit(change.old.title, change.new.title)
    )
    return escape(text[: len(text) - len(row.ref.title)]) + marked
