"""Reading the numerals of markers: Chinese (一, 十一, 二百零五, 两百), Arabic, full-width; and
writing Chinese numerals, as documents and Word's list formats do.

The common Chinese numerals come from a table generated with cn2an; cn2an itself is imported
only for the rare numeral outside that table, so that start-up stays fast.
"""

from __future__ import annotations

from functools import lru_cache

from outline.parser._numeral_table import TABLE

CHINESE_DIGITS = "零〇一二三四五六七八九十百千两"
ARABIC_DIGITS = "0123456789０１２３４５６７８９"
_TO_ASCII = str.maketrans("０１２３４５６７８９", "0123456789")
WRITTEN_DIGITS = "零一二三四五六七八九"
"""The digits `write_chinese` writes by default, zero first."""


def read_number(numeral: str) -> int | None:
    """The value of a numeral as it stands in a marker, or None if it is not one."""
    if not numeral:
        return None
    if numeral[0] in ARABIC_DIGITS:
        ascii_digits = numeral.translate(_TO_ASCII)
        return int(ascii_digits) if ascii_digits.isdigit() else None
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
