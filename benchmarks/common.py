"""What the benchmarks share: the seeds, a large text made of them, timing by median."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
TARGET_BYTES = 10 * 1024 * 1024
ROUNDS = 5
RUNS = 15
SHOW_TARGET_MS = 120.0
PARSE_TARGET_MBS = 20.0
DIFF_TARGET_S = 0.5


def corpus() -> str:
    """A text of at least 10 MB (UTF-8) made of the seeds, one after another."""
    seeds = [p.read_text(encoding="utf-8") for p in SEEDS]
    parts: list[str] = []
    size = 0
    while size < TARGET_BYTES:
        for text in seeds:
            parts.append(text)
            size += len(text.encode("utf-8"))
    return "\n".join(parts)


def median_seconds(work: Callable[[], object], rounds: int) -> float:
    """The median time of `rounds` runs of `work`."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)
