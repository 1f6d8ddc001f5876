"""`make bench`: parse throughput, readers and command start-up, each next to a baseline of the
same run.

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


def bench_readers() -> None:
    """Reading each format, next to parsing the same text; refusing a zip bomb."""
    sys.path.insert(0, str(ROOT))
    import html  # noqa: PLC0415 - after the path is set
    import io  # noqa: PLC0415
    import zipfile  # noqa: PLC0415
    from importlib.util import find_spec  # noqa: PLC0415

    from outline import parse  # noqa: PLC0415
    from outline.sources import SourceError, read  # noqa: PLC0415
    from tests.pdf_builder import build, typeset  # noqa: PLC0415

    docx = ROOT / "seeds" / "measures-party-governance.docx"
    text = docx.with_suffix(".txt").read_text(encoding="utf-8")
    page = (
        "<html><body><div id='zoom'>"
        + "".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n"))
        + "</div></body></html>"
    )
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", bytes(1024 * 2**20))

    def refuse() -> None:
        try:
            read(bomb.getvalue(), "bomb.docx")
        except SourceError:
            return

    inputs: list[tuple[str, Callable[[], object]]] = [
        ("baseline: parse the text", lambda: parse(text)),
        ("text (GBK) read + parse", lambda: parse(read(text.encode("gb18030")).text)),
        (".docx read + parse", lambda: parse(read(docx.read_bytes(), "x.docx").text)),
        ("web page read + parse", lambda: parse(read(page.encode(), "x.html").text)),
    ]
    pdf = build(typeset(text))
    if find_spec("pypdfium2") is not None:  # the pdf extra
        inputs.append(("PDF read + parse", lambda: parse(read(pdf, "x.pdf").text)))
    inputs.append(("refuse a 1 GiB zip bomb", refuse))
    read(docx.read_bytes(), "x.docx")  # import python-docx before timing
    print(f"\nreaders, {docx.stem} ({len(text)} characters), median of {ROUNDS}")
    rows = [(name, median_seconds(work, ROUNDS)) for name, work in inputs]
    base = rows[0][1]
    for name, seconds in rows:
        print(f"  {name:<28}{seconds * 1000:9.2f} ms {seconds / base:7.2f}× parse")


def bench_commands() -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    outline = str(Path(sys.executable).with_name("outline"))
    seed = str(SEEDS[0])
    commands = [
        ("baseline: python -c pass", [sys.executable, "-c", "pass"]),
        ("outline --help", [outline, "--help"]),
        ("outline show SEED.docx", [outline, "show", str(Path(seed).with_suffix(".docx"))]),
        ("outline show SEED", [outline, "show", seed]),
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
    bench_readers()
    bench_commands()
