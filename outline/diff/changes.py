"""The values `diff` returns: each heading's change, the rows of the merged skeleton, the Diff."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from types import MappingProxyType
from typing import Literal, get_args

from outline.model import Node

Op = Literal[
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
]
"""A kind of change, as named in JSON."""
OPS: tuple[Op, ...] = get_args(Op)
"""Every kind of change, in the order JSON lists them."""
PRIORITY: tuple[Op, ...] = (
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
MIRROR: Mapping[Op, Op] = MappingProxyType(
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

    op: Op
    """The change that matters most: the first of `ops` in PRIORITY."""
    ops: tuple[Op, ...]
    """Every change that applies, in PRIORITY order; ("unchanged",) when none does."""
    old: NodeRef | None
    """The heading in the old skeleton; None when it was added."""
    new: NodeRef | None
    """The heading in the new skeleton; None when it was removed."""

    def mirrored(self) -> Change:
        """The same change seen from the other side."""
        ops = ordered(MIRROR.get(op, op) for op in self.ops)
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
    def op(self) -> Op:
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

    def counts(self) -> dict[Op, int]:
        """How many changes of each op (by `op`), every op listed, in OPS order."""
        found = Counter(c.op for c in self.changes)
        return {op: found[op] for op in OPS}


def ordered(ops: Iterable[Op]) -> tuple[Op, ...]:
    """Op names in PRIORITY order, ("unchanged",) for none (and for "unchanged" alone)."""
    return _ordered(frozenset(ops))


@cache
def _ordered(found: frozenset[Op]) -> tuple[Op, ...]:
    return tuple(op for op in PRIORITY if op in found and op != "unchanged") or ("unchanged",)
