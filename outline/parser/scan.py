"""Finding the headings of a text: a flat stream of items in document order.

Candidates are markers where a heading may begin: at the start of a paragraph (block), right
after the end of a sentence inside one (inline), or after a space that follows a run-in
heading (第一章　总则　第一条). Then the evidence decides which candidates are headings:
a block marker of a kind that may stand alone is one; any other counts only as a member of a
run that starts at 1 and has two members or more.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import NamedTuple

from outline.parser._numeral_table import TABLE
from outline.parser.layout import SENTENCE_STOPS, SPACE, Layout
from outline.parser.markers import (
    FIRST_CHARS,
    KIND_OF_GROUP,
    KINDS,
    MARKER,
    NUMERAL_GROUP,
    Kind,
    enclosed_value,
)
from outline.parser.numerals import CHINESE_DIGITS, read_number
from outline.parser.regions import attachment_starts, not_headings, speech_resumptions

INLINE_ANCHOR = re.compile(rf"[。；！？：;!?:][”’\"」』]?[{SPACE}]*(?=[{re.escape(FIRST_CHARS)}])")
SPACED_ANCHOR = re.compile(rf"(?<=\S)[{SPACE}]+(?=第)")
ONE_SPACE = re.compile(rf"[{SPACE}](?=[{re.escape(FIRST_CHARS)}])")
SENTENCE_STOP = re.compile(f"[{SENTENCE_STOPS}]")
RUN_REACH = 10
"""Paragraphs an inline marker may stand after the last member of its run and still continue
it; farther away, 第四， is another enumeration, not the fourth point of an old one."""
FOLLOWING_NUMERAL = re.compile(rf"[{SPACE}*_#]*([{CHINESE_DIGITS}]+)")
"""The numeral right after a marker: 三 in 二、三级 (a count), not 二〇一二 in 一、二〇一二年."""
EMPHASIS = "*_#"
LINE_BREAKS = re.compile(r"[\r\n]+")
MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


@dataclass(slots=True)
class Candidate:
    """A marker that may open a heading."""

    kind: Kind
    """Its row of the marker table."""
    number: int
    """The value of its numeral."""
    marker_start: int
    """Offset of its first character."""
    marker_end: int
    """Offset just past it."""
    paragraph: int
    """Index of the paragraph that holds it."""
    block: bool
    """Opens its paragraph (or follows a run-in heading), rather than standing inside one."""
    count_like: bool = False
    """Followed by the next numeral, as in 二、三级子公司: a count unless its run expects it."""
    gap_only: bool = False
    """After one space inside a paragraph: a heading only where its run has a gap for it
    (……经验。お　一、认真总结…… when 二、 and 三、 open paragraphs)."""


class Item(NamedTuple):
    """A heading found in the text, not yet placed in the tree (a tuple: there are many)."""

    kind: Kind
    marker: str
    number: int
    title: str
    start: int
    marker_start: int
    body_start: int
    end: int
    inline: bool
    paragraph: int
    """Index of the paragraph that holds the marker."""
    restart: bool
    """An attachment or a second document begins before it: its numbering starts afresh."""
    resume: bool
    """An address to the audience (各位代表！) comes before it: the speech has returned from
    the subsections to its top-level section."""
    level: int | None = None
    """The outline level its file gives the paragraph by style (.docx), if any."""


def scan(layout: Layout) -> list[Item]:
    """The headings of a text, in document order."""
    return _items(layout, _select(candidates(layout)))


def candidates(layout: Layout) -> list[Candidate]:
    """Every marker where a heading may begin, in document order, whether the evidence makes
    it a heading or not (a table of contents left out): what `check` looks at for markers
    that the parser passed over, such as a lone 一是."""
    return _candidates(layout, not_headings(layout))


def _candidates(layout: Layout, excluded: set[int]) -> list[Candidate]:
    text = layout.text
    found: dict[int, Candidate] = {}
    block_starts: dict[int, int] = {}
    for index, para in enumerate(layout.paragraphs):
        if index in excluded:
            continue
        pos = layout.opening(para.start, para.end)
        block_starts[pos] = index
        candidate = _candidate(layout, MARKER, pos, para.end, index, block=True)
        if candidate:
            found[pos] = candidate
            if candidate.kind.after_space:
                _spaced(layout, found, candidate, para.end, index)
    for m in INLINE_ANCHOR.finditer(text):
        pos = m.end()
        if pos in found or pos in block_starts:
            continue
        index = layout.paragraph_at(pos)
        if index in excluded:
            continue
        candidate = _candidate(
            layout, MARKER, pos, layout.paragraphs[index].end, index, block=False
        )
        if candidate:
            found[pos] = candidate
    for m in ONE_SPACE.finditer(text):
        pos = m.end()
        if pos in found or not m.start() or text[m.start() - 1].isspace():
            continue
        index = layout.paragraph_at(pos)
        if index in excluded:
            continue
        candidate = _candidate(layout, MARKER, pos, layout.paragraphs[index].end, index, block=True)
        if candidate and candidate.kind.standalone:
            candidate.gap_only = True
            found[pos] = candidate
    return sorted(found.values(), key=lambda c: c.marker_start)


def _spaced(
    layout: Layout, found: dict[int, Candidate], first: Candidate, end: int, index: int
) -> None:
    """Run-in units after the paragraph's own: 第一章　总则　第一条　为了……"""
    for m in SPACED_ANCHOR.finditer(layout.text, first.marker_end, end):
        candidate = _candidate(layout, MARKER, m.end(), end, index, block=True)
        if candidate and candidate.kind.after_space:
            found[m.end()] = candidate


def _candidate(
    layout: Layout, pattern: re.Pattern[str], pos: int, end: int, index: int, *, block: bool
) -> Candidate | None:
    m = pattern.match(layout.text, pos, end)
    if not m or not m.lastgroup:
        return None
    kind = KINDS[KIND_OF_GROUP[m.lastgroup]]
    if kind.block_only and not block:
        return None
    numeral = m.group(NUMERAL_GROUP[kind.name])
    number = enclosed_value(numeral) if len(numeral) == 1 else None
    if number is None:
        number = read_number(numeral)
    if number is None or not 0 < number <= kind.max_number:
        return None
    follower = FOLLOWING_NUMERAL.match(layout.text, m.end(), end)
    count_like = follower is not None and TABLE.get(follower[1]) == number + 1
    return Candidate(kind, number, pos, m.end(), index, block, count_like)


def _select(candidates: list[Candidate]) -> list[Candidate]:
    """The candidates that are headings, in document order."""
    strong = [c for c in candidates if c.block and c.kind.standalone and not c.gap_only]
    next_number: list[int | None] = [None] * len(strong)  # of the next strong one of its kind
    seen: dict[str, int] = {}
    for i in range(len(strong) - 1, -1, -1):
        next_number[i] = seen.get(strong[i].kind.name)
        seen[strong[i].kind.name] = strong[i].number
    accepted: list[Candidate] = []
    last_number: dict[str, int] = {}
    for c, following in zip(strong, next_number, strict=True):
        # 二、三级……: a count, unless it is the 二、 its run expects and no other 二、 follows.
        expected = last_number.get(c.kind.name) == c.number - 1 and following != c.number
        if c.count_like and not expected:
            continue
        accepted.append(c)
        last_number[c.kind.name] = c.number
    accepted.extend(_gaps_filled(accepted, [c for c in candidates if c.gap_only]))
    chosen = {id(c) for c in accepted}
    scope: list[Candidate] = []
    for c in candidates:
        if id(c) in chosen:
            accepted.extend(_runs(scope))
            scope = []
        else:
            scope.append(c)
    accepted.extend(_runs(scope))
    return sorted(accepted, key=lambda c: c.marker_start)


def _gaps_filled(accepted: list[Candidate], fillers: list[Candidate]) -> list[Candidate]:
    """The fillers whose number the accepted headings of their kind skip right there."""
    by_kind: dict[str, list[Candidate]] = {}
    for c in accepted:
        by_kind.setdefault(c.kind.name, []).append(c)
    filled = []
    for c in fillers:
        same = by_kind.get(c.kind.name, [])
        i = bisect_right([d.marker_start for d in same], c.marker_start)
        before = same[i - 1].number if i else 0
        if i < len(same) and same[i].number == c.number + 1 and before == c.number - 1:
            filled.append(c)
    return filled


def _runs(scope: list[Candidate]) -> list[Candidate]:
    """Members of runs among the candidates of one scope: two members or more, numbered
    1, 2, 3 …; paragraphs that open with consecutive numbers (第二点，… 第三点，…) also form a
    run where its start was not numbered."""
    runs: dict[str, list[list[Candidate]]] = {}
    for c in scope:
        kind_runs = runs.setdefault(c.kind.name, [])
        last = kind_runs[-1][-1] if kind_runs else None
        if (
            last is not None
            and last.number == c.number - 1
            and (c.block or c.paragraph - last.paragraph <= RUN_REACH)
        ):
            kind_runs[-1].append(c)
        elif (c.number == 1 or c.block) and not c.count_like:
            kind_runs.append([c])
    return [
        c
        for kind_runs in runs.values()
        for run in kind_runs
        if len(run) > 1 and (run[0].number == 1 or all(m.block for m in run))
        for c in run
    ]


def _items(layout: Layout, accepted: list[Candidate]) -> list[Item]:
    text = layout.text
    attachments = attachment_starts(layout)
    addresses = speech_resumptions(layout)
    starts = [
        layout.paragraphs[c.paragraph].start if c.block and _opens(layout, c) else c.marker_start
        for c in accepted
    ]
    items: list[Item] = []
    for i, c in enumerate(accepted):
        following = starts[i + 1] if i + 1 < len(accepted) else len(text)
        title_start, title_end, body_start = _title_span(layout, c.marker_end, following)
        previous = accepted[i - 1].paragraph if i else -1
        items.append(
            Item(
                kind=c.kind,
                marker=as_read(text[c.marker_start : c.marker_end]),
                number=c.number,
                title=_clean(text[title_start:title_end]),
                start=starts[i],
                marker_start=c.marker_start,
                body_start=body_start,
                end=following,
                inline=not c.block,
                paragraph=c.paragraph,
                restart=_between(attachments, previous, c.paragraph - 1),
                resume=_between(addresses, previous, c.paragraph),
            )
        )
    return items


def _between(indexes: list[int], after: int, upto: int) -> bool:
    """Whether a sorted list holds an index in (after, upto]."""
    i = bisect_right(indexes, after)
    return i < len(indexes) and indexes[i] <= upto


def as_read(marker: str) -> str:
    """A marker as it reads: without a hard wrap or Markdown escape inside it (三|要, 1\\.)."""
    return LINE_BREAKS.sub("", marker).rstrip(SPACE).replace("\\", "")


def _clean(title: str) -> str:
    """A title on one line, without stray Markdown emphasis or escapes."""
    title = LINE_BREAKS.sub("", title)
    if "\\" in title:
        title = MARKDOWN_ESCAPE.sub(r"\1", title)
    return title.strip(SPACE + EMPHASIS)


def _opens(layout: Layout, c: Candidate) -> bool:
    """Whether the marker stands at the start of its paragraph (not after a run-in heading)."""
    para = layout.paragraphs[c.paragraph]
    return layout.opening(para.start, para.end) == c.marker_start


def _title_span(layout: Layout, pos: int, following: int) -> tuple[int, int, int]:
    """Where the title begins and ends, and where the body begins.

    The title runs from the marker to the first 。！？；, the end of its paragraph, or the next
    heading. Spaces after the marker are skipped, even where they would end a paragraph
    (第一条　 为了……).
    """
    text = layout.text
    line_end = layout.line_ends[layout.locate(pos)[0] - 1]
    while pos < line_end and text[pos] in SPACE:
        pos += 1
    limit = min(layout.paragraphs[layout.paragraph_at(pos)].end, following)
    limit = max(limit, pos)
    stop = SENTENCE_STOP.search(text, pos, limit)
    title_end = stop.start() if stop else limit
    body_start = stop.end() if stop else limit
    if not stop:
        while title_end > pos and text[title_end - 1] in SPACE:
            title_end -= 1
        body_start = title_end
    return pos, title_end, body_start
