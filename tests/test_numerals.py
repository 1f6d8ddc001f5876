"""Numerals: the generated table agrees with cn2an, and rare numerals fall back to it."""

from __future__ import annotations

import cn2an
import pytest

from outline.parser._numeral_table import TABLE
from outline.parser.numerals import read_number


def test_every_table_entry_is_what_cn2an_reads() -> None:
    wrong = {k: v for k, v in TABLE.items() if cn2an.cn2an(k, "smart") != v}
    assert wrong == {}
    assert set(range(1000)) <= set(TABLE.values())


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("一", 1),
        ("十", 10),
        ("十一", 11),
        ("一十一", 11),
        ("二十三", 23),
        ("一百零五", 105),
        ("一百〇五", 105),
        ("两百", 200),
        ("九百九十九", 999),
        ("一千二百六十", 1260),
        ("12", 12),
        ("１２", 12),
        ("〇", 0),
    ],
)
def test_read_number(numeral: str, value: int) -> None:
    assert read_number(numeral) == value


def test_not_a_numeral() -> None:
    assert read_number("") is None
    assert read_number("百千百") is None
