"""The project's own test documents — seeds, fixtures, check cases — and how a skeleton is
written down to compare it."""

from __future__ import annotations

from pathlib import Path

from outline import Document, parse
from outline.render.plain import heading_text

ROOT = Path(__file__).resolve().parent.parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
FIXTURES = sorted((ROOT / "tests" / "fixtures").glob("*.txt"))
CHECK_CASES = sorted((ROOT / "tests" / "check").glob("*.txt"))
SEPARATOR = "\n-----\n"


def skeleton(doc: Document) -> str:
    """The plain skeleton: one heading a line, two spaces of indent a level."""
    return "".join(f"{'  ' * (v.level - 1)}{heading_text(v.node)}\n" for v in doc.walk())


def shape(doc: Document) -> list[tuple[int, str, int, str]]:
    """What makes a skeleton the same: level, kind, number and title of every heading."""
    return [(v.level, v.node.kind, v.node.number, v.node.title) for v in doc.walk()]


def read_fixture(path: Path) -> tuple[str, str]:
    """A fixture's input and its expected skeleton."""
    source, expected = path.read_text(encoding="utf-8").split(SEPARATOR)
    return source, expected


def parse_file(path: Path) -> Document:
    return parse(path.read_text(encoding="utf-8"))


def read_case(path: Path) -> tuple[str, list[str], str]:
    """A check case's document, its findings, and its mended text."""
    document, findings, *mended = path.read_text(encoding="utf-8").split(SEPARATOR)
    text = document + "\n"
    return text, [line for line in findings.splitlines() if line], mended[0] if mended else text
