"""Which of `fix`'s edits mends which finding, for the tools that offer a fix with each finding:
`check --format json` and `sarif`, and the language server's code actions.

A finding at a marker is mended by the edit of that marker. A broken number is mended by more:
the numbers after it in its run follow it (一、三、四、 becomes 一、二、三、), so the edits of the
markers after a numbering finding, up to the next marker with a finding of its own, belong to
it too. Pure: a text, its Document and its findings in, replacements out.

>>> from outline import parse
>>> from outline.check import check
>>> text = "一、目标\\n三、任务\\n四、措施\\n"
>>> doc = parse(text)
>>> [(f.code, [(r.line, r.column, r.text) for r in fixes]) for f, fixes in mends(doc, check(doc))]
[('N101', [(2, 1, '二、'), (3, 1, '三、')])]
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

from outline.check.codes import CODES
from outline.check.findings import Finding
from outline.check.fix import Edit, edits
from outline.check.marker_style import STANDARD
from outline.check.runs import runs
from outline.model import Document
from outline.parser.layout import Layout


@dataclass(frozen=True, slots=True)
class Replacement:
    """One of `fix`'s edits, where it stands in the text."""

    start: int
    """Offset of the first character replaced, in the decoded text."""
    end: int
    """Offset just past the last character replaced."""
    text: str
    """What stands there instead."""
    line: int
    """1-based line of `start`."""
    column: int
    """1-based column of `start`, in characters."""
    end_line: int
    """1-based line of `end`."""
    end_column: int
    """1-based column of `end`: the column just past the last character replaced."""

    def as_dict(self) -> dict[str, int | str]:
        """As JSON has it (`check --format json`)."""
        return {
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "text": self.text,
        }


def mends(
    doc: Document,
    findings: Iterable[Finding],
    codes: Iterable[str] | None = None,
    style: str = STANDARD,
) -> list[tuple[Finding, tuple[Replacement, ...]]]:
    """Each finding with the replacements that mend it (none for what fix does not mend).
    `codes` are the codes reported, which say what fix may rewrite (all by default); `style`
    the rule for a level in several styles (`marker_style.preferred`)."""
    chosen = set(CODES if codes is None else codes)
    text = doc.text
    layout = Layout(text)
    changes = edits(
        text,
        doc,
        renumber=any(CODES[c].mends == "number" for c in chosen),
        restyle=any(CODES[c].mends == "style" for c in chosen),
        style=style,
    )
    found = list(findings)
    places = {(f.line, f.column) for f in found if f.fixable}
    owned = _owners(doc, layout, changes, places, style)
    return [
        (
            f,
            tuple(_placed(layout, e) for e in owned.get((f.line, f.column), ()))
            if f.fixable
            else (),
        )
        for f in found
    ]


def _owners(
    doc: Document,
    layout: Layout,
    changes: list[Edit],
    places: set[tuple[int, int]],
    style: str,
) -> dict[tuple[int, int], list[Edit]]:
    """The edits each place with a fixable finding owns: its marker's, and those of the
    markers after it in its run that have no finding of their own."""
    owned: dict[tuple[int, int], list[Edit]] = {}
    starts = [e.start for e in changes]
    for run in runs(doc, layout, style):
        owner: tuple[int, int] | None = None
        for mark in run.marks:
            place = (mark.line, mark.column)
            if place in places:
                owner = place
            edit = _within(changes, starts, mark.start, mark.end)
            if edit is not None and owner is not None:
                owned.setdefault(owner, []).append(edit)
    return owned


def _within(changes: list[Edit], starts: list[int], start: int, end: int) -> Edit | None:
    """The edit inside a marker's span, if any."""
    index = bisect_left(starts, start)
    if index < len(changes) and changes[index].start < max(end, start + 1):
        return changes[index]
    return None


def _placed(layout: Layout, edit: Edit) -> Replacement:
    line, column = layout.locate(edit.start)
    end_line, end_column = layout.locate(edit.end)
    return Replacement(edit.start, edit.end, edit.text, line, column, end_line, end_column)
