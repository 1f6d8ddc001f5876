"""`outline mark`: outline levels into the writer's own .docx, to a file, in place or listed."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from outline.cli.app import EXIT_OK, EXIT_TROUBLE, app
from outline.loading import load
from tests.support.docx_builder import Para, build
from tests.support.rich_docx import rich_docx

runner = CliRunner()


def invoke(*args: str, stdin: bytes | None = None) -> tuple[int, bytes, str]:
    result = runner.invoke(app, ["mark", *args], input=stdin)
    return result.exit_code, result.stdout_bytes, result.stderr


def levels(data: bytes) -> dict[int, int]:
    from outline.sources.docx import read

    return {s.line: s.level for s in read(data).styled}


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "draft.docx"
    path.write_bytes(rich_docx())
    return path


def test_mark_writes_the_marked_document_to_the_file_o_names(draft: Path, tmp_path: Path) -> None:
    out = tmp_path / "marked.docx"
    original = draft.read_bytes()
    code, stdout, err = invoke(str(draft), "-o", str(out))
    assert (code, stdout) == (EXIT_OK, b"")
    assert err == f"outline: {draft}: marked 6 headings (levels 1–2), 0 already at their level\n"
    assert levels(out.read_bytes()) == {3: 1, 4: 2, 5: 2, 11: 1, 12: 2, 13: 2}
    assert draft.read_bytes() == original


def test_write_replaces_the_file_and_keeps_the_original(draft: Path) -> None:
    original = draft.read_bytes()
    code, _, _ = invoke(str(draft), "--write")
    assert code == EXIT_OK
    assert Path(f"{draft}.orig").read_bytes() == original
    assert levels(draft.read_bytes())[3] == 1
    assert load(draft.read_bytes(), "d.docx").doc.text == load(original, "d.docx").doc.text


def test_a_file_with_nothing_to_mark_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "done.docx"
    path.write_bytes(build([Para("一、总体要求", style="Heading1")]))
    code, _, err = invoke(str(path), "--write")
    assert code == EXIT_OK
    assert "marked 0 headings, 1 already at their level" in err
    assert not Path(f"{path}.orig").exists()


def test_dry_run_lists_what_would_be_marked_and_writes_nothing(draft: Path) -> None:
    code, stdout, err = invoke(str(draft), "--dry-run", "--depth", "1")
    assert code == EXIT_OK
    assert stdout.decode().splitlines() == [
        f"{draft}:3: body -> 1 一、总体要求",
        f"{draft}:11: body -> 1 一、主要任务",
    ]
    assert "would mark 2 headings (level 1)" in err
    assert not Path(f"{draft}.orig").exists()


def test_standard_input_to_standard_output() -> None:
    code, stdout, _ = invoke("-", stdin=rich_docx())
    assert code == EXIT_OK
    assert stdout.startswith(b"PK")
    assert levels(stdout)[11] == 1


def test_a_directory_is_its_word_documents(tmp_path: Path) -> None:
    (tmp_path / "a.docx").write_bytes(rich_docx())
    (tmp_path / "notes.txt").write_text("一、总体要求\n", encoding="utf-8")
    code, _, err = invoke(str(tmp_path), "--write")
    assert code == EXIT_OK
    assert err.count("marked") == 1
    assert (tmp_path / "a.docx.orig").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["A", "B"], "several inputs: use --write to mark each in place"),
        (["A", "--write", "-o", "x.docx"], "--write marks the files in place"),
        (["-", "--write"], "--write cannot write back standard input"),
        (["A", "-o", "A"], "is the input: use --write to mark it in place"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(draft: Path, args: list[str], message: str) -> None:
    code, stdout, err = invoke(*(str(draft) if a == "A" else a for a in args))
    assert (code, stdout) == (EXIT_TROUBLE, b"")
    assert message in err
    assert len(err.splitlines()) == 1


def test_a_text_file_is_refused_and_the_others_go_through(draft: Path, tmp_path: Path) -> None:
    text = tmp_path / "draft.txt"
    text.write_text("一、总体要求\n", encoding="utf-8")
    code, _, err = invoke(str(text), str(draft), "--write")
    assert code == EXIT_TROUBLE
    assert f"outline: {text}: is not a .docx: outline levels go into Word documents only" in err
    assert Path(f"{draft}.orig").exists()
