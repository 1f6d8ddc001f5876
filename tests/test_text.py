"""Text files: encodings detected right for Chinese, page breaks, hard wraps re-joined."""

from __future__ import annotations

from pathlib import Path

import pytest

from outline import parse
from outline.sources import ReadOptions, SourceError, decode, detect, read
from outline.sources.unwrap import Line, join, unwrap_text
from tests.support.corpus import FIXTURES, SEEDS, read_fixture, shape, skeleton

TRADITIONAL = (
    "關於進一步加強機關作風建設的實施意見\n一、總體要求\n各級黨組織要認真學習，這個問題關係到發展的全局，"
    "我們必須高度重視。\n（一）指導思想\n堅持以人民為中心的發展思想。\n二、主要任務\n"
)


@pytest.mark.parametrize("seed", SEEDS, ids=[s.stem for s in SEEDS])
@pytest.mark.parametrize(
    "codec", ["utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le", "utf-16-be", "utf-32"]
)
def test_every_encoding_of_a_seed_gives_its_skeleton(seed: Path, codec: str) -> None:
    text = seed.read_text(encoding="utf-8")
    try:
        data = text.encode(codec)
    except UnicodeEncodeError:  # a character GBK lacks: make do without it
        data = text.encode(codec, errors="replace")
        text = data.decode(codec)
    got = read(data, seed.name)
    assert shape(parse(got.text)) == shape(parse(text))
    assert got.encoding in {codec, "gb18030" if codec == "gbk" else codec}


def test_big5_is_told_from_gbk() -> None:
    assert decode(TRADITIONAL.encode("big5")) == (TRADITIONAL, "big5")
    assert decode(TRADITIONAL.encode("gb18030")) == (TRADITIONAL, "gb18030")
    assert skeleton(parse(read(TRADITIONAL.encode("big5")).text)).startswith("一、總體要求\n")


def test_mixed_line_ends_are_normal() -> None:
    text = "一、总体要求\r\n（一）指导思想\n（二）基本原则\r\n二、主要任务\r"
    assert skeleton(parse(read(text.encode("gbk")).text)) == (
        "一、总体要求\n  （一）指导思想\n  （二）基本原则\n二、主要任务\n"
    )


def test_form_feeds_are_page_breaks() -> None:
    got = read("一、甲\n正文\n\f二、乙\n\f三、丙\n".encode())
    assert got.text == "一、甲\n正文\n二、乙\n三、丙\n"
    assert got.pages == (1, 3, 4)


def test_binary_and_garbage_are_refused() -> None:
    with pytest.raises(SourceError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01")
    with pytest.raises(SourceError, match="is not text"):
        decode(b"abc\x80\xff")


def damaged(data: bytes, count: int) -> tuple[bytes, list[int]]:
    """The bytes with `count` stray 0xFF bytes put between characters, spread over the file;
    and where each one stands in the text (a character offset)."""
    text = data.decode("utf-8")
    where = [len(text) * (i + 1) // (count + 1) for i in range(count)]
    pieces, start = [], 0
    for at in where:
        pieces += [text[start:at].encode("utf-8"), b"\xff"]
        start = at
    return b"".join([*pieces, text[start:].encode("utf-8")]), where


def replaced(text: str, where: list[int]) -> str:
    for shift, at in enumerate(where):
        text = text[: at + shift] + "\ufffd" + text[at + shift :]
    return text


@pytest.mark.parametrize("count", [1, 3, 8])
def test_a_few_bad_bytes_in_utf8_are_replaced_and_said(count: int) -> None:
    text = SEEDS[0].read_text(encoding="utf-8")
    data, where = damaged(text.encode("utf-8"), count)
    assert len(data) > 1000 * count
    said = f"utf-8, {count} byte{'s' if count > 1 else ''} replaced"
    assert decode(data) == (replaced(text, where), said)
    assert decode(data, "utf-8") == (replaced(text, where), said)
    assert decode(b"\xef\xbb\xbf" + data)[1] == f"utf-8-sig, {said[7:]}"
    assert read(data).encoding == said


def test_other_encodings_with_a_bad_byte_are_read_too() -> None:
    text = TRADITIONAL * 20
    for codec in ("gb18030", "big5"):
        data = text.encode(codec)
        middle = data.index("二、".encode(codec))
        got = decode(data[:middle] + b"\xff" + data[middle:])
        assert got == (
            text[: text.index("二、")] + "\ufffd" + text[text.index("二、") :],
            f"{codec}, 1 byte replaced",
        )


def test_more_than_a_few_bad_bytes_are_refused() -> None:
    text = SEEDS[0].read_text(encoding="utf-8")
    with pytest.raises(SourceError, match="is not text"):
        decode(damaged(text.encode("utf-8"), 9)[0])
    short = "一、总体要求\n".encode() * 20  # 340 bytes: one bad byte is more than one in a thousand
    with pytest.raises(SourceError, match="is not text"):
        decode(damaged(short, 1)[0])
    with pytest.raises(SourceError, match="is not utf-8"):
        decode(damaged(short, 1)[0], "utf-8")
    with pytest.raises(SourceError, match="is not utf-8"):
        decode("一、总体要求\n".encode("gbk") * 200, "utf-8")


def test_formats_are_told_by_their_first_bytes_then_by_suffix() -> None:
    assert detect(b"%PDF-1.7", "x") == "pdf"
    assert detect(b"\xef\xbb\xbf \r\n%PDF-1.7", "x") == "pdf"
    assert detect(b"<html><body>", "-") == "html"
    assert detect(b"x", "page.HTM") == "html"
    assert detect("一、".encode(), "a.txt") == "text"
    assert detect(b"<b>bold</b> in a text", "a.txt") == "text"
    assert detect(b"{\\rtf1\\ansi", "a.doc") == "rtf"
    with pytest.raises(SourceError, match="is a damaged or truncated zip file"):
        detect(b"PK\x03\x04...", "notes.txt")


def test_content_decides_when_it_and_the_suffix_disagree() -> None:
    text = "一、总体要求\n（一）指导思想\n".encode()
    assert detect(text, "plan.docx") == "text"
    assert read(text, "plan.docx").text == text.decode()
    assert detect(b"<html><body><p>x</p></body></html>", "page.docx") == "html"
    assert detect(text + b"see %PDF-1.7 in the appendix", "notes.txt") == "text"
    assert detect(b"junk%PDF-1.7", "x") == "text"
    assert detect(b"junk%PDF-1.7", "scan.pdf") == "pdf"  # a PDF may follow junk: named so, it is


@pytest.mark.parametrize("name", ["plan.docx", "old.doc", "old.wps", "page.html"])
def test_a_file_of_a_kind_no_reader_takes_is_named_by_its_kind(name: str) -> None:
    with pytest.raises(SourceError, match=r"^is a PNG image, not a document$"):
        read(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01", name)


def test_a_file_that_is_neither_what_its_name_says_nor_text_says_both() -> None:
    with pytest.raises(SourceError) as caught:
        read(b"\x00\x01\x02binary\x00\x00\x00", "plan.docx")
    assert str(caught.value) == (
        "is named .docx but does not begin as one; read as text, it is a binary file, not text"
    )


def test_unwrap_joins_wrapped_lines_and_keeps_headings() -> None:
    fixture = next(p for p in FIXTURES if p.stem == "hard-wrapped-pdf")
    source, expected = read_fixture(fixture)
    text, where = unwrap_text(source)
    assert skeleton(parse(text)) == expected
    assert len(text.split("\n")) == 4  # a heading, one paragraph, two headings
    assert where[:3] == [1, 2, 2]
    got = read(source.encode(), options=ReadOptions(unwrap=True))
    assert (got.text, got.line_unit) == (text, "paragraph")


def test_unwrap_leaves_a_text_without_wraps_alone() -> None:
    text = "一、总体要求\n（一）指导思想\n坚持稳中求进。\n二、主要任务\n"
    assert unwrap_text(text) == (text, [1, 2, 3, 4, 5])


def test_join_rules() -> None:
    lines = [
        Line("关于进一步加强机关", full=True),
        Line("作风建设的实施意见", full=False),
        Line("一、总体要求", full=False, indented=True),
        Line("全年增长百分之五，规模以上工业", full=True, indented=True),
        Line("- 2 -", full=False),
        Line("增加值增长。", full=False),
        Line("句末已经结束。", full=True, indented=True),
        Line("二、主要任务", full=False),
        Line("the quick brown", full=True),
        Line("fox", full=False),
    ]
    paragraphs, where = join(lines)
    assert paragraphs == [
        "关于进一步加强机关作风建设的实施意见",
        "一、总体要求",
        "全年增长百分之五，规模以上工业增加值增长。",
        "句末已经结束。",
        "二、主要任务",
        "the quick brown fox",
    ]
    assert where == [1, 1, 2, 3, 3, 3, 4, 5, 6, 6]


def test_unwrap_ends_sentences_where_the_parser_does() -> None:
    """A wrapped line may stop after a closing title mark (》) in mid-sentence; a quotation
    closed with a straight quote ends its sentence, as the parser's own wrap rule has it."""
    lines = [
        Line("根据《中华人民共和国宪法》", full=True),
        Line("制定本条例。", full=False),
        Line('他说:"要抓落实。"', full=True),
        Line("一、总体要求", full=False),
    ]
    assert join(lines)[0] == [
        "根据《中华人民共和国宪法》制定本条例。",
        '他说:"要抓落实。"',
        "一、总体要求",
    ]
