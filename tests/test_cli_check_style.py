"""`outline check`: which style a level is mended to, a lone enumeration word left alone, and
positions in the file on disk whatever --unwrap re-joined."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from outline.cli.app import EXIT_DIFFERENT, EXIT_OK, EXIT_TROUBLE, app

runner = CliRunner()
MIXED = "一、目标\n(一)甲\n(二)乙\n（三）丙\n"
WRAPPED = (
    "关于进一步加强作风建设的意见关于进一步加强作风建设的意见关于进\n"
    "一步加强。\n"
    "一、总体要求\n"
    "这项工作的关键是要抓早，做到三点关于进一步加强作风建设的意见：一是\n"
    "统一思想。二是加强领导。四是推进落实。关于进一步加强作风建设的意见关\n"
    "于进一步加强作风建设的意见。\n"
    "三、主要任务\n"
)


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["check", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_level_in_two_styles_is_mended_to_the_standard_one(here: Path) -> None:
    Path("mixed.txt").write_text(MIXED, encoding="utf-8")
    code, out, err = invoke("mixed.txt", "--fix")
    assert code == EXIT_OK, err
    assert out == "一、目标\n（一）甲\n（二）乙\n（三）丙\n"
    assert invoke("mixed.txt")[1].splitlines() == [
        "mixed.txt:2:1: error S201 编号样式不一：(一)，同级写作（一）",
        "mixed.txt:3:1: error S201 编号样式不一：(二)，同级写作（二）",
    ]


def test_style_majority_mends_a_level_to_the_style_most_of_it_has(here: Path) -> None:
    Path("mixed.txt").write_text(MIXED, encoding="utf-8")
    code, out, _ = invoke("mixed.txt", "--fix", "--style", "majority")
    assert (code, out) == (EXIT_OK, "一、目标\n(一)甲\n(二)乙\n(三)丙\n")
    code, _, err = invoke("mixed.txt", "--style", "most")
    assert (code, err) == (
        EXIT_TROUBLE,
        "outline: --style must be one of standard, majority, not 'most'\n",
    )


def test_a_level_in_one_style_is_left_in_it(here: Path) -> None:
    Path("plain.txt").write_text("一、目标\n(一)甲\n(二)乙\n", encoding="utf-8")
    assert invoke("plain.txt") == (EXIT_OK, "", "1 个文档：0 个错误，0 个警告\n")


def test_a_lone_enumeration_word_in_prose_is_never_renumbered(here: Path) -> None:
    text = "一、目标\n要坚持问题导向，其二是压实责任。\n二、任务\n"
    Path("lone.txt").write_text(text, encoding="utf-8")
    code, out, _ = invoke("lone.txt", "--fix")
    assert (code, out) == (EXIT_OK, text)
    Path("two.txt").write_text("一、目标\n要坚持问题导向。二是压实责任。三是强化督查。\n", "utf-8")
    assert "一是压实责任。二是强化督查。" in invoke("two.txt", "--fix")[1]


def test_positions_refer_to_the_file_on_disk_with_unwrap(here: Path) -> None:
    Path("wrapped.txt").write_text(WRAPPED, encoding="utf-8")
    code, out, _ = invoke("wrapped.txt", "--unwrap", "--select", "N")
    assert code == EXIT_DIFFERENT
    assert out.splitlines() == [
        "wrapped.txt:5:13: error N101 跳号：二是之后是四是，缺三是",
        "wrapped.txt:7:1: error N101 跳号：一、之后是三、，缺二、",
    ]
    assert invoke("wrapped.txt", "--select", "N")[1] == out
