"""A document whose line breaks were lost — stored on one line by a scraper or OCR, with or
without a space where each break was — has the skeleton of the document it came from, up to
where the titles end (a heading on a line of its own has no sentence end to stop its title)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from outline import Document, parse
from tests.support.corpus import SEEDS
from tests.test_properties import Generated, documents

BREAKS = re.compile(r"\r\n|\r|\n")
SEPARATORS = ("", " ", "\u3000")
"""What stands where a line break was: nothing, a space, an ideographic space."""


def collapsed(text: str, separator: str) -> str:
    return separator.join(line for line in BREAKS.split(text) if line.strip())


def numbering(doc: Document) -> list[tuple[int, str, int]]:
    return [(v.level, v.node.kind, v.node.number) for v in doc.walk()]


def _has_second(headings: list[tuple[int, str, int]], first: int) -> bool:
    """Whether the list a first heading opens has a second member."""
    level = headings[first][0]
    for other_level, _, number in headings[first + 1 :]:
        if other_level < level:
            return False
        if other_level == level:
            return number == 2
    return False


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(documents(), st.sampled_from(SEPARATORS))
def test_a_document_on_one_line_keeps_its_skeleton(generated: Generated, separator: str) -> None:
    expected = [(level, kind, number) for level, kind, number, _ in generated.expected]
    # A lone 一、 or （一） after a sentence is a heading only where a 二、 or （二） confirms it.
    assume(all(_has_second(expected, i) for i, (_, _, n) in enumerate(expected) if n == 1))
    assert numbering(parse(collapsed(generated.text, separator))) == expected


@pytest.mark.parametrize("separator", SEPARATORS, ids=["none", "space", "ideographic"])
@pytest.mark.parametrize("path", SEEDS, ids=[p.stem for p in SEEDS])
def test_a_sample_speech_on_one_line_keeps_its_skeleton(path: Path, separator: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert numbering(parse(collapsed(text, separator))) == numbering(parse(text))
