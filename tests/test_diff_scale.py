"""diff on large crafted documents: the work it does grows with the number of headings, never
with their square (counted, not timed: timings belong in `make bench`), and what it finds
there is still right."""

from __future__ import annotations

import itertools
from collections.abc import Iterable

import pytest
from rapidfuzz import process

from outline import parse
from outline.diff import diff
from outline.diff.pairing import Candidate, Pairing

N = 600
"""Headings a side: enough that comparing every pair would be 360,000 comparisons."""


def points(titles: Iterable[str]) -> str:
    """Sections of ten points (1. 2. …), in order, each titled as given."""
    lines = []
    for k, title in enumerate(titles):
        if k % 10 == 0:
            lines.append(f"第{k // 10 + 1}章 第{k // 10 + 1}章的标题")
        lines.append(f"{k % 10 + 1}.{title}")
    return "\n".join(lines) + "\n"


@pytest.fixture
def weighed(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The number of candidate pairs of each call of Pairing.assign."""
    counts: list[int] = []
    assign = Pairing.assign

    def counting(self: Pairing, candidates: Iterable[Candidate], floor: float) -> None:
        listed = list(candidates)
        counts.append(len(listed))
        assign(self, listed, floor)

    monkeypatch.setattr(Pairing, "assign", counting)
    return counts


@pytest.fixture
def scored(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The number of texts each rapidfuzz search scored (outline.diff.similar searches)."""
    counts: list[int] = []
    extract = process.extract

    def counting(query: str, choices: list[str], **options: object) -> object:
        counts.append(len(choices))
        return extract(query, choices, **options)  # type: ignore[call-overload]

    monkeypatch.setattr(process, "extract", counting)
    return counts


def test_titles_all_alike_are_paired_in_order_from_few_candidates(weighed: list[int]) -> None:
    old = points(["加强组织建设"] * N)
    new = points(["加强组织建设"] * 5 + ["完善工作机制"] + ["加强组织建设"] * (N - 6))
    result = diff(parse(old), parse(new))
    assert sum(weighed) <= 60 * N
    changed = [
        (c.op, c.old.line if c.old else None, c.new.line if c.new else None)
        for c in result.changes
        if c.op != "unchanged"
    ]
    assert ("added", None, 7) in changed
    assert {op for op, _, _ in changed} == {"added", "removed"}
    assert all(line <= 11 for _, *lines in changed for line in lines if line)  # chapter 1


def test_titles_alike_but_for_a_number_are_scored_against_few(scored: list[int]) -> None:
    titles = [f"加强组织建设第{k}项工作要求" for k in range(N)]
    old, new = points(titles), points(t.replace("加强", "强化") for t in titles)
    result = diff(parse(old), parse(new))
    assert sum(scored) <= 40 * 2 * N
    renamed = [c for c in result.changes if c.op == "renamed"]
    assert len(renamed) == N
    assert all(c.old and c.new and c.old.line == c.new.line for c in renamed)


def test_titles_all_rewritten_are_paired_where_they_stand(scored: list[int]) -> None:
    words = ["加强", "推进", "完善", "健全", "落实", "深化", "强化", "提升", "坚持", "严格"]
    titles = ["".join(p) for p in itertools.islice(itertools.permutations(words, 4), N)]
    old, new = points(titles), points(f"{t[:4]}全面{t[4:]}" for t in titles)
    result = diff(parse(old), parse(new))
    assert sum(scored) <= 40 * 2 * N
    renamed = [c for c in result.changes if c.op == "renamed"]
    assert len(renamed) == N
    assert all(c.old and c.new and c.old.line == c.new.line for c in renamed)


def test_points_removed_from_one_huge_section_show_where_they_stood() -> None:
    old = "一、总则\n" + "".join(f"{k}.第{k}项规定的内容\n" for k in range(1, N + 1))
    kept = [k for k in range(1, N + 1) if k % 3]
    new = "一、总则\n" + "".join(f"{n}.第{k}项规定的内容\n" for n, k in enumerate(kept, 1))
    rows = diff(parse(old), parse(new)).rows
    shown = [row.ref.title for row in rows[1:]]
    assert shown == [f"第{k}项规定的内容" for k in range(1, N + 1)]
    assert [row.op for row in rows[1:5]] == ["unchanged", "unchanged", "removed", "renumbered"]


def test_deep_untitled_sections_pair_in_order() -> None:
    markers = ["第{}章", "第{}节", "{}、", "（{}）", "{}.", "（{}）"]
    lines = []
    for top in range(1, 40):
        for level, marker in enumerate(markers):
            lines.append(marker.format(top if level == 0 else 1))
            lines.append("正文。")
    old = "\n".join(lines) + "\n"
    result = diff(parse(old), parse(old))
    assert result.same
    assert len(result.changes) == 39 * len(markers)
