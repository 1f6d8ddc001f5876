"""Any bytes given to any reader: text for the parser, or a SourceError; never anything else."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from outline.sources import SourceError, read

PREFIXES = [b"", b"<html>", b"<!DOCTYPE html><p>", b"%PDF-1.7\n", b"PK\x03\x04", b"\xef\xbb\xbf"]
NAMES = ["a.txt", "a.html", "a.pdf", "a.docx", "-"]
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
