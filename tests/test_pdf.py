"""PDF: a seed typeset as hard-wrapped pages gives the seed's skeleton; bad PDFs are refused."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from outline import parse
from outline.sources import SourceError, read
from tests.support.corpus import SEEDS, shape
from tests.support.pdf_builder import LEFT, SIZE, WRAP, Line, build, typeset


@pytest.mark.parametrize("seed", SEEDS, ids=[s.stem for s in SEEDS])
def test_a_typeset_seed_has_the_seeds_skeleton(seed: Path) -> None:
    text = seed.read_text(encoding="utf-8")
    pages = typeset(text)
    assert len(pages) > 1
    got = read(build(pages), seed.stem + ".pdf")
    assert (got.format, got.line_unit, got.encoding) == ("pdf", "paragraph", None)
    assert shape(parse(got.text)) == shape(parse(text))
    assert len(got.pages) == len(pages) and got.pages[0] == 1
    assert "- 1 -" not in got.text


def test_wrapped_lines_that_begin_with_numerals_join_the_line_before() -> None:
    body = [
        Line("一、经济运行", indent=2),
        Line("全年地区生产总值增长百分之五点二，规模以上工", indent=2),
        Line("3．项目建设任务完成了百分之九十，居民人均可支", indent=0),
        Line("（二）类指标也全部达标。", indent=0),
        Line("二、主要任务", indent=2),
    ]
    got = read(build([body]), "wrapped.pdf")
    assert [v.node.marker + v.node.title for v in parse(got.text).walk()] == [
        "一、经济运行",
        "二、主要任务",
    ]
    assert got.text.split("\n")[1].endswith(
        "规模以上工3．项目建设任务完成了百分之九十，居民人均可支（二）类指标也全部达标。"
    )


def test_a_pdf_without_a_text_layer_is_refused_with_advice() -> None:
    with pytest.raises(SourceError, match=r"without a text layer .*ocrmypdf"):
        read(build([[], []]), "scan.pdf")


def test_a_damaged_pdf_is_refused() -> None:
    data = build([[Line("一、总体要求")]])
    with pytest.raises(SourceError, match="is a damaged PDF"):
        read(data[:200], "broken.pdf")


def test_a_file_named_pdf_without_a_pdf_header_is_not_called_damaged() -> None:
    with pytest.raises(SourceError, match=r"^is not a PDF \(it has no %PDF- header\)$"):
        read("一、总体要求\n".encode(), "notes.pdf")
    junk = b"\x00junk\r\n" + build([[Line("一、总体要求")]])
    assert read(junk, "scan.pdf").text == "一、总体要求"


def test_pypdfium2_missing_says_how_to_install_it_in_a_clone_and_with_pip(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "pypdfium2", None)
    with pytest.raises(SourceError, match=r"`make demo` again in a clone.*`pip install pypdfium2`"):
        read(build([[Line("一、总体要求")]]), "x.pdf")


def test_spaces_layout_puts_beside_chinese_characters_are_removed() -> None:
    lines = [
        Line("第 39 条 本办法自 2004 年 7 月 1 日起施行。"),
        Line("See the Act of 2004 for more."),
    ]
    got = read(build([lines]), "dates.pdf").text
    assert got == "第39条本办法自2004年7月1日起施行。\nSee the Act of 2004 for more."


def test_a_line_short_by_a_character_that_punctuation_pulled_down_is_joined() -> None:
    """A line may not begin with ，: the character before it goes down too, and the line above
    stops short of the edge; it is still a wrapped line."""
    first = "第一条　为了规范行政机关的公文处理工作，提高公文处理的质量和效率"[:WRAP]
    second = "根据国务院有关规定和本省的实际情况结合本地区的有"[-(WRAP - 2) :]
    third = "第二条　本办法适用于本省各级行政机关和事业单位团体"[: WRAP - 2]
    body = [Line(first), Line(second), Line("关，制定本办法。"), Line(third)]
    body += [Line("第三条　本办法自公布之日起施行。"), Line("要求执行。")]
    assert (len(first), len(second), len(third)) == (WRAP, WRAP - 2, WRAP - 2)
    got = read(build([body]), "pulled.pdf").text.split("\n")
    assert got[0].endswith("结合本地区的有关，制定本办法。")
    assert [line[:3] for line in got] == ["第一条", "第二条", "第三条", "要求执"]
    assert got[1] == third


def test_the_block_edges_come_from_the_page() -> None:
    """A line is full by where it ends, not by how many characters it has."""
    narrow = [
        Line("一、总体要求", indent=2),
        Line("甲乙丙丁戊己庚辛壬癸", x=LEFT),
        Line("子丑寅卯辰巳午未申酉", x=LEFT),
        Line("正文。", x=LEFT),
    ]
    assert (
        read(build([narrow]), "n.pdf").text
        == "一、总体要求\n甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉正文。"
    )


def test_a_title_spread_over_the_page_does_not_move_the_block_edges() -> None:
    """A title set letter-spaced across the whole width starts left of the text block and ends
    right of it; the lines of the block are still full where they reach its own edge."""
    body = "为深入贯彻落实安全生产治本攻坚三年行动的部署要求"
    body += "从根本上消除事故隐患结合我县实际制定本方案。"
    title = "梧川县安全生产治本攻坚三年行动实施方案（二〇二四至二〇二六年）"
    assert len(title) > WRAP + 2
    page = [
        Line(title, x=LEFT - 2 * SIZE),
        Line(body[:WRAP], indent=0),
        Line(body[WRAP : 2 * WRAP]),
        Line(body[2 * WRAP :]),
        Line("一、总体要求"),
    ]
    got = read(build([page]), "spread.pdf").text.split("\n")
    assert got == [title, body, "一、总体要求"]


def test_a_signature_pushed_to_the_right_edge_is_no_wrapped_line() -> None:
    signature = LEFT + (WRAP - 7) * SIZE
    page = [
        Line("第十五条　本办法自2024年5月1日起施行。"),
        Line("某某市人民政府", x=signature),
        Line("2024年4月2日", x=signature + SIZE),
    ]
    annex = [Line("附件"), Line("某某市政府投资项目后评价规程"), Line("一、评价对象")]
    got = read(build([page, annex]), "signed.pdf").text.split("\n")
    assert got[1:4] == ["某某市人民政府", "2024年4月2日", "附件"]


def test_running_heads_and_footnotes_are_set_aside_after_the_paragraph_they_cut() -> None:
    body = (
        "各县（市、区）要严格落实粮食生产目标责任，将全年粮食播种面积和产量目标任务分解落实到乡镇"
    )
    body += "、到村、到田块，建立任务台账。"
    assert 2 * WRAP < len(body) < 3 * WRAP
    more = "供销部门要提前做好化肥、农药、种子等农资储备，确保春耕期间农资供应充足、价格稳定。"
    first = [
        Line("岚州市人民政府公报　2024年第3期", size=SIZE * 0.7),
        Line("一、稳定粮食播种面积"),
        Line(body[:WRAP]),
        Line(body[WRAP : 2 * WRAP]),
        Line("①粮食播种面积，是指实际播种或者移植有农作物的面积。", size=SIZE * 0.7),
        Line("第 1 页 共 2 页", size=SIZE * 0.7),
    ]
    second = [
        Line("2024年第3期　岚州市人民政府公报", size=SIZE * 0.7),
        Line(body[2 * WRAP :]),
        Line("二、抓好农资保供"),
        Line(more[:WRAP]),
        Line(more[WRAP:]),
        Line("②农资，是指种子、化肥、农药等农业生产资料。", size=SIZE * 0.7),
        Line("第 2 页 共 2 页", size=SIZE * 0.7),
    ]
    got = read(build([first, second]), "gazette.pdf")
    lines = got.text.split("\n")
    assert lines == [
        "岚州市人民政府公报　2024年第3期",
        "一、稳定粮食播种面积",
        body,
        "①粮食播种面积，是指实际播种或者移植有农作物的面积。",
        "2024年第3期　岚州市人民政府公报",
        "二、抓好农资保供",
        more,
        "②农资，是指种子、化肥、农药等农业生产资料。",
    ]
    assert got.asides == (1, 4, 5, 8)
    doc = parse(got.text, asides=got.asides)
    assert [v.node.marker for v in doc.walk()] == ["一、", "二、"]
    assert [v.node.marker for v in parse(got.text).walk()] == ["一、", "①", "二、", "②"]
