"""Diffing, next to parsing the two documents compared: each shape of benchmarks.diff_shapes at
two sizes four times apart. A stage that is worse than n log n shows as a ratio that grows
with the size; such a row is flagged."""

from __future__ import annotations

import sys

from benchmarks.common import DIFF_TARGET_S, ROOT, ROUNDS, median_seconds

SIZES = (1000, 4000)
"""Headings on each side, roughly."""
GROWTH = 1.5
"""A ratio at the larger size more than this times the ratio at the smaller is flagged."""
REWRITTEN_TARGET = 2.0
"""Every title rewritten: diff at most this many times the time of parsing both."""


def timings(old_text: str, new_text: str, rounds: int) -> tuple[float, float, int]:
    """Seconds to parse both texts, seconds to diff them, headings on the old side."""
    from outline import parse
    from outline.diff import diff

    old, new = parse(old_text), parse(new_text)
    parse_s = median_seconds(lambda: (parse(old_text), parse(new_text)), rounds)
    diff_s = median_seconds(lambda: diff(old, new), rounds)
    return parse_s, diff_s, sum(1 for _ in old.walk())


def bench_diff(sizes: tuple[int, ...] = SIZES) -> None:
    sys.path.insert(0, str(ROOT))
    from benchmarks.diff_shapes import SHAPES

    print(f"\ndiff, time as a ratio to parsing both, median of {ROUNDS} (3 at the larger)")
    ratios: dict[str, list[float]] = {}
    first: dict[str, float] = {}
    for name, shape in SHAPES.items():
        cells = []
        for k, size in enumerate(sizes):
            parse_s, diff_s, headings = timings(*shape(size), ROUNDS if k == 0 else 3)
            ratios.setdefault(name, []).append(diff_s / parse_s)
            first.setdefault(name, diff_s)
            cells.append(f"{headings:>5} h {diff_s * 1000:8.1f} ms {diff_s / parse_s:5.2f}×")
        grows = ratios[name][-1] > GROWTH * ratios[name][0]
        print(f"  {name:<28}{'   '.join(cells)}{'   GROWS' if grows else ''}")
    rewritten = ratios["every title rewritten"][0]
    met = rewritten <= REWRITTEN_TARGET
    print(f"  every title rewritten ≤ {REWRITTEN_TARGET:.0f}× parse: {'met' if met else 'NOT met'}")
    slowest = max(first["ordinary revision"], first["every title rewritten"])
    met = slowest <= DIFF_TARGET_S
    print(f"  target ≤ {DIFF_TARGET_S * 1000:.0f} ms at {sizes[0]}: {'met' if met else 'NOT met'}")
