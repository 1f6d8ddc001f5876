"""Batch export: documents per second by --jobs, and peak memory by corpus size."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.common import ROOT, SEEDS

BATCH_ROUNDS = 5
BATCH_SMALL = 2_000
BATCH_LARGE = 10_000
MEMORY_GROWTH_LIMIT = 1.25
"""Peak memory over 10,000 documents may be at most this many times that over 2,000."""
PEAK_RSS = (
    "import resource, subprocess, sys;"
    "subprocess.run(sys.argv[1:], check=True, capture_output=True);"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)
"""Run a command; print the peak resident memory (KiB) of it and of every process it waited for."""


def make_corpus(root: Path, count: int) -> list[Path]:
    """`count` documents, the seeds over and over, in directories of 1,000."""
    seeds = [p.read_bytes() for p in SEEDS]
    paths = []
    for i in range(count):
        path = root / f"{i // 1000:03d}" / f"doc{i:05d}.txt"
        if i % 1000 == 0:
            path.parent.mkdir(parents=True)
        path.write_bytes(seeds[i % len(seeds)])
        paths.append(path)
    return paths


def best_seconds(work: Callable[[], object]) -> tuple[float, float]:
    """Wall time and processor time (this process and the ones it waited for) of the fastest
    of BATCH_ROUNDS runs."""
    runs = []
    for _ in range(BATCH_ROUNDS):
        before = _cpu()
        start = time.perf_counter()
        work()
        runs.append((time.perf_counter() - start, _cpu() - before))
    return min(runs)


def _cpu() -> float:
    import resource

    mine, children = (
        resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    )
    return sum(u.ru_utime + u.ru_stime for u in (mine, children))


def command(argv: list[str]) -> Callable[[], object]:
    return lambda: subprocess.run(argv, capture_output=True, check=True)


def peak_kib(argv: list[str]) -> int:
    """Peak resident memory of a command and the worker processes it started."""
    result = subprocess.run(
        [sys.executable, "-c", PEAK_RSS, *argv], capture_output=True, text=True, check=True
    )
    return int(result.stdout)


def bench_batch() -> None:
    sys.path.insert(0, str(ROOT))
    from outline import parse
    from outline.sources import decode

    outline = str(Path(sys.executable).with_name("outline"))
    with tempfile.TemporaryDirectory() as tmp:
        small, large = Path(tmp) / "small", Path(tmp) / "large"
        files = make_corpus(small, BATCH_SMALL)
        make_corpus(large, BATCH_LARGE)
        out = str(Path(tmp) / "out.jsonl")

        def read_all() -> None:
            for path in files:
                path.read_bytes()

        def parse_all() -> None:
            for path in files:
                parse(decode(path.read_bytes())[0])

        export = [outline, "export", str(small), "-f", "jsonl", "-o", out]
        rows = [
            ("baseline: read the files", best_seconds(read_all)),
            ("baseline: read+parse in-process", best_seconds(parse_all)),
            ("export jsonl --jobs 1", best_seconds(command([*export, "-j", "1"]))),
            ("export jsonl --jobs 2", best_seconds(command([*export, "-j", "2"]))),
        ]
        size = sum(p.stat().st_size for p in files) / 1e6
        print(
            f"\nbatch export, {BATCH_SMALL:,} documents ({size:.0f} MB),"
            f" wall time, best of {BATCH_ROUNDS}"
        )
        base = rows[1][1][0]
        for name, (seconds, cpu) in rows:
            print(
                f"  {name:<32}{seconds:7.2f} s {BATCH_SMALL / seconds:9.0f} docs/s"
                f" {seconds / base:6.2f}× in-process parse   processor {cpu:5.2f} s"
            )
        speedup = rows[2][1][0] / rows[3][1][0]
        print(
            f"  speed-up of --jobs 2 over --jobs 1: {speedup:.2f}×"
            f" (machine load {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)"
        )

        single = peak_kib([outline, "export", str(SEEDS[0]), "-f", "jsonl", "-o", out])
        memory = [
            ("baseline: export one document", single),
            (f"export {BATCH_SMALL:,} docs --jobs 2", peak_kib([*export, "-j", "2"])),
            (
                f"export {BATCH_LARGE:,} docs --jobs 2",
                peak_kib([outline, "export", str(large), "-f", "jsonl", "-o", out, "-j", "2"]),
            ),
        ]
        print("\nbatch export, peak memory of the command and its workers (largest process)")
        for name, kib in memory:
            print(f"  {name:<32}{kib / 1024:7.1f} MiB {kib / single:6.2f}× one document")
        growth = memory[2][1] / memory[1][1]
        met = growth <= MEMORY_GROWTH_LIMIT
        print(
            f"  {BATCH_LARGE:,} vs {BATCH_SMALL:,} documents: {growth:.2f}×"
            f" (target ≤ {MEMORY_GROWTH_LIMIT}×: {'met' if met else 'NOT met'})"
        )
