"""Crafted texts, each made to stress one rule of the parser or of check, at two sizes four
times apart: parse, check and fix of each, as a ratio to the same work on ordinary text of the
same length. A rule whose cost is worse than n log n shows as a ratio that grows with the size;
such a row is flagged.

CPU time of this process, the two texts of a row timed in turn, round after round."""

from __future__ import annotations

import gc
import statistics
import sys
import time

from benchmarks.common import ROOT, corpus

ROUNDS = 3

SIZES = (50_000, 200_000)
"""Characters of each text."""
GROWTH = 1.5
"""A ratio at the larger size more than this times the ratio at the smaller is flagged."""

SHAPES = {
    "markers and nothing else": "一、（一）1.（1）①一是",
    "one run, no line breaks": "二、甲乙丙丁。",
    "counts (二、三级)": "二、三级子公司，",
    "ordinals (第二、第七)": "第二、第七，",
    "目录 with entries, no body": "目录 第一章 总则 第二章 附则 ",
    "notes under tables": "注：1.甲。2.乙。",
    "lists of attachments": "附件：1.甲2.乙",
    "附则 between articles": "。附则第一条　甲",
    "units glued to titles": "办法第一章　总则第一条　甲。",
    "restarting lists": "一、甲。（一）乙。1.丙。2.丁。（二）戊。1.己。",
    "bold headings run on": "**一、甲**乙。",
    "decimal outline numbers": "1 甲\n1.1 乙\n",
    "inserted articles": "第一条之一　甲。第一条之二　乙。",
    "spaces inside paragraphs": "附  则第二条  甲",
    "mixed spellings": "（1）⑴一、",
    "footer words, no sentence": "相关链接：\n1. 甲\n",
    "issued titles repeated": "印发《某某办法》的通知\n某某办法\n一、甲\n",
    "form fields and names": "1.姓名：\n2.性别：\n3.年龄：\n列席：\n1.甲局　张三\n",
    "addresses and ranges": "一、甲 http://a.b/1.html （1）～（5）项。",
    "source and number lines": "一、甲。\n出处：某某文选\n（岚政发〔2024〕1号）\n",
}
"""Each shape repeated to the size wanted."""


def _repeated(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _work(text: str) -> None:
    from outline import parse
    from outline.check.findings import check
    from outline.check.fix import fix

    doc = parse(text)
    check(doc)
    fix(text, doc)


def _ratio(crafted: str, ordinary: str, rounds: int) -> tuple[float, float]:
    """Seconds for the crafted text (median) and its ratio to the ordinary one."""
    times: list[list[float]] = [[], []]
    for _ in range(rounds):
        for text, spent in zip((crafted, ordinary), times, strict=True):
            gc.collect()
            start = time.process_time()
            _work(text)
            spent.append(time.process_time() - start)
    seconds, base = (statistics.median(spent) for spent in times)
    return seconds, seconds / base


def bench_crafted(sizes: tuple[int, ...] = SIZES) -> None:
    sys.path.insert(0, str(ROOT))
    seeds = corpus()
    ordinary = {size: seeds[:size] for size in sizes}
    print(
        "\ncrafted texts: parse + check + fix, CPU time as a ratio to ordinary text,"
        f" median of {ROUNDS}"
    )
    for name, unit in SHAPES.items():
        cells, ratios = [], []
        for size in sizes:
            seconds, ratio = _ratio(_repeated(unit, size), ordinary[size], ROUNDS)
            ratios.append(ratio)
            cells.append(f"{size // 1000:>4}k {seconds * 1000:8.1f} ms {ratio:5.2f}×")
        grows = ratios[-1] > GROWTH * ratios[0]
        print(f"  {name:<28}{'   '.join(cells)}{'   GROWS' if grows else ''}")
