"""Runs of numbered markers, and the numbers and style each marker should have: what `check`
reports from and what `fix` writes.

A run is a list numbered 1, 2, 3 …: the children of one heading that share a marker kind,
starting again after a return to 1 (一是……二是…… in one paragraph, 一是……二是…… in the next).
Markers the parser did not take as headings because they break their run (一是……二是……四是,
a lone 一是) are found again here and joined to the run they belong to.

Runs of headings (一、 （一） 1. 第一条 …) form a series per kind. Whether a run after the
first starts again at 1 or continues the one before it (第一章 第一条…第五条, 第二章 第六条…) is
decided by the document: by what most of its runs do.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from outline.check.marker_style import (
    STANDARD,
    Style,
    matches,
    preferred,
    search,
    style_of,
    write_numeral,
)
from outline.check.series import number_headings
from outline.model import Document, Node
from outline.parser.items import as_read
from outline.parser.layout import SENTENCE_STOPS, SPACE, Layout
from outline.parser.markers import KINDS, ROWS
from outline.parser.regions import attachments as attachment_regions
from outline.parser.runs import RUN_REACH
from outline.parser.scan import GLUED, candidates

ENUMERATIONS = frozenset(kind.kind for kind in ROWS if kind.enumerates)
"""Kinds that enumerate points inside paragraphs: one found alone is still worth a word."""
VERBS = frozenset(kind.kind for kind in ROWS if kind.joins)
"""Enumerations that always start at 一 (an argument may open with 首先 and go on 第二，)."""
MAX_GAP = 3
"""Gaps of more missing numbers are not looked into: the list is broken, not misread."""
OPENERS = {"", *SPACE, "\r", "\n", *SENTENCE_STOPS, *"：:*#>"}
"""What may stand right before a heading the parser passed over."""


@dataclass(frozen=True, slots=True)
class Mark:
    """One numbered marker in the text."""

    kind: str
    """Its kind, a key of `outline.markers.KINDS`."""
    number: int
    """The number it carries."""
    marker: str
    """The marker as read: 一、 （二） 3. (without a Markdown escape or a line break)."""
    style: Style | None
    """How it is written, apart from its number."""
    start: int
    """Offset of its first character."""
    end: int
    """Offset just past it in the text, as written."""
    numeral: tuple[int, int] | None
    """Offsets of its numeral, or None when the marker could not be found again as written."""
    exact: bool
    """Whether the text holds the marker exactly as read (no escape, no line break inside), so
    that the whole of it may be rewritten."""
    line: int
    """1-based line."""
    column: int
    """1-based column."""
    paragraph: int
    """Index of the paragraph that holds it."""
    node: Node | None
    """The heading it opens; None for a marker the parser did not take as one."""

    @property
    def inserted(self) -> bool:
        """Whether it numbers an inserted unit (第十七条之一), which carries the number of the
        unit before it."""
        return self.node is not None and self.node.sub > 0


@dataclass(frozen=True, slots=True)
class Run:
    """Markers of one kind that count 1, 2, 3 … together."""

    kind: str
    """The kind of its markers."""
    marks: tuple[Mark, ...]
    """Its markers in document order."""
    expected: tuple[int, ...]
    """The number each marker should carry."""
    style: Style | None
    """The style its markers should be written in: that of most markers of its level."""
    parent: Node | None
    """The heading that holds it (None at the top level, or for markers outside the tree)."""
    heading: bool
    """Headings that stand alone (一、 （一） 1. 第一条), not an enumeration inside paragraphs."""
    follows: Mark | None = None
    """The last marker of the run before it in its series, which numbering may continue."""
    convention: str | None = None
    """For a heading run after the first of its series: "restart" when the document's runs of
    this kind start again at 1, "continue" when they carry on the numbering."""
    lone: bool = False
    """An enumeration of one: 一是 with no 二是 anywhere before the next heading."""


@dataclass(slots=True)
class _Series:
    """Markers that may share a run: siblings of a kind, or stray markers of one scope."""

    kind: str
    parent: Node | None
    heading: bool
    segment: int
    marks: list[Mark] = field(default_factory=list)
    orphan: bool = False


def attachments(layout: Layout) -> list[int]:
    """Offsets where an attachment begins (附件2：): a new part, numbered afresh."""
    return [a.start for a in attachment_regions(layout)[0]]


class _Context:
    """What the analysis needs to know about the text besides its tree."""

    def __init__(self, doc: Document, layout: Layout | None) -> None:
        self.text = doc.text
        self.layout = layout or Layout(doc.text)
        self.attachments = attachments(self.layout)
        self.visits = list(doc.walk())
        headings = [
            v.node.marker_start
            for v in self.visits
            if not v.node.inline and KINDS[v.node.kind].standalone
        ]
        self.bounds = sorted({*headings, *self.attachments})
        self.parent_of = {
            v.node.marker_start: v.parent.marker_start if v.parent else -1 for v in self.visits
        }
        """Offset of each heading's parent (-1 at the top level), by the heading's offset."""
        self.level_of = {v.node.marker_start: v.level for v in self.visits}
        """Each heading's level in the tree, by its offset."""

    def segment(self, offset: int) -> int:
        """Index of the part of the document (main text, attachments) that holds an offset."""
        return bisect_right(self.attachments, offset)

    def scope(self, offset: int) -> int:
        """Index of the stretch between two headings that holds an offset."""
        return bisect_right(self.bounds, offset)

    def scope_text(self, scope: int) -> tuple[int, int]:
        """Start and end offsets of a scope."""
        start = self.bounds[scope - 1] if scope else 0
        end = self.bounds[scope] if scope < len(self.bounds) else len(self.text)
        return start, end

    def mark(self, kind: str, number: int, start: int, node: Node | None) -> Mark:
        """The marker of a kind at an offset."""
        text = self.text
        m = matches(kind, text, start)
        raw = text[start : m.end()] if m else ""
        read = as_read(raw)
        marker = node.marker if node else read
        line, column = (node.line, node.column) if node else self.layout.locate(start)
        return Mark(
            kind=kind,
            number=number,
            marker=marker,
            style=style_of(kind, marker),
            start=start,
            end=m.end() if m else start + len(marker),
            numeral=m.span("n") if m and read == marker else None,
            exact=raw == marker,
            line=line,
            column=column,
            paragraph=self.layout.paragraph_at(start),
            node=node,
        )


def runs(doc: Document, layout: Layout | None = None, style: str = STANDARD) -> tuple[Run, ...]:
    """Every run of the document, with the numbers and styles its markers should have.

    `layout` is the document's, when the caller has it already; `style` the rule that
    chooses a level's style when its markers differ (`marker_style.preferred`).
    """
    context = _Context(doc, layout)
    series = _tree_series(context)
    series.extend(_join_strays(context, series))
    for one in series:
        _fill_gaps(one, context)
    found: list[Run] = []
    for one in series:
        for marks in _split(one.marks, heading=one.heading, context=context):
            run = _run(one, marks, context)
            if run is not None:
                found.append(run)
    found = number_headings(found, context.segment, context.parent_of, context.text)
    return tuple(sorted(_styled(found, context, style), key=lambda r: r.marks[0].start))


def _tree_series(context: _Context) -> list[_Series]:
    """The children of each heading (and the top-level headings), by kind."""
    by_key: dict[tuple[int, str, bool, int], _Series] = {}
    for visit in context.visits:
        node, parent = visit.node, visit.parent
        if not KINDS[node.kind].pattern:
            continue  # headings by style carry no number to check
        heading = KINDS[node.kind].standalone and not node.inline
        segment = context.segment(node.marker_start)
        key = (parent.marker_start if parent else -1, node.kind, heading, segment)
        one = by_key.setdefault(key, _Series(node.kind, parent, heading, segment))
        one.marks.append(context.mark(node.kind, node.number, node.marker_start, node))
    return list(by_key.values())


def _join_strays(context: _Context, series: list[_Series]) -> list[_Series]:
    """Markers the parser passed over, joined to the enumeration they break; the strays of the
    enumeration kinds that join none form series of their own, one per scope and kind."""
    taken = set(context.parent_of)
    lists: dict[str, list[tuple[int, _Series]]] = defaultdict(list)
    for one in series:
        if not one.heading:
            lists[one.kind].extend((m.start, one) for m in one.marks)
    for entries in lists.values():
        entries.sort(key=lambda entry: entry[0])
    layout = context.layout
    orphans: dict[tuple[int, str], _Series] = {}
    for c in candidates(layout):
        if c.where == GLUED:
            continue  # 统一是, 唯一是: inside a word, no place for a marker
        kind = c.kind.name
        if c.marker_start in taken or c.count_like or (c.block and c.kind.standalone):
            continue
        mark = context.mark(kind, c.number, c.marker_start, None)
        entries = lists.get(kind, [])
        index = bisect_right(entries, c.marker_start, key=lambda entry: entry[0]) - 1
        near = index >= 0 and c.paragraph - layout.paragraph_at(entries[index][0]) <= RUN_REACH
        if near and context.scope(entries[index][0]) == context.scope(c.marker_start):
            entries[index][1].marks.append(mark)
        elif kind in ENUMERATIONS:
            key = (context.scope(c.marker_start), kind)
            segment = context.segment(c.marker_start)
            orphan = orphans.setdefault(key, _Series(kind, None, False, segment, orphan=True))
            orphan.marks.append(mark)
    for one in series:
        one.marks.sort(key=lambda m: m.start)
    return list(orphans.values())


def _fill_gaps(one: _Series, context: _Context) -> None:
    """Markers the parser could not take that fill a gap in a series: 一、二〇一二年 read as a
    count, 一是……，二是……，三是…… after commas. The numbering is not broken there, and renumbering
    the markers after the gap would be wrong."""
    filled: list[Mark] = []
    previous: Mark | None = None
    for mark in one.marks:
        low = previous.number if previous else 0
        if low + 1 < mark.number <= low + 1 + MAX_GAP and mark.style is not None:
            start = previous.end if previous else _gap_start(one, context)
            found = _missing(one, mark, range(low + 1, mark.number), start, context)
            filled.extend(found)
        previous = mark
    if filled:
        one.marks = sorted([*one.marks, *filled], key=lambda m: m.start)


def _gap_start(one: _Series, context: _Context) -> int:
    """Where the text that may hold the missing first markers of a series begins: its
    heading's body, its scope for stray markers, else the start of its part of the text."""
    if one.parent is not None:
        return one.parent.body_start
    if one.orphan:
        return context.scope_text(context.scope(one.marks[0].start))[0]
    return context.attachments[one.segment - 1] if one.segment else 0


def _missing(one: _Series, mark: Mark, numbers: range, start: int, context: _Context) -> list[Mark]:
    """The markers of the missing numbers, in order, between `start` and a marker; all of them
    or none. Headings must stand where a heading may (after a line break, a space or the end
    of a sentence); enumerations may stand anywhere (一是……，二是……)."""
    assert mark.style is not None
    text = context.text
    found: list[Mark] = []
    for number in numbers:
        numeral = write_numeral(number, mark.style.numerals, one.kind)
        if numeral is None:
            return []
        hits = search(
            one.kind, text, start, mark.start, numeral=numeral, numerals=mark.style.numerals
        )
        hit = next(
            (m for m in hits if not one.heading or text[m.start() - 1 : m.start()] in OPENERS), None
        )
        if hit is None:
            return []
        found.append(context.mark(one.kind, number, hit.start(), None))
        start = hit.end()
    return found


def _split(marks: list[Mark], *, heading: bool, context: _Context) -> Iterable[list[Mark]]:
    """A series cut into runs where it starts again at 1.

    A 1 right after the first marker of a run (1 1, or 2 1) repeats the number that marker
    should carry rather than opening a new run, between headings or inside one paragraph.
    """
    current: list[Mark] = []
    for mark in marks:
        if current and mark.number == 1:
            previous = current[-1]
            repeated = len(current) == 1 and (heading or previous.paragraph == mark.paragraph)
            if not repeated or context.segment(previous.start) != context.segment(mark.start):
                yield current
                current = []
        current.append(mark)
    if current:
        yield current


def _run(one: _Series, marks: list[Mark], context: _Context) -> Run | None:
    """A run of a series, or None for stray markers that are better left alone."""
    run = Run(
        kind=one.kind,
        marks=tuple(marks),
        expected=tuple(range(1, len(marks) + 1)),
        style=None,
        parent=one.parent,
        heading=one.heading,
    )
    if not one.orphan:
        return run
    first = marks[0]
    start, end = context.scope_text(context.scope(first.start))
    # 一要…… may go on 二是……: an enumeration's verb is no part of its numbering.
    kinds = VERBS if one.kind in VERBS else {one.kind}
    if first.number != 1:
        # 二是……三是…… with no 一是: a list that lost its head, unless an 一是 stands in its
        # section where the parser could not take it (关键一是……。二是……) or starts another
        # list. A lone 二是 is prose (其二是……), never renumbered.
        heads = (
            next(search(kind, context.text, start, end, numeral="一", numerals="chinese"), None)
            for kind in kinds
        )
        return run if one.kind in VERBS and len(marks) > 1 and not any(heads) else None
    if len(marks) > 1:
        return run
    seconds = (
        next(search(kind, context.text, first.end, end, numeral="二", numerals="chinese"), None)
        for kind in kinds
    )
    return None if any(seconds) else replace(run, lone=True)


def _styled(found: list[Run], context: _Context, rule: str) -> list[Run]:
    """Each run with the style of its level: headings of a kind at one level share one (⑴ at
    the top and （1） under it are two levels), enumerations each keep their own."""
    groups: dict[tuple[int, str, int] | int, list[Run]] = defaultdict(list)
    for index, run in enumerate(found):
        first = run.marks[0].start
        level = context.level_of.get(first, 0)
        key = (context.segment(first), run.kind, level) if run.heading else index
        groups[key].append(run)
    styled: list[Run] = []
    for group in groups.values():
        styles = [m.style for run in group for m in run.marks if m.style is not None]
        target = preferred(group[0].kind, styles, rule)
        styled.extend(replace(run, style=target) for run in group)
    return styled
