"""Numeral systems: how the numeral of a marker is matched, read and written.

Each system is a row of `SYSTEMS`: Chinese counting (一, 十一, 二百零五, 两百), the financial
numerals of contracts and some laws (壹, 拾贰), Arabic digits half- or full-width, the ten
heavenly stems (甲乙丙丁), and the enclosed characters that hold a number (① ⑴ ⒈ ㈠). The marker
table (`outline.parser.markers`) says which systems each kind of marker takes.

The common Chinese numerals come from a table generated with cn2an; cn2an itself is imported
only for the rare numeral outside that table, so that start-up stays fast.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from outline.parser._numeral_table import TABLE

CHINESE_DIGITS = "零〇一二三四五六七八九十百千两"
FINANCIAL_DIGITS = "零壹贰叁肆伍陆柒捌玖拾佰仟"
ARABIC_DIGITS = "0123456789０１２３４５６７８９"
FULL_WIDTH = "０１２３４５６７８９"
STEMS = "甲乙丙丁戊己庚辛壬癸"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳㉑㉒㉓㉔㉕㉖㉗㉘㉙㉚㉛㉜㉝㉞㉟㊱㊲㊳㊴㊵㊶㊷㊸㊹㊺㊻㊼㊽㊾㊿"
PAREN_DIGITS = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
DOT_DIGITS = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"
PAREN_IDEOGRAPHS = "㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩"
WRITTEN_DIGITS = "零一二三四五六七八九"
"""The digits `write_chinese` writes by default, zero first."""
_TO_ASCII = str.maketrans(FULL_WIDTH, "0123456789")
_FINANCIAL_TO_CHINESE = str.maketrans("壹贰叁肆伍陆柒捌玖拾佰仟", "一二三四五六七八九十百千")


@dataclass(frozen=True, slots=True)
class System:
    """One system of numerals."""

    name: str
    """Stable identifier, as a marker's style names it: "chinese", "arabic", "circled" …"""
    pattern: str
    """Regular expression (no groups) for one numeral of this system."""
    read: Callable[[str], int | None]
    """The value of a numeral, or None if it is not one."""
    write: Callable[[int], str | None]
    """A number's numeral, or None if the system has none for it."""
    first: str
    """Every character a numeral of this system may begin with."""


def read_number(numeral: str) -> int | None:
    """The value of a Chinese or Arabic numeral as it stands in a marker, or None.

    >>> [read_number(s) for s in ("十一", "两百", "一〇五", "１２", "壹拾贰", "十万八千")]
    [11, 200, 105, 12, 12, 108000]
    """
    if not numeral:
        return None
    if numeral[0] in ARABIC_DIGITS:
        ascii_digits = numeral.translate(_TO_ASCII)
        return int(ascii_digits) if ascii_digits.isdigit() else None
    numeral = numeral.translate(_FINANCIAL_TO_CHINESE)
    value = TABLE.get(numeral)
    return value if value is not None else _read_rare(numeral)


@lru_cache(maxsize=1024)
def _read_rare(numeral: str) -> int | None:
    """Numerals beyond the table (一千二百六十) are read by cn2an."""
    import cn2an  # costly import, needed only for rare numerals

    try:
        value = cn2an.cn2an(numeral, "smart")
    except (ValueError, KeyError, TypeError, IndexError):
        return None
    return int(value) if float(value).is_integer() and value >= 0 else None


def write_chinese(
    n: int,
    digits: str = WRITTEN_DIGITS,
    *,
    units: str = "十百千",
    myriads: str = "万亿",
    bare_ten: bool = True,
    zero: bool = True,
) -> str:
    """A number (0 or more) in Chinese counting: 十一, 一百零五, 三千二百, 一万零一.

    `digits` are zero to nine (壹贰叁… for amounts), `units` ten, hundred and thousand,
    `myriads` 10⁴ and 10⁸. `bare_ten` writes 十一 rather than 一十一 at the start; without
    `zero`, gaps are not read out and a lone 1 before a unit is not written (Japanese 百一 for
    101). Raises ValueError for a negative number.

    >>> [write_chinese(n) for n in (10, 12, 105, 110, 1001, 20000, 100010)]
    ['十', '十二', '一百零五', '一百一十', '一千零一', '二万', '十万零一十']
    """
    if n < 0:
        raise ValueError(f"no Chinese numeral for {n}")
    if n == 0:
        return digits[0]
    return _positive(n, digits, units, myriads, bare_ten=bare_ten, zero=zero)


def _positive(n: int, digits: str, units: str, myriads: str, *, bare_ten: bool, zero: bool) -> str:
    """A number of 1 or more: the part above the largest myriad it reaches, that myriad, and
    the rest (after a zero if the rest does not reach the next lower place)."""
    level = 0
    while level < len(myriads) and n >= 10_000 ** (level + 1):
        level += 1
    if level == 0:
        return _below_myriad(n, digits, units, zero, bare_ten)
    base = 10_000**level
    high, low = divmod(n, base)
    out = _positive(high, digits, units, myriads, bare_ten=bare_ten, zero=zero)
    out += myriads[level - 1]
    if low:
        if zero and low < base // 10:
            out += digits[0]
        out += _positive(low, digits, units, myriads, bare_ten=False, zero=zero)
    return out


def _below_myriad(n: int, digits: str, units: str, zero: bool, bare_ten: bool) -> str:
    """1–9999 in Chinese counting; `bare_ten` when it begins the numeral."""
    out = ""
    gap = False
    for power in (3, 2, 1, 0):
        digit = n // 10**power % 10
        if digit == 0:
            gap = bool(out)
            continue
        if gap and zero:
            out += digits[0]
        gap = False
        unit = units[power - 1] if power else ""
        if power and digit == 1 and (not zero or (power == 1 and bare_ten and not out)):
            out += unit  # 十一, or Japanese 百 and 千
        else:
            out += digits[digit] + unit
    return out


def _counting(digits: str, units: str, *, bare_ten: bool) -> Callable[[int], str | None]:
    return lambda n: write_chinese(n, digits, units=units, bare_ten=bare_ten) if n > 0 else None


def _series(chars: str) -> tuple[Callable[[str], int | None], Callable[[int], str | None]]:
    """Reading and writing a closed series of characters, 1 for the first."""

    def read(numeral: str) -> int | None:
        index = chars.find(numeral) if len(numeral) == 1 else -1
        return index + 1 if index >= 0 else None

    def write(n: int) -> str | None:
        return chars[n - 1] if 1 <= n <= len(chars) else None

    return read, write


def _enclosed(name: str, chars: str) -> System:
    read, write = _series(chars)
    return System(name, f"[{chars}]", read, write, chars)


def _digits(name: str, digits: str) -> System:
    table = str.maketrans("0123456789", digits)
    return System(
        name,
        f"[{digits}]{{1,4}}",
        read_number,
        lambda n: str(n).translate(table) if n > 0 else None,
        digits,
    )


SYSTEMS: Mapping[str, System] = MappingProxyType(
    {
        system.name: system
        for system in (
            System(
                "chinese",
                f"[{CHINESE_DIGITS}]{{1,8}}",
                read_number,
                _counting(WRITTEN_DIGITS, "十百千", bare_ten=True),
                CHINESE_DIGITS,
            ),
            System(
                "financial",
                f"[{FINANCIAL_DIGITS}]{{1,8}}",
                read_number,
                _counting("零壹贰叁肆伍陆柒捌玖", "拾佰仟", bare_ten=False),
                FINANCIAL_DIGITS,
            ),
            _digits("arabic", "0123456789"),
            System(
                "outline",
                f"[{ARABIC_DIGITS}]{{1,2}}",
                read_number,
                lambda n: str(n) if 0 < n < 100 else None,
                ARABIC_DIGITS,
            ),
            _digits("full-width", FULL_WIDTH),
            System("stems", f"[{STEMS}]", *_series(STEMS), STEMS),
            _enclosed("circled", CIRCLED),
            _enclosed("paren-digits", PAREN_DIGITS),
            _enclosed("dot-digits", DOT_DIGITS),
            _enclosed("paren-ideographs", PAREN_IDEOGRAPHS),
        )
    }
)
"""Numeral systems by name."""
