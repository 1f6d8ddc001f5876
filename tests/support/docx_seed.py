"""A seed as a .docx whose headings are numbered by Word instead of typed.

Every block heading that opens its line loses its typed marker and gets a numbering definition
that generates it: the marker's numeral becomes %N in w:lvlText, its script the w:numFmt, a
space after it the suffix. Lists follow the tree: one list definition per path of marker
styles, levels by depth; where Word's counters would not give the typed number by themselves
(numbering that restarts or continues across branches), a new instance starts at it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from outline import parse
from outline.parser.numerals import ARABIC_DIGITS, CHINESE_DIGITS
from tests.support.docx_builder import Para, abstract, build, lvl, num

AUTOMATIC = frozenset(
    {
        "part",
        "division",
        "chapter",
        "section",
        "article",
        "cn-dun",
        "cn-paren",
        "arabic-dot",
        "arabic-paren",
        "circled",
        "paren-char",
        "dot-char",
    }
)
"""Marker kinds Word's numbering can generate at the start of a paragraph."""
ENCLOSED = {"circled": "decimalEnclosedCircle", "paren-char": "decimalEnclosedParen"}
ENCLOSED["dot-char"] = "decimalEnclosedFullstop"
NUMERAL = re.compile(f"[{CHINESE_DIGITS}]+|[{ARABIC_DIGITS}]+")
SPACE = " \t\u3000"


@dataclass
class _Lists:
    abstracts: dict[tuple[tuple[str, str], ...], int] = field(default_factory=dict)
    xml: list[str] = field(default_factory=list)
    nums: int = 0
    current: int = 0
    """The numId in use."""
    signature: tuple[tuple[str, str], ...] = ()
    counts: list[int] = field(default_factory=list)

    def number(self, path: tuple[tuple[str, str], ...], value: int) -> int:
        """The numId that numbers the next heading of this path with this value."""
        depth = len(path) - 1
        expected = self.counts[depth] + 1 if depth < len(self.counts) else 1
        if self.signature[: len(path)] != path or expected != value:
            self.nums += 1
            if path not in self.abstracts:
                key = len(self.abstracts) + 1
                self.abstracts[path] = key
                levels = [lvl(i, fmt, text, suff="nothing") for i, (fmt, text) in enumerate(path)]
                self.xml.insert(0, abstract(key, *levels))
            self.xml.append(num(self.nums, self.abstracts[path], {depth: value}))
            self.current, self.signature = self.nums, path
            self.counts = [0] * depth
        self.counts = [*self.counts[:depth], value]
        return self.current


def seed_docx(text: str, automatic: bool) -> bytes:
    """The seed's lines as paragraphs; with `automatic`, its headings numbered by Word."""
    lines = text.split("\n")
    paras = [Para(line) for line in lines]
    if not automatic:
        return build(paras)
    lists = _Lists()
    line_starts = [0]
    for line in lines:
        line_starts.append(line_starts[-1] + len(line) + 1)
    doc = parse(text)
    path: list[tuple[str, str]] = []
    for visit in doc.walk():
        node = visit.node
        if node.inline:
            continue
        depth = len(visit.ancestors)
        start = line_starts[node.line - 1]
        automatic_here = node.kind in AUTOMATIC and not text[start : node.marker_start].strip()
        style = _style(node.kind, node.marker, depth) if automatic_here else ("none", "")
        path = [*path[:depth], style]
        if not automatic_here:
            continue
        num_id = lists.number(tuple(path), node.number)
        rest = text[node.marker_start + len(node.marker) : line_starts[node.line] - 1]
        paras[node.line - 1] = Para(rest, num=(num_id, depth))
    return build(paras, numbering=lists.xml)


def _style(kind: str, marker: str, depth: int) -> tuple[str, str]:
    """(w:numFmt, w:lvlText) that generate a marker at a depth."""
    if kind in ENCLOSED:
        return ENCLOSED[kind], f"%{depth + 1}"
    numeral = NUMERAL.search(marker)
    assert numeral is not None, marker
    digits = numeral.group()
    if digits[0] in CHINESE_DIGITS:
        fmt = "chineseCounting"
    else:
        fmt = "decimal" if digits.isascii() else "decimalFullWidth"
    template = marker[: numeral.start()] + f"%{depth + 1}" + marker[numeral.end() :]
    return fmt, template


def main() -> None:
    """Write seeds/measures-party-governance.docx, the seed numbered by Word (a README example):
    `python -m tests.support.docx_seed`."""
    from tests.support.corpus import ROOT

    seed = ROOT / "seeds" / "measures-party-governance.txt"
    data = seed_docx(seed.read_text(encoding="utf-8"), automatic=True)
    seed.with_suffix(".docx").write_bytes(data)


if __name__ == "__main__":
    main()
