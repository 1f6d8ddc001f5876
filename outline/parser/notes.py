"""Notes under a table or a text (注：1.……2.……), and the list of attachments of a notice
whose line breaks were lost (附件：1.……2.……): their numbers count notes or files, not
headings.

A list of names under a label of its own (列席： then 1.县政府办公室　冯国栋 on the next
lines), as minutes end with, numbers people, not headings either: it goes on while each next
paragraph opens with the next number and is a short entry. Nor do the numbered fields of a
form (1.姓名： 2.性别： 3.出生年月：, each a paragraph).

Such a list of notes opens with its first number, written in digits or circled (1. ①, never
一是), right after a label on the same line — 注, 附注, 备注, 说明, with or without a colon, as a
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
ROLL_LABEL = re.compile(
    rf"[{SPACE}]*(?:出席|列席|参加|参会|与会|缺席|请假|主送|抄送|分送)(?:人员|单位|名单|领导)?"
    rf"[{SPACE}]*[：:][{SPACE}]*\Z"
)
"""A paragraph that only labels the list of names under it (列席：), as minutes end with."""
ROLL_ENTRY = 40
"""A longer paragraph is no entry of such a list (县政府办公室　冯国栋)."""
FIELD = re.compile(rf"[{SPACE}]*[^{SENTENCE_STOPS}：:\r\n]{{1,12}}[：:][{SPACE}_＿]*")
"""The rest of a form's field after its number: a label and a colon, then blanks to fill."""
FORM_FIELDS = 4
"""Fields in a row, at least, that make a form."""
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
    roll = False
    following = iter([*restarts, len(text) + 1])
    restart = next(following)
    for c in found:
        while c.marker_start >= restart:
            run = None
            restart = next(following)
        if run is not None:
            if (
                c.family == run.family
                and c.number == run.number + 1
                and (_entry(layout, run, c) if roll else _goes_on(layout, run, c))
            ):
                taken.add(c.marker_start)
                run = c
                continue
            if c.where == OPEN:
                run = None
        if c.number == 1 and NOTE_NUMERALS.intersection(c.kind.numerals):
            roll = _rolled(layout, c)
            if roll or NOTE_LABEL.search(text, max(0, c.marker_start - NOTE_REACH), c.marker_start):
                taken.add(c.marker_start)
                run = c
    return taken | _forms(layout, found)


def _forms(layout: Layout, found: list[Candidate]) -> set[int]:
    """The markers (by offset) that number the fields of a form (1.姓名： 2.性别： ……): four
    paragraphs or more in a row, each a number and a label with nothing to read after it."""
    taken: set[int] = set()
    run: list[Candidate] = []
    for c in found:
        field = c.where == OPEN and FIELD.fullmatch(
            layout.text, c.marker_end, layout.paragraphs[c.paragraph].end
        )
        if field and run and _next_field(run[-1], c):
            run.append(c)
            continue
        if len(run) >= FORM_FIELDS:
            taken.update(f.marker_start for f in run)
        run = [c] if field and c.number == 1 else []
    if len(run) >= FORM_FIELDS:
        taken.update(f.marker_start for f in run)
    return taken


def _next_field(last: Candidate, c: Candidate) -> bool:
    return (c.family, c.number, c.paragraph) == (last.family, last.number + 1, last.paragraph + 1)


def _rolled(layout: Layout, c: Candidate) -> bool:
    """Whether a first number opens the paragraph right after a label of names (列席：), as a
    short entry."""
    if c.where != OPEN or c.paragraph == 0:
        return False
    label = layout.paragraphs[c.paragraph - 1]
    return ROLL_LABEL.match(layout.text, label.start, label.end) is not None and _short(layout, c)


def _entry(layout: Layout, last: Candidate, c: Candidate) -> bool:
    """Whether a number that continues a list of names is its next entry: opening the next
    paragraph, short and without a sentence."""
    return c.where == OPEN and c.paragraph == last.paragraph + 1 and _short(layout, c)


def _short(layout: Layout, c: Candidate) -> bool:
    paragraph = layout.paragraphs[c.paragraph]
    return (
        paragraph.end - paragraph.start <= ROLL_ENTRY
        and SENTENCE_STOP.search(layout.text, c.marker_end, paragraph.end) is None
    )


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
