"""From the chosen markers to items: each heading with its title and the stretch of text it
owns, flat and in document order, ready to be nested; and an item for each attachment."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache
from typing import NamedTuple

from outline.parser.layout import SENTENCE_STOPS, SPACE, SPACES, Layout
from outline.parser.markers import KINDS, Kind
from outline.parser.numerals import ARABIC_DIGITS, CHINESE_DIGITS, read_number
from outline.parser.regions import Attachment, UnitTitle
from outline.parser.scan import OPEN, Candidate

SENTENCE_STOP = re.compile(f"[{SENTENCE_STOPS}]")
EMPHASIS = "*_#"
LABEL_NUMBER = re.compile(f"[{ARABIC_DIGITS}{CHINESE_DIGITS}]+$")
"""The number that ends an attachment's label (附件2, 附件二); a label alone (附件) has none."""
STRONG = ("**",)
"""Markdown's bold, around a heading whose title it ends where a line break was lost (not
__, which also draws the blanks of a form to fill in)."""
LINE_BREAKS = re.compile(r"[\r\n]+")
MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
MARKDOWN_LINK = re.compile(r"\[([^\]\r\n]*)\]\((?:https?://|www\.|\.{0,2}/|#|mailto:)[^()\s]*\)")
"""A link in Markdown to a web address, [text](http://……): a title reads its text."""
TITLE_BREAK = (
    rf"(?<=[\u4e00-\u9fff])[{SPACE}]+"
    rf"(?=[《“「『]?(?:[\u4e00-\u9fff]|[0-9]+[\u4e00-\u9fff])[^{SPACE}\r\n]{{4}})"
)
"""Spaces after a Chinese character, before a stretch of five characters or more that begins
with a Chinese character or a number written against one, an opening quote allowed before
them: where a title ends in a text that lost its line breaks but kept a space for each
(一、总体要求 坚持……, 一、工作目标 2024年完成……, 二、考评内容 《……》); not 总　　则, nor the
spaces of Latin text, nor a number spaced on both sides (召开 2024 年).
Compiled on first use (`_title_break`): most titles hold no space, and its ranges of
characters take long to compile."""
LINE_TITLE = 60
"""A title this short that no sentence end stops runs to the end of its line, spaces and all
(一、提高 思想认识，压紧压实 防汛责任: an OCR's stray spaces); only a longer one, or one that
runs on to a sentence end, ends at spaces before a long stretch of text."""
ATTACHMENT = KINDS["attachment"]
UNIT_TITLE = KINDS["unit-title"]


class Item(NamedTuple):
    """A heading found in the text, not yet placed in the tree (a tuple: there are many)."""

    kind: Kind
    """Its row of the marker table."""
    marker: str
    """The marker as it reads."""
    number: int
    """The value its marker counts."""
    title: str
    """Its title, on one line."""
    start: int
    """Where its own text begins (indentation and stray Markdown included)."""
    marker_start: int
    """Offset of the marker."""
    body_start: int
    """Where its heading ends and its body begins."""
    end: int
    """Where its own text ends: where the next item begins."""
    inline: bool
    """True when it stands inside a paragraph as a member of a list there."""
    paragraph: int
    """Index of the paragraph that holds the marker."""
    restart: bool
    """An attachment or a second document begins before it: its numbering starts afresh."""
    resume: bool
    """An address to the audience (各位代表！) comes before it: the speech has returned from
    the subsections to its top-level section."""
    level: int | None = None
    """The outline level its file gives the paragraph by style (.docx), if any."""
    sub: int = 0
    """The number of an inserted unit: 1 for 第十七条之一."""


def items(
    layout: Layout,
    accepted: list[Candidate],
    starts: list[Attachment],
    resumptions: list[int],
    titles: list[UnitTitle] = (),  # type: ignore[assignment]
) -> list[Item]:
    """The items of the chosen markers, of the attachments and of the unnumbered unit titles
    (附则), in document order."""
    text = layout.text
    heads = _holding(
        [_attachment(a) for a in starts if a.label], [_start(layout, c) for c in accepted]
    )
    heads += [_unit_title(t) for t in titles]
    breaks = sorted(a.paragraph for a in starts if not a.label)
    begins = sorted(
        [(_start(layout, c), 1, i) for i, c in enumerate(accepted)]
        + [(h.start, 0, i) for i, h in enumerate(heads)]
    )
    found: list[Item] = []
    previous_paragraph = -1
    for k, (start, is_heading, i) in enumerate(begins):
        following = begins[k + 1][0] if k + 1 < len(begins) else len(text)
        if not is_heading:
            found.append(heads[i]._replace(end=following))
            previous_paragraph = heads[i].paragraph
            continue
        c = accepted[i]
        emphasis = text[max(0, c.marker_start - 2) : c.marker_start]
        title_start, title_end, body_start = _title_span(
            layout, c.marker_end, following, emphasis if emphasis in STRONG else ""
        )
        found.append(
            Item(
                kind=c.kind,
                marker=as_read(text[c.marker_start : c.marker_end]),
                number=c.number,
                title=_clean(text[title_start:title_end]),
                start=start,
                marker_start=c.marker_start,
                body_start=body_start,
                end=following,
                inline=c.where != OPEN and not c.hidden,
                paragraph=c.paragraph,
                restart=_between(breaks, previous_paragraph, c.paragraph - 1),
                resume=_between(resumptions, previous_paragraph, c.paragraph),
                sub=c.sub,
            )
        )
        previous_paragraph = c.paragraph
    return found


def _holding(heads: list[Item], starts: list[int]) -> list[Item]:
    """The attachments that hold a heading before the next one begins: one that holds none
    (附件：XX办法 closing a notice whose attachment is not in the file) is no node."""
    kept = []
    for i, h in enumerate(heads):
        first = bisect_left(starts, h.body_start)
        if first < len(starts) and (i + 1 == len(heads) or starts[first] < heads[i + 1].start):
            kept.append(h)
    return kept


def _attachment(a: Attachment) -> Item:
    numeral = LABEL_NUMBER.search(a.label)
    return Item(
        kind=ATTACHMENT,
        marker=a.label,
        number=(read_number(numeral.group()) or 0) if numeral else 0,
        title=_clean(a.title),
        start=a.start,
        marker_start=a.start,
        body_start=a.end,
        end=a.end,
        inline=False,
        paragraph=a.paragraph,
        restart=True,
        resume=False,
    )


def _unit_title(title: UnitTitle) -> Item:
    return Item(
        kind=UNIT_TITLE,
        marker="",
        number=0,
        title=title.title,
        start=title.start,
        marker_start=title.opening,
        body_start=title.end,
        end=title.end,
        inline=False,
        paragraph=title.paragraph,
        restart=False,
        resume=False,
    )


def _start(layout: Layout, c: Candidate) -> int:
    """Where a heading's own text begins: its paragraph's start, for a marker opening it."""
    return layout.paragraphs[c.paragraph].start if c.where == OPEN else c.marker_start


def _between(indexes: list[int], after: int, upto: int) -> bool:
    """Whether a sorted list holds an index in (after, upto]."""
    i = bisect_right(indexes, after)
    return i < len(indexes) and indexes[i] <= upto


def as_read(marker: str) -> str:
    """A marker as it reads: without a hard wrap or Markdown escape inside it (三|要, 1\\.)."""
    return LINE_BREAKS.sub("", marker).rstrip(SPACE).replace("\\", "")


def _clean(title: str) -> str:
    """A title on one line, without stray Markdown emphasis, escapes or link addresses."""
    title = LINE_BREAKS.sub("", title)
    if "](" in title:
        title = MARKDOWN_LINK.sub(r"\1", title)
    if "\\" in title:
        title = MARKDOWN_ESCAPE.sub(r"\1", title)
    return title.strip(SPACE + EMPHASIS)


@cache
def _title_break() -> re.Pattern[str]:
    return re.compile(TITLE_BREAK)


def _title_span(layout: Layout, pos: int, following: int, strong: str = "") -> tuple[int, int, int]:
    """Where the title begins and ends, and where the body begins.

    The title runs from the marker to the first 。！？；, the end of its paragraph, the next
    heading, or spaces before a long stretch of text (a line break lost, a space kept) where a
    sentence end or a long stretch follows (`LINE_TITLE`); for a
    heading set in bold (`strong` is the ** before its marker), to where the bold ends if
    that comes first (**一、主要目标**以科技……). Spaces after the marker are skipped, even where
    they would end a paragraph (第一条　 为了……).
    """
    text = layout.text
    line_end = layout.line_ends[bisect_right(layout.line_starts, pos) - 1]
    while pos < line_end and text[pos] in SPACE:
        pos += 1
    limit = min(layout.paragraphs[layout.paragraph_at(pos)].end, following)
    limit = max(limit, pos)
    stop = SENTENCE_STOP.search(text, pos, limit)
    upto = stop.start() if stop else limit
    spaced = (stop is not None or upto - pos > LINE_TITLE) and SPACES.search(text, pos + 1, upto)
    gap = _title_break().search(text, pos + 1, upto) if spaced else None
    if gap is not None:
        return pos, gap.start(), gap.start()
    bold_end = text.find(strong, pos, upto) if strong else -1
    if bold_end > pos:
        return pos, bold_end, bold_end + len(strong)
    title_end = upto
    body_start = stop.end() if stop else limit
    if not stop:
        while title_end > pos and text[title_end - 1] in SPACE:
            title_end -= 1
        body_start = title_end
    return pos, title_end, body_start
