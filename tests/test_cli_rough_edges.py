"""Small things a user meets: a closed pipe, an output named like a file for several inputs,
lists of files with comments, a document without headings, an untitled document's name, the
progress bar's labels, a web page that names its source."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from outline.cli.app import EXIT_OK, EXIT_TROUBLE, app
from outline.cli.outputs import progress
from tests.support.corpus import ROOT

runner = CliRunner()
PLAN = "一、目标\n（一）甲\n二、任务\n"


def invoke(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for name in ("a.txt", "b.txt"):
        Path(name).write_text(PLAN, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    "args", [["show", "seeds/"], ["export", "seeds/", "-f", "jsonl"], ["check", "seeds/"]]
)
def test_a_reader_that_goes_away_ends_the_run_quietly(args: list[str]) -> None:
    with subprocess.Popen(
        [sys.executable, "-m", "outline", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.readline()  # as `head -1` does, then goes away
        process.stdout.close()
        err = process.stderr.read().decode()
    assert process.returncode == EXIT_OK
    assert "Traceback" not in err and "Broken pipe" not in err


def test_an_output_named_like_a_file_for_several_inputs_is_a_usage_error(here: Path) -> None:
    code, _, err = invoke("export", "a.txt", "b.txt", "-o", "new.md")
    assert (code, err) == (
        EXIT_TROUBLE,
        "outline: several inputs: -o new.md names one file; give a directory (-o new.md/) for"
        " a file each, or --format jsonl or csv\n",
    )
    assert not Path("new.md").exists()
    assert invoke("export", "a.txt", "b.txt", "-o", "new/")[0] == EXIT_OK
    assert sorted(p.name for p in Path("new").iterdir()) == ["a.md", "b.md"]
    assert invoke("export", "a.txt", "b.txt", "-f", "jsonl", "-o", "all.jsonl")[0] == EXIT_OK


def test_lists_of_files_skip_comments_for_every_command(here: Path) -> None:
    Path("list.txt").write_text("# drafts\na.txt\n\n  \n#b.txt\n", encoding="utf-8")
    code, out, _ = invoke("show", "--files-from", "list.txt")
    assert (code, out) == (EXIT_OK, "==> a.txt <==\n1  一、目标\n2    （一）甲\n3  二、任务\n")
    code, _, err = invoke("check", "--files-from", "list.txt")
    assert (code, err) == (EXIT_OK, "1 个文档：0 个错误，0 个警告\n")
    code, out, _ = invoke("export", "--files-from", "list.txt", "-f", "jsonl")
    assert code == EXIT_OK and out.count("\n") == 1 and '"source": "a.txt"' in out


def test_a_document_without_headings_is_said_so(here: Path) -> None:
    Path("prose.txt").write_text("同志们，今天我们召开会议。\n", encoding="utf-8")
    code, out, err = invoke("show", "prose.txt")
    assert (code, out, err) == (EXIT_OK, "", "outline: prose.txt: no numbered headings found\n")


def test_an_untitled_document_is_named_once_on_a_terminal() -> None:
    from outline import parse
    from outline.cli.show import label
    from outline.render.terminal import tree

    screen = io.StringIO()
    console = Console(file=screen, width=60, color_system=None)
    console.print(tree(parse(PLAN), label("a.txt", parse(PLAN).title, headed=True)))
    assert screen.getvalue().count("a.txt") == 1


def test_the_progress_bar_labels_its_times() -> None:
    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=120, color_system=None)
    with progress(3, True, console) as advance:
        advance(2)
    assert "elapsed 0:00:0" in screen.getvalue() and " left " in screen.getvalue()


def test_a_web_page_names_its_source_as_given_never_by_a_full_path(here: Path) -> None:
    out = invoke("export", "a.txt", "-f", "html")[1]
    assert '<p class="meta">a.txt · 3 headings</p>' in out
    absolute = str(here / "a.txt")
    out = invoke("export", absolute, "-f", "html")[1]
    assert str(here) not in out and '<p class="meta">a.txt · ' in out
    out = invoke("export", "-", "-f", "html", stdin=PLAN.encode())[1]
    assert '<p class="meta">3 headings</p>' in out
