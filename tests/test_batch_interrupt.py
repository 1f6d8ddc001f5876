"""A batch stopped by SIGINT or SIGTERM, or its parent killed outright: the workers end, the
outputs are whole or absent, the run says how far it went, and --skip-existing completes it.

These run `outline` as a process of its own, to send it real signals; each waits for the run to
be under way (its hidden output file, or its first outputs, on disk) rather than for a time.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.support.corpus import ROOT, SEEDS
from tests.support.readback import from_csv

DOCUMENTS = 3000
SIZE = 1500
"""Characters of a seed in each document."""
WAIT = 60.0
"""Seconds a run may take to get under way, or to end, before the test gives up: a bound
against hanging for ever, not a measure of speed."""
INTERRUPTED = "outline: interrupted: {written} of 3,000 written; rerun with --skip-existing"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """3,000 documents (the start of each seed) in ten directories."""
    root = tmp_path_factory.mktemp("interrupt") / "corpus"
    texts = [seed.read_text(encoding="utf-8")[:SIZE].encode() for seed in SEEDS]
    for i in range(DOCUMENTS):
        folder = root / f"{i * 10 // DOCUMENTS:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"doc{i:05d}.txt").write_bytes(texts[i % len(texts)])
    return root


def start(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "outline", "export", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "outline", "export", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=WAIT * 4,
    )


def wait_for(condition: Callable[[], bool], process: subprocess.Popen[str]) -> None:
    """Until `condition` holds; the run must still be going then."""
    deadline = time.monotonic() + WAIT
    while not condition():
        assert process.poll() is None, "the run ended before it could be interrupted"
        assert time.monotonic() < deadline, "the run never got under way"
        time.sleep(0.01)


def hidden(directory: Path) -> list[Path]:
    return [p for p in directory.rglob(".*") if p.is_file()]


def running(marker: str) -> list[int]:
    """The processes whose command line holds `marker` (the run's workers share it)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            command = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if entry.name.isdigit() and marker.encode() in command:
            found.append(int(entry.name))
    return found


def level_0(path: Path) -> list[str]:
    return [row[0] for row in from_csv(path.read_text(encoding="utf-8"))[1:] if row[2] == "0"]


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc (Linux)")
def test_an_interrupted_batch_ends_at_once_and_leaves_the_csv_as_it_was(
    corpus: Path, tmp_path: Path
) -> None:
    out = tmp_path / "skeletons.csv"
    first = run(str(corpus / "00"), str(corpus / "01"), "-f", "csv", "-o", str(out))
    assert first.returncode == 0, first.stderr
    before = out.read_bytes()
    process = start(str(corpus), "-f", "csv", "-o", str(out), "--jobs", "2")
    wait_for(lambda: any(p.stat().st_size > 1000 for p in hidden(tmp_path)), process)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=WAIT)
    assert process.returncode == 130
    assert err.splitlines()[-1] == INTERRUPTED.format(written=0)
    assert out.read_bytes() == before
    assert hidden(tmp_path) == []
    assert running(str(out)) == []
    resumed = run(str(corpus), "-f", "csv", "-o", str(out), "--skip-existing", "--jobs", "2")
    assert resumed.returncode == 0, resumed.stderr
    assert resumed.stderr.endswith(", 599 already exported\n")  # the last written again
    assert level_0(out) == sorted(str(p) for p in corpus.rglob("*.txt"))
    whole = tmp_path / "whole.csv"
    assert run(str(corpus), "-f", "csv", "-o", str(whole)).returncode == 0
    assert out.read_bytes() == whole.read_bytes()


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc (Linux)")
def test_a_batch_stopped_by_sigterm_keeps_what_it_wrote_each_file_whole(
    corpus: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    process = start(str(corpus), "-f", "json", "-o", f"{out}/", "--jobs", "2")
    wait_for(lambda: out.is_dir() and len(os.listdir(out)) > 20, process)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=WAIT)
    assert process.returncode == 143
    *_, last = err.splitlines()
    assert last.startswith("outline: interrupted: ") and last.endswith(
        " of 3,000 written; rerun with --skip-existing"
    )
    written = sorted(out.iterdir())
    assert 0 < len(written) < DOCUMENTS
    assert hidden(out) == []
    for path in written:
        assert path.read_text(encoding="utf-8").endswith("}\n"), path  # whole, not cut short
    resumed = run(str(corpus), "-f", "json", "-o", f"{out}/", "--skip-existing")
    assert resumed.returncode == 0, resumed.stderr
    assert len(list(out.iterdir())) == DOCUMENTS


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers die with it on Linux")
def test_workers_end_when_their_parent_is_killed(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    process = start(str(corpus), "-f", "json", "-o", f"{out}/", "--jobs", "2")
    wait_for(lambda: out.is_dir() and len(os.listdir(out)) > 20, process)
    process.kill()
    process.communicate(timeout=WAIT)
    deadline = time.monotonic() + WAIT
    while running(str(out)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert running(str(out)) == []
    assert hidden(out) == []
