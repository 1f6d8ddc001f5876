"""`outline diff`: every option, format, error and exit code."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from rich.console import Console
from rich.text import Text
from typer.testing import CliRunner

from outline import parse
from outline.cli import diff as cli_diff
from outline.cli.app import EXIT_DIFFERENT, EXIT_OK, EXIT_TROUBLE, app
from outline.diff import DEFAULT_THRESHOLD, OPS, diff
from outline.render.diff import View
from outline.render.diff.terminal import tree
from tests.support.corpus import SEEDS
from tests.support.docx_builder import Para, build

runner = CliRunner()
OLD = (
    "一、总体要求\n（一）指导思想\n（二）基本原则\n二、主要任务\n（一）加强组织领导\n三、保障措施\n"
)
NEW = (
    "一、总体要求\n（一）指导思想\n（二）工作目标\n（三）基本原则\n"
    "二、主要任务\n（一）加强党的组织领导\n"
)


def invoke(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, ["diff", *args], input=stdin)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def files(tmp_path: Path) -> tuple[str, str]:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    return str(old), str(new)


def test_the_same_skeleton_exits_0_and_shows_every_heading(files: tuple[str, str]) -> None:
    old, _ = files
    code, out, err = invoke(old, old)
    assert (code, err) == (EXIT_OK, "")
    assert out.splitlines() == [
        f"--- {old}",
        f"+++ {old}",
        "  1 1  一、总体要求",
        "  2 2    （一）指导思想",
        "  3 3    （二）基本原则",
        "  4 4  二、主要任务",
        "  5 5    （一）加强组织领导",
        "  6 6  三、保障措施",
    ]


def test_different_skeletons_exit_1_with_each_change_marked(files: tuple[str, str]) -> None:
    old, new = files
    code, out, err = invoke(old, new)
    assert (code, err) == (EXIT_DIFFERENT, "")
    assert out.splitlines()[2:] == [
        "  1 1  一、总体要求",
        "  2 2    （一）指导思想",
        "+ · 3    （二）工作目标",
        "# 3 4    （三）基本原则  (原为 （二）)",
        "  4 5  二、主要任务",
        "~ 5 6    （一）加强{+党的+}组织领导",
        "- 6 ·  三、保障措施",
    ]


def test_only_changes_keeps_the_parents_of_changes(files: tuple[str, str]) -> None:
    old, new = files
    out = invoke(old, new, "--only-changes")[1]
    assert [line[:1] for line in out.splitlines()[2:]] == [" ", "+", "#", " ", "~", "-"]
    assert "指导思想" not in out
    same = invoke(old, old, "--only-changes")[1]
    assert same == f"--- {old}\n+++ {old}\n"


def test_depth_counts_the_changes_it_hides(files: tuple[str, str]) -> None:
    old, new = files
    out = invoke(old, new, "--depth", "1")[1]
    assert out.splitlines()[2:] == [
        "  1 1  一、总体要求  (下有 2 处变化)",
        "  4 5  二、主要任务  (下有 1 处变化)",
        "- 6 ·  三、保障措施",
    ]


def test_summary_is_one_line_of_counts_and_similarity(files: tuple[str, str]) -> None:
    old, new = files
    code, out, _ = invoke(old, new, "--summary")
    assert code == EXIT_DIFFERENT
    assert out == f"{old} → {new}：未变 3，改题 1，改号 1，新增 1，删除 1；相似度 0.81\n"
    english = invoke(old, new, "--summary", "--lang", "en")[1]
    assert english == (
        f"{old} → {new}: 3 unchanged, 1 renamed, 1 renumbered, 1 added, 1 removed; "
        "similarity 0.81\n"
    )
    data = json.loads(invoke(old, new, "--summary", "-f", "json")[1])
    assert list(data) == ["old", "new", "counts", "similarity"]
    assert list(data["counts"]) == list(OPS)
    assert data["counts"]["added"] == 1
    assert data["similarity"] == pytest.approx(0.81, abs=0.005)


def test_json_has_the_stable_shape(files: tuple[str, str]) -> None:
    old, new = files
    code, out, _ = invoke(old, new, "--format", "json")
    assert code == EXIT_DIFFERENT
    data = json.loads(out)
    assert list(data) == ["old", "new", "changes"]
    assert (data["old"], data["new"]) == (old, new)
    for change in data["changes"]:
        assert list(change) == ["op", "ops", "old", "new"]
        assert change["op"] == change["ops"][0]
        for ref in (change["old"], change["new"]):
            assert ref is None or list(ref) == [
                "line",
                "marker",
                "number",
                "title",
                "level",
                "path",
            ]
    renamed = next(c for c in data["changes"] if c["op"] == "renamed")
    assert renamed["new"] == {
        "line": 6,
        "marker": "（一）",
        "number": 1,
        "title": "加强党的组织领导",
        "level": 2,
        "path": ["主要任务", "加强党的组织领导"],
    }
    assert [c["op"] for c in data["changes"]].count("unchanged") == 3
    only = json.loads(invoke(old, new, "-f", "json", "--only-changes")[1])
    assert [c["op"] for c in only["changes"]] == ["added", "renumbered", "renamed", "removed"]


def test_markdown_is_a_change_report(files: tuple[str, str]) -> None:
    old, new = files
    code, out, _ = invoke(old, new, "--format", "md")
    assert code == EXIT_DIFFERENT
    assert out.startswith("# 骨架变化\n")
    assert "## 新增\n\n- （二）工作目标 — 第 3 行，上级 一、总体要求\n" in out
    assert "- （一）加强**党的**组织领导 — 第 6 行，上级 二、主要任务\n" in out
    assert "- 三、保障措施 — 旧稿第 6 行\n" in out
    assert "指导思想" not in out
    english = invoke(old, new, "--format", "md", "--lang", "en")[1]
    assert english.startswith("# Skeleton changes\n")
    assert "## added\n\n- （二）工作目标 — line 3, under 一、总体要求\n" in english
    assert "- 三、保障措施 — old line 6\n" in english


def test_threshold_changes_what_counts_as_the_same_heading(files: tuple[str, str]) -> None:
    old, new = files
    strict = invoke(old, new, "--threshold", "0.95", "--only-changes")[1]
    assert "加强{+党的+}组织领导" not in strict
    assert "- 5 ·    （一）加强组织领导" in strict
    assert "+ · 6    （一）加强党的组织领导" in strict
    code, _, err = invoke(old, new, "--threshold", "1.5")
    assert code == EXIT_TROUBLE
    assert "1.5" in err


def test_stdin_and_encoding(files: tuple[str, str], tmp_path: Path) -> None:
    old, new = files
    expected = invoke(old, new)[1].splitlines()[2:]
    code, out, _ = invoke("-", new, stdin=OLD.encode("gb18030"))
    assert code == EXIT_DIFFERENT
    assert out.splitlines()[:2] == ["--- -", f"+++ {new}"]
    assert out.splitlines()[2:] == expected
    old_gbk, new_gbk = tmp_path / "old-gbk.txt", tmp_path / "new-gbk.txt"
    old_gbk.write_bytes(OLD.encode("gbk"))
    new_gbk.write_bytes(NEW.encode("gbk"))
    forced = invoke(str(old_gbk), str(new_gbk), "--encoding", "gbk")[1]
    assert forced.splitlines()[2:] == expected
    code, _, err = invoke(old, str(new_gbk), "--encoding", "utf-8")
    assert code == EXIT_TROUBLE
    assert err.startswith(f"outline: {new_gbk}: is not utf-8")


def test_inputs_that_cannot_be_read_exit_2_each_reported(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, out, err = invoke("missing.txt", str(empty))
    assert (code, out) == (EXIT_TROUBLE, "")
    assert err == (f"outline: missing.txt: no such file or directory\noutline: {empty}: is empty\n")
    code, out, err = invoke(str(tmp_path), str(SEEDS[0]))
    assert (code, out) == (EXIT_TROUBLE, "")
    assert err == f"outline: {tmp_path}: is a directory; give two documents\n"


def test_bad_usage_exits_2(files: tuple[str, str]) -> None:
    old, new = files
    assert invoke("-", "-") == (
        EXIT_TROUBLE,
        "",
        "outline: only one of OLD and NEW can be - (standard input)\n",
    )
    code, _, err = invoke(old, new, "--format", "pdf")
    assert (code, err) == (
        EXIT_TROUBLE,
        "outline: --format must be one of txt, md, json, not 'pdf'\n",
    )
    assert invoke(old)[0] == EXIT_TROUBLE
    assert invoke(old, new, "--depth", "0")[0] == EXIT_TROUBLE


def test_notes_and_labels_are_all_chinese_or_all_english(files: tuple[str, str]) -> None:
    old, new = files
    rows = invoke(old, new, "--depth", "1")[1].splitlines()[2:]
    report = [line for line in invoke(old, new, "-f", "md")[1].splitlines() if "→" not in line]
    assert not [line for line in rows + report if re.search("[A-Za-z]", line)]
    code, out, _ = invoke(old, new, "--lang", "en")
    assert code == EXIT_DIFFERENT
    assert "# 3 4    （三）基本原则  (was （二）)" in out
    code, out, err = invoke(old, new, "--lang", "fr")
    assert (code, out) == (EXIT_TROUBLE, "")
    assert err == "outline: --lang must be one of zh, en, not 'fr'\n"


def test_plain_is_what_a_pipe_gets(files: tuple[str, str]) -> None:
    old, new = files
    assert invoke(old, new, "--plain") == invoke(old, new)


def test_help_documents_exit_codes_and_an_example() -> None:
    code, out, _ = invoke("--help")
    assert code == EXIT_OK
    assert "Exit codes: 0 the skeletons are the same; 1 they differ; 2" in " ".join(out.split())
    assert "Example:" in out


def test_the_terminal_tree_marks_changes_and_never_reads_markup() -> None:
    old = parse("一、总体要求\n二、[bold]任务[/bold]\n三、保障措施\n")
    new = parse("一、总体要求\n二、[bold]重点任务[/bold]\n")
    buffer = io.StringIO()
    console = Console(file=buffer, width=80, color_system=None, highlight=False)
    console.print(tree(diff(old, new), View(old="a.txt", new="b.txt")))
    lines = buffer.getvalue().splitlines()
    assert lines[0] == "a.txt → b.txt"
    assert lines[1].endswith("  一、总体要求  1→1")
    assert lines[2].endswith("~ 二、[bold]重点任务[/bold]  2→2")
    assert lines[3].endswith("- 三、保障措施  3→·")


def test_the_terminal_tree_colours_by_change() -> None:
    old, new = parse("一、甲项工作\n二、保障措施\n"), parse("一、甲项工作\n二、附则说明\n")
    rows = tree(diff(old, new), View()).children
    styles = []
    for row in rows:
        assert isinstance(row.label, Text)
        styles.append({str(span.style) for span in row.label.spans})
    assert "bold green" not in styles[0] and "red" not in styles[0]
    assert "red" in styles[1]  # removed, shown where it stood
    assert "bold green" in styles[2]  # added


def test_the_command_and_the_library_share_the_default_threshold() -> None:
    assert cli_diff.DEFAULT_THRESHOLD == DEFAULT_THRESHOLD


def test_html_selector_reads_both_pages(tmp_path: Path) -> None:
    menu = "<div id='menu'><p>一、首页</p><p>二、新闻</p></div>"
    pages = []
    for name, items in (("old", "总体要求 主要任务"), ("new", "总体要求 工作原则 主要任务")):
        numbered = "".join(
            f"<p>{n}、{item}</p>" for n, item in zip("一二三", items.split(), strict=False)
        )
        page = tmp_path / f"{name}.html"
        html = f"<html><body>{menu}<div id='text'>{numbered}</div></body></html>"
        page.write_text(html, encoding="utf-8")
        pages.append(str(page))
    code, out, _ = invoke(*pages, "--html-selector", "#menu")
    assert (code, out.splitlines()[2:]) == (EXIT_OK, ["  1 1  一、首页", "  2 2  二、新闻"])
    code, out, _ = invoke(*pages, "--html-selector", "#text", "--only-changes")
    assert code == EXIT_DIFFERENT
    assert out.splitlines()[2:] == ["+ · 2  二、工作原则", "# 2 3  三、主要任务  (原为 二、)"]
    code, out, err = invoke(*pages, "--html-selector", "#none")
    assert (code, out) == (EXIT_TROUBLE, "")
    assert err.splitlines() == [
        f"outline: {page}: has no element that --html-selector '#none' matches" for page in pages
    ]


def test_unwrap_reads_both_texts(tmp_path: Path) -> None:
    """The same paragraphs hard-wrapped (as text from a PDF comes) and on one line each."""
    sentence = (
        "全年地区生产总值增长百分之五点二，规模以上工业增加值增长\n"
        "3．项目建设任务的百分之九十，居民人均可支配收入实际增长百分\n"
        "二、三产业协调发展，城乡居民收入差距继续缩小，就业形势总体稳\n定。\n"
    )
    wrapped, joined = tmp_path / "wrapped.txt", tmp_path / "joined.txt"
    wrapped.write_text(f"一、经济运行\n{sentence}二、主要任务\n", encoding="utf-8")
    one_line = sentence.replace("\n", "").replace("定。", "定。\n")
    joined.write_text(f"一、经济运行\n{one_line}二、主要任务\n", encoding="utf-8")
    code, out, _ = invoke(str(wrapped), str(joined))
    assert code == EXIT_DIFFERENT
    assert "3．项目建设任务" in out
    code, out, _ = invoke(str(wrapped), str(joined), "--unwrap")
    assert (code, out.splitlines()[2:]) == (EXIT_OK, ["  1 1  一、经济运行", "  3 3  二、主要任务"])


def test_two_word_files_with_headings_marked_by_style(tmp_path: Path) -> None:
    """A "#" starts a paragraph in Word's Heading 1 style, without a number."""

    def write(name: str, *paragraphs: str) -> str:
        path = tmp_path / name
        path.write_bytes(
            build([Para(p[1:], style="Heading1") if p[0] == "#" else Para(p) for p in paragraphs])
        )
        return str(path)

    old = write("old.docx", "#总则", "一、目的", "二、依据", "#适用范围", "一、对象", "#附则")
    new = write(
        "new.docx", "#总则", "一、目的", "#基本原则", "#适用范围", "一、对象", "二、依据", "#附则"
    )
    code, out, err = invoke(old, new)
    assert (code, err) == (EXIT_DIFFERENT, "")
    assert out.splitlines()[2:] == [
        "  1 1  总则",
        "  2 2    一、目的",
        "+ · 3  基本原则",
        "  4 4  适用范围",
        "  5 5    一、对象",
        "→ 3 6    二、依据  (原属 总则)",
        "  6 7  附则",
    ]
    changes = json.loads(invoke(old, new, "--format", "json", "--only-changes")[1])["changes"]
    assert [(c["op"], c["new"]["marker"], c["new"]["title"]) for c in changes] == [
        ("added", "", "基本原则"),
        ("moved", "二、", "依据"),
    ]
