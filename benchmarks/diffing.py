"""Diffing, next to parsing the two documents compared: each shape of benchmarks.diff_shapes at
two sizes four times apart. A stage that is worse than n log n shows as a ratio that grows
with the size; such a row is flagged.

Parsing and diffing are timed in turn, round after round, as CPU time of this process: the
machine is shared, and what else runs on it then weighs on both alike."""

from __future__ import annotations

import gc
import statistics
import sys
import time
from collections.abc import Callable

from benchmarks.common import DIFF_TARGET_S, ROOT, ROUNDS

SIZES = (1000, 4000)
"""Headings on each side, roughly."""
GROWTH = 1.5
"""A ratio at the larger size more than this times the ratio at the smaller is flagged."""
REWRITTEN_TARGET = 2.0
"""Every title rewritten: diff at most this many times the time of parsing both."""


def timings(old_text: str, new_text: str, rounds: int) -> tuple[float, float, int]:
    """Seconds to parse both texts, seconds to diff them (medians), headings on the old side."""
    from outline import parse
    from outline.diff import diff

    old, new = parse(old_text), parse(new_text)
    works: list[Callable[[], object]] = [
        lambda: (parse(old_text), parse(new_text)),
        lambda: diff(old, new),
    ]
    times: list[list[float]] = [[], []]
    for _ in range(rounds):
        for work, spent in zip(works, times, strict=True):
            gc.collect()  # each run starts from the same heap
            start = time.process_time()
            work()
            spent.append(time.process_time() - start)
    parse_s, diff_s = (statistics.median(spent) for spent in times)
    return parse_s, diff_s, sum(1 for _ in old.walk())


def bench_diff(sizes: tuple[int, ...] = SIZES) -> None:
    sys.path.insert(0, str(ROOT))
    from benchmarks.diff_shapes import SHAPES

    print(f"\ndiff, CPU time as a ratio to parsing both, median of {ROUNDS}")
    ratios: dict[str, list[float]] = {}
    first: dict[str, float] = {}
    for name, shape in SHAPES.items():
        cells = []
        for size in sizes:
            parse_s, diff_s, headings = timings(*shape(size), ROUNDS)
            ratios.setdefault(name, []).append(diff_s / parse_s)
            first.setdefault(name, diff_s)
            cells.append(f"{headings:>5} h {diff_s * 1000:8.1f} ms {diff_s / parse_s:5.2f}×")
        grows = ratios[name][-1] > GROWTH * ratios[name][0]
        print(f"  {name:<28}{'   '.join(cells)}{'   GROWS' if grows else ''}")
    for name in ("every title rewritten", "... with one-line bodies"):
        met = ratios[name][0] <= REWRITTEN_TARGET
        verdict = "met" if met else "NOT met"
        print(f"  {name} ≤ {REWRITTEN_TARGET:.0f}× parse at {sizes[0]}: {verdict}")
    slowest = max(first["ordinary revision"], first["every title rewritten"])
    met = slowest <= DIFF_TARGET_S
    print(f"  target ≤ {DIFF_TARGET_S * 1000:.0f} ms at {sizes[0]}: {'met' if met else 'NOT met'}")
