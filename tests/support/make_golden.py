"""Regenerate tests/golden/ from the seeds (`make golden`); review the change with `git diff`."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))

from tests.support.diff_golden_cases import CASES, render_case
from tests.support.golden_cases import GOLDEN, OUTPUTS, render_seed


def main() -> int:
    GOLDEN.mkdir(exist_ok=True)
    for seed, suffix in OUTPUTS:
        target = GOLDEN / f"{seed.stem}{suffix}"
        target.write_bytes(render_seed(seed, suffix).encode("utf-8"))  # CRLF of CSV kept
        print(target.relative_to(GOLDEN.parent.parent))
    for case in CASES:
        case.golden.parent.mkdir(exist_ok=True)
        case.golden.write_text(render_case(case), encoding="utf-8")
        print(case.golden.relative_to(GOLDEN.parent.parent))
    return 0


if __name__ == "__main__":
    sys.exit(main())
