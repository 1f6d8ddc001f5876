"""The margins of PDF pages: the running head at the top of each page (岚州市人民政府公报
2024年第3期) and the footnotes at the foot (①“一件事一次办”，是指……). They are no part of
the text's flow: a paragraph that a page break cuts goes on past them, and the numbers of
footnotes are no headings. They are set aside — kept, after the paragraph they interrupt — and
their lines named, for the parser to leave their markers alone.

A running head is a page's first line that stands first on other pages too, its digits aside
(a gazette's issue, a page number): on three pages or more, or on two in a smaller type. A
footnote begins with a note's mark (①, [1], 注) in a smaller type than the page's text, and runs
to the page's foot in that type.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter

from outline.parser.markers import marker_at
from outline.sources.unwrap import Line

NOTE_MARK = re.compile(r"[①-⑳⑴-⒇]|\[\d{1,3}\]|［\d{1,3}］|注[：:]|\*")
"""What a footnote begins with."""
SMALL = 0.85
"""A footnote's type is at most this share of the page's text type."""
DIGITS = re.compile(r"[\d０-９\s]+")
MIN_PAGES = 3
"""Pages that share a first line in the text's own type, at least, for it to be a running head."""


def set_aside(pages: list[list[Line]]) -> tuple[list[Line], set[int]]:
    """The lines of the pages in reading order, with each page's running head and footnotes
    moved after the paragraph they interrupt; and the indices of those lines."""
    heads = _running_heads(pages)
    flow: list[Line] = []
    aside: set[int] = set()
    held: list[Line] = []
    for page in pages:
        top = 0
        while top < len(page) and _key(page[top].text) in heads:
            top += 1
        foot = _footnotes(page, top)
        held += page[:top]
        if held and not (flow and flow[-1].full):  # no paragraph open: nothing to go past
            _release(flow, aside, held)
        for line in page[top:foot]:
            flow.append(line)
            if held and not line.full:
                _release(flow, aside, held)
        held += page[foot:]
        if held and (top == foot or not page[foot - 1].full):
            _release(flow, aside, held)
    _release(flow, aside, held)
    return flow, aside


def _release(flow: list[Line], aside: set[int], held: list[Line]) -> None:
    """Put the held lines into the flow, each a paragraph of its own."""
    for line in held:
        aside.add(len(flow))
        flow.append(Line(line.text, full=False, indented=True, size=line.size))
    held.clear()


def _key(text: str) -> str:
    """A running head as compared: its characters in any order, without digits and spaces
    (2024年第3期 岚州市人民政府公报 on even pages, the other way round on odd ones)."""
    return "".join(sorted(DIGITS.sub("", text)))


def _running_heads(pages: list[list[Line]]) -> set[str]:
    """The first lines that several pages share, digits aside: three pages or more, or two in
    a type smaller than their text's; never a line that opens with a heading's marker (第一章
    总则 heading a page of each of two regulations)."""
    counts: Counter[str] = Counter()
    small: Counter[str] = Counter()
    for page in pages:
        if not page or marker_at(page[0].text.lstrip()) is not None:
            continue
        key = _key(page[0].text)
        counts[key] += 1
        sizes = [line.size for line in page[1:] if line.size > 0]
        if sizes and 0 < page[0].size <= SMALL * statistics.median(sizes):
            small[key] += 1
    return {
        key for key, n in counts.items() if key and (n >= MIN_PAGES or (n > 1 and small[key] > 1))
    }


def _footnotes(page: list[Line], top: int) -> int:
    """Where a page's footnotes begin (its length when it has none): the last line in small
    type that begins with a note's mark, with only small type after it."""
    sizes = [line.size for line in page[top:] if line.size > 0]
    if len(sizes) < 2:
        return len(page)
    small = SMALL * statistics.median(sizes)
    start = len(page)
    for index in range(len(page) - 1, top, -1):
        line = page[index]
        if not 0 < line.size <= small:
            break
        if NOTE_MARK.match(line.text):
            start = index
    return start
