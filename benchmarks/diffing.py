"""Diffing two 1,000-heading skeletons, next to parsing them."""

from __future__ import annotations

import copy
import random
import sys
from dataclasses import dataclass, field

from benchmarks.common import DIFF_TARGET_S, ROOT, ROUNDS, median_seconds

WORDS = [
    *("加强", "推进", "完善", "健全", "落实", "深化", "强化", "提升", "坚持", "严格"),
    *("持续", "全面", "统筹", "扎实", "巩固", "拓展", "组织", "思想", "作风", "纪律"),
    *("制度", "机制", "监督", "责任", "队伍", "基层", "政治", "党建", "廉洁", "改革"),
    *("发展", "治理", "建设", "领导", "体系", "能力", "水平", "保障", "管理", "教育"),
]
"""What the titles of the benchmark's skeletons are made of."""
CN = "一二三四五六七八九十"
CN = "一二三四五六七八九十"


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
    from outline import parse
    from outline.diff import diff

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
