"""What the golden files hold: each seed in every export format (docx as a listing of its
paragraphs, since the file itself is a zip), and shown as plain text."""

from __future__ import annotations

from pathlib import Path

from outline import parse
from outline.render import FORMATS, Options
from outline.sources import decode
from tests.support.corpus import ROOT, SEEDS
from tests.support.readback import docx_listing

GOLDEN = ROOT / "tests" / "golden"
GOLDEN_FORMATS = {
    ".json": "json",
    ".md": "md",
    ".txt": "txt",
    ".csv": "csv",
    ".opml": "opml",
    ".html": "html",
    ".docx.txt": "docx",
}
"""The golden file's suffix for each format."""
SUFFIXES = tuple(GOLDEN_FORMATS)
OUTPUTS = [(seed, suffix) for seed in SEEDS for suffix in SUFFIXES]


def render_seed(seed: Path, suffix: str) -> str:
    """One golden output of a seed, as `outline export --format NAME` writes it."""
    text, encoding = decode(seed.read_bytes())
    options = Options(source=seed.relative_to(ROOT).as_posix(), encoding=encoding)
    rendered = FORMATS[GOLDEN_FORMATS[suffix]].render(parse(text), options)
    return docx_listing(rendered) if isinstance(rendered, bytes) else rendered
