"""Outputs in hostile places: devices, FIFOs, descriptors, links planted beside the output,
read-only files and files of other users. Each output is whole or absent, and never turns
something that is not a regular file into one."""

from __future__ import annotations

import os
import pty
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from outline.cli.app import EXIT_OK, EXIT_TROUBLE, app
from tests.support.faults import fill_the_disk
from tests.support.readback import from_csv

runner = CliRunner()
PLAN = "一、目标\n（一）甲\n（二）乙\n二、任务\n"
DRAFT = "一、目标\n三、任务\n"
ROOT_ONLY = pytest.mark.skipif(os.geteuid() != 0, reason="only root can give files away")


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    Path("in.txt").write_text(PLAN, encoding="utf-8")
    return tmp_path


def test_a_character_device_is_written_through_and_stays_a_device(here: Path) -> None:
    main, terminal = pty.openpty()
    try:
        name = os.ttyname(terminal)
        code, _, err = invoke("export", "in.txt", "-f", "txt", "-o", name)
        assert (code, err) == (EXIT_OK, "")
        assert stat.S_ISCHR(os.stat(name).st_mode)
        assert "一、目标" in os.read(main, 4096).decode("utf-8")
    finally:
        os.close(main)
        os.close(terminal)


def test_a_link_to_an_open_descriptor_is_written_through_and_stays_a_link(here: Path) -> None:
    read_end, write_end = os.pipe()
    try:
        Path("out").symlink_to(f"/proc/self/fd/{write_end}")
        code, _, err = invoke("export", "in.txt", "-f", "txt", "-o", "out")
        assert (code, err) == (EXIT_OK, "")
        assert Path("out").is_symlink()
        assert "一、目标" in os.read(read_end, 4096).decode("utf-8")
    finally:
        os.close(read_end)
        os.close(write_end)


def test_a_fifo_nobody_reads_and_a_socket_are_refused_in_one_line(here: Path) -> None:
    import socket

    os.mkfifo("fifo")
    code, _, err = invoke("export", "in.txt", "-o", "fifo")
    reason = "is a FIFO that no process reads"
    assert (code, err) == (EXIT_TROUBLE, f"outline: fifo: cannot write: {reason}\n")
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind("sock")
        code, _, err = invoke("export", "in.txt", "-o", "sock")
    assert (code, err) == (EXIT_TROUBLE, "outline: sock: cannot write: is a socket, not a file\n")
    assert stat.S_ISFIFO(os.stat("fifo").st_mode) and stat.S_ISSOCK(os.stat("sock").st_mode)


@pytest.mark.parametrize("command", ["export", "check"])
def test_a_link_planted_where_a_temporary_file_used_to_go_is_never_written_through(
    here: Path, command: str
) -> None:
    Path("victim.txt").write_text("victim", encoding="utf-8")
    Path("shared").mkdir()
    Path("shared/report.txt").write_text(DRAFT, encoding="utf-8")
    for name in ("report.json", "report.txt"):
        Path(f"shared/.{name}.part").symlink_to("../victim.txt")
    args = ["in.txt", "-f", "json", "-o", "shared/report.json"]
    code, _, err = invoke(command, *(args if command == "export" else ["shared/report.txt", "-w"]))
    assert (code, err.count("\n")) == (EXIT_OK, 1 if command == "check" else 0), err
    assert Path("victim.txt").read_text(encoding="utf-8") == "victim"
    written = Path("shared/report.json" if command == "export" else "shared/report.txt")
    assert not written.is_symlink() and written.stat().st_size > len("victim")
    left = sorted(p.name for p in Path("shared").iterdir())
    assert all(not name.endswith(".part") or Path("shared", name).is_symlink() for name in left)


def test_a_backup_takes_the_mode_of_its_original(here: Path) -> None:
    Path("draft.txt").write_text(DRAFT, encoding="utf-8")
    Path("draft.txt").chmod(0o600)
    code, _, _ = invoke("check", "draft.txt", "--write")
    assert code == EXIT_OK
    assert stat.S_IMODE(os.stat("draft.txt").st_mode) == 0o600
    assert stat.S_IMODE(os.stat("draft.txt.orig").st_mode) == 0o600
    assert Path("draft.txt.orig").read_text(encoding="utf-8") == DRAFT


def test_a_read_only_file_is_not_rewritten(here: Path) -> None:
    Path("draft.txt").write_text(DRAFT, encoding="utf-8")
    Path("draft.txt").chmod(0o444)
    code, _, err = invoke("check", "draft.txt", "--write")
    assert code == EXIT_TROUBLE
    assert err.splitlines()[0] == "outline: draft.txt: is read-only: not mended"
    assert Path("draft.txt").read_text(encoding="utf-8") == DRAFT
    assert sorted(p.name for p in here.iterdir()) == ["draft.txt", "in.txt"]
    Path("out.md").write_text("older", encoding="utf-8")
    Path("out.md").chmod(0o444)
    code, _, err = invoke("export", "in.txt", "-o", "out.md")
    assert (code, err) == (EXIT_TROUBLE, "outline: out.md: cannot write: is read-only\n")
    assert Path("out.md").read_text(encoding="utf-8") == "older"


@ROOT_ONLY
def test_a_file_rewritten_and_its_backup_keep_the_owner(here: Path) -> None:
    Path("draft.txt").write_text(DRAFT, encoding="utf-8")
    os.chown("draft.txt", 4321, 4321)
    code, _, _ = invoke("check", "draft.txt", "--write")
    assert code == EXIT_OK
    for name in ("draft.txt", "draft.txt.orig"):
        assert (os.stat(name).st_uid, os.stat(name).st_gid) == (4321, 4321)


@pytest.mark.parametrize("format", ["csv", "jsonl"])
def test_an_input_that_cannot_be_read_leaves_the_output_as_it_was(here: Path, format: str) -> None:
    Path(f"old.{format}").write_text("older", encoding="utf-8")
    code, _, err = invoke("export", "nosuch.txt", "-f", format, "-o", f"old.{format}")
    assert (code, err) == (EXIT_TROUBLE, "outline: nosuch.txt: no such file or directory\n")
    assert Path(f"old.{format}").read_text(encoding="utf-8") == "older"
    assert sorted(p.name for p in here.iterdir()) == ["in.txt", f"old.{format}"]


def test_a_full_disk_leaves_the_output_as_it_was_and_exits_2(
    here: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Path("old.csv").write_text("older", encoding="utf-8")
    fill_the_disk(monkeypatch, room=100)
    code, _, err = invoke("export", "in.txt", "in.txt", "-f", "csv", "-o", "old.csv")
    assert (code, err) == (
        EXIT_TROUBLE,
        "outline: old.csv: cannot write: No space left on device\n",
    )
    assert Path("old.csv").read_text(encoding="utf-8") == "older"
    assert sorted(p.name for p in here.iterdir()) == ["in.txt", "old.csv"]


def test_two_runs_writing_one_file_leave_the_whole_output_of_one(here: Path) -> None:
    for name in ("a", "b"):
        Path(name).mkdir()
        for i in range(200):
            Path(name, f"{i:03d}.txt").write_text(PLAN.replace("目标", f"目标{name}{i}"), "utf-8")
    command = [sys.executable, "-m", "outline", "export", "-f", "csv", "-o", "all.csv", "-j", "1"]
    runs = [subprocess.Popen([*command, name], stderr=subprocess.PIPE) for name in ("a", "b")]
    assert [run.wait(timeout=120) for run in runs] == [EXIT_OK, EXIT_OK]
    sources = {row[0].split("/")[0] for row in from_csv(Path("all.csv").read_text("utf-8"))[1:]}
    assert sources in ({"a"}, {"b"})
    assert len(from_csv(Path("all.csv").read_text("utf-8"))) == 1 + 200 * 5
