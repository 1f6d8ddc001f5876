"""How the heading runs of a kind are numbered from one section to the next.

Within one heading the 1. 2. 3. under it count from 1. From one section to the next, documents
differ: a law numbers its articles straight through its chapters (第一章 第一条…第五条, 第二章
第六条…), a plan may number its measures straight through its parts, and most documents start
each section's list again at 1. The document decides, family by family: the runs under sibling
headings (the 1. 2. under each （一） of one 一、) do what most of them do.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from outline.parser.markers import KINDS

ELLIPSIS = "…"
"""What marks text left out: …… (or …)."""
OMISSION = 3
"""More units of a law missing at once than this are left out of the text (……), not
skipped by mistake."""

if TYPE_CHECKING:
    from outline.check.runs import Run


def number_headings(
    found: list[Run], segment: Callable[[int], int], parent_of: Mapping[int, int], text: str
) -> list[Run]:
    """The runs, those of headings with the numbers they should carry, series by series (the
    runs of a kind in one part of the document: main text, an attachment).

    `segment` gives the part that holds an offset; `parent_of` the offset of each heading's
    parent (-1 at the top level) by the heading's offset; `text` is the document's.
    """
    series: dict[tuple[int, str], list[Run]] = defaultdict(list)
    numbered = [run for run in found if not run.heading]
    for run in found:
        if run.heading:
            series[(segment(run.marks[0].start), run.kind)].append(run)
    for kind_runs in series.values():
        kind_runs.sort(key=lambda r: r.marks[0].start)
        numbered.extend(_numbered_series(kind_runs, parent_of, text))
    return numbered


def _family(run: Run, parent_of: Mapping[int, int]) -> tuple[int, str]:
    """Runs whose headings are siblings share a family: the 1. 2. under each （一） of one 一、."""
    parent = run.parent
    if parent is None:
        return (-2, "")
    return (parent_of.get(parent.marker_start, -1), parent.kind)


def _numbered_series(kind_runs: list[Run], parent_of: Mapping[int, int], text: str) -> list[Run]:
    """A series of heading runs, each with the numbers it should carry.

    Within a family of runs (under sibling headings) most runs either start again at 1 or carry
    on the numbering; the others are out of line. The first run of a family may do either (the
    articles of a law continue from chapter to section; a plan's lists restart in each part).
    """
    families: dict[tuple[int, str], list[int]] = defaultdict(list)
    votes: dict[tuple[int, str], Counter[str]] = defaultdict(Counter)
    for index, run in enumerate(kind_runs):
        family = _family(run, parent_of)
        families[family].append(index)
        before = kind_runs[index - 1] if index else None
        if before is not None and before.parent is not run.parent and len(families[family]) > 1:
            votes[family][_opening(before, run)] += 1
    overall = sum(votes.values(), Counter())
    excerpt = _excerpt(kind_runs)
    unit = KINDS[kind_runs[0].kind].unit
    numbered: list[Run] = []
    last = 0
    for index, run in enumerate(kind_runs):
        before = kind_runs[index - 1] if index else None
        convention: str | None = None
        if before is None:
            start = run.marks[0].number if excerpt else 1
        elif before.parent is run.parent:
            start = 1
        elif excerpt:
            # 第一章 again under another 编: the chapters of each book count from 1.
            first = run.marks[0].number
            start = 1 if first == 1 else last + 1
        elif families[_family(run, parent_of)][0] == index:
            opening = _opening(before, run) or _decide(overall)
            start = last + 1 if opening == "continue" else 1
        else:
            convention = _decide(votes[_family(run, parent_of)])
            start = last + 1 if convention == "continue" else 1
        placed = replace(run, follows=before.marks[-1] if before else None, convention=convention)
        final = index == len(kind_runs) - 1
        expected = _expected(placed, start, text, excerpt=excerpt, unit=unit, final=final)
        numbered.append(replace(placed, expected=expected))
        last = expected[-1]
    return numbered


def _excerpt(kind_runs: list[Run]) -> bool:
    """Whether the units of a law are an excerpt (第二百八十六条 first, 第一条 nowhere): numbered
    straight through from where the excerpt begins, with omissions (……) allowed, never
    renumbered from 1."""
    first = kind_runs[0].marks[0]
    return KINDS[kind_runs[0].kind].unit and first.number > 1


def _expected(
    run: Run, start: int, text: str, *, excerpt: bool, unit: bool, final: bool
) -> tuple[int, ...]:
    """The number each marker of a run should carry, counting from `start`: an inserted unit
    (第十七条之一) the number of the unit before it. A number past the next one is an omission,
    taken as it is, in an excerpt — and for the units of a law where more than a few are
    missing at once and the text says so (……), the next unit goes on from it (第五条 ……
    第一百条, 第一百零一条), or it is the last (an excerpt's 施行 article; `final`: the run is the
    series' last): a law's numbers are cited, never renumbered across a gap the text leaves
    out. A single number out of line (第五十条 for 第十五条) is still a mistake."""
    expected: list[int] = []
    previous = start - 1
    for index, mark in enumerate(run.marks):
        leaves_out = excerpt or (
            unit and mark.number > previous + 1 + OMISSION and _left_out(text, run, index, final)
        )
        if mark.inserted and expected:
            # After the unit it is inserted behind — or after an omission that left it out.
            previous = mark.number if leaves_out and mark.number > previous else previous
            expected.append(previous)
            continue
        number = previous + 1
        if mark.number > number and leaves_out:
            number = mark.number
        expected.append(number)
        previous = number
    return tuple(expected)


def _left_out(text: str, run: Run, index: int, final: bool) -> bool:
    """Whether units were left out before a marker: the text says so (…… between it and the
    marker before), the marker after it goes on from its number, or it is the last."""
    marks = run.marks
    mark = marks[index]
    before = marks[index - 1] if index else run.follows
    if before is not None and ELLIPSIS in text[before.end : mark.start]:
        return True
    if index + 1 == len(marks):
        return final
    return marks[index + 1].number in (mark.number, mark.number + 1)


def _opening(before: Run, run: Run) -> str:
    """How a run's first number stands to the run before it: "restart", "continue" or ""."""
    first = run.marks[0].number
    if first == 1:
        return "restart"
    return "continue" if first == before.marks[-1].number + 1 else ""


def _decide(votes: Counter[str]) -> str:
    """What most runs do; starting again at 1 when it is even."""
    return "continue" if votes["continue"] > votes["restart"] else "restart"
