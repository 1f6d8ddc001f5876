"""Reading the numerals of markers: Chinese (一, 十一, 二百零五, 两百), Arabic, full-width.

The common Chinese numerals come from a table generated with cn2an; cn2an itself is imported
only for the rare numeral outside that table, so that start-up stays fast.
"""

from __future__ import annotations

from functools import lru_cache

from outline._numeral_table import TABLE

CHINESE_DIGITS = "零〇一二三四五六七八九十百千两"
ARABIC_DIGITS = "0123456789０１２３４５６７８９"
_TO_ASCII = str.maketrans("０１２３４５６７８９", "0123456789")


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
