"""Runs: markers that count 1, 2, 3 … together inside the paragraphs between the headings
(一是……二是……, （一）……（二）…… where line breaks were lost), the gaps a run of headings skips
that a marker inside a paragraph fills, and decimal outline numbers kept only where they fit
an outline."""

from __future__ import annotations

import re
from bisect import bisect_right

from outline.parser.layout import SENTENCE_STOPS, Layout
from outline.parser.scan import GLUED, OPEN, STOP, Candidate

RUN_REACH = 10
"""Paragraphs an enumeration may stand after the last member of its run and still continue it;
farther away, 第四， is another enumeration, not the fourth point of an old one. (A kind that
may stand alone goes on as far as its scope: the sections of a text that lost its line breaks
may be long.)"""
TITLE_REACH = 60
"""How far after a heading's marker, with no sentence end between, a marker glued to the text
still stands right after that heading's title."""
DECIMAL_SEPARATORS = re.compile("[.．]")
TITLE_LINE = 30
"""A first-depth decimal heading without a child has a title this short, at most."""
CLAUSE_STOPS = frozenset(SENTENCE_STOPS + "，,：:")
FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def gaps_filled(accepted: list[Candidate], fillers: list[Candidate]) -> list[Candidate]:
    """The fillers whose number the accepted headings of their family skip right there, or
    that start their run again right before its second member (……： （一）…… then （二）
    opening the next paragraph)."""
    by_family: dict[str, list[Candidate]] = {}
    for c in accepted:
        by_family.setdefault(c.family, []).append(c)
    starts = {family: [c.marker_start for c in cs] for family, cs in by_family.items()}
    taken = {id(c) for c in accepted}
    filled = []
    for c in fillers:
        if id(c) in taken or not c.kind.standalone or c.count_like:
            continue
        same = by_family.get(c.family, [])
        i = bisect_right(starts.get(c.family, []), c.marker_start)
        before = same[i - 1].number if i else 0
        if i == len(same) or same[i].number != c.number + 1:
            continue
        # 一 before 二、三: in the gap, or the first of a run that starts again right here
        restart = c.number == 1 and same[i].paragraph - c.paragraph <= 1
        if before == c.number - 1 or restart:
            filled.append(c)
    return filled


def runs_in(scope: list[Candidate], layout: Layout, head: Candidate | None) -> list[Candidate]:
    """Members of runs among the candidates of one scope: two members or more, numbered
    1, 2, 3 …; paragraphs that open with consecutive numbers (第二点，… 第三点，…) also form a
    run where its start was not numbered. A run whose first member is glued to the text
    before it counts only if its second member stands where a heading may (……主要内容一、改革
    投资……。二、便利……). `head` is the heading the scope begins with."""
    runs: dict[str, list[list[Candidate]]] = {}
    previous: Candidate | None = head
    titled: set[int] = set()
    """Runs (by their first member) glued right after a marker and title."""
    for c in scope:
        kind_runs = runs.setdefault(c.family, [])
        last = kind_runs[-1][-1] if kind_runs else None
        if (
            last is not None
            and last.number == c.number - 1
            and (c.block or c.kind.standalone or c.paragraph - last.paragraph <= RUN_REACH)
            and _may_continue(c)
        ):
            kind_runs[-1].append(c)
        elif (c.number == 1 or c.block) and not c.count_like and _may_start(c, previous, layout):
            kind_runs.append([c])
            if _after(previous, c, layout):
                titled.add(id(c))
        previous = c
    return [
        c
        for kind_runs in runs.values()
        for run in kind_runs
        if len(run) > 1
        and (run[0].number == 1 or all(m.block for m in run))
        and (run[0].where != GLUED or run[1].where != GLUED or id(run[0]) in titled)
        for c in run
    ]


def _may_continue(c: Candidate) -> bool:
    """Where a member of a run after the first may stand: an enumeration right after a
    sentence end; a kind that may stand alone wherever its run goes on (a text whose line
    breaks were lost), a unit glued to text only after a page number."""
    if c.where in (OPEN, STOP):
        return True
    if not c.kind.standalone:
        return False
    if c.where == GLUED and c.kind.unit:
        return c.after_digit
    return not c.count_like


def _may_start(c: Candidate, previous: Candidate | None, layout: Layout) -> bool:
    """Where the first member of a run may stand: opening a paragraph, after a sentence end, or
    right after the marker and title of the candidate before it (二、……高压态势一是……); a
    kind that may stand alone anywhere (see `runs_in`), but a unit glued to text only there."""
    if c.where in (OPEN, STOP):
        return True
    if not c.kind.standalone or (c.where == GLUED and c.kind.unit):
        return _after(previous, c, layout)
    return True


def _after(previous: Candidate | None, c: Candidate, layout: Layout) -> bool:
    """Whether a candidate follows another's marker and title directly (一、总体要求（一）)."""
    if previous is None or previous.paragraph != c.paragraph or previous.family == c.family:
        return False
    return close_after(layout.text, previous, c)


def close_after(text: str, before: Candidate, c: Candidate) -> bool:
    """Whether a marker stands at most TITLE_REACH characters after the marker before it, with
    no sentence end between. Only that stretch is read, however far apart the two are."""
    if c.marker_start - before.marker_end > TITLE_REACH:
        return False
    between = text[before.marker_end : c.marker_start]
    return not any(ch in SENTENCE_STOPS for ch in between)


def confirmed(accepted: list[Candidate], layout: Layout) -> list[Candidate]:
    """The headings, less decimal outline numbers that do not fit the outline: 1 总则 needs a
    1.1 after it (a line that opens with a number and a space is no heading by itself) or must
    go on from the last such number with nothing unconfirmed between (5 附则 after 4 and its
    4.4, not the 2 of a table's rows 1, 2, 3), on a line of a title or as the last of them (not
    a wrapped line's 4 个月，……), and 1.2 stands under 1 (or beside 1.1 or 1.3),
    never 2.5倍 under 一、."""
    kept: list[Candidate] = []
    path: list[int] = []
    numbers = [_decimal_numbers(layout.text, c) for c in accepted]
    following = _next_decimals(accepted)
    top: int | None = None
    for i, c in enumerate(accepted):
        depth = c.kind.depth
        if not depth:
            kept.append(c)
            continue
        if depth == 1:
            if _has_child(accepted, numbers, i, following[i]) or (
                top is not None
                and numbers[i] == [top + 1]
                and (following[i] is None or _title_line(layout, c))
            ):
                kept.append(c)
                path = numbers[i]
                top = path[0]
            else:
                top = None
            continue
        if path[: depth - 1] == numbers[i][: depth - 1] or _has_sibling(accepted, numbers, i):
            kept.append(c)
            path = numbers[i]
    return kept


def _title_line(layout: Layout, c: Candidate) -> bool:
    """Whether a marker's paragraph reads as a heading's line: short, no clause or sentence in
    it (5 附则, not 4 个月，复检时应在 of a wrapped line)."""
    end = layout.paragraph_end(c.paragraph)
    return end - c.marker_end <= TITLE_LINE and not any(
        ch in CLAUSE_STOPS for ch in layout.text[c.marker_end : end]
    )


def _decimal_numbers(text: str, c: Candidate) -> list[int]:
    """The numbers of a decimal outline marker: [3, 2, 1] for 3.2.1."""
    if not c.kind.depth:
        return []
    digits = DECIMAL_SEPARATORS.split(text[c.marker_start : c.marker_end].strip())
    return [int(d.translate(FULL_WIDTH_DIGITS)) for d in digits if d]


def _next_decimals(accepted: list[Candidate]) -> list[int | None]:
    """For each heading, the index of the next decimal outline heading after it."""
    result: list[int | None] = [None] * len(accepted)
    following: int | None = None
    for i in range(len(accepted) - 1, -1, -1):
        result[i] = following
        if accepted[i].kind.depth:
            following = i
    return result


def _has_child(
    accepted: list[Candidate], numbers: list[list[int]], index: int, following: int | None
) -> bool:
    """Whether the next decimal heading after a first-depth one (`following`, its index) is
    its first child (1 → 1.1)."""
    if following is None:
        return False
    return accepted[following].kind.depth == 2 and numbers[following][:1] == numbers[index][:1]


def _has_sibling(accepted: list[Candidate], numbers: list[list[int]], index: int) -> bool:
    """Whether the decimal heading before or after one is its sibling (1.1 beside 1.2)."""
    own = numbers[index]
    for k in (index - 1, index + 1):
        if 0 <= k < len(accepted) and accepted[k].kind.depth == accepted[index].kind.depth:
            other = numbers[k]
            if other[:-1] == own[:-1] and abs(other[-1] - own[-1]) == 1:
                return True
    return False
