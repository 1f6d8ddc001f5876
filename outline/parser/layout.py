"""Lines and paragraphs of a text, with their offsets.

A paragraph is where a heading may begin. It is usually a line, but a line can hold several
(a speech stored as one line, its paragraphs separated by full-width spaces), and a paragraph
can span several lines (text from a PDF, hard-wrapped in mid-sentence).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from typing import NamedTuple

from outline.parser.markers import marker_at

LINE_BREAK = re.compile(r"\r\n|\r|\n")
NEWLINE = re.compile("\n")
"""The only line break of a text without \\r: found faster than `LINE_BREAK`."""
LINE_BREAKS = "\r\n"
SPACE = " \t\u3000\u00a0\u2002\u2003\u2009\u200b\ufeff"
SPACES = re.compile(rf"[{SPACE}][{SPACE}]*")
"""Runs of spaces; written so (not `[…]+`) that a search skips to the first space fast."""
SENTENCE_STOPS = "。！？；!?;"
"""What ends a sentence, and so a heading's title. Inside a line, a run of two spaces or more
separates paragraphs, and so does one space after one of these."""
PREFIX = re.compile(rf"(?:[{SPACE}]|#{{1,6}}(?=[{SPACE}]|[^#])|>|[-*+](?=[{SPACE}])|\*\*|__)*")
"""What may stand before a marker at the start of a paragraph: indentation, stray Markdown."""
SENTENCE_END = '。！？；：!?;:…”"’」』）)】'
"""A line that ends with one of these ends its sentence, so it is not wrapped."""
MIN_WRAP_WIDTH = 24
"""Narrower lines are not taken for the lines of a hard-wrapped text."""
FULL_LINE = 0.9
"""A line this close to the wrap width is full: the next line continues it."""
MARKUP = "\\*_"
"""Characters that Markdown adds around text: not counted in a fragment's length."""
FRAGMENT = 4
"""Text this short between spaces continues its line's paragraph (总  则)."""
MIN_WRAPPED = 5
"""Fewer lines at one width are no evidence of a hard wrap."""
NEIGHBOURS = 6
"""Lines on either side that a line is compared with to tell whether it is full."""
NEAR_FULL = 0.85
"""A line this close to the wide lines around it is full, half-width punctuation and all."""
MIN_FULL_NEIGHBOURS = 2
"""Lines around a full one that must be as wide and stop in mid-sentence too (prose, not
headings), for the width to be a wrap's."""
MARKED_SHARE = 0.5
"""More lines after full ones opening with a marker than this share: not a wrapped text."""


def visual_width(s: str) -> int:
    """Width of a line in columns: CJK characters (three bytes in UTF-8) count two."""
    return (len(s.encode("utf-8", "surrogatepass")) + len(s)) // 2


class Paragraph(NamedTuple):
    """A stretch of text where a heading may begin at the start."""

    start: int
    """Offset of its first character (indentation included)."""
    end: int
    """Offset just past its last character (the line break excluded)."""
    line: int
    """0-based index of the line it begins on."""


def _lines(text: str) -> tuple[list[int], list[int]]:
    """Where each line of a text starts, and where it ends (before its line break)."""
    if "\r" in text:
        breaks = [m.span() for m in LINE_BREAK.finditer(text)]
        return [0, *(end for _, end in breaks)], [*(start for start, _ in breaks), len(text)]
    ends = [m.start() for m in NEWLINE.finditer(text)]
    return [0, *(end + 1 for end in ends)], [*ends, len(text)]


class Layout:
    """The lines and paragraphs of one text. Blank lines hold no paragraph."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.line_starts, self.line_ends = _lines(text)
        self.continues = self._wrapped_lines()
        self.paragraphs = self._paragraphs()
        self._starts = [p.start for p in self.paragraphs]
        self._openings: dict[int, int] | None = None

    def locate(self, offset: int) -> tuple[int, int]:
        """1-based line and column of an offset."""
        index = bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

    def lines(self) -> Iterator[tuple[int, int]]:
        """Start and end offset of each line, its line break excluded."""
        return zip(self.line_starts, self.line_ends, strict=True)

    def line_text(self, index: int) -> str:
        """The text of a line (0-based), without its line break."""
        return self.text[self.line_starts[index] : self.line_ends[index]]

    def opening(self, start: int, end: int) -> int:
        """Where the text of a paragraph (or line) spanning start..end begins, past its
        indentation and stray Markdown."""
        return PREFIX.match(self.text, start, end).end()  # type: ignore[union-attr]

    def paragraph_at(self, offset: int) -> int:
        """Index of the paragraph that holds an offset (or the last one before it)."""
        return bisect_right(self._starts, offset) - 1

    def paragraph_end(self, index: int) -> int:
        """Offset just past the last character of a paragraph."""
        return self.paragraphs[index].end

    def openings(self) -> dict[int, int]:
        """Where the text of each paragraph begins, past its indentation and stray Markdown:
        the index of the paragraph, by that offset."""
        if self._openings is None:
            self._openings = {
                self.opening(p.start, p.end): index for index, p in enumerate(self.paragraphs)
            }
        return self._openings

    def continues_sentence(self, offset: int) -> bool:
        """Whether the line that holds an offset continues the sentence of the line before it:
        that line stops in mid-sentence and is as wide as the widest lines around it, as the
        lines of a hard-wrapped text are (two more around it are as wide, in mid-sentence)."""
        index = bisect_right(self.line_starts, offset) - 1
        if index == 0:
            return False
        before = self.line_text(index - 1).strip(SPACE)
        if not before or before[-1] in SENTENCE_END:
            return False
        width = visual_width(before)
        if width < MIN_WRAP_WIDTH:
            return False
        near = range(max(0, index - NEIGHBOURS), min(len(self.line_starts), index + NEIGHBOURS))
        lines = [self.line_text(i).strip(SPACE) for i in near if i != index - 1]
        widths = [visual_width(line) for line in lines]
        wide = sorted(widths, reverse=True)[: MIN_FULL_NEIGHBOURS + 1]
        if not wide or width < wide[-1] * NEAR_FULL:
            return False
        wrapped = len(
            [
                line
                for line, w in zip(lines, widths, strict=True)
                if w >= width * NEAR_FULL
                and line[-1] not in SENTENCE_END
                and marker_at(line, len(PREFIX.match(line).group())) is None  # type: ignore[union-attr]
            ]
        )
        return wrapped >= MIN_FULL_NEIGHBOURS

    def _wrapped_lines(self) -> list[bool]:
        """For each line, whether it continues the previous one (a hard wrap), not a paragraph.

        A text is hard-wrapped when many of its lines that stop in mid-sentence have nearly the
        same width, and that width is the widest of the text; such a line is continued by the
        next one.
        """
        count = len(self.line_starts)
        continues = [False] * count
        text = self.text
        contents = [text[s:e].strip(SPACE) for s, e in self.lines()]
        open_widths = [
            w
            for w in (
                visual_width(c)
                for c in contents
                if 2 * len(c) >= MIN_WRAP_WIDTH and c[-1] not in SENTENCE_END
            )
            if w >= MIN_WRAP_WIDTH
        ]
        if len(open_widths) < MIN_WRAPPED:
            return continues
        histogram = Counter(open_widths)
        width = max(histogram, key=lambda w: (sum(histogram[w - d] for d in range(3)), w))
        near = sum(histogram[width - d] for d in range(4))
        if near < MIN_WRAPPED or near < 0.5 * len(open_widths):
            return continues
        filled = [c for c in contents if c]
        if sum(1 for c in filled if visual_width(c) > width + 2) > 0.05 * len(filled):
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
        if sum(1 for i in full if self._starts_with_marker(i)) > MARKED_SHARE * len(full):
            return continues
        for i in full:
            continues[i] = True
        return continues

    def _starts_with_marker(self, index: int) -> bool:
        start, end = self.line_starts[index], self.line_ends[index]
        return marker_at(self.text, self.opening(start, end), end) is not None

    def _paragraphs(self) -> list[Paragraph]:
        """Lines, split where a run of spaces separates paragraphs, joined where wrapped."""
        text = self.text
        inner = [
            (start, end)
            for start, end in (m.span() for m in SPACES.finditer(text))
            if start
            and end < len(text)
            and text[end] not in LINE_BREAKS
            and text[start - 1] not in LINE_BREAKS
            and (end - start > 1 or text[start - 1] in SENTENCE_STOPS)
        ]
        inner.append((len(self.text) + 1, len(self.text) + 1))
        found: list[Paragraph] = []
        k = 0
        for index, (line_start, end) in enumerate(self.lines()):
            start, line = line_start, index
            if self.continues[index] and found:
                start, _, line = found.pop()
            elif start == end:
                continue
            while inner[k][0] < end:
                after = inner[k][1]
                if not self._fragment(after, min(inner[k + 1][0], end)):
                    found.append(Paragraph(start, inner[k][0], line))
                    start, line = after, index
                k += 1
            found.append(Paragraph(start, end, line))
        return found

    def _fragment(self, start: int, end: int) -> bool:
        """Whether the text after a run of spaces is too short to be a paragraph of its own,
        as in 第一章  总  则 (or 附  则第二十一条, where a line break was lost), unless it opens
        with a marker. Markdown's escapes and emphasis
        (\\* **) do not count towards its length."""
        if marker_at(self.text, start, end) is not None:
            return False
        # 附  则第二十一条: a unit glued to the fragment ends it.
        unit = self.text.find("第", start + 1, min(end, start + FRAGMENT + 1))
        if unit == -1 or marker_at(self.text, unit, end) is None:
            unit = end
        piece = self.text[start:unit]
        length = len(piece) - sum(piece.count(ch) for ch in MARKUP)
        return length <= FRAGMENT
