"""`check` on small documents: each fixture under tests/check holds a document, then below
`-----` the findings (line:column: severity code message), and below a second `-----` the
document as `fix` mends it (left out when fix changes nothing; see test_fix.py).

Each code has a fixture named after it that shows it, and one named CODE-not-… that looks like
it but must not show it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from outline import parse
from outline.check.codes import CODES
from outline.check.findings import check
from tests.support.corpus import CHECK_CASES, SEEDS, read_case


def shown(text: str) -> list[str]:
    return [
        f"{f.line}:{f.column}: {f.severity} {f.code} {f.message_zh}" for f in check(parse(text))
    ]


@pytest.mark.parametrize("path", CHECK_CASES, ids=[p.stem for p in CHECK_CASES])
def test_case(path: Path) -> None:
    text, findings, _ = read_case(path)
    assert shown(text) == findings


@pytest.mark.parametrize("code", list(CODES))
def test_every_code_has_a_case_and_a_look_alike(code: str) -> None:
    shows = [p for p in CHECK_CASES if p.stem.startswith(code + "-") and "-not-" not in p.stem]
    look_alikes = [p for p in CHECK_CASES if p.stem.startswith(code + "-not-")]
    assert shows, f"no fixture shows {code}"
    assert look_alikes, f"no look-alike fixture for {code}"
    for path in shows:
        assert any(f" {code} " in line for line in read_case(path)[1]), path.name
    for path in look_alikes:
        assert all(f" {code} " not in line for line in read_case(path)[1]), path.name


@pytest.mark.parametrize("code", list(CODES))
def test_the_example_of_each_code_shows_it(code: str) -> None:
    row = CODES[code]
    found = check(parse(row.example))
    assert [f.code for f in found] == [code]
    assert found[0].severity == row.severity
    assert found[0].fixable == row.fixable


@pytest.mark.parametrize("seed", SEEDS, ids=[s.stem for s in SEEDS])
def test_the_seeds_are_clean(seed: Path) -> None:
    assert check(parse(seed.read_text(encoding="utf-8"))) == []


def test_messages_are_one_line_in_both_languages() -> None:
    for path in CHECK_CASES:
        for finding in check(parse(read_case(path)[0])):
            for message in (finding.message_zh, finding.message_en):
                assert message and "\n" not in message and "{" not in message
            assert re.search("[一-龥]", finding.message_zh)
            assert finding.message("en") == finding.message_en
            assert finding.message("zh") == finding.message_zh
