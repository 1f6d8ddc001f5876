"""Parse throughput on a text of 10 MB or more, next to two passes over the same text."""

from __future__ import annotations

import re
import sys

from benchmarks.common import PARSE_TARGET_MBS, ROOT, ROUNDS, corpus, median_seconds


def bench_parse() -> None:
    sys.path.insert(0, str(ROOT))
    from outline import parse

    text = corpus()
    megabytes = len(text.encode("utf-8")) / 1e6
    sentence = re.compile("[。；！？]")
    rows = [
        ("baseline: str.splitlines", median_seconds(text.splitlines, ROUNDS)),
        ("baseline: one regex pass", median_seconds(lambda: sentence.findall(text), ROUNDS)),
        ("outline.parser", median_seconds(lambda: parse(text), ROUNDS)),
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
