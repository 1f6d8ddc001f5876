"""From paired headings to changes: the ops of each pair, splits and merges, and the
similarity. The rows they are shown in are laid out by `outline.diff.layout`."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter

from outline.diff.changes import Change, NodeRef, Op, ordered
from outline.diff.pairing import Pairing
from outline.diff.side import Side
from outline.diff.similar import ratio
from outline.diff.split import Group
from outline.model import Node

MOVED_WEIGHT = 0.5
"""A pair counts this much less in `similarity` when its heading changed place."""


def _refs(side: Side) -> list[NodeRef]:
    refs: list[NodeRef] = []
    for v, parent, level in zip(side.visits, side.parents, side.levels, strict=True):
        title = v.node.title
        if parent >= 0:
            above = refs[parent]
            refs.append(NodeRef(v.node, level, (*above.path, title), above.node))
        else:
            refs.append(NodeRef(v.node, level, (title,)))
    return refs


class Changes:
    """Every heading's change, by its index on either side."""

    def __init__(self, pairing: Pairing, splits: list[Group], merges: list[Group]) -> None:
        self.pairing = pairing
        self.old_refs = _refs(pairing.old)
        self.new_refs = _refs(pairing.new)
        unstable = _reordered(pairing)
        self.of_new: dict[int, list[Change]] = {}
        """New index → its changes (several for a merge)."""
        self.split_from: dict[int, int] = {}
        """Old index of a split whole → the first of its parts (where it shows)."""
        self.merged_into: dict[int, int] = {}
        """Old index of a merged part → the new whole."""
        pair_ops = {o: self._pair_ops(o, n, o in unstable) for o, n in pairing.forward.items()}
        for n, o in pairing.back.items():
            self._put(n, self.change(pair_ops[o], o, n))
        for group in splits:
            self.split_from[group.whole] = group.parts[0]
            for n in group.parts:
                own = pairing.forward.get(group.whole) == n
                ops = (*pair_ops[group.whole], "split") if own else ("split",)
                self.of_new[n] = [self.change(ops, group.whole, n)]
        for group in merges:
            changes = []
            for o in group.parts:
                own = pairing.forward.get(o) == group.whole
                ops = (*pair_ops[o], "merged") if own else ("merged",)
                changes.append(self.change(ops, o, group.whole))
                self.merged_into[o] = group.whole
            self.of_new[group.whole] = changes
        for n in range(len(self.new_refs)):
            if n not in self.of_new:
                self._put(n, self.change(("added",), None, n))

    def _put(self, n: int, change: Change) -> None:
        self.of_new[n] = [change]

    def change(self, ops: tuple[Op, ...], o: int | None, n: int | None) -> Change:
        """The change with these ops between old heading o and new heading n."""
        sorted_ops = ordered(ops)
        return Change(
            sorted_ops[0],
            sorted_ops,
            self.old_refs[o] if o is not None else None,
            self.new_refs[n] if n is not None else None,
        )

    def removed(self, o: int) -> bool:
        """Whether an old heading left nothing behind."""
        return (
            o not in self.pairing.forward and o not in self.split_from and o not in self.merged_into
        )

    def anchor(self, o: int) -> tuple[str, int]:
        """Where an old heading shows in the merged skeleton: ("n", new index) or ("o", old)."""
        for where in (self.pairing.forward, self.split_from, self.merged_into):
            if o in where:
                return ("n", where[o])
        return ("o", o)

    def _pair_ops(self, o: int, n: int, reordered: bool) -> tuple[Op, ...]:
        old, new = self.pairing.old, self.pairing.new
        a, b = old.visits[o].node, new.visits[n].node
        ops: list[Op] = []
        if not _same_parent(self.pairing, o, n):
            ops.extend(_placement(self.pairing, o, n))
        if reordered:
            ops.append("reordered")
        if a.title.strip() != b.title.strip():
            ops.append("renamed")
        if _written_number(a) != _written_number(b):
            ops.append("renumbered")
        return tuple(ops)


def _written_number(node: Node) -> int | None:
    """The number a heading's marker shows; None for one marked by style alone (its number
    only counts its place, which the text never shows)."""
    return node.number if node.marker else None


def _same_parent(pairing: Pairing, o: int, n: int) -> bool:
    po, pn = pairing.old.parents[o], pairing.new.parents[n]
    return (po < 0 and pn < 0) or (po >= 0 and pairing.forward.get(po) == pn)


def _ancestors(side: Side, i: int) -> set[int]:
    found = set()
    while (i := side.parents[i]) >= 0:
        found.add(i)
    return found


def _placement(pairing: Pairing, o: int, n: int) -> list[Op]:
    """The ops of a heading whose parent changed. Rising within its own line of ancestors (or
    sinking under a heading that stays within its old parent) is a promotion (demotion) only;
    anything else is a move as well."""
    old, new = pairing.old, pairing.new
    lo, ln = old.level(o), new.level(n)
    if ln < lo:
        pn = new.parents[n]
        within = pn < 0 or pairing.back.get(pn, -1) in _ancestors(old, o)
        return ["promoted"] if within else ["promoted", "moved"]
    if ln > lo:
        po = old.parents[o]
        within = po < 0 or pairing.forward.get(po, -1) in _ancestors(new, n)
        return ["demoted"] if within else ["demoted", "moved"]
    return ["moved"]


def _reordered(pairing: Pairing) -> set[int]:
    """Old indices of paired headings whose order among the siblings that stayed with them
    changed: those left out of some longest run kept in order."""
    groups: dict[int, list[tuple[int, int]]] = {}
    for o, n in pairing.forward.items():
        if _same_parent(pairing, o, n):
            groups.setdefault(pairing.new.parents[n], []).append((o, n))
    unstable: set[int] = set()
    for pairs in groups.values():
        pairs.sort()
        moved = _not_in_every_lis([n for _, n in pairs])
        unstable.update(pairs[i][0] for i in moved)
    return unstable


def _lis_ending(seq: list[int]) -> list[int]:
    tails: list[int] = []
    ending = []
    for value in seq:
        k = bisect_left(tails, value)
        tails[k : k + 1] = [value]
        ending.append(k + 1)
    return ending


def _not_in_every_lis(seq: list[int]) -> set[int]:
    """Positions of a sequence of distinct numbers that some longest increasing subsequence
    leaves out."""
    ending = _lis_ending(seq)
    starting = _lis_ending([-v for v in reversed(seq)])[::-1]
    longest = max(ending, default=0)
    on_some = [e + s - 1 == longest for e, s in zip(ending, starting, strict=True)]
    per_length = Counter(e for e, on in zip(ending, on_some, strict=True) if on)
    return {
        i
        for i, (e, on) in enumerate(zip(ending, on_some, strict=True))
        if not on or per_length[e] > 1
    }


def similarity(changes: Changes) -> float:
    """Each heading of either side scores its best change (1 for unchanged, the title ratio for
    an edit, half that for a change of place, half for a part of a split or merge, 0 added or
    removed); the similarity is the mean score."""
    old_best: dict[int, float] = {}
    new_best: dict[int, float] = {}
    old_index = {id(r.node): i for i, r in enumerate(changes.old_refs)}
    new_index = {id(r.node): i for i, r in enumerate(changes.new_refs)}
    for group in changes.of_new.values():
        for c in group:
            if c.old is None or c.new is None:
                continue
            o, n = old_index[id(c.old.node)], new_index[id(c.new.node)]
            score = _pair_score(c, changes.pairing.old.titles[o], changes.pairing.new.titles[n])
            old_best[o] = max(old_best.get(o, 0.0), score)
            new_best[n] = max(new_best.get(n, 0.0), score)
    total = len(changes.old_refs) + len(changes.new_refs)
    if not total:
        return 1.0
    return (sum(old_best.values()) + sum(new_best.values())) / total


def _pair_score(change: Change, a: str, b: str) -> float:
    """The score of a change between two headings titled a and b (as compared)."""
    if change.op in ("split", "merged"):
        return MOVED_WEIGHT
    score = ratio(a, b) if a != b else 1.0
    placed = {"moved", "promoted", "demoted"}.isdisjoint(change.ops)
    return score if placed else score * MOVED_WEIGHT
