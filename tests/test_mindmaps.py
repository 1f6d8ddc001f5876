"""The mind-map exports — XMind, FreeMind, Mermaid, SVG — read back with ordinary parsers into
the skeleton they were made from, keep hostile titles as text, and the SVG's boxes never
overlap."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from outline import Document, parse
from outline.render import FORMATS, Options
from outline.render.mermaid import label, unlabel
from outline.render.mindmap import branches
from outline.render.tree_layout import Layout, lay_out, text_width, wrap
from tests.support.corpus import SEEDS, parse_file
from tests.support.readback import (
    from_freemind,
    from_html,
    from_mermaid,
    from_svg,
    from_xmind_json,
    from_xmind_xml,
    topics_of,
    xmind_files,
)
from tests.support.texts import any_text, soup

DOC = "关于试点的方案\n一、总体要求\n（一）指导思想。坚持稳中求进。\n\n要点一。\n二、主要任务\n"
HOSTILE = (
    "<script>alert('t')</script> \"]] #quot; 的通知\n"
    "一、<script>alert(1)</script>要求\n"
    '二、"]]） )} & `code` *em* _u_ #35 %%{init: {}}%% fa:fa-car [a](b) @x\n'
    "（一）1. 2024年 <b>粗</b> &amp; \\ | ~ $\n"
    "三、- 列表\n"
)


def rendered(doc: Document, format: str, **options: object) -> str | bytes:
    return FORMATS[format].render(doc, Options(**options))  # type: ignore[arg-type]


def text(doc: Document, format: str, **options: object) -> str:
    out = rendered(doc, format, **options)
    assert isinstance(out, str)
    return out


def data(doc: Document, format: str, **options: object) -> bytes:
    out = rendered(doc, format, **options)
    assert isinstance(out, bytes)
    return out


def assert_reads_back(doc: Document, root: str, depth: int | None = None) -> None:
    expected = topics_of(doc, depth)
    options = {"source": f"d/{root}.txt", "depth": depth}
    xmind = data(doc, "xmind", **options)
    assert from_xmind_json(xmind)[:2] == (doc.title or root, expected)
    assert from_xmind_xml(xmind)[:2] == (doc.title or root, expected)
    assert from_freemind(text(doc, "mm", **options))[:2] == (doc.title or root, expected)
    assert from_mermaid(text(doc, "mermaid", **options)) == (
        doc.title or root,
        topics_of(doc, depth, xml=False),
    )
    central, found, shown = from_svg(text(doc, "svg", **options))
    assert (central, found) == (doc.title or root, expected)
    assert shown == ["".join(title.splitlines()) for _, title in expected]


@pytest.mark.parametrize("seed", SEEDS, ids=[s.stem for s in SEEDS])
def test_every_mind_map_of_a_seed_reads_back_to_its_skeleton(seed: Path) -> None:
    doc = parse_file(seed)
    assert doc.nodes
    assert_reads_back(doc, seed.stem)
    assert_reads_back(doc, seed.stem, depth=1)


def test_hostile_titles_stay_text_in_every_mind_map() -> None:
    doc = parse(HOSTILE)
    assert [t for _, t in topics_of(doc)][1] == (
        '二、"]]） )} & `code` *em* _u_ #35 %%{init: {}}%% fa:fa-car [a](b) @x'
    )
    assert doc.title == "<script>alert('t')</script> \"]] #quot; 的通知"
    assert_reads_back(doc, "hostile")
    mermaid = text(doc, "mermaid")
    body = mermaid.split("\n", 1)[1]
    for syntax in ("<", ">", "&", "`", "*", "_", "%", ":", "[a", "@", "~", "$", "|", "\\"):
        assert syntax not in body.replace('["', "").replace('"]', "")
    assert label("- 列表") == "#45; 列表" and label("1. 2024年") == "1#46; 2024年"
    assert label("三、- 列表") == "三、- 列表"  # a list starts a label, or it is no list
    svg = text(doc, "svg")
    assert "<script" not in svg and "&lt;script&gt;" in svg
    mm = text(doc, "mm")
    assert "<script" not in mm and "<b>" not in mm


def test_line_breaks_in_a_title_stay_inside_its_topic() -> None:
    doc = Document("x", (), title="上\n下\r\n")
    assert from_mermaid(text(doc, "mermaid"))[0] == "上\n下\r\n"
    assert text(doc, "mermaid").count("\n") == 2
    assert from_freemind(text(doc, "mm"))[0] == "上\n下\r\n"
    assert from_xmind_json(data(doc, "xmind"))[0] == "上\n下\r\n"
    central, _, _ = from_svg(text(doc, "svg"))
    assert central.replace("\r", "") == "上\n下\n"


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_any_text_reads_back_from_every_mind_map(source: str) -> None:
    doc = parse(source)
    expected = topics_of(doc)
    assert from_xmind_json(data(doc, "xmind"))[1] == expected
    assert from_freemind(text(doc, "mm"))[1] == expected
    assert from_mermaid(text(doc, "mermaid"))[1] == topics_of(doc, xml=False)
    assert from_svg(text(doc, "svg"))[1] == [  # XML reads a line end in text as \n
        (level, title.replace("\r\n", "\n").replace("\r", "\n")) for level, title in expected
    ]


def test_body_text_is_each_topics_note() -> None:
    doc = parse(DOC)
    expected = {"（一）指导思想": "坚持稳中求进。\n要点一。"}
    xmind = data(doc, "xmind", body=True)
    assert from_xmind_json(xmind)[2] == expected
    assert from_xmind_xml(xmind)[2] == expected
    assert from_freemind(text(doc, "mm", body=True))[2] == expected
    assert from_xmind_json(data(doc, "xmind"))[2] == {}
    assert "richcontent" not in text(doc, "mm")


def test_xmind_holds_the_files_both_xmind_versions_read_and_is_the_same_each_time() -> None:
    doc = parse(DOC)
    xmind = data(doc, "xmind", source="plan.txt")
    assert set(xmind_files(xmind)) == {
        "content.json",
        "content.xml",
        "metadata.json",
        "manifest.json",
        "META-INF/manifest.xml",
    }
    assert xmind == data(doc, "xmind", source="plan.txt")
    import json

    manifest = json.loads(xmind_files(xmind)["manifest.json"])
    assert "content.json" in manifest["file-entries"]
    sheet = json.loads(xmind_files(xmind)["content.json"])[0]
    assert sheet["rootTopic"]["structureClass"] == "org.xmind.ui.logic.right"


def test_a_document_without_a_title_is_named_after_its_file() -> None:
    doc = parse("一、总体要求\n")
    assert from_xmind_json(data(doc, "xmind", source="d/plan.txt"))[0] == "plan"
    assert from_mermaid(text(doc, "mermaid", source="-"))[0] == "文稿"


def test_mermaid_labels_read_back_whatever_they_hold() -> None:
    for hostile in ('"]]', ")}", "#35;", "a\nb", "- x", "10) y", "`"):
        assert unlabel(label(hostile)) == hostile
        assert '"' not in label(hostile) and "\n" not in label(hostile)


def boxes_apart(layout: Layout) -> None:
    """No two boxes share any area, each box holds its text, each child stands to the right
    of its parent."""
    boxes = layout.boxes
    for i, box in enumerate(boxes):
        assert all(text_width(line, box.size) <= box.width for line in box.lines)
        assert box.x >= 0 and box.right <= layout.width
        assert box.y >= 0 and box.bottom <= layout.height
        if box.parent is not None:
            assert boxes[box.parent].right < box.x
        for other in boxes[i + 1 :]:
            assert not box.overlaps(other), (box.text, other.text)


@pytest.mark.parametrize("seed", SEEDS, ids=[s.stem for s in SEEDS])
def test_the_svg_layout_of_a_seed_has_no_overlaps(seed: Path) -> None:
    doc = parse_file(seed)
    layout = lay_out(doc.title or seed.stem, branches(doc))
    assert len(layout.boxes) == len(topics_of(doc)) + 1
    boxes_apart(layout)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(soup)
def test_the_svg_layout_of_any_text_has_no_overlaps(source: str) -> None:
    doc = parse(source)
    boxes_apart(lay_out(doc.title or "x", branches(doc)))


def test_sections_keep_their_colour_and_depth_keeps_the_map_small() -> None:
    doc = parse_file(max(SEEDS, key=lambda s: s.stat().st_size))
    layout = lay_out("x", branches(doc))
    sections = [box.section for box in layout.boxes if box.level == 1]
    assert sections == list(range(len(doc.nodes)))
    for box in layout.boxes[1:]:
        assert box.parent is not None
        parent = layout.boxes[box.parent]
        assert box.section == parent.section or parent.level == 0
    shallow = lay_out("x", branches(doc, depth=1))
    assert len(shallow.boxes) == len(doc.nodes) + 1
    assert shallow.width < layout.width


def test_long_titles_wrap_into_even_lines_and_latin_words_stay_whole() -> None:
    lines = wrap("一、" + "推进全面从严治党向纵深发展" * 2, 14)
    assert len(lines) == 2
    assert abs(len(lines[0]) - len(lines[1])) <= 2
    assert wrap("Reform and opening up", 10, 100) == ("Reform and ", "opening up")
    assert "".join(wrap("x" * 500, 10)) == "x" * 500
    assert wrap("a，。b", 10, 10)[0] == "a，。"  # closing punctuation ends a line


def test_html_opens_the_levels_asked_and_folds_the_rest() -> None:
    doc = parse("一、甲\n（一）乙\n1.丙\n2.丁\n二、戊\n")
    page = text(doc, "html", open_depth=1)
    assert '<details class="node level-1" open>' in page
    assert '<details class="node level-2">' in page
    closed = text(doc, "html", open_depth=0)
    assert " open>" not in closed
    assert from_html(closed)[1] == from_html(text(doc, "html"))[1]
    assert '<details class="node level-2" open>' in text(doc, "html", body=True, open_depth=2)
