"""Lines and paragraphs of a text, with their offsets.

A paragraph is where a heading may begin. It is usually a line, but a line can hold several
(a speech stored as one line, its paragraphs separated by full-width spaces), and a paragraph
can span several lines (text from a PDF, hard-wrapped in mid-sentence).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass

from outline.markers import MARKER

LINE_BREAK = re.compile(r"\r\n|\r|\n")
SPACE = " \t\u3000\u00a0\u2002\u2003\u2009\u200b\ufeff"
PARAGRAPH_BREAK = re.compile(
    rf"(?<=\S)[{SPACE}]{{2,}}(?=\S)"  # a run of spaces inside a line
    rf"|(?<=[。！？；!?;])[{SPACE}](?=\S)"  # one space after the end of a sentence
)
PREFIX = re.compile(rf"(?:[{SPACE}]|#{{1,6}}(?=[{SPACE}]|[^#])|>|[-*+](?=[{SPACE}])|\*\*|__)*")
"""What may stand before a marker at the start of a paragraph: indentation, stray Markdown."""
SENTENCE_END = '。！？；：!?;:…”"’」』）)】'
"""A line that ends with one of these ends its sentence, so it is not wrapped."""
MIN_WRAP_WIDTH = 24
FULL_LINE = 0.9
"""A line this close to the wrap width is full: the next line continues it."""
MARKED_SHARE = 0.5
"""More lines after full ones opening with a marker than this share: not a wrapped text."""
"""Narrower lines are not taken for the lines of a hard-wrapped text."""

TOC_TITLE = re.compile(rf"[{SPACE}#*>]*目[{SPACE}]*录[{SPACE}*]*$")
TOC_ENTRY = re.compile(r"(?:\.{4,}|…{2,}|·{4,}|-{4,}|_{4,})[\s.…·\-_]*[0-9０-９]+\s*$")
"""A line with a leader and a page number: 一、总体要求……………3"""
ATTACHMENT = re.compile(
    rf"[{SPACE}#*>]*(?:(?:附件|附表|附录)[{SPACE}]*[0-9０-９一二三四五六七八九十]*[{SPACE}]*[：:]?"
    rf"|附[：:])[{SPACE}*]*(?:$|(?=\S.{{0,40}}$))"
)
"""附件 / 附件2： / 附： — what follows is another document; its numbering starts afresh."""


def visual_width(s: str) -> int:
    """Width of a line in columns: CJK characters (three bytes in UTF-8) count two."""
    return (len(s.encode("utf-8", "surrogatepass")) + len(s)) // 2


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A stretch of text where a heading may begin at the start."""

    start: int
    """Offset of its first character (indentation included)."""
    end: int
    """Offset just past its last character (the line break excluded)."""
    line: int
    """0-based index of the line it begins on."""


class Layout:
    """The lines and paragraphs of one text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.line_starts = [0]
        self.line_ends: list[int] = []
        for m in LINE_BREAK.finditer(text):
            self.line_ends.append(m.start())
            self.line_starts.append(m.end())
        self.line_ends.append(len(text))
        self.continues = self._wrapped_lines()
        self.paragraphs = self._paragraphs()
        self._starts = [p.start for p in self.paragraphs]

    def locate(self, offset: int) -> tuple[int, int]:
        """1-based line and column of an offset."""
        index = bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

    def line_text(self, index: int) -> str:
        """The text of a line (0-based), without its line break."""
        return self.text[self.line_starts[index] : self.line_ends[index]]

    def paragraph_at(self, offset: int) -> int:
        """Index of the paragraph that holds an offset."""
        return bisect_right(self._starts, offset) - 1

    def _wrapped_lines(self) -> list[bool]:
        """For each line, whether it continues the previous one (a hard wrap), not a paragraph.

        A text is hard-wrapped when many of its lines that stop in mid-sentence have nearly the
        same width; such a line is continued by the next one.
        """
        count = len(self.line_starts)
        continues = [False] * count
        contents = [self.line_text(i).strip(SPACE) for i in range(count)]
        open_widths = [visual_width(c) for c in contents if c and c[-1] not in SENTENCE_END]
        open_widths = [w for w in open_widths if w >= MIN_WRAP_WIDTH]
        if not open_widths:
            return continues
        histogram = Counter(open_widths)
        width = max(histogram, key=lambda w: (sum(histogram[w - d] for d in range(3)), w))
        near = sum(histogram[width - d] for d in range(4))
        wider = sum(1 for c in contents if visual_width(c) > width + 2)
        filled = sum(1 for c in contents if c)
        # Wrapped lines share one width, and that width is the widest of the text.
        if near < 5 or near < 0.5 * len(open_widths) or wider > 0.05 * filled:
            return continues
        full = [
            i
            for i in range(1, count)
            if contents[i]
            and contents[i - 1]
            and contents[i - 1][-1] not in SENTENCE_END
            and visual_width(contents[i - 1]) >= width * FULL_LINE
        ]
        # A list of headings of equal length is not a wrapped paragraph: there, the line after
        # a full one begins with a marker by design, in wrapped prose only by chance.
        marked = sum(1 for i in full if self._starts_with_marker(i))
        if marked > MARKED_SHARE * len(full):
            return continues
        for i in full:
            continues[i] = True
        return continues

    def _starts_with_marker(self, index: int) -> bool:
        start, end = self.line_starts[index], self.line_ends[index]
        pos = PREFIX.match(self.text, start, end).end()  # type: ignore[union-attr]
        return MARKER.match(self.text, pos, end) is not None

    def _paragraphs(self) -> list[Paragraph]:
        text = self.text
        found: list[Paragraph] = []
        for index, (start, end) in enumerate(zip(self.line_starts, self.line_ends, strict=True)):
            if self.continues[index] and found:
                last = found[-1]
                found[-1] = Paragraph(last.start, end, last.line)
                begin = start
            else:
                found.append(Paragraph(start, end, index))
                begin = start
            for m in PARAGRAPH_BREAK.finditer(text, begin, end):
                last = found[-1]
                found[-1] = Paragraph(last.start, m.start(), last.line)
                found.append(Paragraph(m.end(), end, index))
        return found
