"""The marker grammar: one table that holds everything about each kind of heading marker.

A row is one way of writing a marker: its pattern (group `n` holds the numeral), the numeral
systems it takes (`outline.parser.numerals.SYSTEMS`), its family — the kinds that are one level
of a document however they are written (（一） (一) ㈠; 1. ⒈; （1） ⑴) —, its rank, where it may
stand (opening a paragraph, after a sentence end inside one, run in after a unit), and what
`check` and `fix` need: its place in the conventional order, the standard way of writing it, the
punctuation that does not belong after it. The scanner, the tree, check and fix read this table
and name no kind; adding a marker style is one row here and one fixture under tests/fixtures.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from types import MappingProxyType

from outline.parser.numerals import ARABIC_DIGITS, SYSTEMS, System

GAP = "[ \u3000]?"
"""A space inside a unit's marker, as PDFs of laws set it: 第 一 章."""
WRAP = "(?:\r\n|\r|\n)?"
"""A hard wrap that falls inside a marker (三|要) in text from a PDF."""
NOT_A_REFERENCE = r"(?![规所的之中至和与及或、第款项目以起前后时次])"
"""第三条规定的, 第十二条所列, 第二章第一节: a citation of a unit, not the unit itself."""
UNIT_NUMERALS = ("chinese", "financial", "arabic", "full-width")
CHINESE = ("chinese", "financial")
ARABIC = ("arabic", "full-width")
TITLE_START = "(?![0-9０-９.．%％‰，,、。；;：:）)×/\\-])"
"""What may not follow a decimal outline number: a digit or a sign, as in 1.5.3, 3.2% or
1.2×10."""


@dataclass(frozen=True, slots=True)
class Kind:
    """One row of the grammar: a way of writing a marker."""

    name: str
    """Stable identifier of the row."""
    pattern: str
    """Regular expression for the marker; `{n}` stands for the numeral's group, `{s}` for the
    numeral of an inserted unit (之一 in 第十七条之一)."""
    rank: int
    """Place in the hierarchy whatever the order of appearance: a heading closes every open
    heading of a greater rank. Kinds of equal rank are ordered by the document itself."""
    standalone: bool
    """A single occurrence opening a paragraph is a heading; otherwise only a run that starts
    at 1 and has two members or more counts (一是……二是……)."""
    numerals: tuple[str, ...] = CHINESE
    """The numeral systems the numeral may be written in, keys of `SYSTEMS`."""
    family: str = ""
    """The kind of heading this row writes, as JSON and `check` name it: rows of one family
    are one level of a document, however each marker is written. Empty: the row's name."""
    run_in: bool = False
    """May also begin after a space inside a paragraph, after a heading of its own kind's
    family of units (第一章　总则　第一条　为了……)."""
    block_only: bool = False
    """Only at the start of a paragraph, never inside one."""
    by_run: bool = False
    """Not standalone, but a block heading wherever a run of them (1, 2, … from 1, two or
    more) opens paragraphs, with other headings between: the document's style (一，主要成效
    … 二，存在问题)."""
    titled: bool = True
    """A heading of this kind has a title; a bare numeral (六 alone on its line) has none."""
    max_number: int = 999
    """Larger values are not list numbers (a year in brackets, a page)."""
    paragraph_scoped: bool = False
    """At the start of a paragraph, an item of this kind holds that paragraph only: an
    enumeration in a later paragraph is not its child (一是 items, unlike 第一， points)."""
    counts: bool = False
    """Its punctuation also joins numbers in a count (二、三级, 5、6名): followed by the next
    numeral, a marker of this kind is a count unless its run expects it."""
    depth: int = 0
    """Decimal outline numbers (1 / 1.1 / 1.1.1): how many numbers the marker holds."""
    unit: bool = False
    """A unit of a law, plan or report (编 章 节 条), or an attachment: written with a space
    before its title."""
    clause: bool = False
    """Its "title" is the first sentence of a clause (第五条　公民应当……；, 一是……), not a
    heading whose ending is a matter of style."""
    enumerates: bool = False
    """Enumerates points inside paragraphs: found alone, it is still worth a word to `check`."""
    order: int = 0
    """Place in the conventional order of levels from the top down (一、 > （一） > 1. >
    （1） > ①), 1 for the top; 0 for a kind outside that order."""
    standard: str = ""
    """How GB/T 9704 writes a marker of this family, N standing for the numeral: （N）. Set on
    one row of a family, the one `fix` writes by default."""
    wrong_suffix: str = ""
    """Punctuation after the numeral that does not belong to this family (一. → 一、): a
    pattern that matches the whole wrong suffix."""
    right_suffix: str = ""
    """What to write instead of a wrong suffix, a template of `re.Match.expand`."""
    joins: str = ""
    """Families with the same `joins` continue each other's enumeration: the verb is no part
    of the numbering (一要…… then 二是……), and such a list always starts at 一."""
    example: str = ""
    """A marker of this kind, for documentation and tests."""
    begins: str = ""
    """Every character a marker of this row may begin with, when that is not only its numeral
    (第 of 第一章, the brackets of （一）); empty: the first characters of its numerals."""
    kind: str = field(init=False, repr=False, compare=False)
    """The family's name: what JSON calls the kind of a heading of this row (derived)."""
    systems: tuple[System, ...] = field(init=False, repr=False, compare=False)
    """The numeral systems of this row (derived from `numerals`)."""
    first: str = field(init=False, repr=False, compare=False)
    """Every character a marker of this row may begin with (derived from `begins`, or from
    the numeral systems)."""

    def __post_init__(self) -> None:
        # Derived once: the scanner asks for them at every marker.
        object.__setattr__(self, "kind", self.family or self.name)
        object.__setattr__(self, "systems", tuple(SYSTEMS[name] for name in self.numerals))
        object.__setattr__(self, "first", self.begins or "".join(s.first for s in self.systems))


def _decimal(depth: int) -> Kind:
    """1 总则 / 1.1 编制目的 / 1.1.1 …: a decimal outline number of `depth` numbers. A single
    number stands apart from its title by a space (1　总则), as a count does not (2月, 9项)."""
    head = r"(?<![0-9０-９.．])" + r"[0-9０-９]{{1,2}}[.．]" * (depth - 1)
    after = TITLE_START if depth > 1 else "(?=[ \t\u3000])" + TITLE_START
    return Kind(
        f"decimal-{depth}",
        head + "{n}" + after,
        50,
        True,
        ("outline",),
        depth=depth,
        max_number=99,
        example="1.1" if depth == 2 else ".".join("1" * depth),
    )


ROWS: tuple[Kind, ...] = (
    # A paragraph its file marks as a heading by style (Word's "Heading 2", 标题 2) and not by a
    # marker: no pattern; its level is the style's, above every marker's rank.
    Kind("styled", "", 0, True, example="（标题 2 样式）"),
    # An attachment (附件1　XX办法) or a second document: no pattern (found as a region); it
    # holds the headings after it, numbered afresh.
    Kind("attachment", "", 0, True, unit=True, example="附件1"),
    # 附则 alone on its line between the chapters of a law: a unit without a number; it closes
    # the units open before it and holds the articles after it.
    Kind("unit-title", "", 10, True, unit=True, example="附则"),
    # 第一篇 / 第一编 / 第一分编 / 第一部分 / 第一章 / 第一节 / 第一条 (第十七条之一): the units
    # of laws, plans and reports, in Chinese, financial (第壹章) or Arabic numerals.
    *(
        Kind(
            name,
            "第" + GAP + "{n}" + GAP + word + after + NOT_A_REFERENCE,
            rank,
            True,
            UNIT_NUMERALS,
            run_in=True,
            unit=True,
            example=f"第一{word}",
            begins="第",
        )
        for name, word, after, rank in (
            # 篇 also counts articles (第一篇文章): a unit only set apart from its title
            ("volume", "篇", "(?=[ \t\u3000])", 10),
            ("part", "编", "", 10),
            ("subpart", "分编", "", 14),
            ("division", "部分", "", 12),
            ("chapter", "章", "", 20),
            ("section", "节", "", 30),
        )
    ),
    Kind(
        "article",
        "第" + GAP + "{n}" + GAP + "条" + "(?:之{s})?" + NOT_A_REFERENCE,
        40,
        True,
        UNIT_NUMERALS,
        run_in=True,
        unit=True,
        clause=True,
        max_number=9999,
        example="第十二条",
        begins="第",
    ),
    # 第一个问题： a speech's main points.
    Kind("question", "第{n}个问题[，,：:、]?", 45, True, example="第一个问题：", begins="第"),
    # 一、 (also 一． 一.): the top level of most documents.
    Kind(
        "cn-dun",
        "{n}[ \t]?[、．.](?![、．.])",
        50,
        True,
        ("chinese",),
        counts=True,
        order=1,
        standard="N、",
        wrong_suffix=r"[ \t]?[.．]|[ \t]、",
        right_suffix="、",
        example="一、",
    ),
    # 壹、 贰、: financial numerals, a level of its own above 一、 where a document has both.
    Kind(
        "financial-dun",
        "{n}[ \t]?[、．.](?![、．.])",
        50,
        True,
        ("financial",),
        counts=True,
        standard="N、",
        wrong_suffix=r"[ \t]?[.．]|[ \t]、",
        right_suffix="、",
        example="壹、",
    ),
    # 甲、 乙、: a level of its own, as in contracts and some plans.
    Kind("stem-dun", "{n}[、．.](?![、．.])", 50, True, ("stems",), counts=True, example="甲、"),
    # 一， as a top level: only when a run of them shows that this is the document's style.
    Kind("cn-comma", "{n}[，,](?=\\S)", 50, False, by_run=True, example="一，"),
    # （一） (一) （一）、 （ 一 ） (spaces OCR puts inside) and ㈠
    Kind(
        "cn-paren",
        "[（(]" + GAP + "{n}" + GAP + "[）)]、?",
        50,
        True,
        order=2,
        standard="（N）",
        wrong_suffix="([）)])、",
        right_suffix=r"\1",
        example="（一）",
        begins="（(",
    ),
    Kind("cn-paren-enclosed", "{n}", 50, True, ("paren-ideographs",), "cn-paren", example="㈠"),
    # 1. 1． 1、 1﹒ and ⒈: never 2.5倍, 2023.10.1, 1.1 (a decimal outline number).
    Kind(
        "arabic-dot",
        "{n}[ \t]?\\\\?[.．、﹒](?![0-9０-９.．%％])",
        50,
        True,
        ARABIC,
        counts=True,
        order=3,
        standard="N.",
        example="1.",
    ),
    Kind("arabic-dot-enclosed", "{n}", 50, True, ("dot-digits",), "arabic-dot", example="⒈"),
    # （1） (1) 1） 1) （ 1 ） and ⑴
    Kind(
        "arabic-paren",
        "(?:[（(]" + GAP + "(?=[0-9０-９]{{1,4}}" + GAP + "[）)]))?{n}" + GAP + "\\\\?[）)]",
        50,
        True,
        ARABIC,
        order=4,
        standard="（N）",
        example="（1）",
        begins="（(" + ARABIC_DIGITS,
    ),
    Kind("arabic-paren-enclosed", "{n}", 50, True, ("paren-digits",), "arabic-paren", example="⑴"),
    Kind("circled", "{n}", 50, True, ("circled",), order=5, standard="N", example="①"),
    # 1 总则 / 1.1 编制目的 / 1.1.1 …: decimal outline numbers, a level per depth.
    *(_decimal(depth) for depth in (1, 2, 3, 4)),
    # 第一， 第二、 其一， 其二，: ordinals that enumerate points of an argument.
    Kind(
        "ordinal",
        "第{n}[，,、：:](?![第一二三四五六七八九十])",
        55,
        False,
        clause=True,
        enumerates=True,
        example="第一，",
        begins="第",
    ),
    Kind(
        "qi",
        "其{n}[，,、：:]",
        55,
        False,
        clause=True,
        enumerates=True,
        example="其一，",
        begins="其",
    ),
    Kind(
        "ordinal-noun",
        "第{n}(?:点|件事|个方面|方面)[，,、：:]",
        55,
        False,
        example="第一点，",
        begins="第",
    ),
    # 一是……二是…… / 一要……二要……: enumerations inside a paragraph.
    *(
        Kind(
            name,
            "{n}" + WRAP + verb + "(?![一二三四五六七八九十][，,、。])",
            60,
            False,
            ("chinese",),
            max_number=30,
            paragraph_scoped=True,
            clause=True,
            enumerates=True,
            joins="verb",
            example=f"一{verb}",
        )
        for name, verb in (("verb-shi", "是"), ("verb-yao", "要"))
    ),
    # 六 alone on its line: the numbered parts of a collected text, when they run 一, 二, …
    # (last: a numeral ending a line may be the start of a wrapped 四|要)
    Kind(
        "cn-bare",
        "{n}(?=[ \t\u3000]*$)",
        50,
        False,
        block_only=True,
        titled=False,
        example="六",
    ),
)
"""Every row of the grammar, in the order the combined pattern tries them."""

KINDS: Mapping[str, Kind] = MappingProxyType({kind.name: kind for kind in ROWS})
"""The rows by name."""
FAMILIES: Mapping[str, tuple[Kind, ...]] = MappingProxyType(
    {
        family: tuple(k for k in ROWS if k.kind == family)
        for family in dict.fromkeys(k.kind for k in ROWS)
    }
)
"""The rows of each family, by the family's name: what `Node.kind` holds."""


def _group(name: str) -> str:
    return "k_" + name.replace("-", "_")


KIND_OF_GROUP = {_group(name): name for name in KINDS}
NUMERAL_GROUP = {name: _group(name) + "_n" for name in KINDS}
SUB_GROUP = {k.name: _group(k.name) + "_s" for k in ROWS if "{s}" in k.pattern}
SUB_NUMERAL = "[一二三四五六七八九十]{1,3}"
"""The numeral of an inserted unit: 之一 … 之十二."""


def numeral_pattern(kind: Kind) -> str:
    """What a row's numeral group matches: any numeral of its systems."""
    return "|".join(system.pattern for system in kind.systems)


def _compile(kinds: tuple[Kind, ...]) -> re.Pattern[str]:
    alternatives = (
        f"(?P<{_group(k.name)}>"
        + k.pattern.format(
            n=f"(?P<{NUMERAL_GROUP[k.name]}>{numeral_pattern(k)})",
            s=f"(?P<{SUB_GROUP.get(k.name)}>{SUB_NUMERAL})",
        )
        + ")"
        for k in kinds
        if k.pattern
    )
    return re.compile("|".join(alternatives), re.MULTILINE)


FIRST_CHARS = "".join(dict.fromkeys(ch for k in ROWS if k.pattern for ch in k.first))
"""Every marker begins with one of these."""
FIRST_CHAR = re.compile(f"[{re.escape(FIRST_CHARS)}]")
"""Where a marker may begin."""
ROWS_BY_FIRST: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {ch: tuple(k.name for k in ROWS if k.pattern and ch in k.first) for ch in FIRST_CHARS}
)
"""The rows a marker may be of, in table order, by the character it begins with."""


@cache
def _rows_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    """The combined pattern of some rows, in table order: compiled on first use."""
    return _compile(tuple(KINDS[name] for name in names))


def grammar() -> re.Pattern[str]:
    """Every row of the table as one pattern, in table order: what `marker_at` narrows down
    to the rows that may begin with a character (compiled on first use; the parser itself
    never needs it)."""
    return _rows_pattern(tuple(k.name for k in ROWS if k.pattern))


@cache
def _pattern_for(first: str) -> re.Pattern[str] | None:
    """The combined pattern of the rows a marker beginning with `first` may be of."""
    names = ROWS_BY_FIRST.get(first)
    return None if names is None else _rows_pattern(names)


def marker_at(text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
    """The marker that begins at `pos` (the text ending at `endpos`): the first row, in table
    order, that matches there. Only the rows that may begin with the character at `pos` are
    tried. Its group named after its row (`KIND_OF_GROUP`) holds it, `NUMERAL_GROUP` its
    numeral."""
    end = len(text) if endpos is None else min(endpos, len(text))
    if not 0 <= pos < end:
        return None
    pattern = _pattern_for(text[pos])
    return None if pattern is None else pattern.match(text, pos, end)


def kind_of(marker: re.Match[str] | None) -> Kind | None:
    """The row of the table a marker found by `marker_at` is of; None for no marker."""
    if marker is None or marker.lastgroup is None:
        return None
    return KINDS[KIND_OF_GROUP[marker.lastgroup]]


def find_marker(text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
    """The first marker at or after `pos` (the text ending at `endpos`), as `marker_at`
    finds one."""
    return next(iter_markers(text, pos, endpos), None)


def iter_markers(text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
    """Every marker at or after `pos` (the text ending at `endpos`), in order and not
    overlapping: `marker_at` tried at each character a marker may begin with."""
    end = len(text) if endpos is None else min(endpos, len(text))
    last = pos
    for first in FIRST_CHAR.finditer(text, pos, end):
        start = first.start()
        if start < last:
            continue
        pattern = _pattern_for(first.group())
        found = pattern.match(text, start, end) if pattern is not None else None
        if found is not None:
            last = found.end()
            yield found


@cache
def row_pattern(name: str, numeral: str | None = None) -> re.Pattern[str]:
    """The pattern of one row, its numeral in group `n`; or only its markers of one numeral.

    It matches a marker as written too: with a Markdown escape (1\\.) or a hard wrap (三\\n要).
    """
    kind = KINDS[name]
    n = re.escape(numeral) if numeral else f"(?:{numeral_pattern(kind)})"
    return re.compile(kind.pattern.format(n=f"(?P<n>{n})", s=f"(?P<s>{SUB_NUMERAL})"), re.MULTILINE)


def read_numeral(kind: Kind, numeral: str) -> tuple[int, System] | None:
    """The value of a marker's numeral, and the system it is written in; None if none of the
    row's systems reads it."""
    for system in kind.systems:
        if numeral[:1] in system.first:
            value = system.read(numeral)
            if value is not None:
                return value, system
    return None
