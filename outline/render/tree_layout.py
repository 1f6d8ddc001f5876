"""Where each topic of a mind map stands: a horizontal tree, the central topic at the left and
each level a column to the right of the one before, every heading a box around its text.

Text is measured by East Asian width — a wide or full-width character (W, F, and the
ambiguous A, which Chinese fonts draw wide) counts one em, any other about 0.6 em — and
wrapped to a few characters more than a dozen, so that a long title makes a taller box, not a
wider map. Boxes never overlap: a column is as wide as its widest box; vertically, each
subtree has a band of its own, its children stacked in it one below the other and the parent
centred on them (a layered layout in the spirit of Reingold and Tilford's tidy trees, leaves
in document order). Pure geometry: branches in, boxes out, for `render.svg` to draw.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from outline.model import Node
from outline.render.mindmap import Branch

SIZES = (20.0, 16.0, 14.0)
"""Font size in pixels of the central topic, the first level, and every level below."""
LINE_HEIGHT = 1.45
"""A line's height, in font sizes."""
WRAP = 14.0
"""The widest a line of text grows, in ems (fourteen Chinese characters)."""
PAD_X, PAD_Y = 10.0, 6.0
"""Space between a box's edge and its text."""
GAP_X = 56.0
"""Space between a column's widest box and the next column, where the links run."""
GAP_Y = 8.0
"""Space between two sibling boxes or subtrees."""
SECTION_GAP = 20.0
"""Space between two top-level sections."""
MARGIN = 16.0
"""Space around the whole map."""
NARROW, BROAD = 0.6, 0.9
"""The width of a narrow character, and of a broad Latin one (M, W, @), in ems."""
NO_LINE_START = set("，。、；：？！）》」』】〕”’,.;:?!)]}%")
"""Punctuation that stays at the end of a line rather than begin the next one."""


@dataclass(frozen=True, slots=True)
class Box:
    """One topic of the map where it stands: its box, and the text inside it."""

    x: float
    """Left edge, in pixels from the left of the picture."""
    y: float
    """Top edge, in pixels from the top."""
    width: float
    """Width in pixels, padding included."""
    height: float
    """Height in pixels, padding included."""
    lines: tuple[str, ...]
    """The text as wrapped, one string a line; joined, the text without its line breaks."""
    size: float
    """Font size in pixels."""
    level: int
    """0 for the central topic, 1 for a top-level heading, and so on."""
    section: int
    """Which top-level section it belongs to, from 0; -1 for the central topic."""
    parent: int | None
    """The index of its parent's box in `Layout.boxes`; None for the central topic."""
    node: Node | None
    """The heading; None for the central topic."""
    text: str
    """The text as given: for a heading, as one reads it (一、总体要求)."""

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    @property
    def middle(self) -> float:
        """The vertical centre, where links meet the box."""
        return self.y + self.height / 2

    def overlaps(self, other: Box) -> bool:
        """Whether the two boxes share any area."""
        return (
            self.x < other.right
            and other.x < self.right
            and self.y < other.bottom
            and other.y < self.bottom
        )


@dataclass(frozen=True, slots=True)
class Layout:
    """A mind map laid out: its boxes (the central topic first, then the headings in document
    order) and the size of the picture."""

    boxes: tuple[Box, ...]
    width: float
    height: float


def char_width(char: str, size: float) -> float:
    """How wide a character is drawn at a font size, in pixels (an estimate on the safe side).

    >>> char_width("中", 10), char_width("a", 10), char_width("\\u0301", 10)
    (10.0, 6.0, 0.0)
    """
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0.0
    if unicodedata.east_asian_width(char) in "WFA":
        return float(size)
    return size * (BROAD if char in "MWmw@%&" else NARROW)


def text_width(text: str, size: float) -> float:
    """How wide a line of text is drawn, in pixels."""
    return sum(char_width(char, size) for char in text)


def wrap(text: str, size: float, limit: float | None = None) -> tuple[str, ...]:
    """The text in lines no wider than `limit` pixels (WRAP ems by default), broken between
    any two Chinese characters, at a space in Latin text, and at the text's own line breaks;
    the lines of a paragraph as even as their number allows, leaving no character alone.

    >>> wrap("一、" + "统一思想" * 5, 10, 100)
    ('一、统一思想统一', '思想统一思想统一', '思想统一思想')
    >>> wrap("Reform and opening up", 10, 100)
    ('Reform and ', 'opening up')
    """
    limit = WRAP * size if limit is None else limit
    lines: list[str] = []
    for paragraph in text.replace("\t", " ").splitlines() or [""]:
        greedy = _fill(paragraph, size, limit)
        if len(greedy) > 1:
            even = _fill(paragraph, size, text_width(paragraph, size) / len(greedy) + size)
            greedy = even if len(even) == len(greedy) else greedy
        lines.extend(greedy)
    return tuple(lines)


def _fill(paragraph: str, size: float, limit: float) -> list[str]:
    """A paragraph in lines as full as `limit` lets them be."""
    lines: list[str] = []
    line, width = "", 0.0
    for char in paragraph:
        step = char_width(char, size)
        if line and width + step > limit and char not in NO_LINE_START:
            kept, carried = _break(line, char)
            lines.append(kept)
            line, width = carried, text_width(carried, size)
        line += char
        width += step
    lines.append(line)
    return lines


def _break(line: str, char: str) -> tuple[str, str]:
    """Where a full line breaks before `char`: after its last space when a Latin word would be
    cut, otherwise right there. The line kept, and what is carried to the next."""
    space = line.rfind(" ")
    word = line[space + 1 :]
    latin = char.isascii() and char.isalnum() and word.isascii() and word.isalnum()
    if latin and space > 0:
        return line[: space + 1], word
    return line, ""


def lay_out(central: str, tree: tuple[Branch, ...]) -> Layout:
    """The map of `tree` around its central topic."""
    return _Builder(central, tree).layout()


class _Builder:
    """Lays out one map: measures every box, then places the subtrees top down."""

    def __init__(self, central: str, tree: tuple[Branch, ...]) -> None:
        self.central = central
        self.tree = tree
        self.shapes: dict[int, tuple[tuple[str, ...], float, float, float]] = {}
        self.columns: list[float] = []
        self.tops: dict[int, float] = {}

    def layout(self) -> Layout:
        self._measure_all(-1, 0, self.central, self.tree)
        lefts = [MARGIN]
        for width in self.columns[:-1]:
            lefts.append(lefts[-1] + width + GAP_X)
        top, sections = MARGIN, []
        for index, branch in enumerate(self.tree):
            if index:
                top += SECTION_GAP
            sections.append(top)
            top += self._place(branch, top)
        band = top - MARGIN
        root_height = self.shapes[-1][2]
        middle = (
            (self._middle(self.tree[0]) + self._middle(self.tree[-1])) / 2
            if self.tree
            else MARGIN + root_height / 2
        )
        middle = max(middle, MARGIN + root_height / 2)
        self.tops[-1] = middle - root_height / 2
        boxes = [self._box(-1, 0, lefts, parent=None, node=None, section=-1, text=self.central)]
        self._collect(self.tree, lefts, boxes, 0, None)
        height = max(*(b.bottom for b in boxes), MARGIN + band) + MARGIN
        width = max(b.right for b in boxes) + MARGIN
        return Layout(tuple(boxes), width, height)

    def _measure_all(self, index: int, level: int, text: str, below: tuple[Branch, ...]) -> None:
        size = SIZES[min(level, len(SIZES) - 1)]
        lines = wrap(text, size)
        width = max(text_width(line, size) for line in lines) + 2 * PAD_X
        height = len(lines) * size * LINE_HEIGHT + 2 * PAD_Y
        self.shapes[index] = (lines, width, height, size)
        if len(self.columns) <= level:
            self.columns.append(0.0)
        self.columns[level] = max(self.columns[level], width)
        for branch in below:
            self._measure_all(branch.index, branch.level, branch.text, branch.children)

    def _place(self, branch: Branch, top: float) -> float:
        """Place a subtree in a band starting at `top`; the band's height."""
        height = self.shapes[branch.index][2]
        span = sum(self._span(child) for child in branch.children)
        span += GAP_Y * max(len(branch.children) - 1, 0)
        band = max(height, span)
        below = top + (band - span) / 2
        for child in branch.children:
            below += self._place(child, below) + GAP_Y
        if branch.children:
            middle = (self._middle(branch.children[0]) + self._middle(branch.children[-1])) / 2
            low, high = top + height / 2, top + band - height / 2
            self.tops[branch.index] = min(max(middle, low), high) - height / 2
        else:
            self.tops[branch.index] = top
        return band

    def _span(self, branch: Branch) -> float:
        """The height of a subtree's band, before placing it."""
        height = self.shapes[branch.index][2]
        below = sum(self._span(child) for child in branch.children)
        below += GAP_Y * max(len(branch.children) - 1, 0)
        return max(height, below)

    def _middle(self, branch: Branch) -> float:
        return self.tops[branch.index] + self.shapes[branch.index][2] / 2

    def _box(
        self,
        index: int,
        level: int,
        lefts: list[float],
        *,
        parent: int | None,
        node: Node | None,
        section: int,
        text: str,
    ) -> Box:
        lines, width, height, size = self.shapes[index]
        x, y = lefts[level], self.tops[index]
        return Box(x, y, width, height, lines, size, level, section, parent, node, text)

    def _collect(
        self,
        below: tuple[Branch, ...],
        lefts: list[float],
        boxes: list[Box],
        parent: int,
        section: int | None,
    ) -> None:
        for number, branch in enumerate(below):
            own = number if section is None else section
            boxes.append(
                self._box(
                    branch.index,
                    branch.level,
                    lefts,
                    parent=parent,
                    node=branch.node,
                    section=own,
                    text=branch.text,
                )
            )
            self._collect(branch.children, lefts, boxes, len(boxes) - 1, own)
