"""Readers on any input: text for the parser or a SourceError, never anything else; a page's
elements selected once each, outermost first."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from outline.parser.numerals import read_number, write_chinese
from outline.sources import SourceError, read
from outline.sources.html import select
from outline.sources.numfmt import FORMATS, MAX_COUNTER, MIN_COUNTER, format_number

PREFIXES = [b"", b"<html>", b"<!DOCTYPE html><p>", b"%PDF-1.7\n", b"PK\x03\x04", b"\xef\xbb\xbf"]
NAMES = ["a.txt", "a.html", "a.pdf", "a.docx", "-"]
LONGEST_LABEL = (MAX_COUNTER - 1) // 26 + 1
"""upperLetter repeats its letter once more every 26: the longest label of any format."""
MARKUP = st.sampled_from(["<", ">", "<![", "<!", "<?", "&#", "&", ";", "<p>", "</p>", "一、", "x"])


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(PREFIXES), st.binary(max_size=400), st.sampled_from(NAMES))
def test_a_reader_returns_text_or_a_source_error(prefix: bytes, data: bytes, name: str) -> None:
    try:
        got = read(prefix + data, name)
    except SourceError as e:
        assert str(e) and "\n" not in str(e)
    else:
        assert isinstance(got.text, str)


@settings(max_examples=300, deadline=None)
@given(st.lists(MARKUP, max_size=60))
def test_malformed_markup_is_read(pieces: list[str]) -> None:
    try:
        got = read(("<html><body>" + "".join(pieces)).encode(), "a.html")
    except SourceError as e:
        assert "no text" in str(e)
    else:
        assert got.text.strip()


TAG = st.sampled_from(["<div>", "<div class='a'>", "<p>", "<p class='a'>", "<span>", "</div>"])


def _ancestors(node: Any) -> list[int]:
    found = []
    parent = node.parent
    while parent is not None:
        found.append(parent.mem_id)
        parent = parent.parent
    return found


@settings(max_examples=300, deadline=None)
@given(
    st.lists(TAG, max_size=30),
    st.lists(st.sampled_from(["div", "p", ".a"]), min_size=1, max_size=3),
)
def test_select_finds_each_outermost_match_once_in_order(tags: list[str], steps: list[str]) -> None:
    from selectolax.lexbor import LexborHTMLParser

    root = LexborHTMLParser("".join(tags)).root
    assert root is not None
    selector = " ".join(steps)
    every = root.css(selector)
    found = select(root, selector)
    ids = [n.mem_id for n in found]
    assert len(set(ids)) == len(ids)
    assert ids == [n.mem_id for n in every if n.mem_id in set(ids)]  # document order
    for node in every:  # each match is found, or stands inside one that is
        assert (node.mem_id in ids) != bool(set(_ancestors(node)) & set(ids))


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_number_format_writes_every_counter_in_words_range(fmt: str) -> None:
    write = FORMATS[fmt]
    for n in range(MIN_COUNTER, MAX_COUNTER + 1):
        label = write(n)
        assert isinstance(label, str)
        assert 0 < len(label) <= LONGEST_LABEL or fmt == "none"


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(FORMATS)), st.integers())
def test_any_counter_a_file_asks_for_is_written_in_words_range(fmt: str, n: int) -> None:
    label = format_number(fmt, n)
    assert label == FORMATS[fmt](min(max(n, MIN_COUNTER), MAX_COUNTER))


def test_chinese_numerals_written_read_back_as_their_number() -> None:
    assert all(read_number(write_chinese(n)) == n for n in range(1, 10_000))
    assert write_chinese(0) == "零"
    with pytest.raises(ValueError, match="no Chinese numeral for -1"):
        write_chinese(-1)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=10**16 - 1))
def test_large_chinese_numerals_read_back(n: int) -> None:
    assert read_number(write_chinese(n)) == n


@pytest.mark.parametrize(
    ("n", "written"),
    [
        (100_010, "十万零一十"),
        (100_000_001, "一亿零一"),
        (101_000_000, "一亿零一百万"),
        (337_300_005_574, "三千三百七十三亿零五千五百七十四"),
        (10**12, "一万亿"),
    ],
)
def test_a_zero_stands_for_each_gap_between_myriads(n: int, written: str) -> None:
    assert write_chinese(n) == written
