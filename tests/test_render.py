"""Renderers: terminal tree (fixed width, no colour), Markdown escaping, JSON shape."""

from __future__ import annotations

import io
import json

from rich.console import Console

from outline import parse
from outline.render.json import render as render_json
from outline.render.markdown import escape
from outline.render.markdown import render as render_markdown
from outline.render.terminal import tree

DOC = (
    "关于[bold]试点[/bold]的方案\n一、总体要求\n（一）指导思想。坚持稳中求进。\n二、[red]主要任务\n"
)


def render_tree(text: str, **options: int) -> str:
    out = io.StringIO()
    console = Console(file=out, width=60, color_system=None, force_terminal=False)
    doc = parse(text)
    console.print(tree(doc, doc.title or "-", **options))
    return out.getvalue()


def test_terminal_tree_is_deterministic_and_takes_text_literally() -> None:
    assert render_tree(DOC) == (
        "   关于[bold]试点[/bold]的方案\n"
        "2  ├── 一、总体要求\n"
        "3  │   └── （一）指导思想\n"
        "4  └── 二、[red]主要任务\n"
    )


def test_terminal_tree_keeps_line_numbers_in_their_column_when_a_title_wraps() -> None:
    text = "一、总体要求\n" + "\n" * 9 + "（一）" + "指导思想" * 12 + "\n二、主要任务\n"
    assert render_tree(text) == (
        "    -\n"
        " 1  ├── 一、总体要求\n"
        "11  │   └── （一）指导思想指导思想指导思想指导思想指导思想指\n"
        "    │       导思想指导思想指导思想指导思想指导思想指导思想指\n"
        "    │       导思想\n"
        "12  └── 二、主要任务\n"
    )


def test_terminal_tree_shows_control_characters_as_escapes() -> None:
    out = render_tree("一、总体\x1b[2J要求\n（一）甲\x1b]52;c;aGk=\x07乙\u202e\n", body=20)
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "一、总体\\x1b[2J要求" in out
    assert "c;aGk=\\x07乙\\u202e" in out


def test_terminal_tree_depth_and_body() -> None:
    assert render_tree(DOC, depth=1).count("──") == 2
    assert "│       坚持稳中求进。" in render_tree(DOC, body=20)


def test_markdown_escapes_what_would_change_the_structure() -> None:
    assert escape("*重点* [1] <b> #3 a_b") == "\\*重点\\* \\[1\\] \\<b\\> \\#3 a\\_b"
    doc = parse("一、总体\n1.第一项\n（1）细则\n①甲\n甲、方案\n一是乙。二是丙。\n")
    assert render_markdown(doc).splitlines()[-1] == "- 二是丙"
    listed = render_markdown(doc, style="list").splitlines()
    assert listed[:2] == ["- 一、总体", "  - 1\\.第一项"]


def test_markdown_without_a_title_uses_the_fallback() -> None:
    assert render_markdown(parse("一、甲\n"), title="plan") == "# plan\n\n## 一、甲\n"
    assert render_markdown(parse("一、甲\n")) == "## 一、甲\n"


def test_json_depth_prunes_children() -> None:
    data = json.loads(render_json(parse(DOC), depth=1))
    assert [n["children"] for n in data["nodes"]] == [[], []]
    assert data["title"] == "关于[bold]试点[/bold]的方案"
