"""`make bench`: parse throughput, readers, diff of two 1,000-heading skeletons, command
start-up and batch export, each next to a baseline of the same run.

Figures are medians over several rounds, except batch export: there the best of several rounds,
since other processes on the machine can only slow a run that uses every core. Timings vary
with the machine; the ratios to the baselines measured alongside are what to compare between
runs.
"""

from __future__ import annotations

import copy
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
TARGET_BYTES = 10 * 1024 * 1024
ROUNDS = 5
RUNS = 15
SHOW_TARGET_MS = 120.0
PARSE_TARGET_MBS = 20.0
DIFF_TARGET_S = 0.5
WORDS = [
    *("加强", "推进", "完善", "健全", "落实", "深化", "强化", "提升", "坚持", "严格"),
    *("持续", "全面", "统筹", "扎实", "巩固", "拓展", "组织", "思想", "作风", "纪律"),
    *("制度", "机制", "监督", "责任", "队伍", "基层", "政治", "党建", "廉洁", "改革"),
    *("发展", "治理", "建设", "领导", "体系", "能力", "水平", "保障", "管理", "教育"),
]
"""What the titles of the benchmark's skeletons are made of."""
CN = "一二三四五六七八九十"
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


@dataclass
class Heading:
    """A heading of a benchmark skeleton."""

    title: str
    body: str
    children: list[Heading] = field(default_factory=list)


def _title(rng: random.Random) -> str:
    return "".join(rng.choice(WORDS) for _ in range(rng.randint(3, 6)))


def _headings(rng: random.Random, shape: tuple[int, ...]) -> list[Heading]:
    """`shape[0]` headings, each with shape[1:] below."""
    if not shape:
        return []
    return [
        Heading(_title(rng), f"{_title(rng)}，{_title(rng)}。", _headings(rng, shape[1:]))
        for _ in range(shape[0])
    ]


def _text(tree: list[Heading]) -> str:
    """The tree written out: 一、 then （一） then 1. headings, each with a line of body."""
    markers = (lambda n: f"{CN[n - 1]}、", lambda n: f"（{CN[n - 1]}）", lambda n: f"{n}.")
    lines: list[str] = []

    def put(items: list[Heading], level: int) -> None:
        for n, heading in enumerate(items, 1):
            lines.extend([f"{markers[level](n)}{heading.title}", heading.body])
            put(heading.children, level + 1)

    put(tree, 0)
    return "\n".join(lines) + "\n"


def _revise(tree: list[Heading], rng: random.Random, edits: int) -> list[Heading]:
    """A copy of the tree with random insertions, deletions, renames and swaps of points."""
    revised = copy.deepcopy(tree)
    for _ in range(edits):
        points = rng.choice(rng.choice(revised).children).children
        kind = rng.randrange(4)
        if kind == 0 and len(points) < 9:
            points.insert(rng.randrange(len(points) + 1), Heading(_title(rng), "新增内容。"))
        elif kind == 1 and len(points) > 1:
            points.pop(rng.randrange(len(points)))
        elif kind == 2:
            point = rng.choice(points)
            point.title = point.title[:-2] + rng.choice(WORDS)
        elif len(points) > 1:
            i, j = rng.sample(range(len(points)), 2)
            points[i], points[j] = points[j], points[i]
    return revised


def bench_diff() -> None:
    sys.path.insert(0, str(ROOT))
    from outline import parse  # noqa: PLC0415 - after the path is set
    from outline.diff import diff  # noqa: PLC0415

    rng = random.Random(3)
    tree = _headings(rng, (10, 10, 9))
    old_text = _text(tree)
    revised_text = _text(_revise(tree, rng, 60))
    other_text = _text(_headings(rng, (10, 10, 9)))
    old, revised, other = parse(old_text), parse(revised_text), parse(other_text)
    count = sum(1 for _ in old.walk())
    rows = [
        (
            "baseline: parse both",
            median_seconds(lambda: (parse(old_text), parse(revised_text)), ROUNDS),
        ),
        ("diff, 60 edits", median_seconds(lambda: diff(old, revised), ROUNDS)),
        ("diff, unrelated skeletons", median_seconds(lambda: diff(old, other), ROUNDS)),
    ]
    print(f"\ndiff, two skeletons of {count} headings, median of {ROUNDS}")
    base = rows[0][1]
    for name, seconds in rows:
        print(f"  {name:<28}{seconds * 1000:9.1f} ms {seconds / base:7.1f}× parse both")
    met = max(seconds for _, seconds in rows[1:]) <= DIFF_TARGET_S
    print(f"  target ≤ {DIFF_TARGET_S * 1000:.0f} ms: {'met' if met else 'NOT met'}")


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
    import resource  # noqa: PLC0415 - POSIX only, like the rest of this benchmark

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
    from outline import parse  # noqa: PLC0415 - after the path is set
    from outline.sources import decode  # noqa: PLC0415

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


if __name__ == "__main__":
    bench_parse()
    bench_readers()
    bench_diff()
    bench_check()
    bench_commands()
    bench_batch()
