"""Splits and merges: one section's content gone into several sections of the other skeleton.

One old section X is split into parts P1 … Pk (k ≥ 2), each part either a heading left
unpaired or X's own pair (at least one unpaired), when one kind of evidence says so:

- its text: content is compared as sets of character bigrams of a heading's title and own body
  (normalised), so that the order of sentences does not matter. Each part is mostly made of X
  (PART_INSIDE of its bigrams are X's) and takes a fair share of X (PART_SHARE of X's
  bigrams); together the parts hold most of X (WHOLE_COVERED), and X's own pair, if any, no
  longer holds that much by itself;
- its children: the parts stand at X's level, X's paired children (at least half of its
  children) all went into the parts, and each unpaired part holds at least CHILDREN_MIN of them,
  at least half of its children and no paired child from elsewhere. A new section that took
  over a single point of X is an addition and a move, not a split.

A merge is the same seen from the other side, so the rules mirror by construction.

The whole an unpaired part is looked for in is the one holding most of its bigrams, found
through an inverted index of the wholes' bigrams without comparing every part with every
whole: a whole holding PART_INSIDE of a part's bigrams holds at least SURE of its rarest few,
and of the wholes that do, the SPLIT_CANDIDATES holding most of them are compared in full. A
bigram that more than GRAM_CAP wholes hold tells too little to look for a part by.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import chain
from operator import add, itemgetter

from outline.diff.pairing import Pairing
from outline.diff.side import Side

PART_INSIDE = 0.7
PART_SHARE = 0.15
WHOLE_COVERED = 0.7
MIN_BIGRAMS = 6
"""Shorter contents are too small to tell where they came from."""
GRAM_CAP = 16
"""A bigram held by more wholes than this leads to none of them."""
SPLIT_CANDIDATES = 8
"""Wholes compared in full with each unpaired part, at most."""
SURE = 3
"""How many of a part's rarest bigrams a whole must hold to be compared with it in full (see
`_source`)."""
CHILDREN_MIN = 2
"""Children an unpaired part must have taken from the whole, when children are the evidence."""


@dataclass(frozen=True, slots=True)
class Group:
    """One section of one side and the parts of it found on the other side."""

    whole: int
    """Index of the section that was split (or that the parts were merged into)."""
    parts: tuple[int, ...]
    """Indices of the parts on the other side, in document order."""


@dataclass(frozen=True, slots=True)
class Direction:
    """One direction of a pairing: wholes on one side, parts on the other."""

    wholes: Side
    """The side whose sections may have been split."""
    parts: Side
    """The side the parts are on."""
    whole_contents: Contents
    """The bigrams of each whole."""
    part_contents: Contents
    """The bigrams of each part."""
    forward: dict[int, int]
    """Pairs from wholes to parts."""
    back: dict[int, int]
    """Pairs from parts to wholes."""


def bigrams(text: str) -> frozenset[str]:
    """The pairs of neighbouring characters of a text."""
    return frozenset(map(add, text, text[1:]))


class Contents:
    """The bigrams of each heading's title and own body, worked out when first asked for."""

    def __init__(self, side: Side, known: dict[str, frozenset[str]]) -> None:
        self.texts = side.texts
        """Each heading's title and own body, normalised."""
        self.known = known
        """Bigrams by text, shared with the other side: most texts are on both."""

    def __getitem__(self, index: int) -> frozenset[str]:
        text = self.texts[index]
        found = self.known.get(text)
        if found is None:
            found = self.known[text] = bigrams(text)
        return found

    def __len__(self) -> int:
        return len(self.texts)


def groups(view: Direction) -> list[Group]:
    """The splits of wholes into parts that either kind of evidence shows."""
    by_text = _candidates_by_text(view)
    by_children = _candidates_by_children(view)
    result = []
    for x in sorted(set(by_text) | set(by_children)):
        for loose, check in ((by_text.get(x), _text_covers), (by_children.get(x), _children_go)):
            if not loose:
                continue
            own = view.forward.get(x)
            members = sorted({*loose, own} if own is not None else set(loose))
            if len(members) >= 2 and check(view, x, members):
                result.append(Group(x, tuple(members)))
                break
    return result


def _candidates_by_text(view: Direction) -> dict[int, list[int]]:
    """Unpaired parts by the whole that holds most of their text, if one holds enough."""
    parts = [
        y
        for y in range(len(view.part_contents))
        if y not in view.back and len(view.part_contents[y]) >= MIN_BIGRAMS
    ]
    if not parts:
        return {}
    index = _index(view, frozenset().union(*(view.part_contents[y] for y in parts)))
    rarity = {gram: len(wholes) for gram, wholes in index.items()}
    found: dict[int, list[int]] = defaultdict(list)
    for y in parts:
        x = _source(view, y, index, rarity)
        if x is not None:
            found[x].append(y)
    return found


def _index(view: Direction, wanted: frozenset[str]) -> dict[str, list[int]]:
    """The wholes (large enough to tell) holding each of the `wanted` bigrams."""
    index: dict[str, list[int]] = defaultdict(list)
    for x in range(len(view.whole_contents)):
        content = view.whole_contents[x]
        if len(content) >= MIN_BIGRAMS:
            for gram in content & wanted:
                index[gram].append(x)
    return index


def _source(
    view: Direction, y: int, index: dict[str, list[int]], rarity: dict[str, int]
) -> int | None:
    """The whole that holds most of part y's bigrams (the first of those holding as many), if
    it holds PART_INSIDE of them."""
    content = view.part_contents[y]
    grams = sorted(sorted(content & rarity.keys()), key=rarity.__getitem__)
    need = math.ceil(PART_INSIDE * len(content))
    spare = len(grams) - need
    if spare < 0:
        return None
    # A whole that holds `need` of the bigrams misses at most `spare`: of the rarest
    # spare + SURE, it holds SURE at least (fewer by those too common to count).
    head = grams[: spare + SURE]
    counted = [index[g] for g in head if rarity[g] <= GRAM_CAP]
    required = max(1, len(head) - spare - (len(head) - len(counted)))
    hits = Counter(chain.from_iterable(counted))
    ranked = sorted(sorted(hits.items()), key=itemgetter(1), reverse=True)
    candidates = [x for x, count in ranked[:SPLIT_CANDIDATES] if count >= required]
    overlaps = [(len(content & view.whole_contents[x]), -x) for x in candidates]
    best, x = max(overlaps, default=(0, 0))
    return -x if best >= need else None


def _candidates_by_children(view: Direction) -> dict[int, list[int]]:
    """Unpaired parts by the whole at their level that their paired children came from."""
    found: dict[int, list[int]] = defaultdict(list)
    for y, children in enumerate(view.parts.children):
        if y in view.back:
            continue
        paired = [view.back[c] for c in children if c in view.back]
        sources = {view.wholes.parents[c] for c in paired}
        if len(sources) != 1 or len(paired) < CHILDREN_MIN or 2 * len(paired) < len(children):
            continue
        x = sources.pop()
        if x >= 0 and view.wholes.level(x) == view.parts.level(y):
            found[x].append(y)
    return found


def _text_covers(view: Direction, x: int, members: list[int]) -> bool:
    """Whether the parts are made of x's text and together hold most of it."""
    whole = view.whole_contents[x]
    parts = [view.part_contents[y] for y in members]
    if not whole or any(not p or len(p & whole) < PART_INSIDE * len(p) for p in parts):
        return False
    if any(len(p & whole) < PART_SHARE * len(whole) for p in parts):
        return False
    own = view.forward.get(x)
    if own is not None and len(view.part_contents[own] & whole) >= WHOLE_COVERED * len(whole):
        return False  # x lives on as its pair; the other parts only borrowed from it
    covered = frozenset().union(*(p & whole for p in parts))
    return len(covered) >= WHOLE_COVERED * len(whole)


def _children_go(view: Direction, x: int, members: list[int]) -> bool:
    """Whether most of x's children were paired and all of those went into the parts."""
    children = view.wholes.children[x]
    paired = [view.forward[c] for c in children if c in view.forward]
    gone = {view.parts.parents[c] for c in paired}
    return 2 * len(paired) >= len(children) and len(gone) >= 2 and gone == set(members)


def splits_and_merges(pairing: Pairing) -> tuple[list[Group], list[Group]]:
    """The splits (an old whole, new parts) and merges (a new whole, old parts) between two
    paired skeletons. A heading takes part in one group at most; splits are found first."""
    known: dict[str, frozenset[str]] = {}
    old, new = Contents(pairing.old, known), Contents(pairing.new, known)
    splits = groups(Direction(pairing.old, pairing.new, old, new, pairing.forward, pairing.back))
    merges = groups(Direction(pairing.new, pairing.old, new, old, pairing.back, pairing.forward))
    used_old = {g.whole for g in splits}
    used_new = {y for g in splits for y in g.parts}
    merges = [g for g in merges if g.whole not in used_new and not used_old.intersection(g.parts)]
    return splits, merges
