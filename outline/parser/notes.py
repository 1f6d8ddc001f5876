"""Notes under a table or a text (注：1.……2.……), and the list of attachments of a notice
whose line breaks were lost (附件：1.……2.……): their numbers count notes or files, not
headings.

Such a list opens with its first number, written in digits or circled (1. ①, never 一是),
right after a label on the same line — 注, 附注, 备注, 说明, with or without a colon, as a
word of its own (not 情况说明：); 注： or 附件： after anything. It goes on while its numbers
continue, in its paragraph or in the next ones that each open with a note's sentence; it ends
at any other paragraph opening with a marker, or where an attachment begins.
"""

from __future__ import annotations

import re

from outline.parser.layout import SENTENCE_STOPS, SPACE, Layout
from outline.parser.scan import OPEN, Candidate

NOTE_LABEL = re.compile(
    rf"(?:(?<![\u4e00-\u9fff])(?:附注|备注|说明|注)[{SPACE}]*[：:]?|(?:注|附件)[：:])[{SPACE}]*\Z"
)
"""A label of notes, right before the first number: a word of its own, or 注： after anything
(……预期性注：1., where the line breaks were lost)."""
NOTE_REACH = 8
"""Characters before a first number within which its label stands."""
NOTE_NUMERALS = frozenset({"arabic", "full-width", "circled", "paren-digits", "dot-digits"})
"""The numeral systems notes are numbered in."""
SENTENCE_STOP = re.compile(f"[{SENTENCE_STOPS}]")


def notes(layout: Layout, found: list[Candidate], restarts: list[int]) -> set[int]:
    """The markers (by offset) that number notes, among the candidates of a text in order;
    `restarts` are where attachments begin, in order."""
    text = layout.text
    taken: set[int] = set()
    run: Candidate | None = None
    following = iter([*restarts, len(text) + 1])
    restart = next(following)
    for c in found:
        while c.marker_start >= restart:
            run = None
            restart = next(following)
        if run is not None:
            if c.family == run.family and c.number == run.number + 1 and _goes_on(layout, run, c):
                taken.add(c.marker_start)
                run = c
                continue
            if c.where == OPEN:
                run = None
        if (
            c.number == 1
            and NOTE_NUMERALS.intersection(c.kind.numerals)
            and NOTE_LABEL.search(text, max(0, c.marker_start - NOTE_REACH), c.marker_start)
        ):
            taken.add(c.marker_start)
            run = c
    return taken


def _goes_on(layout: Layout, last: Candidate, c: Candidate) -> bool:
    """Whether a marker that continues a note's number is the next note: in the note's
    paragraph, or opening the next paragraph with a sentence (2.城镇调查失业率为全年平均数。),
    not with a heading's title (2. 主要问题)."""
    if c.paragraph == last.paragraph:
        return True
    if c.paragraph != last.paragraph + 1 or c.where != OPEN:
        return False
    paragraph = layout.paragraphs[c.paragraph]
    return SENTENCE_STOP.search(layout.text, c.marker_end, paragraph.end) is not None
