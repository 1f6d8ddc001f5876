"""Re-joining hard-wrapped lines into paragraphs, as text from a PDF needs.

A line continues on the next when it is full (it reaches the right edge of the text block) and
does not end a sentence, and the next line is not indented as a new paragraph. So a wrapped
title is made whole, and a wrapped line that happens to begin with a numeral (3．项目建设……,
二、三产业……) joins the line before it instead of passing for a heading. A short line such as a
heading is never full, so it keeps a line of its own.

PDF gives the edges of the text block; in plain text a line is full when its width is close to
the width that most wrapped lines share. Widths and the ends of sentences are measured as the
parser measures them when it finds hard wraps itself (`outline.parser.layout`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from outline.parser.layout import SENTENCE_END, visual_width

SPACE = " \t\u3000\u00a0"
LINE_BREAK = re.compile(r"\r\n|\r|\n")
PAGE_NUMBER = re.compile(
    r"[-—–－_·•\s]*(?:第\s*)?[0-9０-９]{1,4}(?:\s*页)?"
    r"(?:\s*[/／]\s*(?:共\s*)?[0-9０-９]{1,4}\s*页?|\s*[,，]?\s*共\s*[0-9０-９]{1,4}\s*页)?"
    r"[-—–－_·•\s]*"
)
"""A line that is only a page number: 3, - 3 -, — 3 —, 第3页, 3/12, 第 3 页 共 8 页."""
MIN_WRAP_WIDTH = 24
"""Narrower lines (in columns, a CJK character counting two) are not taken for wrapped ones."""
MIN_WRAPPED = 2
"""Fewer lines of one width are no evidence of a wrap."""
WIDTH_SPREAD = 3
"""Wrapped lines differ by this many columns (half-width digits, compressed punctuation)."""
INDENT = re.compile(rf"(?:\u3000|  |\t)[{SPACE}]*\S")
"""Indentation that opens a paragraph: a full-width space, two spaces or a tab."""


NO_LINE_START = "，、。；：？！）》」』】〉”’…·,.;:?!)"
"""Punctuation a line may not begin with: the character before it moves down with it, so the
line above stops a character short of the edge."""
CJK = (
    "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\U00020000-\U0003ffff"
    "\u2014\u2015\u2018\u2019\u201c\u201d\u2026"
)
"""Chinese characters and the punctuation set among them (“” — …)."""
LAYOUT_SPACE = re.compile(
    rf"(?<=[{CJK}])[ \u00a0]+(?=[{CJK}0-9A-Za-z])|(?<=[0-9A-Za-z%‰])[ \u00a0]+(?=[{CJK}])"
)
"""Spaces that layout puts between Chinese and digits or Latin letters (2004 年 7 月, 10% 的),
which a reader does not see as spaces; those between Latin words stay."""
SPACED_DIGITS = re.compile(rf"(?<![0-9.,])[0-9](?: [0-9])+(?=[{CJK}])")
"""A number set one digit at a time, as text spread to a justified line is (2 0 2 4年): single
digits apart, right before the Chinese word they count; never the cells of a table's row
(合计 3 5 8, 4.86 2.10)."""


def tighten(text: str) -> str:
    """A laid-out line without the spaces layout put beside Chinese characters and between the
    digits of a number spread out.

    >>> tighten("本办法自 2004 年 7 月 1 日起施行 (Act of 2004)")
    '本办法自2004年7月1日起施行 (Act of 2004)'
    >>> tighten("（2 0 2 4年4月至1 2月），达到10% 以上")
    '（2024年4月至12月），达到10%以上'
    >>> tighten("一季度 2 3 4 万元")
    '一季度2 3 4万元'
    """
    if " " in text:
        text = SPACED_DIGITS.sub(lambda m: m.group().replace(" ", ""), text)
    return LAYOUT_SPACE.sub("", text)


NUMERALS = "0123456789０１２３４５６７８９一二三四五六七八九十〇零百千"


def pulled(text: str) -> bool:
    """Whether a line begins with a character that punctuation pulled down from the line
    above (关，…), not with a numeral and its mark (一、 1.).

    >>> pulled("关，制定本办法。"), pulled("一、总体要求")
    (True, False)
    """
    stripped = text.lstrip(SPACE)
    return (
        len(stripped) > 1
        and stripped[1] in NO_LINE_START
        and not stripped[0].isascii()
        and stripped[0] not in NUMERALS
    )


@dataclass(frozen=True, slots=True)
class Line:
    """One line as laid out, with what its position says."""

    text: str
    """The characters of the line."""
    full: bool
    """It reaches the right edge of the text block."""
    indented: bool = False
    """It begins right of the block's left edge, as the first line of a paragraph does."""
    size: float = 0.0
    """The height of its characters (the median), in points; 0 where it is not known."""


def join(lines: Sequence[Line]) -> tuple[list[str], list[int]]:
    """Paragraphs made of lines, and for each line the 1-based paragraph it went into.

    >>> join([Line("关于进一步加强", True), Line("作风建设的意见", False)])
    (['关于进一步加强作风建设的意见'], [1, 1])
    """
    paragraphs: list[str] = []
    where: list[int] = []
    open_ = False
    for index, line in enumerate(lines):
        text = line.text
        if open_ and PAGE_NUMBER.fullmatch(text) and _resumes(lines, index):
            where.append(len(paragraphs))  # page furniture inside a paragraph: left out
            continue
        if open_ and text.strip() and not line.indented:
            paragraphs[-1] = _glue(paragraphs[-1], text)
        else:
            paragraphs.append(text.rstrip(SPACE))
        where.append(len(paragraphs))
        tail = paragraphs[-1].rstrip(SPACE)
        open_ = line.full and bool(tail) and tail[-1] not in SENTENCE_END
    return paragraphs, where


def _resumes(lines: Sequence[Line], index: int) -> bool:
    """Whether the paragraph that a page number interrupts goes on after it."""
    after = next((line for line in lines[index + 1 :] if line.text.strip()), None)
    return after is not None and not after.indented


def _glue(left: str, right: str) -> str:
    """Two pieces of a wrapped line as one: a space only between two Latin words."""
    left, right = left.rstrip(SPACE), right.strip(SPACE)
    gap = " " if left[-1:].isascii() and left[-1:].isalpha() and right[:1].isascii() else ""
    return left + gap + right


def unwrap_text(text: str) -> tuple[str, list[int]]:
    """A hard-wrapped text re-joined, and for each of its lines the 1-based line it went into.

    A line is full when its width (a CJK character counting two columns) is within a few
    columns of the width that most lines not ending a sentence share.
    """
    raw = LINE_BREAK.split(text)
    widths = [visual_width(line.rstrip(SPACE)) for line in raw]
    wrap = wrap_width(widths, raw)
    slack = max(4, wrap // 12)
    lines = [
        Line(
            line,
            full=wrap > 0 and width >= wrap - slack,
            indented=INDENT.match(line) is not None,
        )
        for line, width in zip(raw, widths, strict=True)
    ]
    paragraphs, where = join(lines)
    return "\n".join(paragraphs), where


def wrap_width(widths: Sequence[int], lines: Sequence[str]) -> int:
    """The width most wrapped lines share, 0 when no width is shared by enough of them."""
    open_widths = [
        w
        for w, line in zip(widths, lines, strict=True)
        if w >= MIN_WRAP_WIDTH and line.rstrip(SPACE)[-1] not in SENTENCE_END
    ]
    histogram = Counter(open_widths)
    best, count = 0, 0
    for w in sorted(histogram):
        near = sum(histogram[w - d] for d in range(WIDTH_SPREAD + 1))
        if near >= count:
            best, count = w, near
    return best if count >= MIN_WRAPPED else 0
