"""Similar texts on the two sides: which headings each one is most like, and how alike two
texts are. The one home of rapidfuzz.

A heading is scored against a bounded number of headings of the other side, never all: those
that stand near it (`outline.diff.nearby`), and those that share the most rare bigrams with
it (an inverted index of each side's bigrams, where a bigram that more than RARE headings
hold points to none of them). Of those it keeps the CANDIDATES most similar; a pair is weighed
when either heading kept the other, and no heading takes part in more than DEGREE pairs.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import chain
from operator import add, itemgetter

from rapidfuzz import fuzz, process

from outline.diff.nearby import Nearby, Pair

CANDIDATES = 8
"""Each heading weighs this many of the most similar headings it is scored against."""
REACH = 16
"""Places either way within which headings stand near each other."""
RARE = 8
"""A bigram held by more headings than this (on the side searched) says too little to find
a heading by."""
INDEXED = 8
"""Headings found by shared rare bigrams, per heading: those sharing the most."""
INDEX_MAX = 64
"""Texts are indexed on their first characters only."""
DEGREE = 4 * CANDIDATES
"""The most pairs one heading takes part in; the best by similarity are kept."""


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


class Search:
    """One direction of a search: each heading of one side against those of the other that
    stand near it or, when none of those will do, share its rare bigrams."""

    def __init__(
        self, nearby: Nearby, old: bool, texts: tuple[str, ...], other_texts: tuple[str, ...]
    ) -> None:
        self.nearby = nearby
        """Which headings stand near which."""
        self.old = old
        """Whether the headings searched for are the old ones."""
        self.texts = texts
        """The texts of the side searched for, by index."""
        self.other_texts = other_texts
        """The texts of the side searched in, by index."""
        self.found_in: dict[int, tuple[list[int], list[str]]] = {}
        """id of a pair of lists → its list on the side searched in, and their texts."""
        for lists in nearby.lists:
            theirs = lists.news if old else lists.olds
            self.found_in[id(lists)] = (theirs, [other_texts[i] for i in theirs])
        self._postings: dict[str, list[int]] | None = None

    def best(self, i: int, cutoff: float, enough: float) -> list[tuple[int, float]]:
        """The CANDIDATES headings most similar to heading i (ties to the first in document
        order), at least `cutoff` (0 … 100): among those near it, and if none of those is
        `enough`, among those sharing rare bigrams with it too."""
        text = self.texts[i]
        stretches = self.nearby.stretches(i, self.old)
        if len(stretches) == 1:  # the usual case, quicker: extract ranks as wanted
            lists, start, stop = stretches[0]
            theirs, texts = self.found_in[id(lists)]
            scored = _extract(text, texts[start:stop], cutoff)
            if scored and scored[0][1] >= enough:
                return [(theirs[start + at], score / 100) for _, score, at in scored]
        found: list[tuple[float, int]] = []
        for lists, start, stop in stretches:
            theirs, texts = self.found_in[id(lists)]
            scored = _extract(text, texts[start:stop], cutoff)
            found.extend((-score, theirs[start + at]) for _, score, at in scored)
        if not found or -min(found)[0] < enough:
            shared = self._sharing(text)
            texts = [self.other_texts[j] for j in shared]
            found.extend((-score, shared[at]) for _, score, at in _extract(text, texts, cutoff))
        return [(j, -score / 100) for score, j in sorted(set(found))[:CANDIDATES]]

    def _sharing(self, text: str) -> list[int]:
        """The INDEXED headings of the other side that share the most rare bigrams with
        `text` (ties to the first in document order)."""
        if self._postings is None:
            theirs = self.nearby.news if self.old else self.nearby.olds
            self._postings = postings(theirs, self.other_texts)
        get = self._postings.get
        rare = [
            found for found in map(get, bigrams(text[:INDEX_MAX])) if found and len(found) <= RARE
        ]
        if len(rare) <= 1:
            return rare[0][:INDEXED] if rare else []
        hits = Counter(chain.from_iterable(rare))
        if len(hits) <= INDEXED:
            return sorted(hits)
        ranked = sorted(sorted(hits.items()), key=itemgetter(1), reverse=True)
        return [i for i, _ in ranked[:INDEXED]]


def _extract(text: str, texts: list[str], cutoff: float) -> list[tuple[str, float, int]]:
    """The CANDIDATES of `texts` most similar to `text`, at least `cutoff`: (text, score,
    position), best first, ties to the first."""
    return process.extract(text, texts, scorer=fuzz.ratio, score_cutoff=cutoff, limit=CANDIDATES)


def closest(
    old_texts: tuple[str, ...],
    new_texts: tuple[str, ...],
    nearby: Nearby,
    cutoff: float,
    enough: float,
) -> dict[Pair, float]:
    """The similarity (0 … 1) of each pair of the nearby's headings (old, new) where either
    kept the other among the CANDIDATES most similar it was scored against, and at least
    `cutoff` (0 … 100); a heading looks beyond those near it when none of them is `enough`."""
    kept: dict[Pair, float] = {}
    search = Search(nearby, True, old_texts, new_texts)
    for o in nearby.olds:
        for n, score in search.best(o, cutoff, enough):
            kept[o, n] = score
    search = Search(nearby, False, new_texts, old_texts)
    for n in nearby.news:
        for o, score in search.best(n, cutoff, enough):
            kept[o, n] = score
    return kept


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
