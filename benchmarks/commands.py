"""Start-up and one document, command by command: CPU time next to `python -c pass`.

CPU time (user + system) of the child process, from `os.wait4`, is what a command costs
whatever else the machine is doing; wall time is shown beside it. Bytecode is written on the
first run of each command, as an installed package has it.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.common import RUNS, SEEDS, SHOW_TARGET_MS

SHOW_TARGET_RATIO = 4.0
"""`outline show SEED` should cost at most this many times the CPU of `python -c pass`."""
HELP_TARGET_RATIO = 3.0
"""`outline --help` should cost at most this many times the CPU of `python -c pass`."""


def run_once(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """CPU seconds (user + system) and wall seconds of one run of a command."""
    start = time.perf_counter()
    with subprocess.Popen(
        argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    ) as child:
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    if child.returncode:
        raise subprocess.CalledProcessError(child.returncode, argv)
    return usage.ru_utime + usage.ru_stime, wall


def median_runs(
    commands: list[tuple[str, list[str]]], env: dict[str, str], runs: int
) -> dict[str, tuple[float, float]]:
    """Median CPU and median wall seconds of each command, run in turn `runs` times: taking
    turns, every command meets the same moments of a busy machine, so their ratios hold."""
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name, _ in commands}
    for _ in range(runs):
        for name, argv in commands:
            samples[name].append(run_once(argv, env))
    return {
        name: (
            statistics.median(cpu for cpu, _ in taken),
            statistics.median(wall for _, wall in taken),
        )
        for name, taken in samples.items()
    }


def bench_commands() -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    outline = str(Path(sys.executable).with_name("outline"))
    seed = str(SEEDS[0])
    commands = [
        ("baseline: python -c pass", [sys.executable, "-c", "pass"]),
        ("outline --help", [outline, "--help"]),
        ("outline show SEED", [outline, "show", seed]),
        ("outline show SEED.docx", [outline, "show", str(Path(seed).with_suffix(".docx"))]),
        ("outline diff SEED SEED", [outline, "diff", seed, seed]),
        ("outline check SEED", [outline, "check", seed]),
    ]
    for _, argv in commands:  # warm the caches and write the bytecode
        run_once(argv, env)
    print(f"\ncommands, CPU time, median of {RUNS} runs in turn (SEED = {Path(seed).name})")
    results = median_runs(commands, env, RUNS)
    base_cpu, _ = results["baseline: python -c pass"]
    for name, (cpu, wall) in results.items():
        print(
            f"  {name:<28}{cpu * 1000:8.1f} ms CPU {cpu / base_cpu:6.1f}× python -c pass"
            f" {wall * 1000:9.1f} ms wall"
        )
    show_cpu, show_wall = results["outline show SEED"]
    help_cpu, _ = results["outline --help"]
    for label, ratio, target in (
        ("show", show_cpu / base_cpu, SHOW_TARGET_RATIO),
        ("--help", help_cpu / base_cpu, HELP_TARGET_RATIO),
    ):
        verdict = "met" if ratio <= target else "NOT met"
        print(f"  target {label} ≤ {target:.0f}× python -c pass: {verdict}")
    met = show_wall * 1000 <= SHOW_TARGET_MS
    print(f"  target show ≤ {SHOW_TARGET_MS:.0f} ms wall: {'met' if met else 'NOT met'}")
