"""The command line: every command, option, error and exit code."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from outline import parse
from outline.cli.app import EXIT_BUG, EXIT_OK, EXIT_TROUBLE, app
from outline.render import names
from outline.render.plain import render as plain
from tests.support.corpus import ROOT, SEEDS

runner = CliRunner()
SEED = SEEDS[0]
DOC = "一、总体要求\n（一）指导思想。坚持稳中求进。\n（二）基本原则\n二、主要任务\n"


def invoke(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def doc_file(tmp_path: Path) -> Path:
    path = tmp_path / "plan.txt"
    path.write_text(DOC, encoding="utf-8")
    return path


def test_show_prints_the_plain_skeleton_into_a_pipe(doc_file: Path) -> None:
    code, out, err = invoke("show", str(doc_file))
    assert (code, err) == (EXIT_OK, "")
    assert out == "1  一、总体要求\n2    （一）指导思想\n3    （二）基本原则\n4  二、主要任务\n"


def test_show_depth_and_body(doc_file: Path) -> None:
    assert invoke("show", str(doc_file), "--depth", "1")[1] == "1  一、总体要求\n4  二、主要任务\n"
    out = invoke("show", str(doc_file), "--body")[1]
    assert "     坚持稳中求进。\n" in out


def test_show_plain_flag_and_seed_match_the_renderer() -> None:
    code, out, _ = invoke("show", "--plain", str(SEED))
    assert code == EXIT_OK
    assert out == plain(parse(SEED.read_text(encoding="utf-8")))


def test_show_reads_stdin() -> None:
    code, out, _ = invoke("show", "-", stdin=DOC.encode("gb18030"))
    assert code == EXIT_OK
    assert out.splitlines()[0] == "1  一、总体要求"


def test_show_several_paths_and_a_directory(tmp_path: Path, doc_file: Path) -> None:
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")  # not a document suffix: not taken
    code, out, _ = invoke("show", str(tmp_path))
    assert code == EXIT_OK
    assert out.startswith(f"==> {doc_file} <==\n1  一、总体要求\n")
    code, out, _ = invoke("show", str(doc_file), str(SEED))
    assert out.count("==> ") == 2


def test_a_missing_file_is_reported_and_the_others_still_go_through(doc_file: Path) -> None:
    code, out, err = invoke("show", "missing.txt", str(doc_file))
    assert code == EXIT_TROUBLE
    assert err == "outline: missing.txt: no such file or directory\n"
    assert "一、总体要求" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"  \n\n", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "is a PNG image, not a document"),
        (b"abc\x80\xff", "is not text in UTF-8, UTF-16, GB18030/GBK or Big5 (try --encoding)"),
    ],
)
def test_unreadable_inputs_get_one_line_and_exit_2(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    code, out, err = invoke("show", str(path))
    assert (code, out) == (EXIT_TROUBLE, "")
    assert err == f"outline: {path}: {message}\n"


def test_encodings_are_detected_and_can_be_forced(tmp_path: Path) -> None:
    expected = invoke("show", "-", stdin=DOC.encode())[1]
    for codec in ("utf-8-sig", "gb18030", "gbk", "utf-16"):
        path = tmp_path / f"{codec}.txt"
        path.write_bytes(DOC.encode(codec))
        assert invoke("show", str(path))[1] == expected, codec
    path = tmp_path / "gbk.txt"
    code, _, err = invoke("show", "--encoding", "utf-8", str(path))
    assert code == EXIT_TROUBLE
    assert err.startswith(f"outline: {path}: is not utf-8 (invalid")
    code, _, err = invoke("show", "--encoding", "klingon", str(path))
    assert (code, err) == (
        EXIT_TROUBLE,
        "outline: Invalid value for '--encoding' / '-e': unknown encoding 'klingon'"
        " (see outline show --help)\n",
    )


def test_export_json_to_stdout(doc_file: Path) -> None:
    code, out, _ = invoke("export", str(doc_file), "--format", "json")
    assert code == EXIT_OK
    data = json.loads(out)
    assert data["source"] == str(doc_file)
    assert data["encoding"] == "utf-8"
    first = data["nodes"][0]
    assert {k: first[k] for k in ("marker", "number", "title", "line", "level", "kind")} == {
        "marker": "一、",
        "number": 1,
        "title": "总体要求",
        "line": 1,
        "level": 1,
        "kind": "cn-dun",
    }
    child = first["children"][0]
    assert (child["marker"], child["level"], child["line"]) == ("（一）", 2, 2)
    span = child["span"]
    assert DOC[span["start"] : span["body_start"]] == "（一）指导思想。"
    assert "\\u" not in out  # UTF-8, not ASCII escapes


def test_export_markdown_styles_and_depth(doc_file: Path) -> None:
    out = invoke("export", str(doc_file))[1]
    assert (
        out
        == "# plan\n\n## 一、总体要求\n### （一）指导思想\n### （二）基本原则\n## 二、主要任务\n"
    )
    out = invoke("export", str(doc_file), "--md-style", "list", "--depth", "1")[1]
    assert out == "# plan\n\n- 一、总体要求\n- 二、主要任务\n"


def test_export_txt(doc_file: Path) -> None:
    assert invoke("export", str(doc_file), "-f", "txt")[1] == invoke("show", str(doc_file))[1]


def test_export_to_a_file_and_to_a_directory(tmp_path: Path, doc_file: Path) -> None:
    target = tmp_path / "out.json"
    code, out, _ = invoke("export", str(doc_file), "-f", "json", "-o", str(target))
    assert (code, out) == (EXIT_OK, "")
    assert json.loads(target.read_text(encoding="utf-8"))["nodes"][0]["title"] == "总体要求"
    other = tmp_path / "sub" / "plan.txt"
    other.parent.mkdir()
    other.write_text("一、其他\n", encoding="utf-8")
    outdir = tmp_path / "out"
    code, _, _ = invoke("export", str(doc_file), str(other), str(SEED), "-o", f"{outdir}/")
    assert code == EXIT_OK
    assert sorted(p.name for p in outdir.iterdir()) == sorted(
        ["plan.md", "plan-2.md", f"{SEED.stem}.md"]
    )
    assert (outdir / "plan-2.md").read_text(encoding="utf-8").endswith("## 一、其他\n")


def test_export_several_inputs_need_a_directory(doc_file: Path) -> None:
    code, out, err = invoke("export", str(doc_file), str(SEED))
    assert (code, out) == (EXIT_TROUBLE, "")
    assert err == "outline: several inputs: give -o DIR for one output file per input\n"


def test_export_bad_options(doc_file: Path) -> None:
    code, _, err = invoke("export", str(doc_file), "--format", "pdf")
    assert (code, err) == (
        EXIT_TROUBLE,
        f"outline: --format must be one of {names()}, not 'pdf'\n",
    )
    code, _, err = invoke("export", str(doc_file), "--md-style", "tree")
    assert code == EXIT_TROUBLE
    code, _, _ = invoke("show", str(doc_file), "--depth", "0")
    assert code == EXIT_TROUBLE  # a usage error, as click reports it


def test_export_reports_a_bad_input_and_writes_the_rest(tmp_path: Path, doc_file: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    outdir = tmp_path / "out"
    code, _, err = invoke("export", str(empty), str(doc_file), "-o", f"{outdir}/")
    assert code == EXIT_TROUBLE
    assert err == (f"outline: {empty}: is empty\noutline: 1 of 2 documents exported, 1 failed\n")
    assert [p.name for p in outdir.iterdir()] == ["plan.md"]


def test_help_documents_the_exit_codes() -> None:
    code, out, _ = invoke("--help")
    assert code == EXIT_OK
    assert "Exit codes: 0 success; 1 differences (diff) or findings (check); 2 an input" in out
    for command in ("show", "export"):
        assert command in out
        assert "Example:" in invoke(command, "--help")[1]


def test_help_lists_every_command_by_its_own_short_help_without_importing_it() -> None:
    from outline.cli.app import COMMANDS

    probe = (
        "import sys\n"
        "sys.argv = ['outline', '--help']\n"
        "from outline.cli import main\n"
        "try:\n"
        "    main()\n"
        "finally:\n"
        "    print(sorted(m for m in sys.modules if m.startswith('outline.cli.')))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False, cwd=ROOT
    )
    imported = run.stdout.splitlines()[-1]
    assert not [name for name in COMMANDS if f"'outline.cli.{name}'" in imported]
    for name, line in COMMANDS.items():
        assert f"  {name:<6}  {line}\n" in run.stdout
        assert invoke(name, "--help")[0] == EXIT_OK  # registers it
    registered = {
        info.name or getattr(info.callback, "__name__", ""): info.short_help
        for info in app.registered_commands
    }
    assert registered == COMMANDS


def test_version() -> None:
    from importlib.metadata import version

    assert invoke("--version") == (EXIT_OK, f"outline {version('outline')}\n", "")
    assert invoke("--version", "show", "nowhere.txt")[0] == EXIT_OK  # asked first, answered first
    assert "--version" in invoke("--help")[1]


def test_an_internal_error_is_one_line_and_exit_3(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], doc_file: Path
) -> None:
    import outline.parser as parse_module

    def broken(text: str, *hints: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(sys.modules["outline.parser"], "parse", broken)
    assert parse_module is not None
    monkeypatch.setattr(sys, "argv", ["outline", "show", str(doc_file)])
    from outline.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == EXIT_BUG
    assert capsys.readouterr().err == "outline: internal error: RuntimeError: boom\n"


def test_an_os_error_that_is_not_about_stdout_is_still_a_bug(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], doc_file: Path
) -> None:
    def broken(text: str, *hints: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(sys.modules["outline.parser"], "parse", broken)
    monkeypatch.setattr(sys, "argv", ["outline", "show", str(doc_file)])
    from outline.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == EXIT_BUG
    assert capsys.readouterr().err == (
        "outline: internal error: OSError: [Errno 28] No space left on device\n"
    )


FULL = Path("/dev/full")


@pytest.mark.skipif(not FULL.exists(), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize(
    "args",
    [
        ["show", "DOC"],
        ["show", "seeds"],
        ["export", "DOC", "-f", "json"],
        ["export", "DOC", "-f", "docx"],
        ["export", "seeds", "-f", "jsonl", "-j", "1"],
        ["check", "examples/draft.txt"],
        ["--help"],
    ],
)
def test_a_stdout_that_cannot_be_written_is_trouble_not_a_bug(
    doc_file: Path, args: list[str]
) -> None:
    with FULL.open("wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "outline", *(str(doc_file) if a == "DOC" else a for a in args)],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            check=False,
        )
    assert result.returncode == EXIT_TROUBLE
    assert result.stderr.splitlines()[-1] == (
        "outline: cannot write to standard output: No space left on device"
    )


def test_python_dash_m_runs_the_cli(doc_file: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "outline", "show", str(doc_file)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == EXIT_OK
    assert result.stdout.startswith("1  一、总体要求\n")


def test_patterns_name_the_files_they_match(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", "sub/c.txt", "sub/.hidden/d.txt", "notes.bin"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("一、甲\n", encoding="utf-8")
    code, out, _ = invoke("show", str(tmp_path / "*.txt"))
    assert code == EXIT_OK
    assert out.count("==> ") == 2
    assert out.index("a.txt") < out.index("b.txt")
    code, out, _ = invoke("show", str(tmp_path / "**" / "*.txt"))
    assert [line for line in out.splitlines() if line.startswith("==> ")] == [
        f"==> {tmp_path / name} <==" for name in ("a.txt", "b.txt", "sub/c.txt")
    ]
    code, out, err = invoke("show", str(tmp_path / "*.doc"))
    assert (code, out) == (EXIT_TROUBLE, "")
    assert err == f"outline: {tmp_path / '*.doc'}: no file matches this pattern\n"


def test_a_directory_is_walked_in_name_order_past_hidden_entries(tmp_path: Path) -> None:
    for name in ("b/x.txt", "a b.txt", "a/z.md", ".git/y.txt", "c.TXT", "d.pdf"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("一、甲\n", encoding="utf-8")
    out = invoke("show", str(tmp_path))[1]
    shown = [line[4:-4] for line in out.splitlines() if line.startswith("==> ")]
    assert shown == [str(tmp_path / n) for n in ("a/z.md", "a b.txt", "b/x.txt", "c.TXT")]
