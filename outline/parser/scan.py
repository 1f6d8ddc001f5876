"""Finding the markers of a text: every place where a heading may begin, in one pass.

The marker grammar finds every marker wherever it stands; each is then told where it stands,
which is what decides whether it can be a heading (`outline.parser.select`): opening its
paragraph, right after the end of a sentence or a colon, after a space inside a paragraph, after
a closing bracket, or glued to the text before it, as in a text whose line breaks were lost.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass

from outline.parser.layout import SENTENCE_STOPS, SPACE, Layout
from outline.parser.markers import (
    KIND_OF_GROUP,
    KINDS,
    NUMERAL_GROUP,
    SUB_GROUP,
    Kind,
    iter_markers,
    kind_of,
    marker_at,
    read_numeral,
)
from outline.parser.numerals import ARABIC_DIGITS, CHINESE_DIGITS, FINANCIAL_DIGITS, STEMS

OPEN, STOP, SPACED, CLOSED, GLUED = 0, 1, 2, 3, 4
"""Where a marker stands: opening its paragraph; after a sentence end or a colon; after a space
inside a paragraph; after a closing bracket or quote; glued to the text before it."""
AFTER_STOP = SENTENCE_STOPS + "：:"
CLOSERS = '”’"」』）)】〕》'
"""Closing brackets and quotes: after one, a lost line break is likely (（…负责）二、)."""
QUOTES = '”’"」』'
"""What may stand between a sentence end and a marker that follows it (……。”一是)."""
ORDINAL_PREFIX = "第"
"""Before a numeral, it makes an ordinal (排名第二、第七), never the start of another marker."""
EMPHASIS = "*_"
"""Markdown's emphasis, which a text that lost its line breaks keeps around a heading
(……。**一、主要目标**): as transparent before a marker as a space."""
FOLLOWING_NUMERAL = re.compile(
    rf"[{SPACE}*_#]*([{re.escape(''.join(dict.fromkeys(CHINESE_DIGITS + FINANCIAL_DIGITS)))}]+"
    rf"|[{ARABIC_DIGITS}]+|[{STEMS}])"
)
"""What follows a marker: 三 in 二、三级 (a count), 6 in 5、6名."""
LATIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
"""Letters a marker never follows directly: what they stand in is a Latin word or code."""
RANGE = "至～~到—－–-"
"""What joins the two ends of a range: （1）～（5）, 1)至3)."""
ADDRESS = re.compile(r"(?:https?://|www\.)[!#-'*-;=?-Z_a-z~]+")
"""A web address, up to a space, a bracket or the first character no address holds (登录
www.hrss.gov.cn办理): its digits and dots are no markers."""
SUB_VALUES = {ch: i + 1 for i, ch in enumerate("一二三四五六七八九十")}


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
    where: int
    """Where it stands: OPEN, STOP, SPACED, CLOSED or GLUED."""
    count_like: bool = False
    """Followed by the next numeral, as in 二、三级子公司: a count unless its run expects it."""
    sub: int = 0
    """The number of an inserted unit: 1 for 第十七条之一."""
    after_digit: bool = False
    """Glued to digits before it: a page number left in the text (……。204第一千零四十三条)."""
    hidden: bool = False
    """Chosen as a heading whose paragraph break was lost, though it stands inside one."""

    @property
    def block(self) -> bool:
        """Whether it opens its paragraph."""
        return self.where == OPEN

    @property
    def family(self) -> str:
        """The kind of heading it would make."""
        return self.kind.kind


def candidates(layout: Layout) -> list[Candidate]:
    """Every marker of the text where a heading may begin, in document order; none inside a
    web address (……/t20240409_1.html)."""
    text = layout.text
    found: list[Candidate] = []
    openings = layout.openings()
    addresses, address_ends = _addresses(text)
    for m in iter_markers(text):
        group = m.lastgroup
        if group is None:
            continue
        if addresses and _inside(addresses, address_ends, m.start()):
            continue
        kind = KINDS[KIND_OF_GROUP[group]]
        start = m.start()
        if start and (
            _inside_number(text[start - 1], text[start], kind)
            or text[start - 1] in LATIN
            or text[start - 1] == ORDINAL_PREFIX
        ):
            continue  # 十|一、, 1|2.; alert(1), PM2.5; 第|二、第七: part of a word
        if _ranges(text, m.end(), kind):
            continue  # （1）～（5）项, 1)至3)项: a range the text cites
        candidate = _candidate(layout, m, kind, openings)
        if candidate is not None:
            found.append(candidate)
    return found


def _ranges(text: str, end: int, kind: Kind) -> bool:
    """Whether a marker opens a range of markers of its family (（1）～（5）, 第一至第三)."""
    if end + 1 >= len(text) or text[end] not in RANGE:
        return False
    other = kind_of(marker_at(text, end + 1))
    return other is not None and other.kind == kind.kind


def _addresses(text: str) -> tuple[list[int], list[int]]:
    """Where the web addresses of a text start and end, in order (few texts have any)."""
    if "://" not in text and "www." not in text:
        return [], []
    spans = [m.span() for m in ADDRESS.finditer(text)]
    return [start for start, _ in spans], [end for _, end in spans]


def _inside(starts: list[int], ends: list[int], offset: int) -> bool:
    """Whether an offset falls inside one of some spans (their starts and ends, in order, not
    overlapping)."""
    i = bisect_right(starts, offset) - 1
    return i >= 0 and offset < ends[i]


def with_labels(
    layout: Layout, found: list[Candidate], labels: Mapping[int, int]
) -> list[Candidate]:
    """The candidates, with the labels that a file's list numbering put before paragraphs
    (1-based line → label length, suffix included) read as markers on their own: the label
    ends the marker whatever the text after it (3. then 2023年…, 1. then 5G…, where nothing
    separates them), and no other marker begins inside it."""
    text = layout.text
    openings = layout.openings()
    own: list[Candidate] = []
    ends: list[int] = []
    for line, length in sorted(labels.items()):
        if not 0 < line <= len(layout.line_starts):
            continue
        start = layout.line_starts[line - 1]
        end = min(start + length, layout.line_ends[line - 1])
        m = marker_at(text, start, end)
        kind = kind_of(m)
        if m is None or kind is None or text[m.end() : end].strip(SPACE):
            continue
        candidate = _candidate(layout, m, kind, openings)
        if candidate is not None:
            own.append(candidate)
            ends.append(end)
    if not own:
        return found
    starts = [c.marker_start for c in own]
    kept = []
    for c in found:
        i = bisect_right(starts, c.marker_start) - 1
        if i < 0 or c.marker_start >= ends[i]:
            kept.append(c)
    return sorted([*kept, *own], key=lambda c: c.marker_start)


def _inside_number(before: str, first: str, kind: Kind) -> bool:
    """Whether a marker that begins with its numeral is the tail of a longer numeral (十|一、,
    1|2.), as the character before it says."""
    return any(first in system.first and before in system.first for system in kind.systems)


def _candidate(
    layout: Layout, m: re.Match[str], kind: Kind, openings: dict[int, int]
) -> Candidate | None:
    text = layout.text
    start = m.start()
    paragraph = openings.get(start)
    where = OPEN
    if paragraph is None:
        if kind.block_only:
            return None
        paragraph = layout.paragraph_at(start)
        where = _where(text, start)
    read = read_numeral(kind, m.group(NUMERAL_GROUP[kind.name]))
    if read is None:
        return None
    number = read[0]
    if not 0 < number <= kind.max_number:
        return None
    sub_numeral = m.group(SUB_GROUP[kind.name]) if kind.name in SUB_GROUP else None
    sub = SUB_VALUES.get(sub_numeral[-1], 0) if sub_numeral else 0
    end = m.end()
    count_like = kind.counts and _counts(text, end, layout.paragraph_end(paragraph), kind, number)
    after_digit = where == GLUED and text[start - 1].isdigit()
    return Candidate(kind, number, start, end, paragraph, where, count_like, sub, after_digit)


def _where(text: str, start: int) -> int:
    """Where a marker that does not open its paragraph stands: spaces or closing quotes
    between a sentence end and the marker still make it stand after that sentence end."""
    i = start - 1
    before = text[i]
    for skipped, otherwise in ((SPACE + EMPHASIS, SPACED), (QUOTES, CLOSED)):
        if before in skipped:
            while i >= 0 and text[i] in skipped:
                i -= 1
            return STOP if i >= 0 and text[i] in AFTER_STOP else otherwise
    if before in AFTER_STOP:
        return STOP
    return CLOSED if before in CLOSERS else GLUED


def _counts(text: str, end: int, limit: int, kind: Kind, number: int) -> bool:
    """Whether the next numeral follows a marker, as in 二、三级 or 5、6名 (not 一、二〇一二年,
    whose whole numeral is another number)."""
    follower = FOLLOWING_NUMERAL.match(text, end, limit)
    if follower is None:
        return False
    read = read_numeral(kind, follower[1])
    return read is not None and read[0] == number + 1
