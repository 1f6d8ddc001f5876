"""Word's number formats (w:numFmt): the text of a list counter, as Word renders it.

`FORMATS` maps a format's name in WordprocessingML to a function from a counter's value to its
text; a format that is not in the table is rendered in decimal, as Word does for formats it
cannot show. Enclosed numerals exist for 1–20 only: beyond, Word prints plain digits.
Counters are kept in Word's range, 0–32767 (`counter`); every format writes each of them.

>>> [FORMATS["chineseCounting"](n) for n in (1, 10, 11, 20, 101, 110)]
['一', '十', '十一', '二十', '一百零一', '一百一十']
>>> FORMATS["chineseLegalSimplified"](12), FORMATS["ideographTraditional"](3)
('壹拾贰', '丙')
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

from outline.parser.numerals import write_chinese

CN_DIGITS = "〇一二三四五六七八九"
LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
LEGAL_TRADITIONAL_DIGITS = "零壹貳參肆伍陸柒捌玖"
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
PARENTHESISED = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
FULL_STOP = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"
STEMS = "甲乙丙丁戊己庚辛壬癸"
BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
MIN_COUNTER, MAX_COUNTER = 0, 32767
"""The range of a list counter in Word (w:start and what counting from it reaches)."""
ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def enclosed(chars: str, after: str = "") -> Callable[[int], str]:
    """① for 1 … ⑳ for 20; past the table, digits (and `after`)."""
    return lambda n: chars[n - 1] if 1 <= n <= len(chars) else f"{n}{after}"


def cycle(chars: str) -> Callable[[int], str]:
    """A closed series (甲乙丙丁…): its members in order, digits past its end."""
    return lambda n: chars[n - 1] if 1 <= n <= len(chars) else str(n)


def letters(n: int, upper: bool) -> str:
    """A … Z, then AA, BB …: Word repeats the letter."""
    if n < 1:
        return str(n)
    letter = chr(ord("A" if upper else "a") + (n - 1) % 26)
    return letter * ((n - 1) // 26 + 1)


def roman(n: int) -> str:
    if n < 1:
        return str(n)
    out = ""
    for value, numeral in ROMAN:
        count, n = divmod(n, value)
        out += numeral * count
    return out


def sexagenary(n: int) -> str:
    """甲子, 乙丑 … 癸亥: the sixty-year cycle."""
    return STEMS[(n - 1) % 10] + BRANCHES[(n - 1) % 12] if 1 <= n <= 60 else str(n)


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


FORMATS: Mapping[str, Callable[[int], str]] = MappingProxyType(
    {
        "decimal": str,
        "decimalHalfWidth": str,
        "decimalZero": lambda n: f"{n:02d}",
        "decimalFullWidth": lambda n: str(n).translate(FULL_WIDTH),
        "decimalFullWidth2": lambda n: str(n).translate(FULL_WIDTH),
        "decimalEnclosedCircle": enclosed(CIRCLED),
        "decimalEnclosedCircleChinese": enclosed(CIRCLED),
        "decimalEnclosedParen": enclosed(PARENTHESISED),
        "decimalEnclosedFullstop": enclosed(FULL_STOP, "."),
        "upperLetter": lambda n: letters(n, True),
        "lowerLetter": lambda n: letters(n, False),
        "upperRoman": roman,
        "lowerRoman": lambda n: roman(n).lower(),
        "ordinal": ordinal,
        "chineseCounting": write_chinese,
        "chineseCountingThousand": write_chinese,
        "taiwaneseCounting": write_chinese,
        "taiwaneseCountingThousand": write_chinese,
        "chineseLegalSimplified": lambda n: write_chinese(
            n, LEGAL_DIGITS, units="拾佰仟", bare_ten=False
        ),
        "ideographLegalTraditional": lambda n: write_chinese(
            n, LEGAL_TRADITIONAL_DIGITS, units="拾佰仟", myriads="萬億", bare_ten=False
        ),
        "japaneseCounting": lambda n: write_chinese(n, CN_DIGITS, zero=False),
        "ideographDigital": lambda n: "".join(CN_DIGITS[int(d)] for d in str(n)),
        "taiwaneseDigital": lambda n: "".join(CN_DIGITS[int(d)] for d in str(n)),
        "japaneseDigitalTenThousand": lambda n: "".join(CN_DIGITS[int(d)] for d in str(n)),
        "ideographTraditional": cycle(STEMS),
        "ideographZodiac": cycle(BRANCHES),
        "ideographZodiacTraditional": sexagenary,
        "none": lambda n: "",
    }
)
"""Number formats by their w:numFmt name."""


def counter(n: int) -> int:
    """A counter's value brought into Word's range, as a crafted file may ask for any other."""
    return min(max(n, MIN_COUNTER), MAX_COUNTER)


def format_number(fmt: str, n: int) -> str:
    """A counter's text in a format (the counter brought into Word's range first); an unknown
    format is decimal."""
    return FORMATS.get(fmt, str)(counter(n))
