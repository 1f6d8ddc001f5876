"""Properties of the command line: no file name (bytes that are not UTF-8, line breaks,
escape sequences, a leading dash) and no option value (--encoding, --depth, --jobs) makes it
exit 3 or print a traceback."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from outline.cli.app import app

runner = CliRunner()
PLAN = "一、目标\n（一）甲\n二、任务\n".encode()
COMMANDS = (
    ["show"],
    ["show", "--plain", "--body"],
    ["export", "-f", "json"],
    ["export", "-f", "jsonl"],
    ["export", "-f", "csv"],
    ["export", "-f", "html"],
    ["check"],
    ["check", "--fix"],
)

names = st.binary(min_size=1, max_size=60).filter(
    lambda b: b"/" not in b and b"\0" not in b and b not in (b".", b"..")
) | st.sampled_from([b"-x.txt", b"--help", b"a\nb.txt", b"\x1b[2J.txt", b"\xff\xfe.txt", b"-"])
values = st.text(max_size=12) | st.sampled_from(["\udcff", "rot13", "utf-8", "gbk", "idna"])
numbers = st.integers(-3, 10**7).map(str) | values


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=names,
    command=st.sampled_from(COMMANDS),
    encoding=st.none() | values,
    depth=st.none() | numbers,
    jobs=st.none() | numbers,
)
def test_no_file_name_or_option_value_is_a_bug(
    name: bytes, command: list[str], encoding: str | None, depth: str | None, jobs: str | None
) -> None:
    args = list(command)
    if encoding is not None:
        args += ["--encoding", encoding]
    if depth is not None and command[0] != "check":
        args += ["--depth", depth]
    if jobs is not None and command[0] == "export":
        args += ["--jobs", jobs]
    with tempfile.TemporaryDirectory() as directory:
        if name != b"-":
            Path(os.fsdecode(os.path.join(os.fsencode(directory), name))).write_bytes(PLAN)
        cwd = os.getcwd()
        os.chdir(directory)
        try:
            result = runner.invoke(app, [*args, "--", os.fsdecode(name)], input=PLAN)
        finally:
            os.chdir(cwd)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (0, 1, 2), result.output
    assert "Traceback" not in result.stdout + result.stderr
