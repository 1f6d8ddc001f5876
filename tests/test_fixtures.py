"""Edge cases: each fixture holds a small document and, below `-----`, its skeleton."""

from __future__ import annotations

from pathlib import Path

import pytest

from outline import parse
from tests.support.corpus import FIXTURES, read_fixture, skeleton


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_fixture(path: Path) -> None:
    source, expected = read_fixture(path)
    assert skeleton(parse(source)) == expected
