"""Golden files are the spec: each seed's outputs, reviewed. `make golden` regenerates them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.golden_cases import GOLDEN, OUTPUTS, render_seed


@pytest.mark.parametrize(("seed", "suffix"), OUTPUTS, ids=[f"{s.stem}{x}" for s, x in OUTPUTS])
def test_golden(seed: Path, suffix: str) -> None:
    expected = (GOLDEN / f"{seed.stem}{suffix}").read_bytes().decode("utf-8")  # CRLF kept
    assert render_seed(seed, suffix) == expected
