"""What every diff renderer shares: which rows show, each op's symbol, the notes that say
where a heading came from, and the words of each language a diff is told in (`WORDS`)."""

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
class Words:
    """What a diff says in one language: every word of its text and Markdown output."""

    labels: Mapping[str, str]
    """Each op's name (in English, as JSON names it)."""
    was: str
    """Note on a renumbered heading, {} its old marker."""
    unnumbered: str
    """Note on a heading that had no number."""
    moved_from: str
    """Note on a heading with another parent, {} the old parent."""
    from_top: str
    """Note on a heading that stood at the top level."""
    split_from: str
    """Note on a part of a split, {} the whole."""
    merged_from: str
    """Note on a merge, {} the parts joined by " + "."""
    below: str
    """Note on a row whose changes --depth hides, {} how many."""
    separator: str
    """Between two notes."""
    summary: str
    """The one-line summary: {old}, {new}, {counts}, {similarity}."""
    count: str
    """One count of the summary: {n}, {op}."""
    counts_separator: str
    """Between two counts."""
    no_headings: str
    """The counts when neither side has a heading."""
    report: str
    """The title of the Markdown report."""
    no_changes: str
    """The Markdown report when nothing changed."""
    line: str
    """Where a heading stands, {} its line on the new side."""
    old_line: str
    """Where a removed heading stood, {} its line on the old side."""
    under: str
    """After where it stands: {} the heading above it."""


ZH = Words(
    labels=LABELS,
    was="原为 {}",
    unnumbered="原无编号",
    moved_from="原属 {}",
    from_top="原在第一级",
    split_from="拆自 {}",
    merged_from="合并自 {}",
    below="下有 {} 处变化",
    separator="；",
    summary="{old} → {new}：{counts}；相似度 {similarity}",
    count="{op} {n}",
    counts_separator="，",
    no_headings="没有标题",
    report="骨架变化",
    no_changes="无变化。",
    line="第 {} 行",
    old_line="旧稿第 {} 行",
    under="，上级 {}",
)
EN = Words(
    labels=MappingProxyType({op: op for op in LABELS}),
    was="was {}",
    unnumbered="was unnumbered",
    moved_from="from {}",
    from_top="from the top level",
    split_from="split from {}",
    merged_from="merged from {}",
    below="{} changed below",
    separator="; ",
    summary="{old} → {new}: {counts}; similarity {similarity}",
    count="{n} {op}",
    counts_separator=", ",
    no_headings="no headings",
    report="Skeleton changes",
    no_changes="No changes.",
    line="line {}",
    old_line="old line {}",
    under=", under {}",
)
WORDS: Mapping[str, Words] = MappingProxyType({"zh": ZH, "en": EN})
"""The words of each language, by its code; the CLI's --lang choices come from its keys."""


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
    lang: str = "zh"
    """The language of labels and notes: a key of WORDS."""

    @property
    def words(self) -> Words:
        """The words of the view's language."""
        return WORDS[self.lang]


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


def notes(row: Row, words: Words = ZH, hidden: int = 0) -> list[str]:
    """What the row's heading was, beyond its title: old number, old place, split or merge; and
    how many changed rows `hidden` beneath it."""
    found: list[str] = []
    first = row.changes[0]
    if first.old is not None and first.new is not None:
        if "renumbered" in first.ops:
            marker = first.old.marker
            found.append(words.was.format(marker) if marker else words.unnumbered)
        if {"moved", "promoted", "demoted"} & set(first.ops):
            parent = first.old.parent
            found.append(
                words.moved_from.format(heading_text(parent)) if parent else words.from_top
            )
    if row.op == "split" and first.old is not None:
        found.append(words.split_from.format(heading_text(first.old.node)))
    if row.op == "merged":
        parts = " + ".join(heading_text(c.old.node) for c in row.changes if c.old is not None)
        found.append(words.merged_from.format(parts))
    if hidden:
        found.append(words.below.format(hidden))
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
    words = view.words
    counts = words.counts_separator.join(
        words.count.format(n=n, op=words.labels[op]) for op, n in diff.counts().items() if n
    )
    line = words.summary.format(
        old=view.old,
        new=view.new,
        counts=counts or words.no_headings,
        similarity=f"{diff.similarity:.2f}",
    )
    return line + "\n"


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
