"""`fix`: the text with its markers rewritten — runs renumbered, each level in one style — and
every other character as it was. Pure: a text and its Document in, a text out.

>>> from outline import parse
>>> text = "一、目标\\n三、任务\\n(三)措施\\n（四）保障\\n"
>>> print(fix(text, parse(text)), end="")
一、目标
二、任务
（一）措施
（二）保障
"""

from __future__ import annotations

from typing import NamedTuple

from outline.check.marker_style import STANDARD, Style, write, write_numeral
from outline.check.runs import Mark, runs
from outline.model import Document


class Edit(NamedTuple):
    """One marker rewritten: the offsets it spans and what it becomes."""

    start: int
    """Where the rewritten characters begin, an offset into the text (the marker, or only its
    numeral when the rest of the marker is not written as read)."""
    end: int
    """Where they end, exclusive."""
    text: str
    """What stands there instead: the marker, or the numeral, as it should be written."""


def fix(
    text: str,
    doc: Document,
    *,
    renumber: bool = True,
    restyle: bool = True,
    style: str = STANDARD,
) -> str:
    """The text with its runs renumbered (`renumber`) and each level's markers in one style
    (`restyle`): the standard one when they differ, or the one most of them have with `style`
    "majority". `doc` is `parse(text)`.

    A marker that does not stand in the text exactly as read (a Markdown escape or a line
    break inside it, as in 1\\. or 三\\n要) keeps its style; its number is still mended.
    """
    return apply(text, edits(text, doc, renumber=renumber, restyle=restyle, style=style))


def edits(
    text: str,
    doc: Document,
    *,
    renumber: bool = True,
    restyle: bool = True,
    style: str = STANDARD,
) -> list[Edit]:
    """The rewrites `fix` makes, in the order of the text."""
    found: list[Edit] = []
    for run in runs(doc, style=style):
        for mark, expected in zip(run.marks, run.expected, strict=True):
            number = expected if renumber else mark.number
            wanted = run.style if restyle and run.style is not None else mark.style
            edit = _edit(text, run.kind, mark, number, wanted)
            if edit is not None:
                found.append(edit)
    # A marker that two runs hold (a styled heading's run filled in from the text) is
    # rewritten once; of two different rewrites of one span, the first run's stands.
    chosen: dict[tuple[int, int], Edit] = {}
    for edit in found:
        chosen.setdefault((edit.start, edit.end), edit)
    return sorted(chosen.values())


def _edit(text: str, kind: str, mark: Mark, number: int, style: Style | None) -> Edit | None:
    # 第十七条之一 is never written again: its 之一 would be lost.
    unchanged = (number, style) == (mark.number, mark.style)
    if mark.style is None or style is None or unchanged or mark.inserted:
        return None
    marker = write(kind, style, number)
    if marker is None or marker == mark.marker:
        return None
    end = mark.start + len(mark.marker)
    if mark.exact and text[mark.start : end] == mark.marker:
        return Edit(mark.start, end, marker)
    if style != mark.style or mark.numeral is None:
        return None
    numeral = write_numeral(number, style.numerals, kind)
    start, stop = mark.numeral
    written = mark.marker[len(style.prefix) : len(mark.marker) - len(style.suffix)]
    if numeral is None or text[start:stop] != written:
        return None
    return Edit(start, stop, numeral)


def apply(text: str, changes: list[Edit]) -> str:
    """A text with non-overlapping edits, given in the order of the text, made."""
    parts: list[str] = []
    position = 0
    for change in changes:
        parts.append(text[position : change.start])
        parts.append(change.text)
        position = change.end
    parts.append(text[position:])
    return "".join(parts)
