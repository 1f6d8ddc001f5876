"""How a marker is written: its style (what stands around the numeral, which numerals), and
writing a marker of a given style and number.

A style is what stays the same along a well-kept run: （一） （二） （三） share the style
（N）, while (四) and （五）、 do not. `check` compares styles; `fix` writes markers in them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from outline.parser.markers import CIRCLED, DOT_CHARS, KINDS, PAREN_CHARS
from outline.parser.numerals import ARABIC_DIGITS, write_chinese

FULL_WIDTH = "０１２３４５６７８９"
ENCLOSED = {"circled": CIRCLED, "paren-char": PAREN_CHARS, "dot-char": DOT_CHARS}
"""The kinds whose numeral is one enclosed character, and their characters from 1 up."""


@dataclass(frozen=True, slots=True)
class Style:
    """What a marker looks like apart from its number."""

    prefix: str
    """What stands before the numeral: "（" in （一）, "第" in 第一条, "" in 一、."""
    suffix: str
    """What stands after the numeral: "）" in （一）, "、" in 一、, "是" in 一是."""
    numerals: str
    """"chinese" (一), "arabic" (1), "full-width" (１) or "enclosed" (① ⑴ ⒈)."""

    def __str__(self) -> str:
        """The style as one reads it: （N）, N、, 第N条."""
        return f"{self.prefix}N{self.suffix}"


STANDARD, MAJORITY = "standard", "majority"
STYLE_RULES = (STANDARD, MAJORITY)
"""How the style a level should be written in is chosen, when its markers differ: the
standard one of GB/T 9704 (一、 （一） 1. （1）) where the kind has one, or the one most markers
have."""

CANONICAL: dict[str, Style] = {
    "cn-dun": Style("", "、", "chinese"),
    "cn-paren": Style("（", "）", "chinese"),
    "arabic-dot": Style("", ".", "arabic"),
    "arabic-paren": Style("（", "）", "arabic"),
}
"""The styles of GB/T 9704 practice: a level written in more than one style takes it (by the
standard rule), or it breaks a tie (by the majority rule)."""

PUNCTUATION: dict[str, tuple[re.Pattern[str], str]] = {
    # 一. 一． 一 、 → 一、: a Chinese numeral takes the enumeration comma.
    "cn-dun": (re.compile(r"[ \t]?[.．]|[ \t]、"), "、"),
    # （一）、 → （一）: the brackets already set the numeral apart.
    "cn-paren": (re.compile(r"([）)])、"), r"\1"),
}
"""Punctuation that does not belong after a marker of a kind: a pattern that matches the whole
suffix when it is wrong, and what to write instead."""


@cache
def pattern(kind: str, numeral: str | None = None) -> re.Pattern[str]:
    """The marker pattern of a kind, its numeral in group `n`; or only the markers of one numeral.

    It matches a marker as written too: with a Markdown escape (1\\.) or a hard wrap (三\\n要).
    """
    k = KINDS[kind]
    return re.compile(k.pattern.format(n=f"(?P<n>{re.escape(numeral) if numeral else k.numeral})"))


def numeral_span(kind: str, marker: str) -> tuple[int, int] | None:
    """Where the numeral stands in a marker of a kind (as read: no escape, no line break)."""
    m = pattern(kind).fullmatch(marker)
    return m.span("n") if m else None


def style_of(kind: str, marker: str) -> Style | None:
    """The style of a marker of a kind, or None if the marker is not one of that kind."""
    span = numeral_span(kind, marker)
    if span is None:
        return None
    start, end = span
    numeral = marker[start:end]
    if kind in ENCLOSED:
        numerals = "enclosed"
    elif numeral[0] in FULL_WIDTH:
        numerals = "full-width"
    elif numeral[0] in ARABIC_DIGITS:
        numerals = "arabic"
    else:
        numerals = "chinese"
    return Style(marker[:start], marker[end:], numerals)


def corrected(kind: str, style: Style) -> Style:
    """The style with punctuation that does not belong after the marker put right."""
    rule = PUNCTUATION.get(kind)
    wrong = rule[0].fullmatch(style.suffix) if rule else None
    if rule is None or wrong is None:
        return style
    return Style(style.prefix, wrong.expand(rule[1]), style.numerals)


def write_numeral(number: int, numerals: str, kind: str) -> str | None:
    """A number written in a system of numerals, or None if that system has no such numeral.

    >>> [write_numeral(n, "chinese", "cn-dun") for n in (3, 10, 12, 20, 105, 110)]
    ['三', '十', '十二', '二十', '一百零五', '一百一十']
    >>> write_numeral(12, "full-width", "arabic-dot"), write_numeral(3, "enclosed", "circled")
    ('１２', '③')
    """
    if number < 1:
        return None
    if numerals == "enclosed":
        chars = ENCLOSED.get(kind, "")
        return chars[number - 1] if number <= len(chars) else None
    if numerals == "arabic":
        return str(number)
    if numerals == "full-width":
        return "".join(FULL_WIDTH[int(d)] for d in str(number))
    return write_chinese(number) if number < 10_000 else None


def write(kind: str, style: Style, number: int) -> str | None:
    """The marker of a kind for a number in a style: （三）, 3., 第三条; None if it cannot be."""
    numeral = write_numeral(number, style.numerals, kind)
    if numeral is None:
        return None
    marker = style.prefix + numeral + style.suffix
    return marker if numeral_span(kind, marker) is not None else None


def preferred(kind: str, styles: list[Style], rule: str = STANDARD) -> Style | None:
    """The style a level's markers should share: theirs when they share one (wrong
    punctuation put right); when they differ, the standard style of their kind, or by the
    majority rule the style most of them have.

    >>> paren, ascii = Style("（", "）", "chinese"), Style("(", ")", "chinese")
    >>> str(preferred("cn-paren", [ascii, ascii, paren])), str(preferred("cn-paren", [ascii]))
    ('（N）', '(N)')
    >>> str(preferred("cn-paren", [ascii, ascii, paren], MAJORITY))
    '(N)'
    """
    found = majority(kind, styles)
    differ = len({corrected(kind, style) for style in styles}) > 1
    if rule == MAJORITY or not differ:
        return found
    return CANONICAL.get(kind, found)


def majority(kind: str, styles: list[Style]) -> Style | None:
    """The style most markers of a level are written in, once wrong punctuation is put right; in
    a tie, the conventional style if it is among the tied, else the one that comes first."""
    if not styles:
        return None
    counts = Counter(corrected(kind, style) for style in styles)
    top = max(counts.values())
    tied = [s for s in counts if counts[s] == top]
    canonical = CANONICAL.get(kind)
    return canonical if canonical in tied else tied[0]
