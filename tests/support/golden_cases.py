"""What the golden files hold: each seed in every export format (docx as a listing of its
paragraphs, since the file itself is a zip), and shown as plain text; and for one seed, the
word/document.xml of the whole draft laid out by GB/T 9704."""

from __future__ import annotations

import io
import zipfile
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
LAID_OUT = ".gbt9704.document.xml"
"""The golden file's suffix of `export -f docx --body --layout gbt9704`: its document part."""
LAID_OUT_SEEDS = ("measures-party-governance",)
OUTPUTS = [(seed, suffix) for seed in SEEDS for suffix in SUFFIXES]
OUTPUTS += [(seed, LAID_OUT) for seed in SEEDS if seed.stem in LAID_OUT_SEEDS]


def render_seed(seed: Path, suffix: str) -> str:
    """One golden output of a seed, as `outline export --format NAME` writes it."""
    text, encoding = decode(seed.read_bytes())
    source = seed.relative_to(ROOT).as_posix()
    if suffix == LAID_OUT:
        options = Options(source=source, encoding=encoding, body=True, layout="gbt9704")
        rendered = FORMATS["docx"].render(parse(text), options)
        assert isinstance(rendered, bytes)
        with zipfile.ZipFile(io.BytesIO(rendered)) as package:
            return package.read("word/document.xml").decode("utf-8")
    options = Options(source=source, encoding=encoding)
    rendered = FORMATS[GOLDEN_FORMATS[suffix]].render(parse(text), options)
    return docx_listing(rendered) if isinstance(rendered, bytes) else rendered
