"""The merged skeleton as rows: the new tree in its order, each removed heading placed under
its old parent's counterpart, right after the nearest earlier sibling it had that shows there
(first, when none does). Linear in the headings: each removed heading's place is found in one
pass over its siblings."""

from __future__ import annotations

from collections import defaultdict

from outline.diff.changes import Row
from outline.diff.ops import Changes

Key = tuple[str, int]
"""A row of the merged skeleton: ("n", new index), or ("o", old index) for a removed heading;
ROOT stands above the top level."""
ROOT: Key = ("root", -1)
EMPTY = Row(0, ())
"""Holds a row's place while the rows below it are laid out."""
Spot = tuple[Key, Key | None]
"""Where a removed heading goes: the row it stands under, and the row it follows there (None:
it goes first)."""


class Placed:
    """Where every row goes: the new tree, and the removed headings placed in it."""

    def __init__(self, changes: Changes) -> None:
        self.changes = changes
        self.children: dict[Key, list[Key]] = defaultdict(list)
        """The new headings under each row, in order."""
        self.first: dict[Key, list[Key]] = defaultdict(list)
        """The removed headings placed first under each row, in the order they were placed."""
        self.after: dict[Key, list[Key]] = defaultdict(list)
        """The removed headings placed right after each row, in the order they were placed."""
        self.under: dict[Key, Key] = {}
        """The row each row stands under."""
        for n, parent in enumerate(changes.pairing.new.parents):
            self._put(("n", n), ("n", parent) if parent >= 0 else ROOT)
        old = changes.pairing.old
        found: dict[int, Spot] = {}
        top = [o for o, parent in enumerate(old.parents) if parent < 0]
        for parent in [-1, *range(len(old.parents))]:
            siblings = old.children[parent] if parent >= 0 else top
            place = changes.anchor(parent) if parent >= 0 else ROOT
            found.update(self._removed(siblings, place))
        for o in sorted(found):  # placed in document order, as a reader would insert them
            place, before = found[o]
            (self.after[before] if before else self.first[place]).append(("o", o))

    def _put(self, key: Key, place: Key) -> None:
        self.children[place].append(key)
        self.under[key] = place

    def _removed(self, siblings: tuple[int, ...] | list[int], place: Key) -> dict[int, Spot]:
        """The removed headings among siblings, each with its place and the row it follows
        (None: the first under its place)."""
        found: dict[int, Spot] = {}
        last: Key | None = None
        for s in siblings:
            if self.changes.removed(s):
                found[s] = (place, last)
                last = ("o", s)
                self.under[last] = place
            elif self.under.get(anchor := self.changes.anchor(s)) == place:
                last = anchor
        return found

    def rows_under(self, place: Key) -> list[Key]:
        """The rows under a row, in display order."""
        found = []
        stack = [*reversed(self.children.get(place, [])), *self.first.get(place, [])]
        while stack:
            key = stack.pop()
            found.append(key)
            stack.extend(self.after.get(key, []))
        return found


def layout(changes: Changes) -> tuple[Row, ...]:
    """The merged skeleton as rows, in display order."""
    rows: list[Row] = []
    _emit(Placed(changes), ROOT, 0, rows)
    return tuple(rows)


def _emit(placed: Placed, at: Key, level: int, rows: list[Row]) -> int:
    """Append the rows of `at`'s subtree; return how many of them changed."""
    changed = 0
    for child in placed.rows_under(at):
        side, i = child
        if side == "n":
            row_changes = tuple(placed.changes.of_new[i])
        else:
            row_changes = (placed.changes.change(("removed",), i, None),)
        index = len(rows)
        rows.append(EMPTY)  # its place, taken once what lies below is known
        below = _emit(placed, child, level + 1, rows)
        rows[index] = Row(level + 1, row_changes, below)
        changed += below + any(c.op != "unchanged" for c in row_changes)
    return changed
