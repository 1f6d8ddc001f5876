"""The README and docs/ are tested: their console examples are real, the README shows every
command, and docs/check.md lists every check code as the code table gives it."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from outline.cli import app
from tests.support.corpus import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
DOCS = {
    path.relative_to(ROOT).as_posix(): path.read_text(encoding="utf-8")
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
}
CONSOLE = re.compile(r"```console\n(.*?)```", re.S)
ELIDED = "..."


EXIT_STATUS = "echo $?"
"""Shown after a command, gives the exit code it ends with (0 when not shown)."""


def examples(text: str = README) -> list[tuple[str, str, int]]:
    """(command, shown output, exit code) for each `$ outline …` line of a document's console
    blocks."""
    found: list[tuple[str, str, int]] = []
    for block in CONSOLE.findall(text):
        for chunk in re.split(r"^\$ ", block, flags=re.M)[1:]:
            command, _, output = chunk.partition("\n")
            if command == EXIT_STATUS:
                found[-1] = (*found[-1][:2], int(output))
            else:
                found.append((command, output, 0))
    return found


ALL = [(name, *example) for name, text in DOCS.items() for example in examples(text)]


@pytest.mark.parametrize(("name", "command", "shown", "code"), ALL, ids=[c for _, c, *_ in ALL])
def test_example_output_is_real(
    name: str, command: str, shown: str, code: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    program, *args = command.split()
    assert program == "outline"
    result = CliRunner().invoke(app, args)
    assert result.exit_code == code
    if shown.endswith(ELIDED + "\n"):
        assert result.stdout.startswith(shown[: -len(ELIDED) - 1])
    else:
        assert result.stdout == shown


def test_readme_shows_every_command() -> None:
    commands = {
        c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands
    }
    shown = {command.split()[1] for command, *_ in examples()}
    assert commands <= shown
    assert "make demo" in README
    assert "make test" in README


def test_docs_list_every_check_code_as_the_table_gives_it() -> None:
    from outline.check.codes import CODES

    rows = re.findall(r"^\| ([A-Z]\d{3}) \| (.*)$", DOCS["docs/check.md"], flags=re.M)
    assert [code for code, _ in rows] == list(CODES)
    for code, rest in rows:
        row = CODES[code]
        assert rest == f"{row.severity} | {row.summary} | `{row.example_line}` |"


def test_readme_says_how_to_run_what_make_demo_installs() -> None:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert "outline" in project["scripts"]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "VENV := .venv" in makefile and "$(BIN)/outline show" in makefile
    for way in (".venv/bin/outline", "source .venv/bin/activate", "pipx install ."):
        assert f"`{way}`" in README
    for block in re.findall(r"```sh\n(.*?)```", README, re.S):
        for line in block.splitlines():
            target = line.split("#")[0].split()
            if target[:1] == ["make"]:
                assert re.search(rf"^{target[1]}:", makefile, re.M), line


def test_the_limits_the_docs_give_are_the_code_s() -> None:
    from outline.cli.plan import MAX_JOBS_PER_CORE
    from outline.cli.reading import MAX_INPUT, MAX_PATH

    for text in (README, DOCS["docs/inputs.md"]):
        assert f"{MAX_INPUT // 2**20} MB" in text
        assert f"{MAX_PATH:,} " in text
    assert f"{MAX_JOBS_PER_CORE} × the cores" in README


def test_docs_list_every_marker_kind_of_the_grammar() -> None:
    from outline.parser.markers import ROWS

    shapes = DOCS["docs/shapes.md"]
    table = [line for line in shapes.splitlines() if line.startswith("| ")]
    for row in ROWS:
        listed = [line for line in table if row.kind in line.split("|")[1]]
        assert listed, f"docs/shapes.md lists no row for {row.kind}"
        assert any(row.example in line for line in listed), (row.name, row.example)
