"""OpenDocument numbering: the labels that list styles and the outline style generate.

A list style gives each level (1–10) a number format, a prefix and suffix, how many levels the
label shows (text:display-levels, joined by dots) or, as LibreOffice writes it, a template with
%1%…%10% (loext:num-list-format), a start value and what follows the label. Counters run per
list: a list continues another when it says so (text:continue-numbering, text:continue-list);
headings count in the outline style's one list.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from outline.sources import safexml
from outline.sources.caps import CAPS
from outline.sources.numfmt import counter, format_number

TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
LOEXT = "{urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0}"
LEVELS = 10
FORMATS: Mapping[str, str] = {
    "1": "decimal",
    "a": "lowerLetter",
    "A": "upperLetter",
    "i": "lowerRoman",
    "I": "upperRoman",
    "": "none",
    "一, 二, 三, ...": "chineseCounting",
    "壹, 贰, 叁, ...": "chineseLegalSimplified",
    "壹, 貳, 參, ...": "ideographLegalTraditional",
    "甲, 乙, 丙, ...": "ideographTraditional",
    "子, 丑, 寅, ...": "ideographZodiac",
    "①, ②, ③, ...": "decimalEnclosedCircle",
    "01, 02, 03, ...": "decimalZero",
    "１, ２, ３, ...": "decimalFullWidth",
    "1st": "ordinal",
}
"""OpenDocument number formats (style:num-format), as LibreOffice writes them, by the Word
format that writes the same (`numfmt.FORMATS`); others are decimal."""
FOLLOW = {"listtab": "\t", "space": " ", "nothing": ""}


@dataclass(frozen=True, slots=True)
class LevelStyle:
    """One level of a list style."""

    fmt: str = "decimal"
    """A key of `numfmt.FORMATS`, or "bullet" for a bullet or picture level."""
    prefix: str = ""
    suffix: str = ""
    display: int = 1
    """How many levels the label shows, this one and those above it."""
    template: str | None = None
    """LibreOffice's label template, %1%…%10% for the counters."""
    start: int = 1
    follow: str = " "
    """What follows the label."""


ListStyle = Mapping[int, LevelStyle]
"""The levels of a list style, 1-based."""


def list_styles(*roots: safexml.Element) -> dict[str, ListStyle]:
    """Every list style of the documents' style parts, and the outline style under ""."""
    found: dict[str, ListStyle] = {}
    for root in roots:
        for node in root.iter(TEXT + "list-style", TEXT + "outline-style"):
            name = "" if node.tag == TEXT + "outline-style" else node.get(STYLE + "name") or ""
            found[name] = {_level(child): _level_style(child) for child in node}
    return found


def _level(node: safexml.Element) -> int:
    try:
        return min(max(int(node.get(TEXT + "level") or 1), 1), LEVELS)
    except ValueError:
        return 1


def _level_style(node: safexml.Element) -> LevelStyle:
    if not safexml.local(node.tag).endswith("-number") and "outline" not in node.tag:
        return LevelStyle(fmt="bullet")
    try:
        start = counter(int(node.get(TEXT + "start-value") or 1))
        display = int(node.get(TEXT + "display-levels") or 1)
    except ValueError:
        start, display = 1, 1
    follow = " "
    for child in node.iter(STYLE + "list-level-label-alignment"):
        follow = FOLLOW.get(child.get(TEXT + "label-followed-by") or "", " ")
    return LevelStyle(
        fmt=FORMATS.get(node.get(STYLE + "num-format") or "", "decimal"),
        prefix=node.get(STYLE + "num-prefix") or "",
        suffix=node.get(STYLE + "num-suffix") or "",
        display=min(max(display, 1), LEVELS),
        template=node.get(LOEXT + "num-list-format"),
        start=start,
        follow=follow,
    )


@dataclass(slots=True)
class Counts:
    """The counters of one list, levels 1–10."""

    values: list[int | None] = field(default_factory=lambda: [None] * (LEVELS + 1))

    def step(self, style: ListStyle, level: int, start: int | None = None) -> None:
        """One more item at `level` (or its count set to `start`); levels above it that have
        not been used take their start, deeper ones restart."""
        default = style.get(level, LevelStyle())
        current = self.values[level]
        if start is not None:
            self.values[level] = counter(start)
        else:
            self.values[level] = default.start if current is None else counter(current + 1)
        for higher in range(1, level):
            if self.values[higher] is None:
                self.values[higher] = style.get(higher, LevelStyle()).start
        for deeper in range(level + 1, LEVELS + 1):
            self.values[deeper] = None


def label(style: ListStyle, counts: Counts, level: int) -> str:
    """The label of an item at `level`, with what follows it; "" for a bullet or none."""
    own = style.get(level, LevelStyle())
    if own.fmt in ("bullet", "none"):
        return ""
    if own.template is not None:
        text = _template(own.template, style, counts)
    else:
        first = max(1, level - own.display + 1)
        numbers = [_number(style, counts, n) for n in range(first, level + 1)]
        text = own.prefix + ".".join(n for n in numbers if n) + own.suffix
    text = text[: CAPS.label_chars]
    return text + own.follow if text.strip() else ""


def _number(style: ListStyle, counts: Counts, level: int) -> str:
    value = counts.values[level]
    fmt = style.get(level, LevelStyle()).fmt
    return "" if value is None or fmt in ("bullet", "none") else format_number(fmt, value)


def _template(template: str, style: ListStyle, counts: Counts) -> str:
    """A LibreOffice label template with each %N% replaced by that level's counter."""
    out: list[str] = []
    size = 0
    rest = template
    while rest and size <= CAPS.label_chars:
        head, mark, rest = rest.partition("%")
        out.append(head)
        size += len(head)
        if not mark:
            break
        number, closed, after = rest.partition("%")
        if closed and number.isdigit() and 1 <= int(number) <= LEVELS:
            piece = _number(style, counts, int(number))
            out.append(piece)
            size += len(piece)
            rest = after
        else:
            out.append("%")
    return "".join(out)
