"""Diff golden files are the spec: pairs of seeds and hand-made revisions, in every format.
`make golden` regenerates them."""

from __future__ import annotations

import pytest

from tests.support.diff_golden_cases import CASES, Case, render_case


@pytest.mark.parametrize("case", CASES, ids=[c.golden.name for c in CASES])
def test_diff_golden(case: Case) -> None:
    assert render_case(case) == case.golden.read_text(encoding="utf-8")
