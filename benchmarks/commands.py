"""Start-up and one document, command by command, next to `python -c pass`."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.common import RUNS, SEEDS, SHOW_TARGET_MS


def bench_commands() -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    outline = str(Path(sys.executable).with_name("outline"))
    seed = str(SEEDS[0])
    commands = [
        ("baseline: python -c pass", [sys.executable, "-c", "pass"]),
        ("outline --help", [outline, "--help"]),
        ("outline show SEED.docx", [outline, "show", str(Path(seed).with_suffix(".docx"))]),
        ("outline show SEED", [outline, "show", seed]),
        ("outline diff SEED SEED", [outline, "diff", seed, seed]),
        ("outline check SEED", [outline, "check", seed]),
    ]
    for _, argv in commands:  # warm the caches and write the bytecode
        subprocess.run(argv, env=env, capture_output=True, check=True)
    print(f"\ncommands, wall time, median of {RUNS} runs (SEED = {Path(seed).name})")
    results = []
    for name, argv in commands:
        times = []
        for _ in range(RUNS):
            start = time.perf_counter()
            subprocess.run(argv, env=env, capture_output=True, check=True)
            times.append(time.perf_counter() - start)
        results.append((name, statistics.median(times) * 1000))
    base = results[0][1]
    for name, ms in results:
        print(f"  {name:<28}{ms:9.1f} ms {ms / base:7.1f}× python -c pass")
    show = dict(results)["outline show SEED"]
    print(
        f"  target show ≤ {SHOW_TARGET_MS:.0f} ms: {'met' if show <= SHOW_TARGET_MS else 'NOT met'}"
    )
