"""How a marker is written: its style (what stands around the numeral, which numerals), and
writing a marker of a given style and number. Everything here comes from the marker grammar
(`outline.parser.markers`): a family's rows, their numeral systems, the standard way of writing
a family and the punctuation that does not belong after it.

A style is what stays the same along a well-kept run: （一） （二） （三） share the style
（N）, while (四) and （五）、 do not. `check` compares styles; `fix` writes markers in them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from outline.parser.markers import FAMILIES, Kind, read_numeral, row_pattern
from outline.parser.numerals import SYSTEMS


@dataclass(frozen=True, slots=True)
class Style:
    """What a marker looks like apart from its number."""

    prefix: str
    """What stands before the numeral: "（" in （一）, "第" in 第一条, "" in 一、."""
    suffix: str
    """What stands after the numeral: "）" in （一）, "、" in 一、, "是" in 一是."""
    numerals: str
    """The numeral system, a key of `outline.parser.numerals.SYSTEMS`: "chinese" (一),
    "arabic" (1), "full-width" (１), "circled" (①) …"""

    def __str__(self) -> str:
        """The style as one reads it: （N）, N、, 第N条."""
        return f"{self.prefix}N{self.suffix}"


def matches(kind: str, text: str, pos: int) -> re.Match[str] | None:
    """The marker of a family at a position (as written: with a Markdown escape or a hard
    wrap inside), its numeral in group `n`."""
    for row in FAMILIES.get(kind, ()):
        if row.pattern:
            m = row_pattern(row.name).match(text, pos)
            if m is not None:
                return m
    return None


def search(
    kind: str, text: str, start: int, end: int, *, numeral: str, numerals: str
) -> Iterator[re.Match[str]]:
    """The markers of a family with one numeral, written in a numeral system (a key of
    `SYSTEMS`), between two offsets, in order."""
    found = [
        m
        for row in FAMILIES.get(kind, ())
        if row.pattern and numerals in row.numerals
        for m in row_pattern(row.name, numeral).finditer(text, start, end)
    ]
    return iter(sorted(found, key=lambda m: m.start()))


def _row(kind: str, marker: str) -> tuple[Kind, re.Match[str]] | None:
    for row in FAMILIES.get(kind, ()):
        if row.pattern:
            m = row_pattern(row.name).fullmatch(marker)
            if m is not None:
                return row, m
    return None


def numeral_span(kind: str, marker: str) -> tuple[int, int] | None:
    """Where the numeral stands in a marker of a family (as read: no escape, no line break)."""
    found = _row(kind, marker)
    return found[1].span("n") if found else None


def style_of(kind: str, marker: str) -> Style | None:
    """The style of a marker of a family, or None if the marker is not one of that family.
    A decimal outline number (1.2) has the style of its last number alone: the numbers before
    it are its parent's, and `fix` does not write them."""
    found = _row(kind, marker)
    if found is None:
        return None
    row, m = found
    start, end = m.span("n")
    read = read_numeral(row, marker[start:end])
    if read is None:
        return None
    prefix = "" if row.depth > 1 else marker[:start]
    suffix = marker[end:]
    if "s" in m.re.groupindex and m.start("s") >= 0:
        # 第十七条之一 is written as 第十七条 is: 之一 numbers an inserted unit, not a style.
        suffix = marker[end : m.start("s") - 1] + marker[m.end("s") :]
    return Style(prefix, suffix, read[1].name)


def corrected(kind: str, style: Style) -> Style:
    """The style with punctuation that does not belong after the marker put right."""
    for row in FAMILIES.get(kind, ()):
        if row.wrong_suffix:
            wrong = re.fullmatch(row.wrong_suffix, style.suffix)
            if wrong is not None:
                return Style(style.prefix, wrong.expand(row.right_suffix), style.numerals)
    return style


def write_numeral(number: int, numerals: str, kind: str = "") -> str | None:
    """A number written in a system of numerals, or None if that system has no such numeral.

    >>> [write_numeral(n, "chinese") for n in (3, 10, 12, 20, 105, 110)]
    ['三', '十', '十二', '二十', '一百零五', '一百一十']
    >>> write_numeral(12, "full-width"), write_numeral(3, "circled"), write_numeral(2, "stems")
    ('１２', '③', '乙')
    """
    system = SYSTEMS.get(numerals)
    if system is None or number < 1 or number >= 10_000:
        return None
    return system.write(number)


def write(kind: str, style: Style, number: int) -> str | None:
    """The marker of a family for a number in a style: （三）, 3., 第三条; None if it cannot be."""
    numeral = write_numeral(number, style.numerals, kind)
    if numeral is None:
        return None
    marker = style.prefix + numeral + style.suffix
    return marker if numeral_span(kind, marker) is not None else None


STANDARD, MAJORITY = "standard", "majority"
STYLE_RULES = (STANDARD, MAJORITY)
"""How the style a level should be written in is chosen, when its markers differ: the
standard one of GB/T 9704 (一、 （一） 1. （1）) where the family has one, or the one most
markers have."""


@cache
def standard(kind: str) -> Style | None:
    """The style GB/T 9704 writes a family in (（N） for （一）), where the grammar says."""
    for row in FAMILIES.get(kind, ()):
        if row.standard:
            prefix, _, suffix = row.standard.partition("N")
            return Style(prefix, suffix, row.numerals[0])
    return None


def preferred(kind: str, styles: list[Style], rule: str = STANDARD) -> Style | None:
    """The style a level's markers should share: theirs when they share one (wrong
    punctuation put right); when they differ, the standard style of their family if one of
    them writes its numbers in the standard's system, or by the majority rule the style most
    of them have.

    >>> paren, ascii = Style("（", "）", "chinese"), Style("(", ")", "chinese")
    >>> str(preferred("cn-paren", [ascii, ascii, paren])), str(preferred("cn-paren", [ascii]))
    ('（N）', '(N)')
    >>> str(preferred("cn-paren", [ascii, ascii, paren], MAJORITY))
    '(N)'
    """
    found = majority(kind, styles)
    differ = len({corrected(kind, style) for style in styles}) > 1
    canonical = standard(kind)
    if rule == MAJORITY or not differ or canonical is None:
        return found
    return canonical if any(_same_system(canonical, s) for s in styles) else found


def majority(kind: str, styles: list[Style]) -> Style | None:
    """The style most markers of a level are written in, once wrong punctuation is put right;
    in a tie, the standard one if it is among the tied, else the one that comes first."""
    if not styles:
        return None
    counts = Counter(corrected(kind, style) for style in styles)
    top = max(counts.values())
    tied = [s for s in counts if counts[s] == top]
    canonical = standard(kind)
    return canonical if canonical in tied else tied[0]


def _same_system(canonical: Style, style: Style) -> bool:
    """Whether a style writes its numbers in the system the standard style does (一 and 一;
    not ① for the standard of （1）)."""
    return canonical.numerals == style.numerals
