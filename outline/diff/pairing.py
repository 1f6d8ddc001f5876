"""The pairs found so far between two skeletons, what the surroundings of a pair add to its
score, and the greedy, top-down way candidate pairs are taken (`Pairing.assign`)."""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable

from outline.diff.side import Side

PARENT_BONUS = 0.10
"""Added to a pair's similarity when their parents are paired with each other (or both are
top-level headings)."""
LEVEL_BONUS = 0.05
"""Added when both stand at the same level."""
CHILDREN_BONUS = 0.10
"""Added in proportion to the children paired with each other (2·paired / all children)."""
MAX_BONUS = PARENT_BONUS + LEVEL_BONUS + CHILDREN_BONUS
DEFAULT_THRESHOLD = 0.6
"""Titles (or bodies) this similar, context included, are the same heading edited. Context
counts in full at this threshold, less as the threshold rises (nothing at 1: only equal titles
pair then), more as it falls."""

Candidate = tuple[int, int, float]
"""A pair that may be taken: old index, new index, similarity (0 … 1)."""


class Pairing:
    """The pairs found so far, both ways."""

    def __init__(self, old: Side, new: Side, threshold: float = DEFAULT_THRESHOLD) -> None:
        self.old = old
        self.new = new
        self.weight = (1 - threshold) / (1 - DEFAULT_THRESHOLD)
        """How much context counts towards the threshold."""
        self.forward: dict[int, int] = {}
        """Old index → new index."""
        self.back: dict[int, int] = {}
        """New index → old index."""
        self.links: dict[tuple[int, int], int] = defaultdict(int)
        """(old parent, new parent) → how many of their children are paired with each other."""

    def add(self, o: int, n: int) -> None:
        """Pair old heading o with new heading n."""
        self.forward[o] = n
        self.back[n] = o
        po, pn = self.old.parents[o], self.new.parents[n]
        if po >= 0 and pn >= 0:
            self.links[po, pn] += 1

    def free(self, o: int, n: int) -> bool:
        """Whether neither heading is paired yet."""
        return o not in self.forward and n not in self.back

    def context(self, o: int, n: int) -> float:
        """What the surroundings add to the similarity of o and n (0 … MAX_BONUS)."""
        old, new = self.old, self.new
        bonus = 0.0
        po, pn = old.parents[o], new.parents[n]
        if (po < 0 and pn < 0) or (po >= 0 and self.forward.get(po) == pn):
            bonus += PARENT_BONUS
        if old.levels[o] == new.levels[n]:
            bonus += LEVEL_BONUS
        co, cn = old.children[o], new.children[n]
        if co and cn:
            paired = self.children_paired(o, n)
            bonus += CHILDREN_BONUS * 2 * paired / (len(co) + len(cn))
        return bonus

    def children_paired(self, o: int, n: int) -> int:
        """How many children of o are paired with children of n."""
        return self.links.get((o, n), 0)

    def assign(self, candidates: Iterable[Candidate], floor: float) -> None:
        """Take candidate pairs (old, new, similarity) top-down, best score first (similarity
        plus context), while both headings are free and their similarity plus the context's
        weighted share reaches `floor`.

        A pair's turn comes at the level of its deeper heading, once the parents on both sides
        have had theirs. A pair across levels (a heading promoted or demoted) thus comes later
        than the pairs at its shallower heading's own level. Lest one of those take that
        heading first although the pair across levels is plainly better (its score so far,
        which context can only raise, beats theirs), such a pair waits for the other's turn
        and is weighed beside it there.
        """
        batches: dict[int, list[Candidate]] = defaultdict(list)
        across = Across()
        for o, n, similarity in candidates:
            lo, ln = self.old.levels[o], self.new.levels[n]
            batches[max(lo, ln)].append((o, n, similarity))
            if lo != ln:
                across.add(o, n, similarity, max(lo, ln))
        levels = list(batches)
        heapq.heapify(levels)
        while levels:
            level = heapq.heappop(levels)
            batch = batches.pop(level)
            for o, n, similarity, wait in self._turn(batch, level, floor, across):
                if wait not in batches:
                    heapq.heappush(levels, wait)
                batches[wait].append((o, n, similarity))

    def _turn(
        self, batch: list[Candidate], level: int, floor: float, across: Across
    ) -> list[tuple[int, int, float, int]]:
        """Take the pairs whose turn it is, best first (ties to the pair closest in document
        order, then the earliest); return those that must wait, each with the turn it waits
        for."""
        scored = []
        for o, n, similarity in batch:
            if self.free(o, n):
                context = self.context(o, n)
                total = similarity + context
                score = similarity + context * self.weight
                scored.append((-total, abs(o - n), o + n, o, n, score, similarity))
        scored.sort()
        waiting = []
        for minus_total, _, _, o, n, score, similarity in scored:
            if score < floor or not self.free(o, n):
                continue
            rivals = across.rivals(o, n)
            wait = self._outscored_until(rivals, across, level, -minus_total) if rivals else None
            if wait is None:
                self.add(o, n)
            else:
                waiting.append((o, n, similarity, wait))
                if (o, n) in across.turn:
                    across.turn[o, n] = wait
        return waiting

    def _outscored_until(
        self, rivals: list[Candidate], across: Across, level: int, total: float
    ) -> int | None:
        """The earliest turn after `level` of a free rival (old, new, similarity) whose score
        so far (similarity plus the context known now, which can only grow) beats `total`."""
        later = [
            across.turn[o, n]
            for o, n, similarity in rivals
            if across.turn[o, n] > level
            and similarity + MAX_BONUS > total
            and self.free(o, n)
            and similarity + self.context(o, n) > total
        ]
        return min(later, default=None)


class Across:
    """The candidate pairs across levels, by heading, and when each has its turn."""

    def __init__(self) -> None:
        self.by_old: dict[int, list[Candidate]] = defaultdict(list)
        """Old heading → its pairs across levels."""
        self.by_new: dict[int, list[Candidate]] = defaultdict(list)
        """New heading → its pairs across levels."""
        self.turn: dict[tuple[int, int], int] = {}
        """When each pair across levels has its turn."""

    def add(self, o: int, n: int, similarity: float, turn: int) -> None:
        """A pair across levels, whose turn comes at level `turn`."""
        self.by_old[o].append((o, n, similarity))
        self.by_new[n].append((o, n, similarity))
        self.turn[o, n] = turn

    def rivals(self, o: int, n: int) -> list[Candidate]:
        """The pairs across levels of either heading."""
        return self.by_old.get(o, []) + self.by_new.get(n, [])
