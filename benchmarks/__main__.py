"""Run every benchmark, or those named: `python -m benchmarks [parsing readers …]`."""

from __future__ import annotations

import sys

from benchmarks import batch, checking, commands, crafted, diffing, parsing, readers, stopping

BENCHMARKS = {
    "parsing": parsing.bench_parse,
    "readers": readers.bench_readers,
    "diffing": diffing.bench_diff,
    "checking": checking.bench_check,
    "crafted": crafted.bench_crafted,
    "commands": commands.bench_commands,
    "batch": batch.bench_batch,
    "stopping": stopping.bench_stopping,
}

if __name__ == "__main__":
    chosen = sys.argv[1:] or list(BENCHMARKS)
    unknown = [name for name in chosen if name not in BENCHMARKS]
    if unknown:
        sys.exit(f"unknown benchmark {', '.join(unknown)}; choose from {', '.join(BENCHMARKS)}")
    for name in chosen:
        BENCHMARKS[name]()
