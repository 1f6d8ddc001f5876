"""Export formats read back by ordinary parsers give the skeleton they were made from: the seeds,
any text (escaping), depth, body text, and what each format promises of its own."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from outline import Document, Node, parse
from outline.parser.layout import LINE_BREAK, SPACE
from outline.render import FORMATS, Options
from outline.render.csv import COLUMNS
from outline.render.docx import WORD_HEADING_LEVELS
from outline.render.plain import heading_text
from outline.render.xmlchars import xml_safe
from tests.support.corpus import SEEDS, parse_file
from tests.support.readback import (
    csv_outline,
    docx_paragraphs,
    from_csv,
    from_html,
    from_opml,
    outline_of,
)
from tests.support.texts import any_text, soup

DOC = (
    "关于<b>试点</b>的方案\n一、总体要求\n（一）指导思想。坚持稳中求进。\n要点一。\n二、主要任务\n"
)


def render(doc: Document, format: str, **options: object) -> str | bytes:
    return FORMATS[format].render(doc, Options(**options))  # type: ignore[arg-type]


def text_of(doc: Document, format: str, **options: object) -> str:
    rendered = render(doc, format, **options)
    assert isinstance(rendered, str)
    return rendered


def bytes_of(doc: Document, format: str, **options: object) -> bytes:
    rendered = render(doc, format, **options)
    assert isinstance(rendered, bytes)
    return rendered


def docx_outline(data: bytes) -> list[tuple[str, str]]:
    return [(s, t) for s, t in docx_paragraphs(data) if s.startswith("Heading")]


def docx_expected(doc: Document, depth: int | None = None) -> list[tuple[str, str]]:
    return [
        (f"Heading {min(v.level, WORD_HEADING_LEVELS)}", xml_safe(heading_text(v.node)))
        for v in doc.walk()
        if depth is None or v.level <= depth
    ]


def test_every_format_record_renders_and_names_its_own_extension() -> None:
    assert {"md", "json", "txt", "jsonl", "csv", "opml", "html", "docx"} <= set(FORMATS)
    extensions = [f.extension for f in FORMATS.values()]
    assert len(set(extensions)) == len(extensions)
    doc = parse(DOC)
    for name, f in FORMATS.items():
        assert f.name == name and f.extension.startswith(".")
        rendered = f.render(doc, Options(body=f.with_body))
        assert isinstance(rendered, bytes) == f.binary
        if f.gathers:  # a document's own output opens as the gathering file does
            assert isinstance(rendered, str) and rendered.startswith(f.head())


@pytest.mark.parametrize("seed", SEEDS, ids=[s.stem for s in SEEDS])
def test_every_format_of_a_seed_reads_back_to_its_skeleton(seed: Path) -> None:
    doc = parse_file(seed)
    source = f"seeds/{seed.name}"
    title = doc.title or seed.stem
    assert doc.nodes  # a seed without headings would prove nothing here
    assert from_opml(text_of(doc, "opml", source=source)) == (title, outline_of(doc, xml=True))
    assert from_html(text_of(doc, "html", source=source)) == (title, outline_of(doc, xml=True))
    assert csv_outline(from_csv(text_of(doc, "csv", source=source))) == outline_of(doc)
    paragraphs = docx_paragraphs(bytes_of(doc, "docx", source=source))
    assert paragraphs[0] == ("Title", title)
    assert paragraphs[1:] == docx_expected(doc)
    line = text_of(doc, "jsonl", source=source)
    assert line.endswith("\n")
    assert "\n" not in line[:-1]
    assert json.loads(line) == json.loads(text_of(doc, "json", source=source))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_any_text_reads_back_from_opml_html_and_csv(text: str) -> None:
    doc = parse(text)
    assert from_opml(text_of(doc, "opml"))[1] == outline_of(doc, xml=True)
    assert from_html(text_of(doc, "html", body=True))[1] == outline_of(doc, xml=True)
    assert csv_outline(from_csv(text_of(doc, "csv"))) == outline_of(doc)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(soup)
def test_any_text_reads_back_from_docx(text: str) -> None:
    doc = parse(text)
    assert docx_outline(bytes_of(doc, "docx")) == docx_expected(doc)
    whole = [t for _, t in docx_paragraphs(bytes_of(doc, "docx", body=True))]
    lines = [xml_safe(line.strip(SPACE)) for line in LINE_BREAK.split(text)]
    assert whole == [line for line in lines if line]


def test_markup_in_a_document_stays_text() -> None:
    doc = parse(
        "<script>alert(1)</script>的通知\n一、<img src=x onerror=alert(2)>要求\n二、a&b\"c'\n"
    )
    page = text_of(doc, "html", source="<x>.txt")
    assert "<script>" not in page
    assert "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;的通知" in page
    title, found = from_html(page)
    assert title == "<script>alert(1)</script>的通知"
    assert [t for _, _, t, _ in found] == ["<img src=x onerror=alert(2)>要求", "a&b\"c'"]
    assert from_opml(text_of(doc, "opml"))[1] == outline_of(doc)


def test_characters_xml_cannot_hold_are_shown_not_dropped() -> None:
    doc = parse("一、总体\x0b要求\x00\n")
    assert from_opml(text_of(doc, "opml"))[1] == [(1, "一、", "总体\ufffd要求\ufffd", 1)]
    assert from_html(text_of(doc, "html"))[1] == [(1, "一、", "总体\ufffd要求\ufffd", 1)]
    assert docx_outline(bytes_of(doc, "docx")) == [("Heading 1", "一、总体\ufffd要求\ufffd")]
    assert csv_outline(from_csv(text_of(doc, "csv"))) == [(1, "一、", "总体\x0b要求\x00", 1)]


@pytest.mark.parametrize("format", ["opml", "html", "csv", "docx", "jsonl"])
def test_depth_keeps_the_upper_levels(format: str) -> None:
    doc = parse(DOC)
    rendered = render(doc, format, depth=1)
    expected = outline_of(doc, depth=1)
    assert len(expected) == 2
    if format == "opml":
        assert isinstance(rendered, str)
        assert from_opml(rendered)[1] == expected
    elif format == "html":
        assert isinstance(rendered, str)
        assert from_html(rendered)[1] == expected
    elif format == "csv":
        assert isinstance(rendered, str)
        assert csv_outline(from_csv(rendered)) == expected
    elif format == "docx":
        assert isinstance(rendered, bytes)
        assert docx_outline(rendered) == docx_expected(doc, depth=1)
    else:
        assert isinstance(rendered, str)
        assert [n["children"] for n in json.loads(rendered)["nodes"]] == [[], []]


def test_body_text_goes_under_its_heading() -> None:
    doc = parse(DOC)
    opml = text_of(doc, "opml", body=True)
    from xml.etree import ElementTree as ET

    notes = [o.get("_note") for o in ET.fromstring(opml).iter("outline")]
    assert notes == [None, "坚持稳中求进。\n要点一。", None]
    assert "_note" not in text_of(doc, "opml")
    page = text_of(doc, "html", body=True)
    assert '<div class="text"><p>坚持稳中求进。</p><p>要点一。</p></div>' in page
    assert "坚持稳中求进" not in text_of(doc, "html")
    paragraphs = docx_paragraphs(bytes_of(doc, "docx", body=True))
    assert paragraphs[2:4] == [
        ("Heading 2", "（一）指导思想。坚持稳中求进。"),
        ("Normal", "要点一。"),
    ]
    assert ("Normal", "要点一。") not in docx_paragraphs(bytes_of(doc, "docx"))
    lines = text_of(doc, "txt", body=True).splitlines()
    assert lines[lines.index("3    （一）指导思想") + 1] == "       坚持稳中求进。 要点一。"
    assert "坚持稳中求进" not in text_of(doc, "txt")


def test_html_opens_every_level_of_a_bare_skeleton_and_the_first_with_body_text() -> None:
    doc = parse(DOC)
    bare = text_of(doc, "html")
    assert '<details class="node level-1" open>' in bare
    assert "<script" not in bare and "http" not in bare.replace("http-equiv", "")
    with_body = text_of(doc, "html", body=True)
    assert '<details class="node level-2">' in with_body
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in bare


def test_csv_has_a_bom_crlf_rows_and_a_row_for_the_document() -> None:
    doc = parse(DOC)
    text = text_of(doc, "csv", source="a,b.txt")
    assert text.startswith("\ufeffsource,path,level,kind,marker,number,title,line,length,")
    assert text.count("\r\n") == text.count("\n") == 5
    rows = [dict(zip(COLUMNS, row, strict=True)) for row in from_csv(text)[1:]]
    assert rows[0] == {
        "source": "a,b.txt",
        "path": "",
        "level": "0",
        "kind": "document",
        "marker": "",
        "number": "",
        "title": "关于<b>试点</b>的方案",
        "line": "1",
        "length": str(len(DOC)),
        "section_length": str(len(DOC)),
    }
    assert [r["path"] for r in rows[1:]] == ["一、", "一、/（一）", "二、"]
    first, child, second = rows[1:]
    assert int(first["section_length"]) == int(first["length"]) + int(child["length"])
    assert DOC[DOC.index("二、") :] == DOC[-int(second["length"]) :]


@pytest.mark.parametrize("seed", SEEDS, ids=[s.stem for s in SEEDS])
def test_csv_lengths_add_up(seed: Path) -> None:
    doc = parse_file(seed)
    rows = from_csv(text_of(doc, "csv"))[1:]
    at = {name: i for i, name in enumerate(COLUMNS)}
    levels = [int(r[at["level"]]) for r in rows]
    own = [int(r[at["length"]]) for r in rows]
    section = [int(r[at["section_length"]]) for r in rows]
    assert sum(own[1:]) + len(doc.preamble) == own[0] == len(doc.text)
    for i, level in enumerate(levels[1:], 1):
        below = [j for j in range(i + 1, len(rows)) if levels[j] > level]
        inside = below[: next((k for k, j in enumerate(below) if j != i + 1 + k), len(below))]
        assert section[i] == own[i] + sum(own[j] for j in inside)


def test_a_document_without_headings_still_has_its_row() -> None:
    rows = list(
        csv.reader(io.StringIO(text_of(parse("只有一段话。\n"), "csv", source="s.txt")[1:]))
    )
    assert rows[1][:4] == ["s.txt", "", "0", "document"]
    assert len(rows) == 2


def test_opml_head_holds_the_title_and_a_date_that_exists() -> None:
    opml = text_of(parse("关于试点的通知\n2024年3月1日\n一、总体要求\n"), "opml")
    assert "<dateCreated>Fri, 01 Mar 2024 00:00:00 GMT</dateCreated>" in opml
    assert "<title>关于试点的通知</title>" in opml
    assert from_opml(text_of(parse("一、总体要求\n"), "opml", source="d/plan.txt"))[0] == "plan"


def test_docx_stops_at_the_deepest_word_heading_style() -> None:
    node: Node | None = None
    text = "".join(f"{i}.x\n" for i in range(12))
    for level in reversed(range(12)):
        start = level * 4
        children = (node,) if node is not None else ()
        node = Node(
            "arabic-dot",
            f"{level}.",
            1,
            "x",
            level + 1,
            1,
            start,
            start,
            start + 2,
            start + 4,
            False,
            children=children,
        )
    assert node is not None
    doc = Document(text, (node,))
    styles = [style for style, _ in docx_outline(bytes_of(doc, "docx"))]
    assert styles == [f"Heading {min(n, 9)}" for n in range(1, 13)]
