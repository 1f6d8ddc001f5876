"""Writing into the user's own .docx: outline levels (`mark`) and markers mended in their runs
(`mend`) change the paragraphs they must and leave every other byte of the package as it was."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from outline.docxedit import EditError, mark, mend
from outline.docxedit.levels import outline_splice
from outline.docxedit.part import Part, PartError
from outline.docxedit.spans import MarkupError, scan
from outline.loading import load
from outline.sources import SourceError
from tests.support.docx_builder import Para, build
from tests.support.rich_docx import rich_docx

W_P = re.compile(r"<w:p[ >].*?</w:p>|<w:p/>", re.S)
"""A paragraph of a document part as written (the builders nest none)."""


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def paragraphs(data: bytes) -> list[str]:
    """Each top-level w:p of word/document.xml, exactly as written."""
    return W_P.findall(members(data)["word/document.xml"].decode("utf-8"))


def skeleton(data: bytes) -> list[tuple[int, str, str]]:
    return [(v.level, v.node.marker, v.node.title) for v in load(data, "t.docx").doc.walk()]


def without_properties(paragraph: str) -> str:
    return re.sub(r"<w:pPr>.*?</w:pPr>|<w:pPr/>", "", paragraph, flags=re.S)


# spans


def test_scan_finds_each_element_where_it_is_written() -> None:
    text = '<?xml version="1.0"?><a x=">"><!-- <b> --><b/><c><![CDATA[<d>]]></c></a>'
    spans = scan(text)
    assert [(s.name, text[s.start : s.end]) for s in spans] == [
        ("a", text[text.index("<a") :]),
        ("b", "<b/>"),
        ("c", "<c><![CDATA[<d>]]></c>"),
    ]


@pytest.mark.parametrize("text", ["<a><b></a>", "<a>", "</a>", "<!DOCTYPE a><a/>", "<a></b>"])
def test_scan_refuses_what_is_not_well_formed(text: str) -> None:
    with pytest.raises(MarkupError):
        scan(text)


def test_a_part_whose_tree_does_not_match_its_text_is_not_edited() -> None:
    from lxml import etree

    root = etree.fromstring(b"<a><b/></a>")
    with pytest.raises(PartError, match="does not read the same twice"):
        Part(b"<a><b/><c/></a>", root, "word/document.xml")


def test_a_part_in_utf16_is_written_back_in_utf16() -> None:
    from lxml import etree

    text = '\ufeff<?xml version="1.0" encoding="UTF-16"?><a><b>一</b></a>'
    data = text.encode("utf-16-le")
    part = Part(data, etree.fromstring(data), "x.xml")
    assert part.spliced([]) == data


# mark


def test_mark_sets_outline_levels_and_leaves_every_other_paragraph_as_it_was() -> None:
    data = rich_docx()
    marking = mark(data)
    assert [(m.line, m.level, m.was) for m in marking.marked] == [
        (3, 1, None),
        (4, 2, None),
        (5, 2, None),
        (11, 1, None),
        (12, 2, None),
        (13, 2, None),
    ]
    before, after = paragraphs(data), paragraphs(marking.data)
    assert len(before) == len(after)
    changed = [i for i, (b, a) in enumerate(zip(before, after, strict=True)) if b != a]
    assert len(changed) == len(marking.marked)
    for i in changed:
        assert without_properties(before[i]) == without_properties(after[i])
    assert skeleton(marking.data) == skeleton(data)
    assert load(marking.data, "t.docx").doc.text == load(data, "t.docx").doc.text


def test_mark_copies_every_other_part_byte_for_byte() -> None:
    data = rich_docx()
    old, new = members(data), members(mark(data).data)
    assert list(old) == list(new)
    assert {name for name in old if old[name] != new[name]} == {"word/document.xml"}
    with zipfile.ZipFile(io.BytesIO(data)) as a, zipfile.ZipFile(io.BytesIO(mark(data).data)) as b:
        assert [(i.filename, i.date_time, i.compress_type) for i in a.infolist()] == [
            (i.filename, i.date_time, i.compress_type) for i in b.infolist()
        ]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "<w:p><w:r><w:t>一、甲</w:t></w:r></w:p>",
            '<w:p><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:r>',
        ),
        (
            "<w:p><w:pPr/><w:r><w:t>一、甲</w:t></w:r></w:p>",
            '<w:pPr><w:outlineLvl w:val="0"/></w:pPr>',
        ),
        (
            '<w:p><w:pPr><w:jc w:val="both"/><w:rPr><w:b/></w:rPr></w:pPr>'
            "<w:r><w:t>一、甲</w:t></w:r></w:p>",
            '<w:jc w:val="both"/><w:outlineLvl w:val="0"/><w:rPr>',
        ),
        (
            '<w:p><w:pPr><w:outlineLvl w:val="4"/></w:pPr><w:r><w:t>一、甲</w:t></w:r></w:p>',
            '<w:pPr><w:outlineLvl w:val="0"/></w:pPr>',
        ),
        (
            '<w:p><w:pPr><w:ind w:left="0"/></w:pPr><w:r><w:t>一、甲</w:t></w:r></w:p>',
            '<w:ind w:left="0"/><w:outlineLvl w:val="0"/></w:pPr>',
        ),
    ],
)
def test_an_outline_level_goes_where_the_schema_wants_it(paragraph: str, expected: str) -> None:
    from lxml import etree

    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    text = f"<w:body {ns}>{paragraph}</w:body>"
    root = etree.fromstring(text.encode())
    part = Part(text.encode(), root, "word/document.xml")
    p = root[0]
    splice = outline_splice(part, p, 0)
    edited = part.spliced([splice]).decode()
    assert expected in edited
    assert etree.fromstring(edited.encode()) is not None


def test_a_heading_already_at_its_level_is_left_alone() -> None:
    data = build([Para("一、总体要求", style="Heading1"), Para("（一）指导思想"), Para("正文。")])
    marking = mark(data)
    assert [(m.line, m.level) for m in marking.marked] == [(2, 2)]
    assert marking.kept == 1
    again = mark(marking.data)
    assert (again.marked, again.kept, again.data) == ((), 2, marking.data)


def test_a_style_at_the_wrong_level_is_overridden_not_changed() -> None:
    data = build([Para("一、总体要求", style="Heading2"), Para("（一）指导思想")])
    marking = mark(data)
    assert [(m.line, m.level, m.was) for m in marking.marked] == [(1, 1, 2), (2, 2, None)]
    assert '<w:pStyle w:val="Heading2"/>' in paragraphs(marking.data)[0]


def test_depth_marks_the_upper_levels_only() -> None:
    data = build([Para("一、总体要求"), Para("（一）指导思想"), Para("二、主要任务")])
    assert [m.line for m in mark(data, depth=1).marked] == [1, 3]


def test_a_document_without_headings_comes_back_unchanged() -> None:
    data = build([Para("通知"), Para("请按时参加。")])
    marking = mark(data)
    assert (marking.data, marking.marked) == (data, ())


def test_what_is_no_docx_is_refused() -> None:
    with pytest.raises(SourceError):
        mark(b"PK\x03\x04 not really")


def test_a_document_part_that_is_not_well_formed_is_not_edited() -> None:
    data = build([Para("一、总体要求")])
    parts = members(data)
    parts["word/document.xml"] = parts["word/document.xml"].replace(
        b"<w:body>",
        b'<w:body><?pi x?><w:bookmarkStart w:id="1" w:name="a"/><w:bookmarkEnd w:id="1"/>',
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    assert mark(out.getvalue()).marked  # processing instructions and bookmarks are fine
    parts["word/document.xml"] = parts["word/document.xml"].replace(b"<w:body>", b"<w:body><w:x>")
    with pytest.raises((EditError, SourceError)):
        mark(_zipped(parts))


def _zipped(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return out.getvalue()


# mend


def test_mend_rewrites_typed_markers_in_their_runs_and_keeps_their_formatting() -> None:
    data = rich_docx()
    mending = mend(data)
    assert [e.text for e in mending.applied] == ["（二）", "2."]
    before, after = paragraphs(data), paragraphs(mending.data)
    changed = [i for i, (b, a) in enumerate(zip(before, after, strict=True)) if b != a]
    assert len(changed) == 2
    split = after[changed[0]]
    assert re.findall(r"<w:t>(.*?)</w:t>", split)[:4] == ["（", "二", "）", "基本原则。"]
    assert "<w:b/>" in split.split("二")[0].rsplit("<w:r>", 1)[1]  # 二 is still bold
    assert load(mending.data, "t.docx").doc.text == mending.after
    assert mending.after == mending.before.replace("(三)", "（二）").replace("3.乙", "2.乙")


def test_a_marker_of_words_numbering_is_reported_with_its_list_not_rewritten() -> None:
    mending = mend(rich_docx())
    [generated] = mending.generated
    assert (generated.line, generated.marker, generated.wanted) == (11, "一、", "二、")
    assert (generated.num_id, generated.abstract, generated.ilvl) == ("1", "1", 0)
    assert "一、主要任务" in mending.after


def test_a_document_with_nothing_to_mend_comes_back_unchanged() -> None:
    data = build([Para("一、总体要求"), Para("二、主要任务")])
    mending = mend(data)
    assert (mending.data, mending.applied) == (data, ())


def test_a_marker_written_as_a_symbol_is_left_undone() -> None:
    data = build([Para("一、甲"), Para("三、乙")])
    parts = members(data)
    xml = parts["word/document.xml"].decode()
    xml = xml.replace("<w:t>三、乙</w:t>", '<w:sym w:font="SimSun" w:char="4E09"/><w:t>、乙</w:t>')
    parts["word/document.xml"] = xml.encode()
    mending = mend(_zipped(parts))
    assert [(e.start, e.text) for e in mending.unplaced] == [(4, "二、")]
    assert mending.applied == ()


# round trips

MARKERS = st.sampled_from(
    ["一、", "二、", "四、", "（一）", "(二)", "（三）", "1.", "3、", "（1）", ""]
)
TITLES = st.sampled_from(["总体要求", "主要任务。坚持稳中求进。", "保障措施", "正文一段。"])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(MARKERS, TITLES, st.booleans()), min_size=1, max_size=8))
@example(  # a styled heading whose run takes in a marker another run holds: mended once
    [
        ("一、", "总体要求", False),
        ("（一）", "总体要求", False),
        ("(二)", "总体要求", False),
        ("（三）", "总体要求", True),
    ]
)
def test_read_write_read_keeps_the_skeleton_and_the_text(
    lines: list[tuple[str, str, bool]],
) -> None:
    paras = [
        Para(marker + title, style="Heading1" if styled else None)
        for marker, title, styled in lines
    ]
    data = build(paras)
    before = load(data, "t.docx").doc
    marked = mark(data).data
    after = load(marked, "t.docx").doc
    assert after.text == before.text
    assert skeleton(marked) == skeleton(data)
    assert mark(marked).marked == ()
    mending = mend(data)
    assert load(mending.data, "t.docx").doc.text == mending.after
    untouched = {i for i, _ in enumerate(paras)} - {
        mending.before.count("\n", 0, e.start) for e in mending.applied
    }
    old, new = paragraphs(data), paragraphs(mending.data)
    assert all(old[i] == new[i] for i in untouched)
