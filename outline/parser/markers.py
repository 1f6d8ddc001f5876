"""The marker grammar: one row per kind of heading marker.

Each row is a pattern whose group `n` holds the numeral, and the data the parser needs to place
the heading: its rank, whether it may stand alone, where it may occur. Adding a marker style is
one row here and one fixture under tests/fixtures.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from outline.parser.numerals import ARABIC_DIGITS, CHINESE_DIGITS

CN = f"[{CHINESE_DIGITS}]{{1,8}}"
"""A Chinese numeral: 一, 十一, 二百零五, 两百."""
AR = f"[{ARABIC_DIGITS}]{{1,4}}"
"""An Arabic numeral, half- or full-width."""
NUM = f"(?:{CN}|{AR})"

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳㉑㉒㉓㉔㉕㉖㉗㉘㉙㉚㉛㉜㉝㉞㉟㊱㊲㊳㊴㊵㊶㊷㊸㊹㊺㊻㊼㊽㊾㊿"
PAREN_CHARS = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
DOT_CHARS = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"

GAP = "[ \u3000]?"
"""A space inside a unit's marker, as PDFs of laws set it: 第 一 章."""
WRAP = "(?:\r\n|\r|\n)?"
"""A hard wrap that falls inside a marker (三|要) in text from a PDF."""
NOT_A_REFERENCE = r"(?![规所的之中至和与及或、第款项以起前后时])"
"""第三条规定的, 第十二条所列, 第二章第一节: a citation of a unit, not the unit itself."""


@dataclass(frozen=True, slots=True)
class Kind:
    """One kind of marker."""

    name: str
    """Stable identifier, used in JSON and by `check`."""
    pattern: str
    """Regular expression for the marker; `{n}` stands for the numeral's group."""
    rank: int
    """Place in the hierarchy whatever the order of appearance: a heading closes every open
    heading of a greater rank. Kinds of equal rank are ordered by the document itself."""
    standalone: bool
    """A single occurrence opening a paragraph is a heading; otherwise only a run that starts
    at 1 and has two members or more counts (一是……二是……)."""
    numeral: str = NUM
    """What the numeral group matches."""
    after_space: bool = False
    """May also begin after a single space inside a paragraph (第一章　总则　第一条　为了……)."""
    block_only: bool = False
    """Only at the start of a paragraph, never inside one."""
    titled: bool = True
    """A heading of this kind has a title; a bare numeral (六 alone on its line) has none."""
    max_number: int = 999
    """Larger values are not list numbers (a year in brackets, a page)."""
    paragraph_scoped: bool = False
    """At the start of a paragraph, an item of this kind holds that paragraph only: an
    enumeration in a later paragraph is not its child (一是 items, unlike 第一， points)."""
    example: str = ""
    """A marker of this kind, for documentation and tests."""


def _enclosed(chars: str) -> str:
    return f"[{chars}]"


KINDS: Mapping[str, Kind] = MappingProxyType(
    {
        kind.name: kind
        for kind in (
            # A paragraph its file marks as a heading by style (Word's "Heading 2", 标题 2) and not
            # by a marker: no pattern; its level is the style's, above every marker's rank.
            Kind("styled", "", 0, True, example="（标题 2 样式）"),
            # 第一编 / 第一部分 / 第一章 / 第一节 / 第一条: the units of laws, plans and reports.
            Kind(
                "part",
                "第" + GAP + "{n}" + GAP + "编" + NOT_A_REFERENCE,
                10,
                True,
                after_space=True,
                example="第一编",
            ),
            Kind(
                "division",
                "第" + GAP + "{n}" + GAP + "部分" + NOT_A_REFERENCE,
                12,
                True,
                after_space=True,
                example="第一部分",
            ),
            Kind(
                "chapter",
                "第" + GAP + "{n}" + GAP + "章" + NOT_A_REFERENCE,
                20,
                True,
                after_space=True,
                example="第一章",
            ),
            Kind(
                "section",
                "第" + GAP + "{n}" + GAP + "节" + NOT_A_REFERENCE,
                30,
                True,
                after_space=True,
                example="第一节",
            ),
            Kind(
                "article",
                "第" + GAP + "{n}" + GAP + "条" + NOT_A_REFERENCE,
                40,
                True,
                after_space=True,
                max_number=9999,
                example="第十二条",
            ),
            # 第一个问题： a speech's main points.
            Kind(
                "question", "第{n}个问题[，,：:、]?", 45, True, numeral=CN, example="第一个问题："
            ),
            # 一、 (also 一． 一.): the top level of most documents.
            Kind("cn-dun", "{n}[ \t]?[、．.](?![、．.])", 50, True, numeral=CN, example="一、"),
            # 一， as a top level: only when a run of them shows that this is the document's style.
            Kind("cn-comma", "{n}[，,](?=\\S)", 50, False, numeral=CN, example="一，"),
            # （一） (一) （一）、
            Kind("cn-paren", "[（(]{n}[）)]、?", 50, True, numeral=CN, example="（一）"),
            # 1. 1． 1、 1﹒: never 2.5倍, 2023.10.1, 1、2号线.
            Kind(
                "arabic-dot",
                "{n}[ \t]?\\\\?[.．、﹒](?![0-9０-９.．%％])",
                50,
                True,
                numeral=AR,
                example="1.",
            ),
            # （1） (1) 1） 1)
            Kind(
                "arabic-paren",
                "(?:[（(](?=[0-9０-９]{{1,4}}[）)]))?{n}\\\\?[）)]",
                50,
                True,
                numeral=AR,
                example="（1）",
            ),
            # 六 alone on its line: the numbered parts of a collected text, when they run 一, 二, …
            Kind(
                "cn-bare",
                "{n}(?=[ \t\u3000]*$)",
                50,
                False,
                numeral=CN,
                block_only=True,
                titled=False,
                example="六",
            ),
            Kind("circled", "{n}", 50, True, numeral=_enclosed(CIRCLED), example="①"),
            Kind("paren-char", "{n}", 50, True, numeral=_enclosed(PAREN_CHARS), example="⑴"),
            Kind("dot-char", "{n}", 50, True, numeral=_enclosed(DOT_CHARS), example="⒈"),
            # 第一， 第二、 其一， 其二，: ordinals that enumerate points of an argument.
            Kind(
                "ordinal",
                "第{n}[，,、：:](?![第一二三四五六七八九十])",
                55,
                False,
                numeral=CN,
                example="第一，",
            ),
            Kind("qi", "其{n}[，,、：:]", 55, False, numeral=CN, example="其一，"),
            Kind(
                "ordinal-noun",
                "第{n}(?:点|件事|个方面|方面)[，,、：:]",
                55,
                False,
                numeral=CN,
                example="第一点，",
            ),
            # 一是……二是…… / 一要……二要……: enumerations inside a paragraph.
            Kind(
                "verb-shi",
                "{n}" + WRAP + "是(?![一二三四五六七八九十])",
                60,
                False,
                numeral=CN,
                max_number=30,
                paragraph_scoped=True,
                example="一是",
            ),
            Kind(
                "verb-yao",
                "{n}" + WRAP + "要(?![一二三四五六七八九十])",
                60,
                False,
                numeral=CN,
                max_number=30,
                paragraph_scoped=True,
                example="一要",
            ),
        )
    }
)


def _group(name: str) -> str:
    return "k_" + name.replace("-", "_")


KIND_OF_GROUP = {_group(name): name for name in KINDS}
NUMERAL_GROUP = {name: _group(name) + "_n" for name in KINDS}


def _compile(kinds: list[Kind]) -> re.Pattern[str]:
    kinds = [k for k in kinds if k.pattern]
    alternatives = (
        f"(?P<{_group(k.name)}>"
        + k.pattern.format(n=f"(?P<{NUMERAL_GROUP[k.name]}>{k.numeral})")
        + ")"
        for k in kinds
    )
    return re.compile("|".join(alternatives))


MARKER = _compile(list(KINDS.values()))
"""Any marker, matched at a position where a heading may begin."""
FIRST_CHARS = "第其（(" + CHINESE_DIGITS + ARABIC_DIGITS + CIRCLED + PAREN_CHARS + DOT_CHARS
"""Every marker begins with one of these."""


def enclosed_value(char: str) -> int | None:
    """The value of ① ⑴ ⒈ and their kin."""
    for chars in (CIRCLED, PAREN_CHARS, DOT_CHARS):
        index = chars.find(char)
        if index >= 0:
            return index + 1
    return None
