"""How one skeleton became another: every heading of either side, paired and classified.

>>> from outline import parse
>>> old = parse("一、总体要求\\n二、主要任务\\n三、保障措施\\n")
>>> new = parse("一、总体要求\\n二、工作原则\\n三、主要任务\\n四、保障措施\\n")
>>> [(c.op, c.new.marker if c.new else None) for c in diff(old, new).changes]
[('unchanged', '一、'), ('added', '二、'), ('renumbered', '三、'), ('renumbered', '四、')]

Pairing is done by `outline.match` (titles, never numbers), splits and merges by
`outline.split`; this module classifies the pairs and lays the changes out as rows: the new
skeleton in its order, each removed heading where it stood.
"""

from __future__ import annotations

import difflib
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from types import MappingProxyType

from outline.match import DEFAULT_THRESHOLD, Pairing, Side, flatten, match, normalise
from outline.model import Document, Node
from outline.split import Group, splits_and_merges

OPS = (
    "unchanged",
    "renamed",
    "renumbered",
    "moved",
    "reordered",
    "promoted",
    "demoted",
    "added",
    "removed",
    "split",
    "merged",
)
"""Every kind of change, as named in JSON."""
PRIORITY = (
    "added",
    "removed",
    "split",
    "merged",
    "promoted",
    "demoted",
    "moved",
    "reordered",
    "renamed",
    "renumbered",
    "unchanged",
)
"""The ops from the one that matters most: a change's `op` is the first of its `ops` here."""
MIRROR = MappingProxyType(
    {
        "added": "removed",
        "removed": "added",
        "split": "merged",
        "merged": "split",
        "promoted": "demoted",
        "demoted": "promoted",
    }
)
"""What each op reads as when old and new change places (the others stay as they are)."""
MOVED_WEIGHT = 0.5
"""A pair counts this much less in `similarity` when its heading changed place."""


@dataclass(frozen=True, slots=True)
class NodeRef:
    """A heading of one side, where it stands."""

    node: Node
    """The heading."""
    level: int
    """Its depth, 1 at the top."""
    path: tuple[str, ...]
    """The titles from the top down to this heading's own."""
    parent: Node | None = None
    """The heading above it, None at the top."""

    @property
    def line(self) -> int:
        """1-based line of its marker."""
        return self.node.line

    @property
    def marker(self) -> str:
        """Its marker as written."""
        return self.node.marker

    @property
    def number(self) -> int:
        """The value its marker counts."""
        return self.node.number

    @property
    def title(self) -> str:
        """Its title."""
        return self.node.title


@dataclass(frozen=True, slots=True)
class Change:
    """What became of one heading: an old one and its new counterpart, either of them None."""

    op: str
    """The change that matters most: the first of `ops` in PRIORITY."""
    ops: tuple[str, ...]
    """Every change that applies, in PRIORITY order; ("unchanged",) when none does."""
    old: NodeRef | None
    """The heading in the old skeleton; None when it was added."""
    new: NodeRef | None
    """The heading in the new skeleton; None when it was removed."""

    def mirrored(self) -> Change:
        """The same change seen from the other side."""
        ops = _ordered(MIRROR.get(op, op) for op in self.ops)
        return Change(ops[0], ops, self.new, self.old)


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the merged skeleton: a new heading, or a removed one where it stood."""

    level: int
    """Depth in the merged skeleton."""
    changes: tuple[Change, ...]
    """What became of it: one change, or one per part of a merge."""
    below: int = 0
    """How many changed rows lie beneath this one."""

    @property
    def op(self) -> str:
        """The op that matters most among its changes."""
        return min((c.op for c in self.changes), key=PRIORITY.index)

    @property
    def changed(self) -> bool:
        """Whether anything happened to it."""
        return self.op != "unchanged"

    @property
    def ref(self) -> NodeRef:
        """The heading the row shows: the new one, or the old one for a removed row."""
        change = self.changes[0]
        ref = change.new or change.old
        assert ref is not None  # a change always has one side
        return ref


@dataclass(frozen=True, slots=True)
class Diff:
    """The changes from an old skeleton to a new one."""

    rows: tuple[Row, ...]
    """The merged skeleton in display order."""
    similarity: float
    """1.0 for equal skeletons, 0.0 for skeletons with nothing in common."""
    changes: tuple[Change, ...] = field(init=False)
    """Every change, in row order."""

    def __post_init__(self) -> None:
        changes = tuple(c for row in self.rows for c in row.changes)
        object.__setattr__(self, "changes", changes)

    @property
    def same(self) -> bool:
        """Whether the skeletons have the same headings, titles, numbers and places."""
        return all(c.op == "unchanged" for c in self.changes)

    def counts(self) -> dict[str, int]:
        """How many changes of each op (by `op`), every op listed, in OPS order."""
        found = Counter(c.op for c in self.changes)
        return {op: found[op] for op in OPS}


def diff(old: Document, new: Document, threshold: float = DEFAULT_THRESHOLD) -> Diff:
    """The changes from the skeleton of `old` to that of `new`; `threshold` (0 … 1) is how
    similar two titles or bodies must be to count as one heading edited."""
    pairing = match(flatten(old), flatten(new), threshold)
    splits, merges = splits_and_merges(pairing)
    changes = _Changes(pairing, splits, merges)
    rows = _layout(changes)
    return Diff(rows, _similarity(changes))


def _ordered(ops: Iterable[str]) -> tuple[str, ...]:
    found = set(ops)
    return tuple(op for op in PRIORITY if op in found) or ("unchanged",)


def _refs(side: Side) -> list[NodeRef]:
    refs: list[NodeRef] = []
    for i, v in enumerate(side.visits):
        parent = side.parents[i]
        path = (*refs[parent].path, v.node.title) if parent >= 0 else (v.node.title,)
        refs.append(NodeRef(v.node, v.level, path, v.parent))
    return refs


class _Changes:
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

    def change(self, ops: tuple[str, ...], o: int | None, n: int | None) -> Change:
        """The change with these ops between old heading o and new heading n."""
        ordered = _ordered(op for op in ops if op != "unchanged")
        return Change(
            ordered[0],
            ordered,
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

    def _pair_ops(self, o: int, n: int, reordered: bool) -> tuple[str, ...]:
        old, new = self.pairing.old, self.pairing.new
        a, b = old.visits[o].node, new.visits[n].node
        ops = []
        if not _same_parent(self.pairing, o, n):
            ops.extend(_placement(self.pairing, o, n))
        if reordered:
            ops.append("reordered")
        if a.title.strip() != b.title.strip():
            ops.append("renamed")
        if a.number != b.number:
            ops.append("renumbered")
        return tuple(ops)


def _same_parent(pairing: Pairing, o: int, n: int) -> bool:
    po, pn = pairing.old.parents[o], pairing.new.parents[n]
    return (po < 0 and pn < 0) or (po >= 0 and pairing.forward.get(po) == pn)


def _ancestors(side: Side, i: int) -> set[int]:
    found = set()
    while (i := side.parents[i]) >= 0:
        found.add(i)
    return found


def _placement(pairing: Pairing, o: int, n: int) -> list[str]:
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


def _layout(changes: _Changes) -> tuple[Row, ...]:
    """The merged skeleton: the new tree, each removed heading placed after the nearest earlier
    sibling it had (under its old parent's counterpart)."""
    old, new = changes.pairing.old, changes.pairing.new
    root = ("root", -1)
    tree: dict[tuple[str, int], list[tuple[str, int]]] = {root: []}
    for n in range(len(new.visits)):
        parent = ("n", new.parents[n]) if new.parents[n] >= 0 else root
        tree.setdefault(parent, []).append(("n", n))
    old_top = [o for o in range(len(old.visits)) if old.parents[o] < 0]
    for o in range(len(old.visits)):
        if not changes.removed(o):
            continue
        po = old.parents[o]
        parent = changes.anchor(po) if po >= 0 else root
        siblings = old.children[po] if po >= 0 else old_top
        place = tree.setdefault(parent, [])
        before = [changes.anchor(s) for s in siblings[: siblings.index(o)]]
        at = next((place.index(a) + 1 for a in reversed(before) if a in place), 0)
        place.insert(at, ("o", o))
    rows: list[Row] = []
    _emit(tree, root, 0, changes, rows)
    return tuple(rows)


def _emit(
    tree: dict[tuple[str, int], list[tuple[str, int]]],
    at: tuple[str, int],
    level: int,
    changes: _Changes,
    rows: list[Row],
) -> int:
    """Append the rows of `at`'s subtree; return how many of them changed."""
    changed = 0
    for child in tree.get(at, []):
        side, i = child
        if side == "n":
            row_changes = tuple(changes.of_new[i])
        else:
            row_changes = (changes.change(("removed",), i, None),)
        index = len(rows)
        rows.append(Row(level + 1, row_changes))
        below = _emit(tree, child, level + 1, changes, rows)
        rows[index] = Row(level + 1, row_changes, below)
        changed += below + rows[index].changed
    return changed


def _similarity(changes: _Changes) -> float:
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
            score = _pair_score(c)
            o, n = old_index[id(c.old.node)], new_index[id(c.new.node)]
            old_best[o] = max(old_best.get(o, 0.0), score)
            new_best[n] = max(new_best.get(n, 0.0), score)
    total = len(changes.old_refs) + len(changes.new_refs)
    if not total:
        return 1.0
    return (sum(old_best.values()) + sum(new_best.values())) / total


def _pair_score(change: Change) -> float:
    assert change.old is not None and change.new is not None
    if change.op in ("split", "merged"):
        return MOVED_WEIGHT
    a, b = normalise(change.old.node.title), normalise(change.new.node.title)
    score = difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() if a != b else 1.0
    placed = {"moved", "promoted", "demoted"}.isdisjoint(change.ops)
    return score if placed else score * MOVED_WEIGHT


def title_edit(old: str, new: str) -> list[tuple[str, str]]:
    """The edit from one title to another as segments ("=" kept, "-" deleted, "+" inserted).
    A single kept character between two edits is folded into them, so that a rewritten title
    reads as one replacement rather than a scatter of fragments."""
    opcodes = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    segments: list[tuple[str, str]] = []
    for k, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        lone = tag == "equal" and i2 - i1 == 1 and 0 < k < len(opcodes) - 1
        if tag == "equal" and not lone:
            segments.append(("=", old[i1:i2]))
            continue
        if old[i1:i2]:
            segments.append(("-", old[i1:i2]))
        if new[j1:j2]:
            segments.append(("+", new[j1:j2]))
    return _coalesce(segments)


def _coalesce(segments: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Adjacent edits joined: every deletion of a run first, then every insertion."""
    result: list[tuple[str, str]] = []
    run: dict[str, str] = {"-": "", "+": ""}
    for tag, text in [*segments, ("=", "")]:
        if tag != "=":
            run[tag] += text
            continue
        result.extend((t, run[t]) for t in "-+" if run[t])
        run = {"-": "", "+": ""}
        if text:
            result.append(("=", text))
    return result
