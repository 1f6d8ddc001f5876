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

from outline.parser.layout import SPACE, Layout
from outline.parser.markers import Kind
from outline.parser.runs import close_after, confirmed, gaps_filled, runs_in
from outline.parser.scan import CLOSED, GLUED, OPEN, SPACED, STOP, Candidate

EMBEDDED = (STOP, SPACED, CLOSED)
"""Where a marker inside a paragraph may begin a run, or fill a gap."""
COLLAPSED = 500
"""A line this long that holds the first two headings of a family is a text whose line breaks
were lost, rather than a paragraph with a list inside."""
NOT_SPACE = re.compile(f"[^{SPACE}]")
"""A character that is not one of SPACE."""
SENTENCE_END_STOP = re.compile("[。！？!?]")
COLONS = "：:"
"""The end of a sentence, not of a clause (；): a section holds sentences, a list clauses."""


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
    blocks.extend(gaps_filled(blocks, [c for c in found if c.where in EMBEDDED]))
    chosen = {id(c) for c in blocks}
    accepted = list(blocks)
    scope: list[Candidate] = []
    head: Candidate | None = None
    for i, c in enumerate(found):
        if id(c) in chosen or (i and segments[i] != segments[i - 1]):
            accepted.extend(runs_in(scope, layout, head))
            scope, head = [], None
        if id(c) in chosen:
            head = c
        else:
            scope.append(c)
    accepted.extend(runs_in(scope, layout, head))
    return confirmed(sorted(accepted, key=lambda c: c.marker_start), layout)


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
        self.next_opening = _next_openings(found, segments, layout.text)
        self.next_same = _next_of_family(found, segments)
        self.by_run = _runs_of_openings(found, segments)
        self.last: dict[str, Candidate] = {}
        """The last heading of each family."""
        self.listed: dict[str, Candidate] = {}
        """The last member of a list inside a paragraph, by family."""
        self.previous: Candidate | None = None
        """The last heading."""
        self.branch: list[str] = []
        """The families open on the current branch, from the top down, as far as the headings
        chosen here tell (an approximation of what `tree.nest` will build: a family met again
        closes the ones after it)."""
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
        if self.next_opening[index] == (c.number, c.sub):
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
        if self.next_opening[index] == (c.number, c.sub):
            return False  # the heading it would be opens a paragraph further on
        if c.where == GLUED and c.kind.unit:
            return (
                c.after_digit
                or self._glued(c, index)
                or self._after_title(c)
                or (
                    self._spaced_unit(c)
                    and self._unique_ahead(index, c)
                    and (expected or self._opens(index, c))
                )
            )
        return True

    def _spaced_unit(self, c: Candidate) -> bool:
        """Whether a unit is set apart from its title by a space, as a heading is (……暂行办法
        第一章　总则) and a citation is not (依照本办法第一章规定)."""
        text = self.layout.text
        return c.kind.unit and c.marker_end < len(text) and text[c.marker_end] in SPACE

    def _unique_ahead(self, index: int, c: Candidate) -> bool:
        """Whether no marker of the same family and number comes later: otherwise this one is
        a citation (依照本办法第三条 规定处理), the later one the heading."""
        following = self.next_same[index]
        return following is None or (following.number, following.sub) != (c.number, c.sub)

    def _glued_first(self, c: Candidate, following: Candidate) -> bool:
        """Whether a marker glued to the text before it may open its family's headings there
        (……工作计划一.指导思想): the first of its family, its second after a sentence end and
        sentences away — a section, not a word (统一、规范)."""
        if c.family in self.last or following.where not in (OPEN, STOP):
            return False
        text = self.layout.text
        return SENTENCE_END_STOP.search(text, c.marker_end, following.marker_start) is not None

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
        following = self.next_same[index]
        if following is None:
            return False
        if following.number != c.number + 1 and (following.number, following.sub) != (c.number, 1):
            return False
        if c.where == GLUED and not self._spaced_unit(c) and not self._glued_first(c, following):
            return False
        if last is not None and previous is not None and (previous is last or previous.kind.clause):
            # A family may start again on its own where its sections hold sentences, not the
            # clauses of a list (：一、……；二、): a second text (……特制定本计划。一、总体要求……。
            # 二、……), a speech's next set of points (……（七）……：（一）……。（二）……). The top
            # level starts again only where no colon announces a list (要做好三件事：一、……。).
            text = self.layout.text
            top = self.branch[:1] == [c.family]
            if (top and _after_colon(text, c.marker_start)) or not SENTENCE_END_STOP.search(
                text, c.marker_end, following.marker_start
            ):
                return False
        if following.paragraph != c.paragraph and following.where == OPEN:
            return True
        layout = self.layout
        line = layout.locate(c.marker_start)[0] - 1
        end = layout.line_ends[line]
        # A unit (第一章, 第一条) is no list member: a short line will do for it.
        long = c.kind.unit or end - layout.line_starts[line] >= COLLAPSED
        return following.marker_start < end and long and not _clauses(layout.text, c, following)

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
        # A family open above the last heading closes back to its own level: no first child;
        # nor is a kind above the last one in the conventional order (……单一、 after （三）).
        if c.family in self.branch or last.kind.clause or _above(c.kind, last.kind):
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
        return close_after(self.layout.text, last, c)

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


def _next_openings(
    found: list[Candidate], segments: list[int], text: str
) -> list[tuple[int, int] | None]:
    """For each candidate, the number (with that of an inserted unit: 之一) of the next
    candidate of its family in its part of the text that opens a paragraph and may stand alone
    — before the family starts again at 1 (（二）…… then （一） （二） further on: that second
    （二） is another list's), unless that 1 opens a list after a colon (：一、……；二、……),
    inside the section."""
    result: list[tuple[int, int] | None] = [None] * len(found)
    seen: dict[str, tuple[int, int] | None] = {}
    for i in range(len(found) - 1, -1, -1):
        if i + 1 < len(found) and segments[i] != segments[i + 1]:
            seen.clear()
        c = found[i]
        result[i] = seen.get(c.family)
        if c.where == OPEN and c.kind.standalone:
            seen[c.family] = (c.number, c.sub)
        elif c.number == 1 and not c.count_like and not _after_colon(text, c.marker_start):
            seen[c.family] = None
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
        if not (c.kind.by_run and c.where == OPEN) or c.count_like:
            continue  # 一，二年级学生……: a count, no member
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


def _blank(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] holds nothing but whitespace (what str.strip() removes). It is
    read from the end, back to its last other character only: the whitespace right before
    a marker, which no other marker reads again."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end == start


def _above(kind: Kind, other: Kind) -> bool:
    """Whether a kind stands above another in the conventional order of levels (一、 above
    （一）), both being in it."""
    return 0 < kind.order < other.order


def _clauses(text: str, c: Candidate, following: Candidate) -> bool:
    """Whether a marker and the next of its family number the clauses of a list after a colon
    (包括以下内容：（一）……；（二）……), not sections: a clause ends in ；, not in a sentence."""
    if not _after_colon(text, c.marker_start):
        return False
    between = text[c.marker_end : following.marker_start]
    return ("；" in between or ";" in between) and not SENTENCE_END_STOP.search(between)


def _after_colon(text: str, start: int) -> bool:
    """Whether a marker opens a list after a colon (包括：一、……), spaces between."""
    i = start
    while i > 0 and text[i - 1] in SPACE:
        i -= 1
    return i > 0 and text[i - 1] in COLONS
