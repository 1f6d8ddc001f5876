"""The README is tested: its console examples are real, and it shows every command."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from outline.cli import app
from outline.cli.app import EXIT_DIFFERENT, EXIT_OK
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
CONSOLE = re.compile(r"```console\n(.*?)```", re.S)
ELIDED = "..."
DIFFERENCES = {"diff"}
"""Commands whose examples show differences, and so exit 1."""


def examples() -> list[tuple[str, str]]:
    """(command, shown output) for each `$ outline …` line of the README's console blocks."""
    found = []
    for block in CONSOLE.findall(README):
        for chunk in re.split(r"^\$ ", block, flags=re.M)[1:]:
            command, _, output = chunk.partition("\n")
            found.append((command, output))
    return found


@pytest.mark.parametrize(("command", "shown"), examples(), ids=[c for c, _ in examples()])
def test_readme_example_output_is_real(
    command: str, shown: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    program, *args = command.split()
    assert program == "outline"
    result = CliRunner().invoke(app, args)
    assert result.exit_code == (EXIT_DIFFERENT if args[0] in DIFFERENCES else EXIT_OK)
    if shown.endswith(ELIDED + "\n"):
        assert result.stdout.startswith(shown[: -len(ELIDED) - 1])
    else:
        assert result.stdout == shown


def test_readme_shows_every_command() -> None:
    commands = {
        c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands
    }
    shown = {command.split()[1] for command, _ in examples()}
    assert commands <= shown
    assert "make demo" in README
    assert "make test" in README
