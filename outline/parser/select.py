"""Choosing the headings among the candidates, by the evidence a reader uses.

- A marker of a kind that may stand alone (一、 （一） 1. 第一条 …) opening its paragraph is a
  heading, unless it reads as a count (二、三级) or continues a hard-wrapped line.
- Inside a paragraph, the same kinds are headings whose line break was lost (a text stored on
  one line) when they continue the numbering of the headings of their family (……。二、 after
  一、), or open the first child right after a heading's title (一、总体要求（一）指导思想) —
  unless they belong to a list inside the paragraph (：（一）……；（二）……), or the numbered
  heading they would be still opens a paragraph further on.
- Everything else counts only as a member of a run that starts at 1 and has two members or
  more, inside the stretch between two headings (一是……。二是……), right after a sentence end —
  or anywhere its run goes on, for the kinds that may stand alone.
- A marker that fills the one gap in the numbering of its family's headings is one too
  (……经验。 一、认真总结…… before 二、 and 三、 open paragraphs).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

from outline.parser.layout import SENTENCE_STOPS, SPACE, Layout
from outline.parser.scan import CLOSED, GLUED, OPEN, SPACED, STOP, Candidate

RUN_REACH = 10
"""Paragraphs an enumeration may stand after the last member of its run and still continue it;
farther away, 第四， is another enumeration, not the fourth point of an old one. (A kind that
may stand alone goes on as far as its scope: the sections of a text that lost its line breaks
may be long.)"""
TITLE_REACH = 60
"""How far after a heading's marker, with no sentence end between, a marker glued to the text
still stands right after that heading's title."""
EMBEDDED = (STOP, SPACED, CLOSED)
COLLAPSED = 500
"""A paragraph this long that holds the first two headings of a family is a text whose line
breaks were lost, rather than a paragraph with a list inside."""
NOT_SPACE = re.compile(f"[^{SPACE}]")
"""A character that is not one of SPACE."""
DECIMAL_SEPARATORS = re.compile("[.．]")
SENTENCE_END_STOP = re.compile("[。！？!?]")
"""The end of a sentence, not of a clause (；): a section holds sentences, a list clauses."""
FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
"""Where a marker inside a paragraph may begin a run, or fill a gap."""


def select(
    found: list[Candidate],
    layout: Layout,
    restarts: Iterable[int] = (),
    titles: Iterable[int] = (),
) -> list[Candidate]:
    """The candidates that are headings, in document order. `restarts` are the offsets where
    the heading of an attachment or a second document ends: numbering starts afresh there.
    `titles` are offsets where other titles end (目录), after which a heading may begin."""
    ordered = sorted(restarts)
    segments = _segments(found, ordered)
    chooser = _Chooser(found, layout, segments, ordered, sorted(titles))
    blocks = chooser.blocks()
    blocks.extend(_gaps_filled(blocks, [c for c in found if c.where in EMBEDDED]))
    chosen = {id(c) for c in blocks}
    accepted = list(blocks)
    scope: list[Candidate] = []
    head: Candidate | None = None
    for i, c in enumerate(found):
        if id(c) in chosen or (i and segments[i] != segments[i - 1]):
            accepted.extend(_runs(scope, layout, head))
            scope, head = [], None
        if id(c) in chosen:
            head = c
        else:
            scope.append(c)
    accepted.extend(_runs(scope, layout, head))
    return _confirmed(sorted(accepted, key=lambda c: c.marker_start), layout)


def _segments(found: list[Candidate], restarts: list[int]) -> list[int]:
    """For each candidate, the part of the text that holds it: 0 for the main text, then one
    more for each attachment or second document."""
    return [bisect_right(restarts, c.marker_start) for c in found]


class _Chooser:
    """The first pass: headings that open paragraphs, and those whose line break was lost."""

    def __init__(
        self,
        found: list[Candidate],
        layout: Layout,
        segments: list[int],
        restarts: list[int],
        titles: list[int],
    ) -> None:
        self.found = found
        self.layout = layout
        self.segments = segments
        self.restarts = restarts
        self.titles = titles
        self.next_opening = _next_openings(found, segments)
        self.next_same = _next_of_family(found, segments)
        self.by_run = _runs_of_openings(found, segments)
        self.last: dict[str, Candidate] = {}
        """The last heading of each family."""
        self.listed: dict[str, Candidate] = {}
        """The last member of a list inside a paragraph, by family."""
        self.previous: Candidate | None = None
        """The last heading."""
        self.branch: list[str] = []
        """The families of the headings open on the current branch, from the top down, as
        `tree.nest` will find them: a family met again closes the ones after it."""
        self.segment_start: int | None = None
        """Where the attachment that holds the candidates now looked at ends its heading."""
        self.alone: dict[int, bool] = {}
        """Whether a marker's paragraph holds nothing after it but spaces, by the marker's
        offset: read once per marker, however many markers after it ask."""

    def blocks(self) -> list[Candidate]:
        chosen: list[Candidate] = []
        for index, c in enumerate(self.found):
            if index and self.segments[index] != self.segments[index - 1]:
                self.last.clear()
                self.listed.clear()
                self.branch.clear()
                self.previous = None
                self.segment_start = self.restarts[self.segments[index] - 1]
            if self._heading(index, c):
                c.hidden = c.where != OPEN
                chosen.append(c)
                self.last[c.family] = c
                self.listed.clear()
                self.previous = c
                if c.family in self.branch:
                    del self.branch[self.branch.index(c.family) + 1 :]
                else:
                    self.branch.append(c.family)
        return chosen

    def _heading(self, index: int, c: Candidate) -> bool:
        if not c.kind.standalone:
            return index in self.by_run
        expected = self._continues(c)
        if c.count_like and not (expected and self._count_may_continue(index, c)):
            return False
        if c.where == OPEN:
            return not self._wrapped(c, expected)
        return self._embedded(index, c, expected)

    def _count_may_continue(self, index: int, c: Candidate) -> bool:
        """Whether a marker that reads as a count (二、三级) may still be the heading its run
        expects: no heading of that number opens a paragraph further on, and the next marker
        of its family is not that number read as no count (……二、三级子公司……。二、主要目标)."""
        if self.next_opening[index] == c.number:
            return False
        following = self.next_same[index]
        return following is None or following.number != c.number

    def _embedded(self, index: int, c: Candidate, expected: bool) -> bool:
        """Whether a marker inside a paragraph is a heading whose line break was lost."""
        if self._listed(c):
            return False
        first = c.number == 1 or c.kind.unit
        if not (expected or (first and (self._after_title(c) or self._opens(index, c)))):
            return False
        if self.next_opening[index] == c.number:
            return False  # the heading it would be opens a paragraph further on
        if c.where == GLUED and c.kind.unit:
            return (
                c.after_digit
                or self._glued(c, index)
                or self._after_title(c)
                or (self._spaced_unit(c) and (expected or self._opens(index, c)))
            )
        return True

    def _spaced_unit(self, c: Candidate) -> bool:
        """Whether a unit is set apart from its title by a space, as a heading is (……暂行办法
        第一章　总则) and a citation is not (依照本办法第一章规定)."""
        text = self.layout.text
        return c.kind.unit and c.marker_end < len(text) and text[c.marker_end] in SPACE

    def _opens(self, index: int, c: Candidate) -> bool:
        """Whether a first marker inside a paragraph opens its family's headings there: no
        heading of its family came before, or one of another family (not an article, whose
        items are its own lists) came after the last of them (1. 2. （二） then 1. again); and
        the next marker of its family carries on its numbering, either opening a paragraph
        (一、管辖 第一条…… then a line 二、回避) or further on in a long line — a text that lost
        its line breaks, not a list inside a paragraph. The top level may also start again
        where a second text begins. (The first article of an excerpt of a law may have any
        number: 第一百零二条.)"""
        last, previous = self.last.get(c.family), self.previous
        if c.where == GLUED and not self._spaced_unit(c):
            return False
        following = self.next_same[index]
        if following is None:
            return False
        if following.number != c.number + 1 and (following.number, following.sub) != (c.number, 1):
            return False
        if last is not None and (previous is None or previous is last or previous.kind.clause):
            # Only the top level may start again on its own: a second text (……特制定本计划。
            # 一、总体要求……。二、……) whose first section holds sentences, not a list
            # (：一、……；二、).
            top = self.branch[:1] == [c.family]
            text = self.layout.text
            if not (top and SENTENCE_END_STOP.search(text, c.marker_end, following.marker_start)):
                return False
        if following.paragraph != c.paragraph and following.where == OPEN:
            return True
        layout = self.layout
        line = layout.locate(c.marker_start)[0] - 1
        end = layout.line_ends[line]
        return following.marker_start < end and end - layout.line_starts[line] >= COLLAPSED

    def _continues(self, c: Candidate) -> bool:
        """Whether a marker carries on the numbering of its family's headings."""
        last = self.last.get(c.family)
        if last is None:
            return False
        if c.sub:
            return c.number == last.number and c.sub == last.sub + 1
        return c.number == last.number + 1

    def _listed(self, c: Candidate) -> bool:
        """Whether a marker inside a paragraph is a member of a list there (：（一）……；（二）),
        which the headings' numbering does not continue."""
        listed = self.listed.get(c.family)
        if c.number == 1:
            self.listed[c.family] = c
            return False
        if listed is not None and (listed.number, listed.paragraph) == (c.number - 1, c.paragraph):
            self.listed[c.family] = c
            return True
        return False

    def _after_title(self, c: Candidate) -> bool:
        """Whether a marker may open the first child of the last heading, right after its title
        (一、总体要求（一）) — or the first heading of an attachment, right after the attachment's
        title —, not a citation inside an article's sentence (第五条有本法第一编)."""
        last = self.previous
        if self._after_other_title(c):
            return True
        if last is None:
            start = self.segment_start
            return start is not None and _blank(self.layout.text, start, c.marker_start)
        # A family open above the last heading closes back to its own level: no first child.
        if c.family in self.branch or last.kind.clause:
            return False
        return c.kind.rank >= last.kind.rank and self._glued(c)

    def _after_other_title(self, c: Candidate) -> bool:
        """Whether a marker follows a 目录 title, or the end of a table of contents, with
        nothing but spaces between."""
        i = bisect_right(self.titles, c.marker_start)
        return bool(i) and _blank(self.layout.text, self.titles[i - 1], c.marker_start)

    def _glued(self, c: Candidate, index: int | None = None) -> bool:
        """Whether a marker follows the last heading's marker and title directly, with no
        sentence end between — or, given the marker's index, the marker and title of the unit
        before it, heading or not (……挑战第二章　指导思想 in a table of contents)."""
        last = self.previous
        if index and self.found[index - 1].kind.unit:
            last = self.found[index - 1]
        if last is None or last.kind.clause or not self._title_holds(last, c):
            return False
        return _close_after(self.layout.text, last, c)

    def _title_holds(self, last: Candidate, c: Candidate) -> bool:
        """Whether a marker stands where a heading's title runs: in the heading's paragraph, or
        in the next one when the heading's paragraph holds its marker alone (（一）  标题)."""
        if last.paragraph == c.paragraph:
            return True
        if c.paragraph != last.paragraph + 1:
            return False
        alone = self.alone.get(last.marker_start)
        if alone is None:
            end = self.layout.paragraph_end(last.paragraph)
            alone = NOT_SPACE.search(self.layout.text, last.marker_end, end) is None
            self.alone[last.marker_start] = alone
        return alone

    def _wrapped(self, c: Candidate, expected: bool) -> bool:
        """Whether a marker opening a line only continues a hard-wrapped sentence: the line
        before stops in mid-sentence, is as long as the lines around it, and the number breaks
        the run it would join (八、 with no 七、)."""
        if expected or c.number == 1 or (c.family not in self.last and c.number == 1):
            return False
        return self.layout.continues_sentence(c.marker_start)


def _next_openings(found: list[Candidate], segments: list[int]) -> list[int | None]:
    """For each candidate, the number of the next candidate of its family in its part of the
    text that opens a paragraph and may stand alone."""
    result: list[int | None] = [None] * len(found)
    seen: dict[str, int] = {}
    for i in range(len(found) - 1, -1, -1):
        if i + 1 < len(found) and segments[i] != segments[i + 1]:
            seen.clear()
        c = found[i]
        result[i] = seen.get(c.family)
        if c.where == OPEN and c.kind.standalone:
            seen[c.family] = c.number
    return result


def _next_of_family(found: list[Candidate], segments: list[int]) -> list[Candidate | None]:
    """For each candidate, the next candidate of its family in its part of the text that does
    not read as a count (二、三级 is no member of the run it interrupts)."""
    result: list[Candidate | None] = [None] * len(found)
    seen: dict[str, Candidate] = {}
    for i in range(len(found) - 1, -1, -1):
        if i + 1 < len(found) and segments[i] != segments[i + 1]:
            seen.clear()
        result[i] = seen.get(found[i].family)
        if not found[i].count_like:
            seen[found[i].family] = found[i]
    return result


def _runs_of_openings(found: list[Candidate], segments: list[int]) -> set[int]:
    """The candidates of kinds that are headings by run (`Kind.by_run`) that open paragraphs
    in runs of two or more from 1 (一， 二， 三， each at a paragraph's start), by index."""
    taken: set[int] = set()
    run: dict[tuple[int, str], list[int]] = {}
    for i, c in enumerate(found):
        if not (c.kind.by_run and c.where == OPEN):
            continue
        key = (segments[i], c.family)
        members = run.get(key, [])
        if members and found[members[-1]].number + 1 == c.number:
            members.append(i)
        else:
            members = [i] if c.number == 1 else []
            run[key] = members
        if len(members) >= 2:
            taken.update(members)
    return taken


def _gaps_filled(accepted: list[Candidate], fillers: list[Candidate]) -> list[Candidate]:
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


def _runs(scope: list[Candidate], layout: Layout, head: Candidate | None) -> list[Candidate]:
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
    kind that may stand alone anywhere (see `_runs`), but a unit glued to text only there."""
    if c.where in (OPEN, STOP):
        return True
    if not c.kind.standalone or (c.where == GLUED and c.kind.unit):
        return _after(previous, c, layout)
    return True


def _after(previous: Candidate | None, c: Candidate, layout: Layout) -> bool:
    """Whether a candidate follows another's marker and title directly (一、总体要求（一）)."""
    if previous is None or previous.paragraph != c.paragraph or previous.family == c.family:
        return False
    return _close_after(layout.text, previous, c)


def _close_after(text: str, before: Candidate, c: Candidate) -> bool:
    """Whether a marker stands at most TITLE_REACH characters after the marker before it, with
    no sentence end between. Only that stretch is read, however far apart the two are."""
    if c.marker_start - before.marker_end > TITLE_REACH:
        return False
    between = text[before.marker_end : c.marker_start]
    return not any(ch in SENTENCE_STOPS for ch in between)


def _blank(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] holds nothing but whitespace (what str.strip() removes). It is
    read from the end, back to its last other character only: the whitespace right before
    a marker, which no other marker reads again."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end == start


def _confirmed(accepted: list[Candidate], layout: Layout) -> list[Candidate]:
    """The headings, less decimal outline numbers that do not fit the outline: 1 总则 needs a
    1.1 after it (a line that opens with a number and a space is no heading by itself), and
    1.2 stands under 1 (or beside 1.1 or 1.3), never 2.5倍 under 一、."""
    kept: list[Candidate] = []
    path: list[int] = []
    numbers = [_decimal_numbers(layout.text, c) for c in accepted]
    for i, c in enumerate(accepted):
        depth = c.kind.depth
        if not depth:
            kept.append(c)
            continue
        if depth == 1:
            if _has_child(accepted, numbers, i):
                kept.append(c)
                path = [c.number]
            continue
        if path[: depth - 1] == numbers[i][: depth - 1] or _has_sibling(accepted, numbers, i):
            kept.append(c)
            path = numbers[i]
    return kept


def _decimal_numbers(text: str, c: Candidate) -> list[int]:
    """The numbers of a decimal outline marker: [3, 2, 1] for 3.2.1."""
    if not c.kind.depth:
        return []
    digits = DECIMAL_SEPARATORS.split(text[c.marker_start : c.marker_end].strip())
    return [int(d.translate(FULL_WIDTH_DIGITS)) for d in digits if d]


def _has_child(accepted: list[Candidate], numbers: list[list[int]], index: int) -> bool:
    """Whether the next decimal heading after a first-depth one is its first child (1 → 1.1)."""
    for c, found in zip(accepted[index + 1 :], numbers[index + 1 :], strict=True):
        if c.kind.depth:
            return c.kind.depth == 2 and found[:1] == numbers[index][:1]
    return False


def _has_sibling(accepted: list[Candidate], numbers: list[list[int]], index: int) -> bool:
    """Whether the decimal heading before or after one is its sibling (1.1 beside 1.2)."""
    own = numbers[index]
    for k in (index - 1, index + 1):
        if 0 <= k < len(accepted) and accepted[k].kind.depth == accepted[index].kind.depth:
            other = numbers[k]
            if other[:-1] == own[:-1] and abs(other[-1] - own[-1]) == 1:
                return True
    return False
