""".docx: Word's automatic numbering rebuilt label by label, styles as heading evidence, tables
in reading order, and bad packages refused quickly."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from outline import parse
from outline.loading import load
from outline.sources import SourceError, read
from outline.sources.caps import CAPS
from tests.support.corpus import SEEDS, shape, skeleton
from tests.support.docx_builder import Para, abstract, build, lvl, num, style
from tests.support.docx_seed import seed_docx

FORMATS = [
    ("decimal", "%1.", ["1.", "2.", "3."]),
    ("decimalZero", "%1.", ["01.", "02.", "03."]),
    ("decimalFullWidth", "%1．", ["１．", "２．", "３．"]),
    ("decimalEnclosedCircle", "%1", ["①", "②", "③"]),
    ("decimalEnclosedParen", "%1", ["⑴", "⑵", "⑶"]),
    ("decimalEnclosedFullstop", "%1", ["⒈", "⒉", "⒊"]),
    ("chineseCounting", "%1、", ["一、", "二、", "三、"]),
    ("chineseCountingThousand", "（%1）", ["（一）", "（二）", "（三）"]),
    ("japaneseCounting", "第%1条", ["第一条", "第二条", "第三条"]),
    ("chineseLegalSimplified", "%1、", ["壹、", "贰、", "叁、"]),
    ("ideographTraditional", "%1、", ["甲、", "乙、", "丙、"]),
    ("ideographZodiac", "%1、", ["子、", "丑、", "寅、"]),
    ("upperLetter", "%1.", ["A.", "B.", "C."]),
    ("lowerLetter", "(%1)", ["(a)", "(b)", "(c)"]),
    ("upperRoman", "%1.", ["I.", "II.", "III."]),
    ("lowerRoman", "%1)", ["i)", "ii)", "iii)"]),
]


def labels(
    paragraphs: list[Para], numbering: list[str], styles: list[str] | None = None
) -> list[str]:
    """The lines of a built .docx."""
    return read(build(paragraphs, numbering, styles), "t.docx").text.split("\n")


@pytest.mark.parametrize(("fmt", "text", "expected"), FORMATS, ids=[f for f, _, _ in FORMATS])
def test_every_number_format(fmt: str, text: str, expected: list[str]) -> None:
    numbering = [abstract(1, lvl(0, fmt, text, suff="nothing")), num(1, 1)]
    got = labels([Para(f"条目{i}", num=(1, 0)) for i in range(3)], numbering)
    assert got == [f"{label}条目{i}" for i, label in enumerate(expected)]


def test_large_chinese_counters_start_where_the_definition_says() -> None:
    numbering = [abstract(1, lvl(0, "chineseCounting", "%1、", start=9, suff="nothing")), num(1, 1)]
    got = labels([Para("x", num=(1, 0)) for _ in range(4)], numbering)
    assert got == ["九、x", "十、x", "十一、x", "十二、x"]


@pytest.mark.parametrize(
    ("fmt", "start", "expected"),
    [
        ("ideographDigital", -5, ["〇、", "一、"]),
        ("chineseCounting", -1, ["零、", "一、"]),
        ("decimal", 10**7, ["32767、", "32767、"]),
        ("upperLetter", 10**7, ["G" * 1261 + "、"] * 2),  # 32767 = 26 × 1260 + 7
    ],
)
def test_starts_outside_words_range_are_brought_into_it(
    fmt: str, start: int, expected: list[str]
) -> None:
    numbering = [abstract(1, lvl(0, fmt, "%1、", start=start, suff="nothing")), num(1, 1)]
    assert labels([Para("x", num=(1, 0)) for _ in range(2)], numbering) == [
        f"{label}x" for label in expected
    ]


def test_start_overrides_outside_words_range_are_brought_into_it() -> None:
    numbering = [
        abstract(1, lvl(0, "ideographDigital", "%1、", suff="nothing")),
        num(1, 1, {0: -7}),
        num(2, 1, {0: 2**40}),
    ]
    got = labels([Para("a", num=(1, 0)), Para("b", num=(2, 0))], numbering)
    assert got == ["〇、a", "三二七六七、b"]


@pytest.mark.parametrize(
    ("suff", "gap"), [(None, "\t"), ("tab", "\t"), ("space", " "), ("nothing", "")]
)
def test_suffix_after_the_label(suff: str | None, gap: str) -> None:
    numbering = [abstract(1, lvl(0, "chineseCounting", "%1、", suff=suff)), num(1, 1)]
    assert labels([Para("总体要求", num=(1, 0))], numbering) == [f"一、{gap}总体要求"]


def _outline_numbering(**second: object) -> list[str]:
    return [
        abstract(
            1,
            lvl(0, "chineseCounting", "%1、", suff="nothing"),
            lvl(1, "chineseCounting", "（%2）", suff="nothing", **second),  # type: ignore[arg-type]
            lvl(2, "decimal", "%3.", suff="nothing"),
        ),
        num(1, 1),
    ]


def test_deeper_levels_restart_after_a_higher_one() -> None:
    paras = [
        Para("甲", num=(1, 0)),
        Para("子", num=(1, 1)),
        Para("丑", num=(1, 1)),
        Para("细", num=(1, 2)),
        Para("乙", num=(1, 0)),
        Para("寅", num=(1, 1)),
        Para("细", num=(1, 2)),
    ]
    got = labels(paras, _outline_numbering())
    assert got == ["一、甲", "（一）子", "（二）丑", "1.细", "二、乙", "（一）寅", "1.细"]


def test_a_level_that_never_restarts_keeps_counting() -> None:
    paras = [
        Para("甲", num=(1, 0)),
        Para("子", num=(1, 1)),
        Para("乙", num=(1, 0)),
        Para("丑", num=(1, 1)),
    ]
    assert labels(paras, _outline_numbering(restart=0)) == [
        "一、甲",
        "（一）子",
        "二、乙",
        "（二）丑",
    ]


def test_lvl_text_shows_the_counters_of_higher_levels_and_is_lgl_makes_them_decimal() -> None:
    numbering = [
        abstract(
            1,
            lvl(0, "chineseCounting", "第%1章", suff="space"),
            lvl(1, "decimal", "%1.%2", suff="space", legal=True),
            lvl(2, "decimal", "%1.%2.%3", suff="space"),
        ),
        num(1, 1),
    ]
    paras = [Para("总则", num=(1, 0)), Para("目的", num=(1, 1)), Para("依据", num=(1, 2))]
    paras += [Para("分则", num=(1, 0)), Para("范围", num=(1, 1))]
    assert labels(paras, numbering) == [
        "第一章 总则",
        "1.1 目的",
        "一.1.1 依据",
        "第二章 分则",
        "2.1 范围",
    ]


def test_instances_of_a_definition_share_its_counters_and_an_override_restarts_them() -> None:
    """As Word and LibreOffice number them: one list per abstract definition; an instance that
    overrides a start restarts the list where it is first used, and the others go on from
    there."""
    numbering = [
        abstract(1, lvl(0, "chineseCounting", "%1、", suff="nothing")),
        num(1, 1),
        num(2, 1, {0: 1}),
        num(3, 1),
        num(4, 1, {0: 5}),
    ]
    paras = [
        Para("a", num=(1, 0)),
        Para("b", num=(1, 0)),
        Para("c", num=(2, 0)),
        Para("d", num=(2, 0)),
    ]
    paras += [Para("e", num=(3, 0)), Para("f", num=(4, 0)), Para("g", num=(1, 0))]
    paras += [Para("h", num=(4, 0))]  # an override takes effect once
    got = labels(paras, numbering)
    assert got == ["一、a", "二、b", "一、c", "二、d", "三、e", "五、f", "六、g", "七、h"]


def test_a_level_override_replaces_the_level_and_goes_on_counting() -> None:
    override = (
        '<w:num w:numId="2"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:suff w:val="nothing"/><w:lvlText w:val="第%1条"/></w:lvl></w:lvlOverride></w:num>'
    )
    numbering = [
        abstract(1, lvl(0, "chineseCounting", "%1、", suff="nothing")),
        num(1, 1),
        override,
    ]
    paras = [Para("a", num=(1, 0)), Para("b", num=(2, 0)), Para("c", num=(2, 0))]
    got = labels([*paras, Para("d", num=(1, 0))], numbering)
    assert got == ["一、a", "第2条b", "第3条c", "四、d"]


def _decimal_outline() -> list[str]:
    return [
        abstract(
            1,
            lvl(0, "decimal", "%1.", suff="space"),
            lvl(1, "decimal", "%1.%2", suff="space"),
            lvl(2, "decimal", "%1.%2.%3", suff="space"),
        ),
        num(1, 1),
    ]


def test_a_higher_level_not_yet_used_shows_its_start_and_counts_as_used() -> None:
    """LibreOffice's rendering: a list that begins at its second level shows 1.1, and its
    first paragraph at the first level is 2."""
    paras = [Para("近期目标", num=(1, 1)), Para("远期目标", num=(1, 1)), Para("总体", num=(1, 0))]
    paras += [Para("细则", num=(1, 1)), Para("条款", num=(1, 2)), Para("附则", num=(1, 0))]
    paras += [Para("说明", num=(1, 2)), Para("其他", num=(1, 1))]
    assert labels(paras, _decimal_outline()) == [
        "1.1 近期目标",
        "1.2 远期目标",
        "2. 总体",
        "2.1 细则",
        "2.1.1 条款",
        "3. 附则",
        "3.1.1 说明",
        "3.2 其他",
    ]


def test_a_legal_label_writes_higher_levels_in_arabic_digits() -> None:
    numbering = [
        abstract(
            1,
            lvl(0, "upperRoman", "Article %1", suff="space"),
            lvl(1, "decimalZero", "Section %1.%2", suff="space", legal=True),
            lvl(2, "chineseCounting", "%1.%2.%3", suff="space", legal=True),
        ),
        num(1, 1),
    ]
    paras = [Para("a", num=(1, 0)), Para("b", num=(1, 1)), Para("c", num=(1, 2))]
    assert labels(paras, numbering) == ["Article I a", "Section 1.01 b", "1.01.1 c"]


def test_a_label_bomb_is_cut() -> None:
    """A small numbering part whose label repeats %1 a hundred thousand times."""
    numbering = [abstract(1, lvl(0, "upperLetter", "%1" * 100_000, start=32767)), num(1, 1)]
    got = labels([Para("x", num=(1, 0)) for _ in range(3)], numbering)
    assert [len(line) for line in got] == [CAPS.label_chars + 2] * 3  # the label, a tab, x


def test_numbering_through_the_style_chain_and_the_level_tied_to_a_style() -> None:
    numbering = [
        abstract(
            1,
            lvl(0, "chineseCounting", "%1、", suff="nothing", pstyle="Level1"),
            lvl(1, "chineseCounting", "（%2）", suff="nothing", pstyle="Level2"),
        ),
        num(5, 1),
    ]
    styles = [
        style("Level1", "一级", num_id=5),
        style("Level2", "二级", num_id=5),
        style("Level2b", "二级正文", based_on="Level2"),
    ]
    paras = [
        Para("总体要求", style="Level1"),
        Para("指导思想", style="Level2b"),
        Para("基本原则", style="Level2"),
        Para("主要任务", style="Level1"),
        Para("正文", style="Level1", num=(0, 0)),  # numId 0 removes the style's numbering
        Para("重点", style="Level1", ilvl=1),  # a level of its own, the list of its style
    ]
    assert labels(paras, numbering, styles) == [
        "一、总体要求",
        "（一）指导思想",
        "（二）基本原则",
        "二、主要任务",
        "正文",
        "（一）重点",
    ]


def test_numbering_through_a_numbering_style_link() -> None:
    numbering = [
        abstract(
            1,
            lvl(0, "chineseCounting", "%1、", suff="nothing"),
            lvl(1, "chineseCounting", "（%2）", suff="nothing"),
            style_link="OfficialList",
        ),
        abstract(2, link="OfficialList"),
        num(1, 1),
        num(2, 2),
    ]
    styles = [style("OfficialList", "公文列表", num_id=1, kind="numbering")]
    paras = [Para("甲", num=(2, 0)), Para("子", num=(2, 1)), Para("乙", num=(2, 0))]
    assert labels(paras, numbering, styles) == ["一、甲", "（一）子", "二、乙"]


def test_bullets_get_no_label_and_unknown_lists_are_left_alone() -> None:
    numbering = [abstract(1, lvl(0, "bullet", "•")), num(1, 1)]
    assert labels([Para("要点", num=(1, 0)), Para("其他", num=(9, 0))], numbering) == [
        "要点",
        "其他",
    ]


def test_a_label_is_a_marker_whatever_text_follows_it_with_nothing_between() -> None:
    numbering = [
        abstract(
            1,
            lvl(0, "chineseCounting", "%1、", suff="nothing"),
            lvl(1, "decimal", "%2.", suff="nothing"),
        ),
        num(1, 1),
    ]
    paras = [
        Para("认定条件", num=(1, 0)),
        Para("属于指导目录范围；", num=(1, 1)),
        Para("具有自主知识产权；", num=(1, 1)),
        Para("2023年1月1日以后实现首次销售。", num=(1, 1)),
        Para("5G基站建设提速。", num=(1, 1)),
        Para("奖励标准", num=(1, 0)),
    ]
    data = build(paras, numbering)
    got = read(data, "t.docx")
    assert got.text.split("\n")[3:5] == ["3.2023年1月1日以后实现首次销售。", "4.5G基站建设提速。"]
    assert got.labels == ((1, 2), (2, 2), (3, 2), (4, 2), (5, 2), (6, 2))
    doc = parse(got.text, numbered=dict(got.labels))
    assert [(v.level, v.node.marker, v.node.title) for v in doc.walk()] == [
        (1, "一、", "认定条件"),
        (2, "1.", "属于指导目录范围"),
        (2, "2.", "具有自主知识产权"),
        (2, "3.", "2023年1月1日以后实现首次销售"),
        (2, "4.", "5G基站建设提速"),
        (1, "二、", "奖励标准"),
    ]
    assert [v.node.marker for v in load(data, "t.docx").doc.walk()] == [
        v.node.marker for v in doc.walk()
    ]
    # Typed, the same text reads 3.2023 and 4.5 as numbers: only the file's numbering tells.
    assert "3." not in [v.node.marker for v in parse(got.text).walk()]


def test_tables_are_read_row_by_row_and_line_numbers_count_paragraphs() -> None:
    data = build(
        [Para("一、表格"), Para("", table=(("姓名", "职务"), ("张三", "主任"))), Para("二、结尾")]
    )
    got = read(data, "t.docx")
    assert got.text == "一、表格\n姓名\n职务\n张三\n主任\n二、结尾"
    assert (got.format, got.line_unit, got.encoding) == ("docx", "paragraph", None)
    assert [v.node.line for v in parse(got.text).walk()] == [1, 6]


def test_heading_styles_and_outline_levels_are_evidence_of_headings() -> None:
    styles = [style("Biaoti2", "标题 2"), style("Custom", "要点", outline=2)]
    paras = [
        Para("总则", style="Heading1"),
        Para("一、目的"),
        Para("适用范围", style="Biaoti2"),
        Para("二、依据"),
        Para("细目", style="Custom"),
        Para("附则", outline=0),
        Para("正文。"),
    ]
    got = read(build(paras, styles=styles), "t.docx")
    assert [(s.line, s.level, s.style) for s in got.styled] == [
        (1, 1, "heading 1"),
        (3, 2, "标题 2"),
        (5, 3, "要点"),
        (6, 1, "outline level"),
    ]
    doc = parse(got.text, {s.line: s.level for s in got.styled})
    # A heading of level 2 closes what is open at depth 2; numbered ones nest under it.
    assert skeleton(doc) == "总则\n  一、目的\n  适用范围\n    二、依据\n    细目\n附则\n"
    assert [v.node.kind for v in doc.walk()][:2] == ["styled", "cn-dun"]


@pytest.mark.parametrize("seed", SEEDS, ids=[s.stem for s in SEEDS])
@pytest.mark.parametrize("automatic", [False, True], ids=["typed", "automatic"])
def test_a_seed_as_docx_has_the_seeds_skeleton(seed: Path, automatic: bool) -> None:
    text = seed.read_text(encoding="utf-8")
    got = read(seed_docx(text, automatic), seed.stem + ".docx")
    expected, found = parse(text), parse(got.text)
    assert shape(found) == shape(expected)
    assert [v.node.line for v in found.walk()] == [v.node.line for v in expected.walk()]
    assert (got.numbered > 0) == automatic


def _zip(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return stream.getvalue()


_EMPTY_DOCUMENT = (
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'
)


def _replaced(package: bytes, name: str, data: bytes) -> bytes:
    """A package with one member's content replaced."""
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        members = {m: archive.read(m) for m in archive.namelist()}
    members[name] = data
    return _zip(members)


def test_bad_packages_are_refused_with_a_reason() -> None:
    good = build([Para("一、总体要求")])
    cases = {
        good[: len(good) // 2]: "is a damaged or truncated .docx",
        _zip({"notes.txt": b"hello"}): "is a ZIP archive but not a Word, OpenDocument or OFD file",
        _zip({"[Content_Types].xml": b"<x/>", "xl/workbook.xml": b"<x/>"}): "is an Excel workbook",
        _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<"}): "is a damaged",
        build([Para(""), Para("  ")]): "is a .docx with no text",
        _replaced(good, "word/document.xml", _EMPTY_DOCUMENT): "without a document body",
        _replaced(
            good, "word/document.xml", b"\x00\x01"
        ): r"is a damaged .docx \(its part word/document.xml is not XML\)",
    }
    for data, message in cases.items():
        with pytest.raises(SourceError, match=message):
            read(data, "t.docx")


def test_a_document_cut_short_is_read_as_far_as_it_goes() -> None:
    """Word and LibreOffice read what they can of damaged XML; so does the reader."""
    cut = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    cut += (
        b"<w:body><w:p><w:r><w:t>\xe4\xb8\x80\xe3\x80\x81\xe6\x80\xbb</w:t></w:r></w:p><w:p><w:r>"
    )
    got = read(_replaced(build([Para("x")]), "word/document.xml", cut), "t.docx")
    assert got.text.split("\n")[0] == "一、总"


def test_the_sample_docx_is_the_seed_numbered_by_word() -> None:
    from tests.support.corpus import ROOT

    path = ROOT / "seeds" / "measures-party-governance.docx"
    with zipfile.ZipFile(path) as archive:
        document = archive.read("word/document.xml").decode("utf-8")
    assert "一、推进全面从严治党" not in document  # the label is Word's, not typed
    got = read(path.read_bytes(), path.name)
    text = path.with_suffix(".txt").read_text(encoding="utf-8")
    assert got.numbered > 40
    assert shape(parse(got.text)) == shape(parse(text))
