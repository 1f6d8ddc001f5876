"""Headings by style: in the one tree with the numbered ones, numbering keeping its place."""

from __future__ import annotations

import itertools

from outline import Document, parse
from tests.support.corpus import skeleton


def merged(text: str, *styled: tuple[int, int]) -> Document:
    return parse(text, dict(styled))


def test_styled_sections_hold_the_numbered_lists_under_them() -> None:
    doc = merged("总则\n一、目的\n（一）范围\n二、依据\n附则\n一、施行\n", (1, 1), (5, 1))
    assert skeleton(doc) == "总则\n  一、目的\n    （一）范围\n  二、依据\n附则\n  一、施行\n"
    assert [(v.node.kind, v.node.number) for v in doc.walk() if not v.node.marker] == [
        ("styled", 1),
        ("styled", 2),
    ]


def test_a_styled_numbered_heading_frames_unnumbered_ones() -> None:
    text = "一、总体要求\n指导思想\n（一）坚持\n基本原则\n二、主要任务\n"
    doc = merged(text, (1, 1), (2, 2), (4, 2), (5, 1))
    assert skeleton(doc) == "一、总体要求\n  指导思想\n    （一）坚持\n  基本原则\n二、主要任务\n"


def test_a_top_level_style_closes_numbered_headings() -> None:
    doc = merged("一、总体要求\n（一）目的\n二、主要任务\n保障措施\n", (4, 1))
    assert skeleton(doc) == "一、总体要求\n  （一）目的\n二、主要任务\n保障措施\n"


def test_unnumbered_subheadings_under_typed_numbering() -> None:
    text = "一、总体要求\n指导思想\n坚持稳中求进。\n基本原则\n二、主要任务\n重点\n"
    doc = merged(text, (2, 2), (4, 2), (6, 2))
    assert skeleton(doc) == "一、总体要求\n  指导思想\n  基本原则\n二、主要任务\n  重点\n"


def test_spans_stay_contiguous_and_headings_read_as_the_text_says() -> None:
    text = "关于加强作风建设的通知\n\n　　工作要求。具体如下\n一、目的\n附则\n"
    doc = merged(text, (3, 1), (5, 1))
    nodes = [v.node for v in doc.walk()]
    assert [n.title for n in nodes] == ["工作要求", "目的", "附则"]
    assert [doc.heading(n) for n in nodes] == ["　　工作要求。", "一、目的", "附则"]
    assert [n.column for n in nodes] == [3, 1, 1]
    for before, after in itertools.pairwise(nodes):
        assert before.end == after.start
    assert nodes[-1].end == len(text)


def test_the_title_line_and_blank_or_numbered_lines_add_nothing() -> None:
    text = "关于加强作风建设的意见\n一、总体要求\n二、主要任务\n"
    doc = parse(text)
    assert merged(text, (1, 1), (2, 1)) == doc
    assert merged(text, (9, 1)) == doc


def test_check_fix_and_diff_take_headings_by_style() -> None:
    from outline.check.findings import check
    from outline.check.fix import edits
    from outline.diff import diff

    text = "总则\n一、目的\n（一）范围\n三、依据\n附则\n一、施行\n"
    doc = merged(text, (1, 1), (5, 1))
    assert [(f.code, f.line) for f in check(doc)] == [("N101", 4)]
    assert [text[e.start : e.end] + "→" + e.text for e in edits(text, doc)] == ["三、→二、"]
    assert {c.op for c in diff(doc, doc).changes} == {"unchanged"}


def test_a_styled_heading_reads_as_its_title_even_when_it_begins_with_a_digit() -> None:
    doc = merged("一、总体要求\n2024年工作回顾\n1. 2025年目标\n", (2, 1))
    assert skeleton(doc) == "一、总体要求\n2024年工作回顾\n  1. 2025年目标\n"
