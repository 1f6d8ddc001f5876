"""`outline check --fix`, `--diff` and `--write` on a .docx: typed markers mended in their runs,
Word's numbering reported with its list, every other paragraph left byte for byte."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from outline.cli.app import EXIT_DIFFERENT, EXIT_OK, app
from outline.loading import load
from tests.support.rich_docx import rich_docx

runner = CliRunner()
W_P = re.compile(r"<w:p[ >].*?</w:p>|<w:p/>", re.S)


def invoke(*args: str) -> tuple[int, bytes, str]:
    result = runner.invoke(app, ["check", *args])
    return result.exit_code, result.stdout_bytes, result.stderr


def paragraphs(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return W_P.findall(archive.read("word/document.xml").decode("utf-8"))


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "draft.docx"
    path.write_bytes(rich_docx())
    return path


def test_write_mends_typed_markers_and_reports_the_numbered_one(draft: Path) -> None:
    original = draft.read_bytes()
    code, stdout, err = invoke(str(draft), "--write")
    assert code == EXIT_DIFFERENT  # the numbered marker is still repeated
    assert Path(f"{draft}.orig").read_bytes() == original
    mended = draft.read_bytes()
    text = load(mended, "d.docx").doc.text
    assert "（二）基本原则" in text
    assert "2.乙项任务" in text
    assert err.splitlines()[0] == (
        f"outline: {draft}:11:1: 一、 由 Word 自动编号生成（numId 1，abstractNum 1，"
        "第 1 级（ilvl 0））：应为 二、，请在 Word 中修改该列表；未改写"
    )
    assert stdout.decode().splitlines() == [
        f"{draft}:11:1: error N102 重号：一、重复了上一个编号，应为二、"
    ]
    before, after = paragraphs(original), paragraphs(mended)
    assert sum(b != a for b, a in zip(before, after, strict=True)) == 2


def test_diff_shows_the_change_of_the_text_and_writes_nothing(draft: Path) -> None:
    original = draft.read_bytes()
    code, stdout, err = invoke(str(draft), "--diff", "--lang", "en")
    assert code == EXIT_DIFFERENT
    assert stdout.decode().splitlines()[2:] == [
        "@@ -2,7 +2,7 @@",
        " 为做好试点工作，制定本方案。",
        " 一、总体要求",
        " （一）指导思想。坚持稳中求进。",
        "-(三)基本原则。务求实效。",
        "+（二）基本原则。务求实效。",
        " 项目",
        " 责任单位",
        " 试点",
        "@@ -10,5 +10,5 @@",
        " 附图如下：",
        " 一、主要任务",
        " 1.甲项任务。落实到位。",
        "-3.乙项任务。按期完成。",
        "+2.乙项任务。按期完成。",
        " 同志们，让我们共同努力。",
    ]
    assert "is Word's numbering (numId 1, abstractNum 1, level 1 (ilvl 0))" in err
    assert draft.read_bytes() == original


def test_fix_prints_the_mended_package(draft: Path) -> None:
    original = draft.read_bytes()
    code, stdout, _ = invoke(str(draft), "--fix")
    assert code == EXIT_DIFFERENT
    assert "（二）基本原则" in load(stdout, "d.docx").doc.text
    assert draft.read_bytes() == original


def test_a_document_with_nothing_to_mend_is_not_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "clean.docx"
    path.write_bytes(rich_docx(typed_first=False))
    before = path.read_bytes()
    code, _, err = invoke(str(path), "--write", "--select", "T")
    assert code == EXIT_OK
    assert path.read_bytes() == before
    assert not Path(f"{path}.orig").exists()
    assert err.endswith("修正了 0 个文档中的 0 个编号；余 0 个错误，0 个警告\n")
