"""Pairing the headings of two skeletons: which old heading became which new one.

Numbers never count: Chinese numbering is positional, so one inserted （二） renumbers every
later sibling. Headings are paired by their titles, normalised (letters and digits only, width
folded), and by their bodies, in rounds:

1. a title that occurs once on each side;
2. titles that occur more than once, decided by context, each weighed against those of its
   title that stand near it (`outline.diff.nearby`);
3. similar titles or bodies (character-level ratio at least the threshold, once context is
   added: a parent already paired, the same level, children paired with each other), among
   the few most similar to each heading of those it is scored against (`outline.diff.similar`);
4. headings whose children were mostly paired with each other, whatever their titles;
then round 3 again, if round 4 paired anything, for what that made decidable; and last, as
they have nothing else to go by, headings without a title under paired parents, in order.

Rounds 2 and 3 go top-down (a pair is taken up once the parents on both sides have had their
turn; a pair that a better pair across levels outscores waits for that one's turn) and greedily
by score: see `outline.diff.pairing`. Every rule and tie-break treats the two sides alike, so
matching B with A pairs exactly what matching A with B pairs.
"""

from __future__ import annotations

from collections import defaultdict

from outline.diff.nearby import Nearby, Places
from outline.diff.pairing import DEFAULT_THRESHOLD, MAX_BONUS, Candidate, Pairing
from outline.diff.side import Side
from outline.diff.similar import BODY_REACH, CANDIDATES, REACH, capped, closest

CHILDREN_MIN = 2
"""Round 4 pairs two headings when at least this many of their children were paired with each
other, and they are at least half the children on each side."""


def match(old: Side, new: Side, threshold: float = DEFAULT_THRESHOLD) -> Pairing:
    """Pair the headings of two skeletons."""
    pairing = Pairing(old, new, threshold)
    _equal_titles(pairing)
    _similar(pairing, threshold)
    if _by_children(pairing):
        _similar(pairing, threshold)
    _untitled(pairing)
    return pairing


def _equal_titles(pairing: Pairing) -> None:
    """Rounds 1 and 2: equal normalised titles, unique ones first, then the others by context,
    each weighed against those of its title that stand near it (`outline.diff.nearby`)."""
    olds: dict[str, list[int]] = defaultdict(list)
    news: dict[str, list[int]] = defaultdict(list)
    for i, key in enumerate(pairing.old.keys):
        if key:
            olds[key].append(i)
    for i, key in enumerate(pairing.new.keys):
        if key:
            news[key].append(i)
    repeated = []
    for key, os in olds.items():
        ns = news.get(key, [])
        if len(os) == 1 and len(ns) == 1:
            pairing.add(os[0], ns[0])
        elif ns:
            repeated.append((os, ns))
    places = Places.of(pairing)
    candidates: set[Candidate] = set()
    for os, ns in repeated:
        nearby = Nearby(places, os, ns, CANDIDATES)
        for o in os:
            candidates.update((o, n, 1.0) for n in nearby.near(o, old=True))
    pairing.assign(candidates, floor=1.0)


def _similar(pairing: Pairing, threshold: float) -> None:
    """Round 3: similar titles or bodies among the headings still free. Each heading brings
    its closest titles and closest bodies among those it is scored against (see
    `outline.diff.similar`)."""
    old, new = pairing.old, pairing.new
    olds = [i for i in range(len(old.keys)) if i not in pairing.forward]
    news = [i for i in range(len(new.keys)) if i not in pairing.back]
    if not olds or not news:
        return
    cutoff = max(0.0, threshold - MAX_BONUS * pairing.weight) * 100
    places = Places.of(pairing)
    best: dict[tuple[int, int], float] = {}
    kinds = ((old.titles, new.titles, REACH), (old.bodies, new.bodies, BODY_REACH))
    for old_texts, new_texts, reach in kinds:
        with_text = [o for o in olds if old_texts[o]], [n for n in news if new_texts[n]]
        nearby = Nearby(places, *with_text, reach)
        for pair, score in closest(old_texts, new_texts, nearby, cutoff, threshold * 100).items():
            best[pair] = max(best.get(pair, 0.0), score)
    pairing.assign(((o, n, s) for (o, n), s in capped(best).items()), floor=threshold)


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
