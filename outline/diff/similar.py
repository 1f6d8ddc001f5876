"""Similar texts on the two sides: which headings each one is most like, and how alike two
texts are. The one home of rapidfuzz."""

from __future__ import annotations

from collections import defaultdict

from rapidfuzz import fuzz, process

CANDIDATES = 8
"""Each heading weighs this many of the most similar headings on the other side."""


def ratio(a: str, b: str) -> float:
    """How alike two texts are, 0 … 1, by characters; the same either way round."""
    return fuzz.ratio(a, b) / 100


def closest(
    olds: list[int],
    old_texts: tuple[str, ...],
    news: list[int],
    new_texts: tuple[str, ...],
    cutoff: float,
) -> dict[tuple[int, int], float]:
    """The similarity of each pair (old, new) where either is among the CANDIDATES most
    similar to the other, and at least `cutoff`."""
    choices = {n: new_texts[n] for n in news if new_texts[n]}
    by_old: dict[int, list[tuple[float, int]]] = defaultdict(list)
    by_new: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for o in olds:
        if old_texts[o]:
            found = process.extract(
                old_texts[o], choices, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None
            )
            for _, score, n in found:
                by_old[o].append((-score, n))
                by_new[n].append((-score, o))
    kept: dict[tuple[int, int], float] = {}
    for o, near in by_old.items():
        for score, n in sorted(near)[:CANDIDATES]:
            kept[o, n] = -score / 100
    for n, near in by_new.items():
        for score, o in sorted(near)[:CANDIDATES]:
            kept[o, n] = -score / 100
    return kept
