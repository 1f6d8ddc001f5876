"""Notes under a table or a text (注：1.……2.……), and the list of attachments of a notice
whose line breaks were lost (附件：1.……2.……): their numbers count notes or files, not
headings.

Such a list opens with its first number, written in digits or circled (1. ①, never 一是),
right after a label — 注, 附注, 备注, 说明, with or without a colon, as a word of its own (not
情况说明：); 注： or 附件： after anything. It goes on while the numbers of its kind continue,
and ends at a heading of another kind opening a paragraph, or where an attachment begins.
"""

from __future__ import annotations

import re

from outline.parser.layout import SPACE
from outline.parser.scan import OPEN, Candidate

NOTE_LABEL = re.compile(
    rf"(?:(?<![\u4e00-\u9fff])(?:附注|备注|说明|注)[{SPACE}]*[：:]?|(?:注|附件)[：:])[{SPACE}]*$"
)
"""A label of notes, right before the first number: a word of its own, or 注： after anything
(……预期性注：1., where the line breaks were lost)."""
NOTE_REACH = 8
"""Characters before a first number within which its label stands."""


def notes(text: str, found: list[Candidate], restarts: list[int]) -> set[int]:
    """The markers (by offset) that number notes, among the candidates of a text in order;
    `restarts` are where attachments begin, in order."""
    taken: set[int] = set()
    run: Candidate | None = None
    following = iter([*restarts, len(text) + 1])
    restart = next(following)
    for c in found:
        while c.marker_start >= restart:
            run = None
            restart = next(following)
        if run is not None:
            if c.family == run.family and c.number == run.number + 1:
                taken.add(c.marker_start)
                run = c
                continue
            if c.where == OPEN and c.family != run.family:
                run = None
        if (
            c.number == 1
            and "chinese" not in c.kind.numerals
            and NOTE_LABEL.search(text, max(0, c.marker_start - NOTE_REACH), c.marker_start)
        ):
            taken.add(c.marker_start)
            run = c
    return taken
