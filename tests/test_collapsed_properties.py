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
from tests.support.corpus import FIXTURES, SEEDS, read_fixture
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


LINE_BOUND = {
    "articles-under-sections": "so short a text on one line reads as a paragraph with a list",
    "attachment-list": "附件：then 1.XX办法 on the next line is a list only by its lines",
    "attachment-restarts": "an attachment label alone on its line",
    "bare-numerals-and-point-ordinals": "a numeral alone on its line",
    "block-run-from-two": "a run from 二 is a heading only opening lines",
    "cn-comma-top-level-with-children": "一，as a heading only opening lines",
    "collection-texts-with-sources": "the line that gives a text's source ends it",
    "decimal-last-section-and-table-rows": "a decimal number needs its line",
    "far-inline-ordinal": "a run's reach counted in paragraphs",
    "footer-words-before-the-body": "a page of headings and no sentence",
    "gazette-documents-one-after-another": "a document's number on a line of its own",
    "inline-ordinals": "第一，opening a line",
    "joined-notice-and-banfa-restart": "the title of the document issued, alone on its line",
    "large-numerals": "a numeral alone on its line",
    "markdown-and-spaces": "Markdown needs its lines",
    "note-then-headings": "notes end where a line opens with a heading",
    "minutes-yiding-zeren-attendees": "a list of names under a label on its own line",
    "notes-counts-and-dates": "notes end where a line opens with a heading",
    "notice-two-attachments-form-rows": "a form's fields are lines of their own",
    "notice-two-attachments-restart": "an attachment label alone on its line",
    "ocr-spaced-markers-skipped-number": "a skipped number is a heading only opening a line",
    "wrapped-decimal-lines-and-counted-pian": "a wrapped line's number read by its line",
    "opening-run-closed-by-block": "an opening run closed by a line",
    "plan-arabic-paren-under-yi-half-paren-items": "（1） after a title, another opening a line",
    "scores-and-notes": "notes end where a line opens with a heading",
    "speech-fangmian-yishi-across-paragraphs": "a run in a later paragraph is no child",
    "thematic-break-restarts": "a thematic break (---) is a line",
    "two-attachments-restart": "an attachment label alone on its line",
}
"""Fixtures whose skeleton rests on their line breaks, and what rests on them."""


@pytest.mark.parametrize("separator", SEPARATORS, ids=["none", "space", "ideographic"])
@pytest.mark.parametrize(
    "path",
    [p for p in FIXTURES if p.stem not in LINE_BOUND],
    ids=[p.stem for p in FIXTURES if p.stem not in LINE_BOUND],
)
def test_a_fixture_on_one_line_keeps_its_skeleton(path: Path, separator: str) -> None:
    text = read_fixture(path)[0]
    assert numbering(parse(collapsed(text, separator))) == numbering(parse(text))
