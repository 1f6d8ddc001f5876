"""Word's automatic numbering: the labels (一、 （一） 第一条) that numbering.xml generates.

A numbered paragraph names a numbering instance (w:num) and a level. The instance points to an
abstract definition (w:abstractNum, perhaps through a numbering style: w:numStyleLink), whose
levels give the start value, the number format, the label text with %1…%9 for the counters of
levels 1–9, when a level restarts, and what follows the label (a tab, a space or nothing).
An instance may override a level's start (w:startOverride) or the whole level.

Counters run per abstract definition: its instances continue one list, as Word and LibreOffice
number them (see `Counters`). Levels are 0–8; a label is cut at `Caps.label_chars`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from outline.sources.caps import CAPS
from outline.sources.numfmt import counter, format_number

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
LEVELS = 9
SUFFIXES = {"tab": "\t", "space": " ", "nothing": ""}
ARABIC = frozenset({"decimal", "decimalZero"})
"""Formats that a legal label (w:isLgl) keeps: 1.01 stays 1.01."""
MAX_LINKS = 10
"""Numbering style links followed before giving up on a loop."""

Element = Any
"""An lxml element of the document's XML (lxml ships no type information)."""


def val(element: Element | None, name: str = "val") -> str | None:
    """The w:val (or another w: attribute) of an element that may be absent."""
    return None if element is None else element.get(W + name)


def int_val(element: Element | None, default: int | None = None) -> int | None:
    """The w:val of an element as an integer; `default` when absent or not a number."""
    value = val(element)
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


@dataclass(frozen=True, slots=True)
class Level:
    """One level of a list definition (w:lvl)."""

    start: int = 1
    """The counter's first value (w:start), in Word's range 0–32767."""
    fmt: str = "decimal"
    """Number format (w:numFmt), a key of `numfmt.FORMATS`, or "bullet"."""
    text: str = ""
    """The label with %1…%9 for the counters (w:lvlText)."""
    restart: int | None = None
    """Restart after this 1-based level or a higher one is used; 0 never; None after any
    higher level (w:lvlRestart)."""
    legal: bool = False
    """Show every counter of the label in decimal (w:isLgl)."""
    suffix: str = "\t"
    """What follows the label (w:suff): a tab, a space or nothing."""
    style: str | None = None
    """The paragraph style tied to this level (w:pStyle)."""


@dataclass(frozen=True, slots=True)
class Instance:
    """A numbering instance (w:num): an abstract definition and its overrides."""

    abstract: str
    """w:abstractNumId."""
    starts: Mapping[int, int] = field(default_factory=dict)
    """Start values overridden per level (w:lvlOverride/w:startOverride), in Word's range."""
    levels: Mapping[int, Level] = field(default_factory=dict)
    """Levels replaced whole (w:lvlOverride/w:lvl)."""


@dataclass(frozen=True, slots=True)
class Definitions:
    """The numbering part of a document."""

    abstracts: Mapping[str, tuple[Level, ...]]
    """Levels 0–8 of each abstract definition."""
    links: Mapping[str, str]
    """Abstract definitions that only link to a numbering style (w:numStyleLink)."""
    instances: Mapping[str, Instance]
    """Numbering instances by w:numId."""


def read_definitions(root: Element | None) -> Definitions:
    """The numbering definitions of a numbering part's root element (w:numbering)."""
    if root is None:
        return Definitions({}, {}, {})
    abstracts, links = {}, {}
    for node in root.iter(W + "abstractNum"):
        key = val(node, "abstractNumId") or ""
        found = {_ilvl(lvl): _level(lvl) for lvl in node.findall(W + "lvl")}
        abstracts[key] = tuple(found.get(i, Level()) for i in range(LEVELS))
        link = val(node.find(W + "numStyleLink"))
        if link:
            links[key] = link
    instances = {}
    for node in root.iter(W + "num"):
        starts, levels = {}, {}
        for override in node.findall(W + "lvlOverride"):
            ilvl = _ilvl(override)
            start = int_val(override.find(W + "startOverride"))
            if start is not None:
                starts[ilvl] = counter(start)
            lvl = override.find(W + "lvl")
            if lvl is not None:
                levels[ilvl] = _level(lvl)
        abstract = val(node.find(W + "abstractNumId")) or ""
        instances[val(node, "numId") or ""] = Instance(abstract, starts, levels)
    return Definitions(abstracts, links, instances)


def _ilvl(node: Element) -> int:
    try:
        value = int(node.get(W + "ilvl", "0"))
    except ValueError:
        value = 0
    return min(max(value, 0), LEVELS - 1)


def _level(lvl: Element) -> Level:
    fmt_node = _chosen(lvl, "numFmt")
    fmt = val(fmt_node) or "decimal"
    if fmt == "custom":
        fmt = _custom(val(fmt_node, "format") or "")
    if lvl.find(W + "lvlPicBulletId") is not None:
        fmt = "bullet"
    text_node = lvl.find(W + "lvlText")
    legal = lvl.find(W + "isLgl")
    return Level(
        start=counter(int_val(lvl.find(W + "start"), 1) or 0),
        fmt=fmt,
        text=(val(text_node) or "") if text_node is not None else "",
        restart=int_val(lvl.find(W + "lvlRestart")),
        legal=legal is not None and val(legal) not in ("0", "false", "off"),
        suffix=SUFFIXES.get(val(lvl.find(W + "suff")) or "tab", "\t"),
        style=val(lvl.find(W + "pStyle")),
    )


def _chosen(lvl: Element, name: str) -> Element | None:
    """A child of a level, looking into mc:AlternateContent (Word 2010 custom formats)."""
    found = lvl.find(W + name)
    if found is not None:
        return found
    for branch in ("Choice", "Fallback"):
        for alternative in lvl.iter(MC + branch):
            found = alternative.find(W + name)
            if found is not None:
                return found
    return None


def _custom(spec: str) -> str:
    """A Word 2010 custom format ("001, 002, 003, ...") as the nearest plain format."""
    first = spec.split(",", maxsplit=1)[0].strip()
    return {"01": "decimalZero", "一": "chineseCounting", "壹": "chineseLegalSimplified"}.get(
        first, "decimal"
    )


class Counters:
    """The running counters of a document's lists, paragraph by paragraph.

    Counters belong to an abstract definition: every instance of it continues the same list,
    as Word and LibreOffice number them. An instance that overrides a level's start restarts
    that level where the instance is first used. A level whose label shows the counter of a
    higher level that has not been used yet shows that level's start, and the higher level
    counts as used (1.1 for the first paragraph of a list at its second level, then 2.).
    """

    def __init__(
        self,
        definitions: Definitions,
        style_numbering: Mapping[str, str],
        max_label: int = CAPS.label_chars,
    ) -> None:
        self.definitions = definitions
        self.style_numbering = style_numbering
        """numId of each style's numPr, for w:numStyleLink."""
        self.max_label = max_label
        self.lists: dict[str, list[int | None]] = {}
        self.used: set[str] = set()
        """Instances whose start overrides have taken effect."""

    def levels(self, num_id: str) -> tuple[Level, ...] | None:
        """The levels an instance numbers with, overrides applied; None if it has none."""
        found = self._resolved(num_id)
        return None if found is None else found[1]

    def _resolved(self, num_id: str) -> tuple[str, tuple[Level, ...]] | None:
        """The abstract definition an instance counts in, and its levels, overrides applied."""
        instance = self.definitions.instances.get(num_id)
        if instance is None:
            return None
        found = self._abstract_levels(instance.abstract)
        if found is None:
            return None
        key, levels = found
        return key, tuple(instance.levels.get(i, level) for i, level in enumerate(levels))

    def _abstract_levels(self, abstract: str) -> tuple[str, tuple[Level, ...]] | None:
        for _ in range(MAX_LINKS):
            style = self.definitions.links.get(abstract)
            linked = self.definitions.instances.get(self.style_numbering.get(style or "", ""))
            if style is None or linked is None or linked.abstract == abstract:
                levels = self.definitions.abstracts.get(abstract)
                return None if levels is None else (abstract, levels)
            abstract = linked.abstract
        return None

    def label(self, num_id: str, ilvl: int) -> str | None:
        """The label of the next paragraph numbered at `ilvl` of instance `num_id`, its suffix
        included; None for a bullet, an unknown instance or an empty label."""
        found = self._resolved(num_id)
        instance = self.definitions.instances.get(num_id)
        if found is None or instance is None:
            return None
        key, levels = found
        starts = [instance.starts.get(i, level.start) for i, level in enumerate(levels)]
        counts = self.lists.setdefault(key, [None] * LEVELS)
        if num_id not in self.used:
            self.used.add(num_id)
            for overridden in instance.starts:
                counts[overridden] = None
        self._count(counts, levels, starts, ilvl)
        level = levels[ilvl]
        if level.fmt == "bullet":
            return None
        text = self._text(level, levels, counts)
        return text + level.suffix if text.strip() else None

    @staticmethod
    def _count(
        counts: list[int | None], levels: tuple[Level, ...], starts: list[int], ilvl: int
    ) -> None:
        """One more paragraph at `ilvl`: its counter goes on, higher levels not yet used take
        their start, deeper ones restart as their w:lvlRestart says."""
        current = counts[ilvl]
        counts[ilvl] = starts[ilvl] if current is None else counter(current + 1)
        for higher in range(ilvl):
            if counts[higher] is None:
                counts[higher] = starts[higher]
        for deeper in range(ilvl + 1, LEVELS):
            restart = levels[deeper].restart
            if restart is None or (restart > 0 and ilvl < restart):
                counts[deeper] = None

    def _text(self, level: Level, levels: tuple[Level, ...], counts: list[int | None]) -> str:
        """The label's text with each %N replaced by that level's counter, formatted; cut at
        `max_label` characters."""
        text = level.text
        out: list[str] = []
        size = 0
        i = 0
        while i < len(text) and size <= self.max_label:
            if text[i] == "%" and i + 1 < len(text) and text[i + 1] in "123456789":
                index = int(text[i + 1]) - 1
                value = counts[index]
                piece = "" if value is None else _formatted(levels[index].fmt, value, level.legal)
                i += 2
            else:
                piece = text[i]
                i += 1
            out.append(piece)
            size += len(piece)
        return "".join(out)[: self.max_label]


def _formatted(fmt: str, value: int, legal: bool) -> str:
    """A counter in its level's format; in a legal label (w:isLgl) every format that does not
    write Arabic digits is decimal."""
    if legal and fmt not in ARABIC:
        fmt = "decimal"
    return format_number(fmt, value) if fmt != "bullet" else ""
