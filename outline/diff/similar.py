"""Similar texts on the two sides: which headings each one is most like, and how alike two
texts are. The one home of rapidfuzz.

A heading is scored against a bounded number of headings of the other side, never all: those
that stand near it (`outline.diff.nearby`; each such pair is scored once, for both), and when
none of those is alike enough, those that share the most rare bigrams with it too (an
inverted index of the other side's bigrams, where a bigram that more than RARE headings hold
points to none of them). Of those it keeps the CANDIDATES most similar; a pair is weighed when
either heading kept the other, and no heading takes part in more than DEGREE pairs.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import chain
from operator import add, itemgetter

from rapidfuzz import fuzz, process

from outline.diff.nearby import Nearby, Pair

CANDIDATES = 8
"""Each heading weighs this many of the most similar headings it is scored against."""
REACH = 8
"""Places either way within which headings stand near each other, for titles."""
BODY_REACH = 2
"""The same for bodies: long, they cost more to compare, and tell more by their bigrams."""
RARE = 8
"""A bigram held by more headings than this (on the side searched) says too little to find
a heading by."""
INDEXED = 8
"""Headings found by shared rare bigrams, per heading: those sharing the most."""
INDEX_MAX = 64
"""Texts are indexed on their first characters only."""
DEGREE = 4 * CANDIDATES
"""The most pairs one heading takes part in; the best by similarity are kept."""


Texts = tuple[str, ...]
"""The text compared of every heading of one side, by index."""


def ratio(a: str, b: str) -> float:
    """How alike two texts are, 0 … 1, by characters; the same either way round."""
    return fuzz.ratio(a, b) / 100


def bigrams(text: str) -> set[str]:
    """The pairs of neighbouring characters of a text."""
    return set(map(add, text, text[1:]))


def postings(indices: list[int], texts: tuple[str, ...]) -> dict[str, list[int]]:
    """Bigram → the headings whose text (its first INDEX_MAX characters) holds it, in
    document order."""
    found: dict[str, list[int]] = defaultdict(list)
    for i in indices:
        for gram in bigrams(texts[i][:INDEX_MAX]):
            found[gram].append(i)
    return found


Found = dict[int, list[tuple[float, int]]]
"""Heading → (−score, heading of the other side) for each it was scored against."""


def _near(nearby: Nearby, old_texts: Texts, new_texts: Texts, cutoff: float) -> tuple[Found, Found]:
    """Every pair of headings that stand near each other scored, once: what each old heading
    found near it, then each new one (standing near is mutual)."""
    by_old: Found = defaultdict(list)
    by_new: Found = defaultdict(list)
    texts_of = {id(lists): [new_texts[n] for n in lists.news] for lists in nearby.lists}
    for o in nearby.olds:
        text, found = old_texts[o], by_old[o]
        for lists, start, stop in nearby.stretches(o, old=True):
            scored = process.extract(
                text,
                texts_of[id(lists)][start:stop],
                scorer=fuzz.ratio,
                score_cutoff=cutoff,
                limit=None,
            )
            for _, score, at in scored:
                n = lists.news[start + at]
                found.append((-score, n))
                by_new[n].append((-score, o))
    return by_old, by_new


class Further:
    """Headings of one side found by the rare bigrams they share with a text."""

    def __init__(self, indices: list[int], texts: Texts) -> None:
        self.indices = indices
        """The headings that may be found, in document order."""
        self.texts = texts
        """The texts of every heading of their side, by index."""
        self._postings: dict[str, list[int]] | None = None
        """The index, made when first needed."""

    def scored(self, text: str, cutoff: float) -> list[tuple[float, int]]:
        """(−score, heading) of the INDEXED headings that share the most rare bigrams with
        `text` (ties to the first in document order), those at least `cutoff`."""
        shared = self.sharing(text)
        choices = [self.texts[j] for j in shared]
        scored = process.extract(
            text, choices, scorer=fuzz.ratio, score_cutoff=cutoff, limit=CANDIDATES
        )
        return [(-score, shared[at]) for _, score, at in scored]

    def sharing(self, text: str) -> list[int]:
        """The INDEXED headings that share the most rare bigrams with `text`."""
        if self._postings is None:
            self._postings = postings(self.indices, self.texts)
        grams = bigrams(text[:INDEX_MAX])
        rare = [found for found in map(self._postings.get, grams) if found and len(found) <= RARE]
        if len(rare) <= 1:
            return rare[0][:INDEXED] if rare else []
        hits = Counter(chain.from_iterable(rare))
        if len(hits) <= INDEXED:
            return sorted(hits)
        ranked = sorted(sorted(hits.items()), key=itemgetter(1), reverse=True)
        return [i for i, _ in ranked[:INDEXED]]


def closest(
    old_texts: Texts,
    new_texts: Texts,
    nearby: Nearby,
    cutoff: float,
    enough: float,
) -> dict[Pair, float]:
    """The similarity (0 … 1) of each pair of the nearby's headings (old, new) where either
    kept the other among the CANDIDATES most similar it was scored against, and at least
    `cutoff` (0 … 100); a heading looks beyond those near it when none of them is `enough`."""
    by_old, by_new = _near(nearby, old_texts, new_texts, cutoff)
    kept: dict[Pair, float] = {}
    further = Further(nearby.news, new_texts)
    for o in nearby.olds:
        for score, n in _best(by_old.get(o, []), further, old_texts[o], cutoff, enough):
            kept[o, n] = -score / 100
    further = Further(nearby.olds, old_texts)
    for n in nearby.news:
        for score, o in _best(by_new.get(n, []), further, new_texts[n], cutoff, enough):
            kept[o, n] = -score / 100
    return kept


def _best(
    found: list[tuple[float, int]], further: Further, text: str, cutoff: float, enough: float
) -> list[tuple[float, int]]:
    """The CANDIDATES best of what a heading found near it, and of what it finds further when
    none of that is `enough` (−score, heading; ties to the first in document order)."""
    if not found or -min(found)[0] < enough:
        found = found + further.scored(text, cutoff)
    return sorted(set(found))[:CANDIDATES]


def capped(pairs: dict[Pair, float]) -> dict[Pair, float]:
    """The pairs among the DEGREE best (by similarity, then document order) of both of their
    headings."""
    degrees = Counter(chain.from_iterable(((o, -1), (-1, n)) for o, n in pairs))
    if max(degrees.values(), default=0) <= DEGREE:
        return pairs
    by_old: dict[int, list[tuple[float, int]]] = defaultdict(list)
    by_new: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for (o, n), score in pairs.items():
        by_old[o].append((-score, n))
        by_new[n].append((-score, o))
    old_best = {(o, n) for o, near in by_old.items() for _, n in sorted(near)[:DEGREE]}
    new_best = {(o, n) for n, near in by_new.items() for _, o in sorted(near)[:DEGREE]}
    return {pair: score for pair, score in pairs.items() if pair in old_best and pair in new_best}
