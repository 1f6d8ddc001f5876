"""Revisions made on purpose: a seed's skeleton as editable sections, edits that an editor
makes (insert, delete, rename, move, swap, promote, demote), and the changes a diff must
report for them, worked out from the sections' identities alone."""

from __future__ import annotations

import copy
import itertools
import re
from dataclasses import dataclass, field

from outline import Document, Node
from outline.parser.numerals import CHINESE_DIGITS

RARE = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥"
"""Characters no seed uses in a heading: what inserted and renamed text is made of."""
MAX_LEVEL = 4
_CN = "一二三四五六七八九十"
_NOT_PROSE = re.compile(f"[^\u4e00-\u9fff，]|[{CHINESE_DIGITS}第其]")


def chinese(n: int) -> str:
    """1 → 一, 12 → 十二, 25 → 二十五 (up to 99)."""
    tens, ones = divmod(n, 10)
    return (
        ("" if tens < 2 else _CN[tens - 1])
        + ("十" if tens else "")
        + (_CN[ones - 1] if ones else "")
    )


MARKERS = (
    lambda n: f"{chinese(n)}、",
    lambda n: f"（{chinese(n)}）",
    lambda n: f"{n}.",
    lambda n: f"（{n}）",
)
"""The marker of each level."""


@dataclass
class Section:
    """One heading of an editable skeleton."""

    id: int
    title: str
    body: str
    children: list[Section] = field(default_factory=list)


def sections(doc: Document) -> list[Section]:
    """A parsed document's skeleton as sections, ids in document order. Bodies are kept as
    one sentence of prose (no digits, markers or sentence ends inside) so that the text they
    make parses back to the same skeleton."""
    counter = itertools.count()

    def build(nodes: tuple[Node, ...]) -> list[Section]:
        built = []
        for node in nodes:
            prose = _NOT_PROSE.sub("", doc.body(node))[:60].strip("，")
            body = f"对此，{prose}。" if prose else ""
            section = Section(next(counter), node.title, body)
            section.children = build(node.children)
            built.append(section)
        return built

    return build(doc.nodes)


def render(tree: list[Section]) -> tuple[str, dict[int, int]]:
    """The text of a skeleton, and the line of each section's heading by its id."""
    lines: list[str] = []
    where: dict[int, int] = {}

    def put(items: list[Section], level: int) -> None:
        for number, s in enumerate(items, 1):
            where[s.id] = len(lines) + 1
            lines.append(MARKERS[level - 1](number) + s.title)
            if s.body:
                lines.append(s.body)
            put(s.children, level + 1)

    put(tree, 1)
    return "".join(line + "\n" for line in lines), where


@dataclass(frozen=True)
class Place:
    """Where a section stands in a skeleton."""

    parent: int | None
    level: int
    number: int
    title: str
    ancestors: frozenset[int]


def places(tree: list[Section]) -> dict[int, Place]:
    """Every section's place, by id."""
    found: dict[int, Place] = {}

    def visit(items: list[Section], parent: int | None, above: frozenset[int]) -> None:
        for number, s in enumerate(items, 1):
            found[s.id] = Place(parent, len(above) + 1, number, s.title, above)
            visit(s.children, s.id, above | {s.id})

    visit(tree, None, frozenset())
    return found


def siblings_order(tree: list[Section]) -> dict[int | None, list[int]]:
    """The ids of each parent's children in order (None: the top level)."""
    found: dict[int | None, list[int]] = {None: [s.id for s in tree]}
    stack = list(tree)
    while stack:
        s = stack.pop()
        found[s.id] = [c.id for c in s.children]
        stack.extend(s.children)
    return found


def _longest_common(a: list[int], b: list[int]) -> int:
    """Length of the longest common subsequence, by the textbook table."""
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            table[i + 1][j + 1] = (
                table[i][j] + 1 if x == y else max(table[i][j + 1], table[i + 1][j])
            )
    return table[-1][-1]


def reordered(old_order: list[int], new_order: list[int]) -> set[int]:
    """Siblings without which the longest run kept in order would be just as long: those that
    some longest run leaves out."""
    kept = [i for i in old_order if i in new_order]
    after = [i for i in new_order if i in kept]
    best = _longest_common(kept, after)
    return {
        i
        for i in kept
        if _longest_common([k for k in kept if k != i], [k for k in after if k != i]) == best
    }


def reads_as_merge(old: list[Section], new: list[Section]) -> bool:
    """Whether the revision deleted a section after moving its points into another one:
    every point of it that is left (two or more, at least half of all it had) stands under
    one other section of its level.

    In the two texts that is exactly what merging the section into the other one is: its
    content (its points) now stands under that section, and its heading is gone. Nothing
    tells the two apart, so a diff rightly reports a merge (outline/diff/split.py finds merges by
    children on this evidence) where `expected` would want a removal and moves; a revision
    meant to come back exactly must not make it."""
    before, after = places(old), places(new)
    for gone in before.keys() - after.keys():
        points = [i for i, p in before.items() if p.parent == gone]
        kept = [i for i in points if i in after]
        under = {after[i].parent for i in kept}
        if len(kept) < 2 or 2 * len(kept) < len(points) or len(under) != 1:
            continue
        into = under.pop()
        if into is not None and after[into].level == before[gone].level:
            return True
    return False


def expected(old: list[Section], new: list[Section]) -> dict[int, set[str]]:
    """The ops a diff must report for each section id (either side)."""
    before, after = places(old), places(new)
    result: dict[int, set[str]] = {}
    for i in before.keys() - after.keys():
        result[i] = {"removed"}
    for i in after.keys() - before.keys():
        result[i] = {"added"}
    old_orders, new_orders = siblings_order(old), siblings_order(new)
    for i in before.keys() & after.keys():
        a, b = before[i], after[i]
        ops = set()
        if a.parent != b.parent:
            if b.level < a.level:
                ops.add("promoted")
                if b.parent is not None and b.parent not in a.ancestors:
                    ops.add("moved")
            elif b.level > a.level:
                ops.add("demoted")
                if a.parent is not None and a.parent not in b.ancestors:
                    ops.add("moved")
            else:
                ops.add("moved")
        elif i in reordered(
            [k for k in old_orders[a.parent] if after.get(k) and after[k].parent == a.parent],
            [k for k in new_orders[b.parent] if before.get(k) and before[k].parent == b.parent],
        ):
            ops.add("reordered")
        if a.title != b.title:
            ops.add("renamed")
        if a.number != b.number:
            ops.add("renumbered")
        result[i] = ops or {"unchanged"}
    return result


class Editor:
    """Applies edits to a copy of a skeleton; new sections get fresh ids."""

    def __init__(self, tree: list[Section]) -> None:
        self.tree = copy.deepcopy(tree)
        self.original = {i for i in places(tree)}
        self.next_id = max(self.original, default=-1) + 1

    def all(self) -> list[tuple[list[Section], Section, int]]:
        """Every section with the list it stands in and its level."""
        found = []

        def visit(items: list[Section], level: int) -> None:
            for s in items:
                found.append((items, s, level))
                visit(s.children, level + 1)

        visit(self.tree, 1)
        return found

    def lists(self) -> list[tuple[list[Section], int, int | None]]:
        """Every list of children (the top level too), its level and its owner's id."""
        found: list[tuple[list[Section], int, int | None]] = [(self.tree, 1, None)]
        found.extend((s.children, level + 1, s.id) for _, s, level in self.all())
        return found

    def insert(self, where: list[Section], at: int, title: str, body: str) -> None:
        where.insert(at, Section(self.next_id, title, body))
        self.next_id += 1


def height(s: Section) -> int:
    """Levels a section's subtree spans, itself included."""
    return 1 + max((height(c) for c in s.children), default=0)
