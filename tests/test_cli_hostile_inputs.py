"""Hostile inputs: formulas for spreadsheets, escape sequences for terminals, file names that
are not UTF-8, loops of links, odd codecs, damaged files, endless devices. Each ends with
output that does no harm, or one line on stderr and exit 2 — never a traceback or exit 3."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from outline.cli import reading
from outline.cli.app import EXIT_DIFFERENT, EXIT_OK, EXIT_TROUBLE, app
from tests.support.corpus import ROOT
from tests.support.readback import from_csv

runner = CliRunner()
PLAN = "一、目标\n（一）甲\n（二）乙\n二、任务\n"
HOSTILE = "一、总体\x1b[2J要求\x07\n（一）甲。写剪贴板\x1b]52;c;aGk=\x07之后\u202e反转\n二、任务\n"
NOT_UTF8 = os.fsdecode(b"plan-\xff\xfe.txt")


def invoke(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=stdin)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    Path("plan.txt").write_text(PLAN, encoding="utf-8")
    return tmp_path


def no_controls(text: str) -> bool:
    return not any(c in text for c in "\x1b\x07\u202e")


def test_csv_cells_a_spreadsheet_would_run_are_guarded_in_every_column(here: Path) -> None:
    text = "=关于试点的方案\n一、@SUM(A1)\n（一）+1+1\n（二）-2\n二、\t任务\n"
    Path("-cmd.txt").write_text(text, encoding="utf-8")
    code, out, _ = invoke("export", "-f", "csv", "--", "-cmd.txt")
    assert code == EXIT_OK
    rows = from_csv(out, keep_guards=True)
    cells = [cell for row in rows[1:] for cell in row]
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert rows[1][0] == "'-cmd.txt" and rows[1][6] == "'=关于试点的方案"
    assert [row[6] for row in rows[2:]] == ["'@SUM(A1)", "'+1+1", "'-2", "任务"]
    invoke("export", "-f", "csv", "-o", "all.csv", "--", "-cmd.txt")
    code, _, err = invoke(
        "export", "-f", "csv", "-o", "all.csv", "--skip-existing", "--", "-cmd.txt"
    )
    assert (code, err) == (EXIT_OK, "")  # the guarded name is found again: nothing to add
    assert Path("all.csv").read_text(encoding="utf-8-sig").count("'-cmd.txt") == len(rows) - 1


def test_control_characters_reach_no_terminal_as_they_are(here: Path) -> None:
    Path("hostile.txt").write_text(HOSTILE, encoding="utf-8")
    for args in (["show", "hostile.txt", "--body"], ["show", "hostile.txt", "--plain"]):
        code, out, _ = invoke(*args)
        assert code == EXIT_OK and no_controls(out)
        assert "一、总体\\x1b[2J要求\\x07" in out
    body = invoke("show", "hostile.txt", "--body")[1]
    assert "写剪贴板\\x1b]52;c;aGk=\\x07之后\\u202e反转" in body
    code, out, _ = invoke("check", "hostile.txt", "--fail-on", "warning")
    assert no_controls(out)
    Path("other.txt").write_text(HOSTILE.replace("二、任务", "二、新任务"), encoding="utf-8")
    code, out, _ = invoke("diff", "hostile.txt", "other.txt")
    assert code == EXIT_DIFFERENT and no_controls(out) and "\\x1b[2J" in out


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a pseudo-terminal (Linux)")
@pytest.mark.parametrize("command", ["show", "diff"])
def test_coloured_output_on_a_terminal_holds_no_control_characters_of_the_text(
    here: Path, command: str
) -> None:
    import pty

    Path("hostile.txt").write_text(HOSTILE, encoding="utf-8")
    Path("other.txt").write_text(HOSTILE.replace("二、任务", "二、新任务"), encoding="utf-8")
    args = ["hostile.txt", "--body"] if command == "show" else ["hostile.txt", "other.txt"]
    main, terminal = pty.openpty()
    env = {**os.environ, "COLUMNS": "100", "PYTHONPATH": str(ROOT)}
    with subprocess.Popen(
        [sys.executable, "-m", "outline", command, *args], stdout=terminal, env=env
    ) as process:
        os.close(terminal)
        shown = b""
        while True:
            try:
                chunk = os.read(main, 4096)
            except OSError:  # the terminal's other end closed
                break
            if not chunk:
                break
            shown += chunk
    os.close(main)
    assert process.returncode in (EXIT_OK, EXIT_DIFFERENT)
    assert b"\x1b[0m" in shown  # coloured
    assert b"\x1b]52" not in shown and b"\x1b[2J" not in shown and "\u202e".encode() not in shown
    assert b"\\x1b[2J" in shown


def test_a_file_name_that_is_not_utf8_goes_into_every_format(here: Path) -> None:
    Path(NOT_UTF8).write_text(PLAN, encoding="utf-8")
    for format in ("json", "jsonl", "csv", "md", "html", "opml", "txt"):
        code, out, err = invoke("export", NOT_UTF8, "-f", format)
        assert (code, err) == (EXIT_OK, ""), format
    assert (
        json.loads(invoke("export", NOT_UTF8, "-f", "json")[1])["source"] == "plan-\\xff\\xfe.txt"
    )
    code, _, err = invoke("export", ".", "-f", "docx", "-o", "out/")
    assert code == EXIT_OK, err
    assert sorted(os.listdir("out")) == [os.fsdecode(b"plan-\xff\xfe.docx"), "plan.docx"]
    code, out, err = invoke("show", NOT_UTF8, "plan.txt")
    assert code == EXIT_OK and "==> plan-\\xff\\xfe.txt <==" in out


def test_a_loop_of_links_is_named_as_one(here: Path) -> None:
    Path("d").mkdir()
    Path("d/a.txt").write_text(PLAN, encoding="utf-8")
    Path("d/loop.txt").symlink_to("loop.txt")
    Path("d/gone.txt").symlink_to("nowhere.txt")
    code, out, err = invoke("export", "d", "-f", "jsonl")
    assert code == EXIT_TROUBLE and len(out.splitlines()) == 1
    assert err.splitlines() == [
        "outline: d/gone.txt: is a symbolic link to nothing",
        "outline: d/loop.txt: is a loop of symbolic links",
        "outline: 1 of 3 documents exported, 2 failed",
    ]
    code, _, err = invoke("show", "d/loop.txt")
    assert (code, err) == (EXIT_TROUBLE, "outline: d/loop.txt: is a loop of symbolic links\n")


def test_check_will_not_mend_a_file_whose_bytes_were_replaced(here: Path) -> None:
    Path("cut.txt").write_bytes("一、目标\n三、任务".encode() + "二".encode()[:2])
    for mending in ("--fix", "--write"):
        code, _, err = invoke("check", "cut.txt", mending)
        assert code == EXIT_TROUBLE
        assert err.splitlines()[0] == (
            "outline: cut.txt: has bytes no encoding reads (2 bytes replaced): not mended"
        )
    assert sorted(os.listdir()) == ["cut.txt", "plan.txt"]


@pytest.mark.parametrize("codec", ["rot13", "base64", "zlib", "idna", "hex", "undefined"])
def test_a_codec_that_is_no_encoding_of_documents_is_a_usage_error(here: Path, codec: str) -> None:
    code, _, err = invoke("show", "plan.txt", "--encoding", codec)
    assert code == EXIT_TROUBLE
    assert err == (
        f"outline: Invalid value for '--encoding' / '-e': '{codec}' is not an encoding of"
        " documents (see outline show --help)\n"
    )


def test_resuming_a_file_of_nested_brackets_is_refused_in_one_line(here: Path) -> None:
    Path("all.jsonl").write_text("[" * 100_000 + "\n" + "{}\n", encoding="utf-8")
    code, _, err = invoke("export", "plan.txt", "-f", "jsonl", "-o", "all.jsonl", "--skip-existing")
    assert (code, err) == (
        EXIT_TROUBLE,
        "outline: all.jsonl: line 1 is not a document of a JSON Lines export; remove it, or run"
        " without --skip-existing\n",
    )


def test_a_short_text_with_one_character_cut_short_is_read(here: Path) -> None:
    Path("cut.txt").write_bytes("一、目标\n二、任务".encode() + "三".encode()[:2])
    code, out, err = invoke("export", "cut.txt", "-f", "json")
    assert (code, err) == (EXIT_OK, "")
    assert json.loads(out)["encoding"] == "utf-8, 2 bytes replaced"


def test_a_nul_in_utf8_text_is_a_character_not_a_binary_file(here: Path) -> None:
    Path("nul.txt").write_bytes("一、目标\n（一）甲\x00乙\n".encode())
    code, out, err = invoke("show", "nul.txt")
    assert (code, err) == (EXIT_OK, "")
    assert "（一）甲\\x00乙" in out


def test_a_file_of_a_byte_order_mark_alone_is_empty(here: Path) -> None:
    Path("bom.txt").write_bytes(b"\xef\xbb\xbf")
    code, out, err = invoke("show", "bom.txt")
    assert (code, out, err) == (EXIT_TROUBLE, "", "outline: bom.txt: is empty\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "--depth", "x", "plan.txt"], "Invalid value for '--depth' / '-d'"),
        (["show", "--nonsense", "plan.txt"], "No such option: --nonsense"),
        (["export"], "give the documents to export, or --files-from LIST"),
        (["diff", "plan.txt"], "Missing argument 'NEW'."),
        (["frobnicate"], "No such command 'frobnicate'."),
    ],
)
def test_a_usage_error_is_one_line(here: Path, args: list[str], message: str) -> None:
    code, out, err = invoke(*args)
    assert (code, out) == (EXIT_TROUBLE, "")
    assert err.count("\n") == 1 and err.startswith("outline: ") and message in err


def test_a_path_with_a_line_break_stays_on_one_line(here: Path) -> None:
    code, _, err = invoke("show", "no\nsuch\x1b]0;x\x07.txt")
    assert (code, err) == (
        EXIT_TROUBLE,
        "outline: no\\nsuch\\x1b]0;x\\x07.txt: no such file or directory\n",
    )


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_an_endless_device_is_refused_at_once(here: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "outline", "show", "/dev/zero"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=60,
    )
    assert (result.returncode, result.stdout) == (EXIT_TROUBLE, "")
    assert result.stderr == (
        "outline: /dev/zero: is a character device, not a file: give it as - to read it as stdin\n"
    )
    code, _, err = invoke("show", "--files-from", "/dev/zero")
    assert code == EXIT_TROUBLE
    assert err == "outline: /dev/zero: line 1 holds a NUL byte: not a list of paths\n"


def test_a_fifo_is_refused_unless_it_is_standard_input(here: Path) -> None:
    os.mkfifo("fifo.txt")
    code, _, err = invoke("show", "fifo.txt")
    assert (code, err) == (
        EXIT_TROUBLE,
        "outline: fifo.txt: is a FIFO, not a file: give it as - to read it as stdin\n",
    )


def test_a_document_larger_than_any_real_one_is_refused(
    here: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reading, "MAX_INPUT", 2 * 1024 * 1024)
    Path("huge.txt").write_bytes(PLAN.encode() * 200_000)
    code, _, err = invoke("show", "huge.txt")
    assert (code, err) == (
        EXIT_TROUBLE,
        "outline: huge.txt: is 10 MB, more than the 2 MB a document may be\n",
    )
    code, _, err = invoke("show", "-", stdin=PLAN.encode() * 200_000)
    assert (code, err) == (
        EXIT_TROUBLE,
        "outline: -: holds more than the 2 MB a document may be\n",
    )


def test_a_list_line_longer_than_a_path_ends_the_list(here: Path) -> None:
    Path("list.txt").write_bytes(b"plan.txt\n" + b"x" * 5000 + b"\nplan.txt\n")
    code, out, err = invoke("show", "--files-from", "list.txt")
    assert code == EXIT_TROUBLE and out.count("一、目标") == 1
    assert err == "outline: list.txt: line 2 is longer than 4,096 bytes: not a list of paths\n"


def test_workers_are_bounded_by_the_cores(here: Path) -> None:
    code, _, err = invoke("export", "plan.txt", "plan.txt", "-f", "jsonl", "--jobs", "100000")
    assert code == EXIT_TROUBLE
    assert err.startswith("outline: --jobs 100,000 is more than ") and err.endswith(" a core)\n")
