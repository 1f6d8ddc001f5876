"""Which headings of the other side a heading is weighed against: never all of them, only those
that stand near it, so that a round costs a bounded amount per heading.

Two lists of headings, each in document order, are laid side by side, the shorter stretched to
the length of the longer; a heading stands near those within `reach` places of its own
(`window`). Three such pairs of lists are laid out (`Nearby`): the headings still free on
either side; those of them below the same pair of paired headings (their nearest paired
ancestors, paired with each other); and those after the same paired heading in document
order, up to the next one. A heading moved far, or rewritten out of its place, is left to
what else a round has (shared rare bigrams, in `outline.diff.similar`).

When both lists hold at most `reach` + 1 headings, every heading stands near every other:
small documents are compared in full. The rules treat both sides alike, so what stands near
an old heading on the new side is what would stand near it were the sides swapped.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from outline.diff.pairing import Pairing

NONE = (-1, -1)
"""The pair of paired headings above (or before) a heading that has none."""


def window(olds: Sequence[int], news: Sequence[int], i: int, reach: int) -> tuple[int, int]:
    """The slice [start, stop) of `news` that stands near the i-th of `olds`: the ranks j with
    |i·N − j·O| ≤ reach·min(O, N), O and N the lengths of the lists. The same rule read from
    the other side gives the ranks of `olds` near the j-th of `news`."""
    count_old, count_new = len(olds), len(news)
    slack = reach * min(count_old, count_new)
    start = -((slack - i * count_new) // count_old)  # ceil((i·N − slack) / O)
    stop = (i * count_new + slack) // count_old + 1
    return max(0, start), min(count_new, stop)


Pair = tuple[int, int]
"""An old index and a new index."""


@dataclass(frozen=True, slots=True)
class Places:
    """Where every heading stands with respect to the pairs made so far."""

    old_above: list[Pair]
    """For each old heading, the pair of its nearest paired ancestor (NONE if none)."""
    new_above: list[Pair]
    """For each new heading, the pair of its nearest paired ancestor (NONE if none)."""
    old_after: list[Pair]
    """For each old heading, the pair of the nearest paired heading before it in document
    order (NONE if none)."""
    new_after: list[Pair]
    """For each new heading, the pair of the nearest paired heading before it."""

    @classmethod
    def of(cls, pairing: Pairing) -> Places:
        """The places of every heading of both sides, as the pairing stands."""
        old_pairs = {o: (o, n) for o, n in pairing.forward.items()}
        new_pairs = {n: (o, n) for o, n in pairing.forward.items()}
        return cls(
            _above(pairing.old.parents, old_pairs),
            _above(pairing.new.parents, new_pairs),
            _after(len(pairing.old.parents), old_pairs),
            _after(len(pairing.new.parents), new_pairs),
        )


def _above(parents: tuple[int, ...], pairs: dict[int, Pair]) -> list[Pair]:
    above: list[Pair] = []
    for parent in parents:
        above.append(NONE if parent < 0 else pairs.get(parent) or above[parent])
    return above


def _after(count: int, pairs: dict[int, Pair]) -> list[Pair]:
    after: list[Pair] = []
    last = NONE
    for i in range(count):
        after.append(last)
        last = pairs.get(i, last)
    return after


@dataclass(frozen=True, slots=True)
class Lists:
    """Two lists of headings laid side by side."""

    olds: list[int]
    """Old headings, in document order."""
    news: list[int]
    """New headings, in document order."""


Stretch = tuple[Lists, int, int]
"""Where the headings near one heading stand: a pair of lists, and the slice [start, stop) of
the other side's list there."""


class Nearby:
    """The pairs of lists that say which headings stand near which, for a set of free old
    and new headings."""

    def __init__(self, places: Places, olds: list[int], news: list[int], reach: int) -> None:
        self.olds = olds
        """The old headings, in document order."""
        self.news = news
        """The new headings, in document order."""
        self.reach = reach
        """How many places either way count as near."""
        self.lists: list[Lists] = []
        """Every pair of lists laid out, the whole of `olds` and `news` first."""
        self._ranks: dict[tuple[bool, int], list[tuple[Lists, int]]] = defaultdict(list)
        """(old?, heading) → each pair of lists it is in, with its rank there."""
        self._lay(Lists(olds, news))
        keys = ((places.old_above, places.new_above), (places.old_after, places.new_after))
        for old_key, new_key in keys:
            by_old: dict[Pair, list[int]] = defaultdict(list)
            by_new: dict[Pair, list[int]] = defaultdict(list)
            for o in olds:
                by_old[old_key[o]].append(o)
            for n in news:
                by_new[new_key[n]].append(n)
            for key, group in by_old.items():
                if key in by_new and (len(group), len(by_new[key])) != (len(olds), len(news)):
                    self._lay(Lists(group, by_new[key]))

    def _lay(self, lists: Lists) -> None:
        if not lists.olds or not lists.news:
            return
        self.lists.append(lists)
        for rank, o in enumerate(lists.olds):
            self._ranks[True, o].append((lists, rank))
        for rank, n in enumerate(lists.news):
            self._ranks[False, n].append((lists, rank))

    def stretches(self, i: int, old: bool) -> list[Stretch]:
        """Where the headings near heading i (old or new) stand on the other side."""
        found = []
        for lists, rank in self._ranks.get((old, i), ()):
            mine, theirs = (lists.olds, lists.news) if old else (lists.news, lists.olds)
            start, stop = window(mine, theirs, rank, self.reach)
            found.append((lists, start, stop))
        return found

    def near(self, i: int, old: bool) -> set[int]:
        """The headings of the other side near heading i (old or new)."""
        found: set[int] = set()
        for lists, start, stop in self.stretches(i, old):
            found.update((lists.news if old else lists.olds)[start:stop])
        return found
