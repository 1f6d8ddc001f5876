"""How a Word export looks: page, grid, and the font and placing of each kind of paragraph, as
data. `LAYOUTS` holds one `Layout` per name that `export --layout` takes.

`gbt9704` lays a draft out as GB/T 9704-2012 (党政机关公文格式) lays out an official document:
A4; margins 37 mm top, 35 mm bottom, 28 mm left, 26 mm right; 22 lines of 28 characters (a
line grid, lines of exactly 28.95 pt, and characters 0.25 pt closer than their size, so that
28 fill a line); the title in 2号 方正小标宋简体, centred; level 1
in 3号 黑体, level 2 in 3号 楷体_GB2312, level 3 in 3号 仿宋_GB2312 bold, deeper levels and
the body in 3号 仿宋_GB2312, two characters in; page numbers in 4号 宋体 as — 1 — at the foot,
on the outer side. `plain` is a quiet Word document: A4, 宋体 and 黑体, headings in bold.

Each font names its East-Asian face, the face to use where that one is not installed (written
into the font table as its alternative name, with the GB2312 character set, so that Word and
LibreOffice substitute a Chinese face of the same kind), and the face for Latin letters and
digits.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

Align = Literal["left", "center", "right", "both"]
"""A paragraph's alignment as w:jc writes it ("both": justified)."""
MM = 1440 / 25.4
"""Twips (twentieths of a point) in a millimetre."""


@dataclass(frozen=True, slots=True)
class Face:
    """A typeface and what stands in for it where it is not installed."""

    name: str
    """Its name, as Word and WPS list it: 仿宋_GB2312."""
    fallback: str
    """The faces of the same kind that most machines have, in order, comma-separated as the
    font table's w:altName lists them: 仿宋,FangSong."""
    family: Literal["roman", "swiss", "modern", "script"] = "roman"
    """Its kind, for substitution: serif (roman), sans (swiss), fixed (modern), script."""


@dataclass(frozen=True, slots=True)
class Font:
    """How the characters of a paragraph are set."""

    face: Face
    """The East-Asian face."""
    size: float
    """Size in points: 22 for 2号, 16 for 3号, 14 for 4号."""
    bold: bool = False
    """Bold."""
    latin: str = "Times New Roman"
    """The face of Latin letters and digits."""


@dataclass(frozen=True, slots=True)
class Look:
    """How one kind of paragraph is set and placed."""

    font: Font
    """Its characters."""
    align: Align = "both"
    """Alignment."""
    indent: int = 0
    """First-line indent, in characters of its font."""
    right: int = 0
    """Right indent, in characters of its font."""
    after: int = 0
    """Blank lines after it."""


@dataclass(frozen=True, slots=True)
class Page:
    """The page and where text goes on it."""

    width: float = 210
    """Width in millimetres (A4)."""
    height: float = 297
    """Height in millimetres (A4)."""
    margins: tuple[float, float, float, float] = (25.4, 25.4, 31.8, 31.8)
    """Top, bottom, left and right margins in millimetres."""
    lines: int | None = None
    """Lines a page holds, on a document grid of exactly that many (None: no grid)."""
    chars: int | None = None
    """Characters of the body's size a line holds (None: as the font sets them). They are set
    closer (`condensed`) rather than on a character grid (w:docGrid linesAndChars): Word
    squeezes a character into a grid cell smaller than it, but LibreOffice spreads it over two
    cells, which halves the line."""
    footer: float = 17.5
    """Distance of the footer from the bottom edge, in millimetres."""

    def twips(self) -> tuple[int, int, int, int, int, int]:
        """Width, height and the four margins, in twips."""
        top, bottom, left, right = self.margins
        return tuple(  # type: ignore[return-value]  # six values, as the signature says
            round(v * MM) for v in (self.width, self.height, top, bottom, left, right)
        )

    def line_pitch(self) -> int | None:
        """The distance of two lines of the grid, in twips."""
        if self.lines is None:
            return None
        _, height, top, bottom, _, _ = self.twips()
        return (height - top - bottom) // self.lines

    def char_space(self, size: float) -> int | None:
        """What a character grid of `chars` characters a line adds to each character of `size`
        points, in 1/4096 of a point (Word's w:charSpace)."""
        if self.chars is None:
            return None
        return math.floor((self.text_width() / 20 / self.chars - size) * 4096)

    def condensed(self, size: float) -> int:
        """How much closer characters of `size` points are set, in twips, so that `chars` of
        them fill a line (0 when they need not be)."""
        if self.chars is None:
            return 0
        return min(0, math.floor(self.text_width() / self.chars - size * 20))

    def text_width(self) -> int:
        """The width of a line, between the margins, in twips."""
        width, _, _, _, left, right = self.twips()
        return width - left - right


@dataclass(frozen=True, slots=True)
class Layout:
    """Everything about how an export looks."""

    name: str
    """What --layout calls it."""
    page: Page
    """The page."""
    body: Look
    """Body text; also the document's default."""
    title: Look
    """The document's title."""
    headings: tuple[Look, ...]
    """Levels 1, 2, …; deeper levels look like the last."""
    byline: Look
    """Lines under the title: the speaker, the date of a speech."""
    salutation: Look
    """同志们：, 各位代表：."""
    signature: Look
    """Who signs, above the closing date."""
    date: Look
    """The closing date."""
    attachment: Look
    """An attachment's label (附件1) at its top."""
    page_number: Font | None = None
    """Page numbers as — 1 — at the foot, outer side (None: none)."""
    exact_lines: bool = False
    """Every line exactly one line of the grid high."""

    def heading(self, level: int) -> Look:
        """The look of a heading of a level, 1 for the top."""
        return self.headings[min(level, len(self.headings)) - 1]

    def faces(self) -> tuple[Face, ...]:
        """Every face the layout uses, each once, for the font table."""
        looks = (self.body, self.title, *self.headings, self.byline, self.salutation)
        looks += (self.signature, self.date, self.attachment)
        fonts = [look.font for look in looks]
        if self.page_number is not None:
            fonts.append(self.page_number)
        return tuple(dict.fromkeys(font.face for font in fonts))


SONG = Face("宋体", "SimSun")
HEI = Face("黑体", "SimHei", "swiss")
KAI = Face("楷体_GB2312", "楷体,KaiTi", "script")
FANG = Face("仿宋_GB2312", "仿宋,FangSong", "modern")
XIAOBIAOSONG = Face("方正小标宋简体", "宋体,SimSun")

SIZE_2, SIZE_3, SIZE_4, SMALL_4 = 22.0, 16.0, 14.0, 12.0
"""Chinese type sizes in points: 2号, 3号, 4号, 小4号."""

_GB_BODY = Look(Font(FANG, SIZE_3), indent=2)
GBT9704 = Layout(
    name="gbt9704",
    page=Page(margins=(37, 35, 28, 26), lines=22, chars=28, footer=28),
    body=_GB_BODY,
    title=Look(Font(XIAOBIAOSONG, SIZE_2), align="center", after=1),
    headings=(
        Look(Font(HEI, SIZE_3), indent=2),
        Look(Font(KAI, SIZE_3), indent=2),
        Look(Font(FANG, SIZE_3, bold=True), indent=2),
        _GB_BODY,
    ),
    byline=Look(Font(KAI, SIZE_3), align="center"),
    salutation=Look(Font(FANG, SIZE_3), align="left"),
    signature=Look(Font(FANG, SIZE_3), align="right", right=4),
    date=Look(Font(FANG, SIZE_3), align="right", right=4),
    attachment=Look(Font(HEI, SIZE_3), align="left"),
    page_number=Font(SONG, SIZE_4, latin="宋体"),
    exact_lines=True,
)
"""GB/T 9704-2012, 党政机关公文格式."""

_PLAIN_BODY = Look(Font(SONG, SMALL_4), indent=2)
PLAIN = Layout(
    name="plain",
    page=Page(),
    body=_PLAIN_BODY,
    title=Look(Font(HEI, SIZE_2, bold=True), align="center", after=1),
    headings=(
        Look(Font(HEI, SIZE_3, bold=True), align="left"),
        Look(Font(HEI, SIZE_4, bold=True), align="left"),
        Look(Font(SONG, SMALL_4, bold=True), align="left"),
    ),
    byline=Look(Font(SONG, SMALL_4), align="center"),
    salutation=Look(Font(SONG, SMALL_4), align="left"),
    signature=Look(Font(SONG, SMALL_4), align="right", right=4),
    date=Look(Font(SONG, SMALL_4), align="right", right=4),
    attachment=Look(Font(HEI, SMALL_4), align="left"),
)
"""A quiet Word document: the skeleton in bold headings."""

LAYOUTS: Mapping[str, Layout] = MappingProxyType({"plain": PLAIN, "gbt9704": GBT9704})
"""Layouts by the name --layout gives."""
