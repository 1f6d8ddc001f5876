"""Tables of contents (目录): their titles, and their entries, which repeat the headings of the
body and are no headings themselves — entries with leaders and page numbers, a stretch of
bare titles that the body repeats, one line of entries after 目录."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from outline.parser.layout import SENTENCE_STOPS, SPACE, Layout
from outline.parser.markers import (
    NUMERAL_GROUP,
    find_marker,
    kind_of,
    marker_at,
    read_numeral,
)
from outline.parser.scan import Candidate

SENTENCE_STOP = re.compile(f"[{SENTENCE_STOPS}]")
TOC_TITLE = re.compile(rf"目[{SPACE}]*录[{SPACE}*：:]*")
"""目录 opening a paragraph, alone on its line or before its entries on one line; or anywhere
right before its first entry (目　　录第一章　总则, where line breaks were lost)."""
LEADERS = r"(?:[.·•…_\-—]{2,}|…|\t)[ \t.·…_\-—]*[0-9０-９ivxlcIVXLC]{1,5}\s*$"
"""What leads from an entry of a table of contents to its page number, with the number
(一、总体要求……………3, 第一章　总则	1). Compiled on first use (`_leaders`)."""
LEADER_CHARS = frozenset(" \t.·•…_-—")
"""Every character of the leader in `LEADERS`: a match begins in the run of these before the
page number."""
PAGE_CHARS = frozenset("0123456789０１２３４５６７８９ivxlcIVXLC")
"""Every character of a page number in `LEADERS`."""
PAGE_DIGITS = 5
"""The most characters a page number in `LEADERS` has."""
TOC_ENTRY_MAX = 80
"""Text between two entries of a table of contents: an entry's title, leader and page number."""
TOC_LEAD = 12
"""Characters after a 目录 title within which its first numbered entry stands, when an entry
without a number comes first (序言)."""
KEY_CHARS = 4
"""Characters of a title that tell one heading from another, for a table of contents."""
NOT_WORD = re.compile(r"[\W_]+")


def first_marker(marker: re.Match[str] | None) -> bool:
    """Whether a marker counts 1: 一、 （一） 1. 第一章."""
    kind = kind_of(marker)
    if marker is None or kind is None:
        return False
    read = read_numeral(kind, marker.group(NUMERAL_GROUP[kind.name]))
    return read is not None and read[0] == 1


def table_of_contents(
    layout: Layout, headings: list[Candidate], titles: list[int], *, marked_only: bool = False
) -> tuple[set[int], list[int]]:
    """The headings (by offset) that are entries of a table of contents: an entry with a
    leader and page number; or a stretch of headings that hold nothing but their titles, right
    after which the body begins by repeating the first of them, and repeats all but a fifth of
    them in order (after a 目录 title, the first will do: an excerpt may end early). The leader
    and page number end the entry's own paragraph (a table's last row, 合计……18, further on
    makes no entry of the heading above it). Also where
    the body begins after each table: a heading may follow the last entry glued to it.
    `marked_only`: only the tables after a 目录 title (then `headings` may be every marker)."""
    text = layout.text
    if not headings:
        return set(), []
    ends = [c.marker_start for c in headings[1:]] + [len(text)]
    bare = [
        _bare(text, c.marker_end, min(end, layout.paragraph_end(c.paragraph)))
        for c, end in zip(headings, ends, strict=True)
    ]
    keys = [_key(text, c, end) for c, end in zip(headings, ends, strict=True)]
    where: dict[tuple[str, int, int, str], list[int]] = {}
    for i, key in enumerate(keys):
        where.setdefault(key, []).append(i)
    marked = _after_toc_titles(titles, headings)

    def _is_table(i: int, j: int) -> bool:
        """Whether the stretch i..j is a table: after 目录, or repeated (all but a fifth)."""
        if i in marked:
            return True
        return not marked_only and j - i >= 2 and _repeated(keys, where, i, j) >= 0.8 * (j - i)

    entries: set[int] = set()
    body: list[int] = []
    i = 0
    while i < len(headings):
        if not bare[i]:
            i += 1
            continue
        j = i + 1
        while j < len(headings) and bare[j] and keys[j] != keys[i] and j not in marked:
            j += 1
        if j < len(headings) and j in marked and keys[j] != keys[i]:
            i = j  # a table begins after its 目录 title, whatever stood before
            continue
        if j < len(headings) and keys[j] == keys[i] and _is_table(i, j):
            entries.update(range(i, j))
            body.append(headings[j].marker_start)
        i = j
    if not marked_only:
        entries.update(
            i
            for i, c in enumerate(headings)
            if _leads_to_page(text, c.marker_end, min(ends[i], layout.paragraph_end(c.paragraph)))
        )
    return {headings[i].marker_start for i in entries}, body


def _leads_to_page(text: str, start: int, end: int) -> bool:
    """Whether the text start..end ends with a leader and a page number (`LEADERS`). Only its
    tail is read: the page number stands right before the trailing whitespace, and the leader
    is the run of leader characters right before the page number."""
    last = end
    while last > start and text[last - 1].isspace():
        last -= 1
    page = last
    while page > start and last - page <= PAGE_DIGITS and text[page - 1] in PAGE_CHARS:
        page -= 1
    if not 0 < last - page <= PAGE_DIGITS:
        return False
    leader = page
    while leader > start and text[leader - 1] in LEADER_CHARS:
        leader -= 1
    return _leaders().search(text, leader, end) is not None


@cache
def _leaders() -> re.Pattern[str]:
    """`LEADERS` compiled, on first use: few texts have a table of contents."""
    return re.compile(LEADERS)


def _bare(text: str, start: int, end: int) -> bool:
    """Whether a heading has no text of its own but its title: what follows its marker up to the
    next heading is short and holds no sentence."""
    return end - start <= TOC_ENTRY_MAX and SENTENCE_STOP.search(text, start, end) is None


def _key(text: str, c: Candidate, end: int) -> tuple[str, int, int, str]:
    """What tells a heading from another in a table of contents: its family, number and the
    first characters of its title."""
    title = NOT_WORD.sub("", text[c.marker_end : min(end, c.marker_end + 3 * KEY_CHARS + 8)])
    return (c.family, c.number, c.sub, title[:KEY_CHARS])


def _repeated(
    keys: list[tuple[str, int, int, str]],
    where: dict[tuple[str, int, int, str], list[int]],
    start: int,
    end: int,
) -> int:
    """How many of the headings start..end the headings after them repeat, in order."""
    position, found = end, 0
    for i in range(start, end):
        places = where[keys[i]]
        k = bisect_left(places, position)
        if k < len(places):
            found += 1
            position = places[k] + 1
    return found


def toc_titles(layout: Layout) -> list[int]:
    """Where each 目录 title ends: at the start of a paragraph, before a line end or a space;
    or anywhere, right before a first entry (第一章, 一、, 1.), or before a short entry without a
    number ahead of the first (序　言)."""
    text = layout.text
    found: list[int] = []
    for m in TOC_TITLE.finditer(text):
        end = m.end()
        para = layout.paragraphs[layout.paragraph_at(m.start())]
        opens = layout.opening(para.start, para.end) == m.start()
        alone = end == len(text) or text[end] in SPACE + "\r\n" or text[end - 1] in SPACE
        if (opens and alone) or first_marker(marker_at(text, end)):
            found.append(end)
        else:
            # 目　　录 序　言 第一章　总纲 ……: a first entry without a number, then the numbered.
            lead = find_marker(text, end, min(len(text), end + 2 * TOC_LEAD))
            if (
                lead is not None
                and lead.start() < end + TOC_LEAD
                and first_marker(lead)
                and not SENTENCE_STOP.search(text, end, lead.start())
            ):
                found.append(end)
    return found


def _after_toc_titles(titles: list[int], headings: list[Candidate]) -> set[int]:
    """Indices of the headings that come first after a 目录 title."""
    starts = [c.marker_start for c in headings]
    found: set[int] = set()
    for end in titles:
        k = bisect_left(starts, end)
        if k < len(headings):
            found.add(k)
    return found
