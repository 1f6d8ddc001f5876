"""What the golden files hold: each seed exported as JSON and Markdown, and shown as plain text."""

from __future__ import annotations

from pathlib import Path

from outline import parse
from outline.render import FORMATS, Options
from outline.sources import decode
from tests.conftest import ROOT, SEEDS

GOLDEN = ROOT / "tests" / "golden"
SUFFIXES = (".json", ".md", ".txt")
OUTPUTS = [(seed, suffix) for seed in SEEDS for suffix in SUFFIXES]


def render_seed(seed: Path, suffix: str) -> str:
    """One golden output of a seed, as `outline export --format json|md|txt` prints it."""
    text, encoding = decode(seed.read_bytes())
    options = Options(source=seed.relative_to(ROOT).as_posix(), encoding=encoding)
    return FORMATS[suffix.lstrip(".")](parse(text), options)
