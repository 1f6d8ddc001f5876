"""Parse time next to the naive reference parser (`benchmarks.naive`) and to one regex pass,
on ordinary text and on the same text stored on one line (its line breaks lost)."""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable
from functools import partial

from benchmarks import naive
from benchmarks.common import PARSE_TARGET_MBS, ROOT, ROUNDS, corpus

PARSE_CHARS = 3_000_000
"""Characters of seed text parsed: enough for a stable time, few enough for a quick run."""
SENTENCE = re.compile("[。；！？]")
"""The floor: one pass of one small pattern over the text."""


def cpu_seconds(work: Callable[[], object], rounds: int) -> float:
    """The least CPU time of `rounds` runs of `work`: the run least disturbed by the rest of
    the machine."""
    times = []
    for _ in range(rounds):
        start = time.process_time()
        work()
        times.append(time.process_time() - start)
    return min(times)


def bench_parse() -> None:
    sys.path.insert(0, str(ROOT))
    from outline import parse

    ordinary = corpus()[:PARSE_CHARS]
    texts = [("ordinary text", ordinary), ("one line", re.sub(r"\n+", "", ordinary))]
    megabytes = len(ordinary.encode("utf-8")) / 1e6
    print(f"parse, {megabytes:.1f} MB of seed text, CPU time, best of {ROUNDS}")
    for label, text in texts:
        parsers: list[tuple[str, Callable[[str], object]]] = [
            ("one regex pass (floor)", SENTENCE.findall),
            ("naive reference parser", naive.parse),
            ("outline.parser", parse),
        ]
        rows = [(name, cpu_seconds(partial(work, text), ROUNDS)) for name, work in parsers]
        floor, reference = rows[0][1], rows[1][1]
        print(f"  {label}")
        for name, seconds in rows:
            print(
                f"    {name:<26}{seconds * 1000:9.1f} ms {megabytes / seconds:8.1f} MB/s"
                f" {seconds / reference:7.1f}× naive {seconds / floor:7.1f}× floor"
            )
        if label == "ordinary text":
            met = megabytes / rows[-1][1] >= PARSE_TARGET_MBS
            print(f"    target ≥ {PARSE_TARGET_MBS:.0f} MB/s: {'met' if met else 'NOT met'}")
