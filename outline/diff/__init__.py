"""How one skeleton became another: every heading of either side, paired and classified.

>>> from outline import parse
>>> old = parse("一、总体要求\\n二、主要任务\\n三、保障措施\\n")
>>> new = parse("一、总体要求\\n二、工作原则\\n三、主要任务\\n四、保障措施\\n")
>>> [(c.op, c.new.marker if c.new else None) for c in diff(old, new).changes]
[('unchanged', '一、'), ('added', '二、'), ('renumbered', '三、'), ('renumbered', '四、')]

Pairing is done by `outline.diff.match` (titles, never numbers), splits and merges by
`outline.diff.split`, classifying the pairs by `outline.diff.ops`, laying them out as rows (the
new skeleton in its order, each removed heading where it stood) by `outline.diff.layout`; the
values are those of `outline.diff.changes`, all re-exported here.
"""

from __future__ import annotations

import difflib

from outline.diff.changes import MIRROR, OPS, PRIORITY, Change, Diff, NodeRef, Row
from outline.diff.layout import layout
from outline.diff.match import match
from outline.diff.ops import Changes, similarity
from outline.diff.pairing import DEFAULT_THRESHOLD
from outline.diff.side import flatten
from outline.diff.split import splits_and_merges
from outline.model import Document

EDIT_MAX = 1000
"""Characters of two titles together beyond which their edit is found in a quicker, rougher
way (see `title_edit`)."""

__all__ = [
    "DEFAULT_THRESHOLD",
    "MIRROR",
    "OPS",
    "PRIORITY",
    "Change",
    "Diff",
    "NodeRef",
    "Row",
    "diff",
    "title_edit",
]


def diff(old: Document, new: Document, threshold: float = DEFAULT_THRESHOLD) -> Diff:
    """The changes from the skeleton of `old` to that of `new`; `threshold` (0 … 1) is how
    similar two titles or bodies must be to count as one heading edited."""
    pairing = match(flatten(old), flatten(new), threshold)
    splits, merges = splits_and_merges(pairing)
    changes = Changes(pairing, splits, merges)
    rows = layout(changes)
    return Diff(rows, similarity(changes))


def title_edit(old: str, new: str) -> list[tuple[str, str]]:
    """The edit from one title to another as segments ("=" kept, "-" deleted, "+" inserted).
    A single kept character between two edits is folded into them, so that a rewritten title
    reads as one replacement rather than a scatter of fragments. Titles longer than EDIT_MAX
    together are compared past what they share at the start and the end only, and what
    differs between, if that is still so long, shows replaced whole: finding the edit costs
    the square of the length."""
    if len(old) + len(new) > EDIT_MAX:
        return _long_edit(old, new)
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


def _long_edit(old: str, new: str) -> list[tuple[str, str]]:
    """The edit between long titles: the start and end they share kept, the rest edited."""
    start = _shared_start(old, new)
    end = _shared_start(old[start:][::-1], new[start:][::-1])
    middle = old[start : len(old) - end], new[start : len(new) - end]
    if sum(map(len, middle)) <= EDIT_MAX:
        edited = title_edit(*middle)
    else:
        edited = [("-", middle[0]), ("+", middle[1])]
    kept = [("=", old[:start]), *edited, ("=", old[len(old) - end :])]
    return _coalesce([(tag, text) for tag, text in kept if text])


def _shared_start(a: str, b: str) -> int:
    """How many characters two texts share at their start (halving the range: slices compare
    in C)."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


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
        if text and result and result[-1][0] == "=":
            result[-1] = ("=", result[-1][1] + text)
        elif text:
            result.append(("=", text))
    return result
