"""`make bench`: parse throughput and command start-up, each next to a baseline of the same run.

Figures are medians over several rounds. Timings vary with the machine; the ratios to the
baselines measured alongside are what to compare between runs.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
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
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench_parse() -> None:
    sys.path.insert(0, str(ROOT))
    from outline import parse  # noqa: PLC0415 - after the path is set

    text = corpus()
    megabytes = len(text.encode("utf-8")) / 1e6
    sentence = re.compile("[。；！？]")
    rows = [
        ("baseline: str.splitlines", median_seconds(text.splitlines, ROUNDS)),
        ("baseline: one regex pass", median_seconds(lambda: sentence.findall(text), ROUNDS)),
        ("outline.parse", median_seconds(lambda: parse(text), ROUNDS)),
    ]
    print(f"parse, {megabytes:.1f} MB of seed text, median of {ROUNDS}")
    base = rows[0][1]
    for name, seconds in rows:
        print(
            f"  {name:<28}{seconds * 1000:9.1f} ms {megabytes / seconds:9.1f} MB/s"
            f" {seconds / base:7.1f}× splitlines"
        )
    met = megabytes / rows[-1][1] >= PARSE_TARGET_MBS
    print(f"  target ≥ {PARSE_TARGET_MBS:.0f} MB/s: {'met' if met else 'NOT met'}")


def bench_check() -> None:
    """`check` and `fix` on the same corpus, next to the `parse` they start from."""
    from outline import parse  # noqa: PLC0415 - after the path is set by bench_parse
    from outline.check import check  # noqa: PLC0415
    from outline.fix import fix  # noqa: PLC0415

    text = corpus()
    megabytes = len(text.encode("utf-8")) / 1e6
    doc = parse(text)
    rows = [
        ("baseline: outline.parse", median_seconds(lambda: parse(text), ROUNDS)),
        ("outline.check.check", median_seconds(lambda: check(doc), ROUNDS)),
        ("outline.fix.fix", median_seconds(lambda: fix(text, doc), ROUNDS)),
    ]
    print(f"\ncheck, {megabytes:.1f} MB of seed text, median of {ROUNDS}")
    base = rows[0][1]
    for name, seconds in rows:
        print(
            f"  {name:<28}{seconds * 1000:9.1f} ms {megabytes / seconds:9.1f} MB/s"
            f" {seconds / base:7.1f}× parse"
        )


def bench_commands() -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    outline = str(Path(sys.executable).with_name("outline"))
    seed = str(SEEDS[0])
    commands = [
        ("baseline: python -c pass", [sys.executable, "-c", "pass"]),
        ("outline --help", [outline, "--help"]),
        ("outline show SEED", [outline, "show", seed]),
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
    show = results[-1][1]
    print(
        f"  target show ≤ {SHOW_TARGET_MS:.0f} ms: {'met' if show <= SHOW_TARGET_MS else 'NOT met'}"
    )


if __name__ == "__main__":
    bench_parse()
    bench_check()
    bench_commands()
