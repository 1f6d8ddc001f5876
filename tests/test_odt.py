"""OpenDocument text: paragraphs and headings in order, list and outline labels as LibreOffice
shows them, flat .fodt too."""

from __future__ import annotations

import pytest

from outline.sources import SourceError, read
from tests.support.packages import list_style, number_level, odt, zip_bytes

CN = "一, 二, 三, ..."
LISTS = list_style(
    "L1",
    number_level(1, CN, suffix="、", follow="nothing"),
    number_level(2, CN, prefix="（", suffix="）"),
    number_level(3, "1", suffix=".", text__display_levels="3"),
)


def _item(text: str, inner: str = "") -> str:
    return f"<text:list-item><text:p>{text}</text:p>{inner}</text:list-item>"


def test_nested_lists_get_their_labels() -> None:
    inner = f"<text:list>{_item('指导思想', '<text:list>' + _item('细则') + '</text:list>')}"
    inner += f"{_item('基本原则')}</text:list>"
    body = '<text:p>关于加强作风建设的意见</text:p><text:list text:style-name="L1">'
    body += f"{_item('总体要求', inner)}{_item('主要任务')}</text:list>"
    got = read(odt(body, styles=LISTS), "plan.odt")
    assert got.text.split("\n") == [
        "关于加强作风建设的意见",
        "一、总体要求",
        "（一） 指导思想",
        "一.一.1. 细则",
        "（二） 基本原则",
        "二、主要任务",
    ]
    assert (got.format, got.numbered) == ("odt", 5)
    # Each label's line and length, suffix included: a marker whatever text follows it.
    assert got.labels == ((2, 2), (3, 4), (4, 7), (5, 4), (6, 2))


def test_lists_continue_restart_and_take_start_values() -> None:
    first = f'<text:list xml:id="a" text:style-name="L1">{_item("甲")}{_item("乙")}</text:list>'
    cont = f'<text:list text:continue-list="a" text:style-name="L1">{_item("丙")}</text:list>'
    fresh = f'<text:list text:style-name="L1">{_item("丁")}</text:list>'
    start = '<text:list text:style-name="L1"><text:list-item text:start-value="5">'
    start += "<text:p>戊</text:p></text:list-item></text:list>"
    body = first + "<text:p>正文。</text:p>" + cont + fresh + start
    got = read(odt(body, styles=LISTS), "x.odt").text.split("\n")
    assert got == ["一、甲", "二、乙", "正文。", "三、丙", "一、丁", "五、戊"]


def test_headings_numbered_by_the_outline_style_are_evidence_of_levels() -> None:
    outline = list_style(
        "Outline",
        '<text:outline-level-style text:level="1" style:num-format="一, 二, 三, ..."'
        ' style:num-suffix="、"/>',
        '<text:outline-level-style text:level="2" style:num-format="1"'
        ' loext:num-list-format="%1%.%2%" style:num-suffix=""/>',
        outline=True,
    )
    body = (
        '<text:h text:outline-level="1">总则</text:h><text:h text:outline-level="2">目的</text:h>'
    )
    body += '<text:p>正文<text:s text:c="2"/>内容<text:tab/>。<text:note><text:note-citation>1'
    body += "</text:note-citation><text:note-body><text:p>注释</text:p></text:note-body>"
    body += '</text:note></text:p><text:h text:outline-level="1">附则</text:h>'
    got = read(odt(body, styles=outline), "x.odt")
    assert got.text.split("\n") == ["一、 总则", "一.1 目的", "正文  内容\t。", "二、 附则"]
    assert [(s.line, s.level) for s in got.styled] == [(1, 1), (2, 2), (4, 1)]


def test_tables_text_boxes_and_a_flat_document() -> None:
    body = "<table:table><table:table-row><table:table-cell><text:p>姓名</text:p>"
    body += "</table:table-cell><table:table-cell><text:p>职务</text:p></table:table-cell>"
    body += "</table:table-row></table:table><text:p>正文<draw:frame><draw:text-box>"
    body += "<text:p>一、框内</text:p></draw:text-box></draw:frame></text:p>"
    assert read(odt(body), "x.odt").text == "姓名\n职务\n正文\n一、框内"
    flat = read(odt(body, flat=True), "x.fodt")
    assert (flat.text, flat.format) == ("姓名\n职务\n正文\n一、框内", "odt")


def test_an_odt_named_docx_is_read_as_odt_and_bad_ones_are_refused() -> None:
    assert read(odt("<text:p>一、总体要求</text:p>"), "x.docx").format == "odt"
    spreadsheet = zip_bytes({"mimetype": "application/vnd.oasis.opendocument.spreadsheet"})
    with pytest.raises(SourceError, match="is a spreadsheet \\(OpenDocument\\)"):
        read(spreadsheet, "x.ods")
    with pytest.raises(SourceError, match="with no text"):
        read(odt("<text:p> </text:p>"), "x.odt")
