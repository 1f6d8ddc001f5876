"""Pairing the headings of two skeletons: which old heading became which new one.

Numbers never count: Chinese numbering is positional, so one inserted （二） renumbers every
later sibling. Headings are paired by their titles, normalised (letters and digits only, width
folded), and by their bodies, in rounds:

1. a title that occurs once on each side;
2. titles that occur more than once, decided by context;
3. similar titles or bodies (character-level ratio at least the threshold, once context is
   added: a parent already paired, the same level, children paired with each other), among
   the few most similar to each heading;
4. headings whose children were mostly paired with each other, whatever their titles;
then round 3 again, if round 4 paired anything, for what that made decidable; and last, as
they have nothing else to go by, headings without a title under paired parents, in order.

Rounds 2 and 3 go top-down (a pair is taken up once the parents on both sides have had their
turn; a pair that a better pair across levels outscores waits for that one's turn) and greedily
by score. Every rule and tie-break treats the two sides alike, so matching
B with A pairs exactly what matching A with B pairs.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from outline.model import Document, Visit

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
BODY_MIN = 20
"""Bodies shorter than this (normalised characters) say too little to pair headings by."""
BODY_MAX = 400
"""Bodies are compared on their first characters only."""
TEXT_MAX = 4000
"""A heading's whole text (for splits and merges) is compared on its first characters only."""
CANDIDATES = 8
"""Round 3 weighs, for each heading, this many of the most similar on the other side."""
CHILDREN_MIN = 2
"""Round 4 pairs two headings when at least this many of their children were paired with each
other, and they are at least half the children on each side."""


@dataclass(frozen=True, slots=True)
class Side:
    """One skeleton flattened for matching: every heading by its index in document order."""

    visits: tuple[Visit, ...]
    """The headings in document order, with their ancestors."""
    parents: tuple[int, ...]
    """Index of each heading's parent, -1 for a top-level heading."""
    children: tuple[tuple[int, ...], ...]
    """Indices of each heading's children."""
    keys: tuple[str, ...]
    """Each title normalised: `normalise(title)`."""
    bodies: tuple[str, ...]
    """Each heading's own body normalised, cut to BODY_MAX characters; empty when it is
    shorter than BODY_MIN."""
    texts: tuple[str, ...]
    """Each heading's title and own body normalised, cut to TEXT_MAX characters."""
    levels: tuple[int, ...]
    """Each heading's depth, 1 for top level."""

    def level(self, index: int) -> int:
        """Depth of a heading, 1 for top level."""
        return self.levels[index]


_NOT_WORD = re.compile(r"[\W_]+")


def normalise(text: str) -> str:
    """Text as compared: width folded (NFKC), letters and digits only."""
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", text))


def ratio(a: str, b: str) -> float:
    """How alike two texts are, 0 … 1, by characters; the same either way round."""
    return fuzz.ratio(a, b) / 100


def flatten(doc: Document) -> Side:
    """A document's skeleton as a Side."""
    visits = tuple(doc.walk())
    where = {id(v.node): i for i, v in enumerate(visits)}
    parents = tuple(where[id(v.parent)] if v.parent is not None else -1 for v in visits)
    children: list[list[int]] = [[] for _ in visits]
    for i, parent in enumerate(parents):
        if parent >= 0:
            children[parent].append(i)
    keys = tuple(normalise(v.node.title) for v in visits)
    bodies, texts = [], []
    for v, key in zip(visits, keys, strict=True):
        body = normalise(doc.body(v.node)[: TEXT_MAX * 2])
        bodies.append(body[:BODY_MAX] if len(body) >= BODY_MIN else "")
        texts.append((key + body)[:TEXT_MAX])
    return Side(
        visits=visits,
        parents=parents,
        children=tuple(tuple(c) for c in children),
        keys=keys,
        bodies=tuple(bodies),
        texts=tuple(texts),
        levels=tuple(v.level for v in visits),
    )


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

    def add(self, o: int, n: int) -> None:
        """Pair old heading o with new heading n."""
        self.forward[o] = n
        self.back[n] = o

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
        parents = self.new.parents
        return sum(1 for c in self.old.children[o] if parents[self.forward.get(c, n)] == n)

    def assign(self, candidates: Iterable[tuple[int, int, float]], floor: float) -> None:
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
        batches: dict[int, list[tuple[int, int, float]]] = defaultdict(list)
        across: dict[tuple[str, int], list[tuple[int, int, float]]] = defaultdict(list)
        turn: dict[tuple[int, int], int] = {}
        """When each pair across levels has its turn."""
        for o, n, similarity in candidates:
            lo, ln = self.old.levels[o], self.new.levels[n]
            batches[max(lo, ln)].append((o, n, similarity))
            if lo != ln:
                turn[o, n] = max(lo, ln)
                across["old", o].append((o, n, similarity))
                across["new", n].append((o, n, similarity))
        while batches:
            level = min(batches)
            scored = []
            for o, n, similarity in batches.pop(level):
                if self.free(o, n):
                    context = self.context(o, n)
                    total = similarity + context
                    scored.append((total, similarity + context * self.weight, o, n, similarity))
            scored.sort(key=lambda t: (-t[0], abs(t[2] - t[3]), t[2] + t[3]))
            for total, score, o, n, similarity in scored:
                if score < floor or not self.free(o, n):
                    continue
                rivals = across.get(("old", o), []) + across.get(("new", n), [])
                wait = self._outscored_until(rivals, turn, level, total)
                if wait is None:
                    self.add(o, n)
                    continue
                batches[wait].append((o, n, similarity))
                if (o, n) in turn:
                    turn[o, n] = wait

    def _outscored_until(
        self,
        rivals: list[tuple[int, int, float]],
        turn: dict[tuple[int, int], int],
        level: int,
        total: float,
    ) -> int | None:
        """The earliest turn after `level` of a free rival (old, new, similarity) whose score
        so far (similarity plus the context known now, which can only grow) beats `total`."""
        later = [
            turn[o, n]
            for o, n, similarity in rivals
            if turn[o, n] > level
            and similarity + MAX_BONUS > total
            and self.free(o, n)
            and similarity + self.context(o, n) > total
        ]
        return min(later, default=None)


def match(old: Side, new: Side, threshold: float) -> Pairing:
    """Pair the headings of two skeletons."""
    pairing = Pairing(old, new, threshold)
    _equal_titles(pairing)
    _similar(pairing, threshold)
    if _by_children(pairing):
        _similar(pairing, threshold)
    _untitled(pairing)
    return pairing


def _equal_titles(pairing: Pairing) -> None:
    """Rounds 1 and 2: equal normalised titles, unique ones first, then the others by context."""
    olds: dict[str, list[int]] = defaultdict(list)
    news: dict[str, list[int]] = defaultdict(list)
    for i, key in enumerate(pairing.old.keys):
        if key:
            olds[key].append(i)
    for i, key in enumerate(pairing.new.keys):
        if key:
            news[key].append(i)
    repeated: list[tuple[int, int, float]] = []
    for key, os in olds.items():
        ns = news.get(key, [])
        if len(os) == 1 and len(ns) == 1:
            pairing.add(os[0], ns[0])
        else:
            repeated.extend((o, n, 1.0) for o in os for n in ns)
    pairing.assign(repeated, floor=1.0)


def _similar(pairing: Pairing, threshold: float) -> None:
    """Round 3: similar titles or bodies among the headings still free. Each heading brings
    its CANDIDATES closest titles and closest bodies on the other side."""
    old, new = pairing.old, pairing.new
    olds = [i for i in range(len(old.keys)) if i not in pairing.forward]
    news = [i for i in range(len(new.keys)) if i not in pairing.back]
    if not olds or not news:
        return
    cutoff = max(0.0, threshold - MAX_BONUS * pairing.weight) * 100
    best: dict[tuple[int, int], float] = {}
    for old_texts, new_texts in ((old.keys, new.keys), (old.bodies, new.bodies)):
        for pair, score in _closest(olds, old_texts, news, new_texts, cutoff).items():
            best[pair] = max(best.get(pair, 0.0), score)
    pairing.assign(((o, n, s) for (o, n), s in best.items()), floor=threshold)


def _closest(
    olds: list[int],
    old_texts: tuple[str, ...],
    news: list[int],
    new_texts: tuple[str, ...],
    cutoff: float,
) -> dict[tuple[int, int], float]:
    """The similarity of each pair (old, new) where either is among the CANDIDATES most
    similar to the other, and at least `cutoff`."""
    choices = {n: new_texts[n] for n in news if new_texts[n]}
    by_old: dict[int, list[tuple[float, int]]] = defaultdict(list)
    by_new: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for o in olds:
        if old_texts[o]:
            found = process.extract(
                old_texts[o], choices, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None
            )
            for _, score, n in found:
                by_old[o].append((-score, n))
                by_new[n].append((-score, o))
    kept: dict[tuple[int, int], float] = {}
    for o, near in by_old.items():
        for score, n in sorted(near)[:CANDIDATES]:
            kept[o, n] = -score / 100
    for n, near in by_new.items():
        for score, o in sorted(near)[:CANDIDATES]:
            kept[o, n] = -score / 100
    return kept


def _by_children(pairing: Pairing) -> bool:
    """Round 4: free headings whose children went mostly to each other. Whether any were."""
    old, new = pairing.old, pairing.new
    candidates = []
    for o in range(len(old.keys)):
        if o in pairing.forward or len(old.children[o]) < CHILDREN_MIN:
            continue
        parents = {new.parents[pairing.forward[c]] for c in old.children[o] if c in pairing.forward}
        for n in parents:
            if n < 0 or n in pairing.back:
                continue
            paired = pairing.children_paired(o, n)
            if (
                paired >= CHILDREN_MIN
                and 2 * paired >= len(old.children[o])
                and 2 * paired >= len(new.children[n])
            ):
                candidates.append((o, n, paired / max(len(old.children[o]), len(new.children[n]))))
    before = len(pairing.forward)
    pairing.assign(candidates, floor=0.0)
    return len(pairing.forward) > before


def _untitled(pairing: Pairing) -> None:
    """Last round: headings without a title (一、 alone on its line), free on both sides under
    parents paired with each other (or both at the top), paired in their order."""
    old, new = pairing.old, pairing.new
    old_top = tuple(i for i, p in enumerate(old.parents) if p < 0)
    new_top = tuple(i for i, p in enumerate(new.parents) if p < 0)
    queue = [(-1, -1), *sorted(pairing.forward.items())]
    while queue:
        po, pn = queue.pop()
        olds = old.children[po] if po >= 0 else old_top
        news = new.children[pn] if pn >= 0 else new_top
        free_old = [o for o in olds if not old.keys[o] and o not in pairing.forward]
        free_new = [n for n in news if not new.keys[n] and n not in pairing.back]
        for o, n in zip(free_old, free_new, strict=False):
            pairing.add(o, n)
            queue.append((o, n))
