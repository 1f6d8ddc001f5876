"""How fast hostile inputs and interruptions end a run: `show /dev/zero`, an input over the
cap on stdin, and a batch of 3,000 documents interrupted after 1.5 s (time from the signal to
the exit, and whether the previous csv is intact)."""

from __future__ import annotations

import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.batch import make_corpus
from benchmarks.common import ROOT

INTERRUPT_AFTER_S = 1.5
STOP_TARGET_S = 2.0
"""An interrupted batch should exit within this many seconds of the signal."""
OUTLINE = [sys.executable, "-m", "outline"]


def _timed(argv: list[str], stdin: int | None = None) -> tuple[float, int, str]:
    start = time.perf_counter()
    result = subprocess.run(
        argv, stdin=stdin, capture_output=True, text=True, cwd=ROOT, check=False
    )
    return time.perf_counter() - start, result.returncode, result.stderr.strip()


def bench_stopping() -> None:
    print("\nhostile inputs and interruption")
    if Path("/dev/zero").exists():
        took, code, err = _timed([*OUTLINE, "show", "/dev/zero"])
        print(f"  show /dev/zero              {took * 1000:7.0f} ms, exit {code}: {err}")
        with open("/dev/zero", "rb") as zero:
            took, code, err = _timed([*OUTLINE, "show", "-"], stdin=zero.fileno())
        print(f"  show - </dev/zero           {took * 1000:7.0f} ms, exit {code}: {err}")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        make_corpus(root / "corpus", 3000)
        out = root / "old.csv"
        out.write_text("previous contents\n", encoding="utf-8")
        process = subprocess.Popen(
            [*OUTLINE, "export", str(root / "corpus"), "-f", "csv", "-o", str(out)],
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        time.sleep(INTERRUPT_AFTER_S)
        start = time.perf_counter()
        process.send_signal(signal.SIGINT)
        _, err = process.communicate()
        took = time.perf_counter() - start
        intact = out.read_text(encoding="utf-8") == "previous contents\n"
        met = "met" if took <= STOP_TARGET_S and process.returncode == 130 else "NOT met"
        print(
            f"  3,000 documents, SIGINT after {INTERRUPT_AFTER_S} s: exit {process.returncode}"
            f" {took:.2f} s after the signal (target ≤ {STOP_TARGET_S:.0f} s: {met}),"
            f" previous csv {'intact' if intact else 'CHANGED'}"
        )
        print(f"    {err.strip().splitlines()[-1] if err.strip() else '(nothing on stderr)'}")
