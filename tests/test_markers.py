"""The marker grammar tried by first character finds exactly what the whole grammar finds."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from outline.parser.markers import FIRST_CHARS, grammar, iter_markers, marker_at

ROOT = Path(__file__).resolve().parent.parent
TEXTS = [p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("seeds/*.txt"))] + [
    p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "fixtures").glob("*.txt"))
]
ALPHABET = FIRST_CHARS + "、．.，,：:是要章节条编部分之个问题点件方面）)】 \t\u3000\n\\.%规的x"


def _found(m: re.Match[str] | None) -> object:
    """What the parser reads of a match: its span, its row's group and the groups it set."""
    if m is None:
        return None
    return m.span(), m.lastgroup, {k: v for k, v in m.groupdict().items() if v is not None}


def _agrees(text: str) -> None:
    whole = grammar()
    for pos in range(len(text) + 1):
        for end in {len(text), min(len(text), pos + 3)}:
            assert _found(marker_at(text, pos, end)) == _found(whole.match(text, pos, end))
    assert [_found(m) for m in iter_markers(text)] == [_found(m) for m in whole.finditer(text)]


def test_every_marker_of_the_samples_is_found_by_its_first_character() -> None:
    for text in TEXTS:
        assert [_found(m) for m in iter_markers(text)] == [
            _found(m) for m in grammar().finditer(text)
        ]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_any_text_of_marker_characters_reads_as_with_the_whole_grammar(text: str) -> None:
    _agrees(text)
