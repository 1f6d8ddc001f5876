"""Marker styles: what stays the same along a run, and writing a marker in a style."""

from __future__ import annotations

import pytest

from outline.check.marker_style import (
    MAJORITY,
    Style,
    corrected,
    majority,
    preferred,
    standard,
    style_of,
    write,
)
from outline.parser.numerals import read_number
from outline.parser.numerals import write_chinese as chinese


def test_chinese_numerals_read_back() -> None:
    assert all(read_number(chinese(n)) == n for n in range(1, 10_000))
    assert [chinese(n) for n in (10, 11, 20, 101, 110, 1001, 1010)] == [
        "十",
        "十一",
        "二十",
        "一百零一",
        "一百一十",
        "一千零一",
        "一千零一十",
    ]


@pytest.mark.parametrize(
    ("kind", "marker", "number", "written"),
    [
        ("cn-dun", "一、", 12, "十二、"),
        ("cn-paren", "(一)", 3, "(三)"),
        ("arabic-dot", "１．", 12, "１２．"),
        ("arabic-paren", "1）", 4, "4）"),
        ("circled", "①", 3, "③"),
        ("circled", "①", 51, None),
        ("article", "第1条", 20, "第20条"),
        ("verb-yao", "一要", 2, "二要"),
        ("cn-paren", "㈠", 3, "㈢"),
        ("arabic-paren", "⑴", 4, "⑷"),
        ("arabic-dot", "⒈", 2, "⒉"),
        ("stem-dun", "甲、", 3, "丙、"),
        ("financial-dun", "壹、", 12, "壹拾贰、"),
        ("chapter", "第壹章", 2, "第贰章"),
        ("decimal-2", "1.2", 3, None),
    ],
)
def test_markers_are_written_in_their_style(
    kind: str, marker: str, number: int, written: str | None
) -> None:
    style = style_of(kind, marker)
    assert style is not None
    assert write(kind, style, number) == written


@pytest.mark.parametrize(
    ("kind", "marker", "right"),
    [
        ("cn-dun", "一．", "一、"),
        ("cn-dun", "一.", "一、"),
        ("cn-dun", "一 、", "一、"),
        ("cn-dun", "一、", "一、"),
        ("cn-paren", "（一）、", "（一）"),
        ("cn-paren", "(一)、", "(一)"),
        ("arabic-dot", "1、", "1、"),
    ],
)
def test_punctuation_that_does_not_belong_is_put_right(kind: str, marker: str, right: str) -> None:
    style = style_of(kind, marker)
    assert style is not None
    assert write(kind, corrected(kind, style), 1) == right


def test_the_majority_style_wins_and_a_tie_goes_to_the_conventional_one() -> None:
    half = Style("(", ")", "chinese")
    full = standard("cn-paren")
    assert full is not None
    assert majority("cn-paren", [half, half, full]) == half
    assert majority("cn-paren", [half, full]) == full
    dotted = Style("", ".", "chinese")
    assert majority("cn-dun", [dotted, dotted]) == standard("cn-dun")
    assert majority("cn-paren", []) is None


def test_a_level_in_two_styles_takes_the_standard_one_unless_the_majority_rule_is_asked() -> None:
    half = Style("(", ")", "chinese")
    full = standard("cn-paren")
    assert full is not None
    assert preferred("cn-paren", [half, half, half]) == half
    assert preferred("cn-paren", [half, half, full]) == full
    assert preferred("cn-paren", [half, half, full], MAJORITY) == half
    enclosed = Style("", "", "paren-ideographs")
    assert preferred("cn-paren", [enclosed]) == enclosed
