"""Offsets into a text as LSP positions and back: a line (from 0, lines ending at \\n, \\r\\n
or \\r, as the LSP has them) and a character counted in the code units the client and server
agreed on — UTF-16 by default, as the LSP requires, or UTF-8 or UTF-32.

>>> lines = Positions("一、目标\\n𠀀、甲\\r\\n")
>>> lines.position(7), lines.offset(1, 2)
((1, 3), 6)
"""

from __future__ import annotations

import re
from bisect import bisect_right

LINE_END = re.compile(r"\r\n|\r|\n")


class Positions:
    """The line starts of a text, to convert offsets and positions quickly."""

    def __init__(self, text: str, encoding: str = "utf-16") -> None:
        self.text = text
        self.encoding = encoding
        self.starts = [0, *(m.end() for m in LINE_END.finditer(text))]
        self.ends = [m.start() for m in LINE_END.finditer(text)] + [len(text)]

    def units(self, text: str) -> int:
        """How many code units a piece of text is in the agreed encoding."""
        if self.encoding == "utf-32":
            return len(text)
        if self.encoding == "utf-8":
            return len(text.encode("utf-8", "surrogatepass"))
        return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)

    def position(self, offset: int) -> tuple[int, int]:
        """The (line, character) of an offset; an offset inside a line end stands at the line's
        end."""
        line = bisect_right(self.starts, offset) - 1
        start = self.starts[line]
        return line, self.units(self.text[start : min(offset, self.ends[line])])

    def offset(self, line: int, character: int) -> int:
        """The offset of a position; past the end of a line is its end, past the last line is
        the end of the text."""
        if line >= len(self.starts):
            return len(self.text)
        start, end = self.starts[max(line, 0)], self.ends[max(line, 0)]
        if self.encoding == "utf-32":
            return min(start + max(character, 0), end)
        count = 0
        for index in range(start, end):
            if count >= character:
                return index
            count += self.units(self.text[index])
        return end

    def line_of(self, offset: int) -> int:
        """The line (from 0) that holds an offset."""
        return bisect_right(self.starts, offset) - 1
