"""Check and fix, next to parse."""

from __future__ import annotations

from benchmarks.common import ROUNDS, corpus, median_seconds


def bench_check() -> None:
    """`check` and `fix` on the same corpus, next to the `parse` they start from."""
    from outline import parse
    from outline.check.findings import check
    from outline.check.fix import fix

    text = corpus()
    megabytes = len(text.encode("utf-8")) / 1e6
    doc = parse(text)
    rows = [
        ("baseline: outline.parser", median_seconds(lambda: parse(text), ROUNDS)),
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
