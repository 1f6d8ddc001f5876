"""The parser: from a text to its Document.

`layout` finds lines and paragraphs; `scan` every marker and where it stands; `regions` the
attachments, unit titles and speech resumptions, `issued` the documents that follow one another,
`contents` the tables of contents, `notes` the notes under tables and `footer` a web page's
footer; `select` the markers that are headings, with `runs` for the markers that count
together inside paragraphs; `items` their titles and spans; `tree` nests them; `front` reads
the title, date and salutation. The marker grammar is the table in `markers`, the numeral
systems are in `numerals`.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Collection, Mapping

from outline.model import Document
from outline.parser.contents import table_of_contents, toc_titles
from outline.parser.footer import footer_start
from outline.parser.front import read_front
from outline.parser.issued import collected, issued
from outline.parser.items import items
from outline.parser.layout import Layout
from outline.parser.notes import notes
from outline.parser.regions import attachments, speech_resumptions, unit_titles
from outline.parser.scan import Candidate, candidates, with_labels
from outline.parser.select import select
from outline.parser.style_levels import with_levels
from outline.parser.tree import nest

__all__ = ["parse"]


def parse(
    text: str,
    styled: Mapping[int, int] | None = None,
    numbered: Mapping[int, int] | None = None,
    asides: Collection[int] = (),
) -> Document:
    """The skeleton of a document's text. Pure; never raises on any string.

    `styled` gives the outline level of the lines that the document's file marks as headings by
    style rather than by number (1-based line → level 1…9), as a .docx reader finds them.
    `numbered` gives the lines whose number a list's numbering made, not the text (1-based line
    → length of the label before the text): each label is a marker of its own. `asides` are
    the 1-based lines that are no part of the text's flow (a PDF's footnotes): no heading
    begins in them.

    >>> doc = parse("一、总体要求\\n（一）指导思想。坚持……\\n二、主要任务\\n")
    >>> [(v.level, v.node.marker, v.node.title) for v in doc.walk()]
    [(1, '一、', '总体要求'), (2, '（一）', '指导思想'), (1, '二、', '主要任务')]
    """
    layout = Layout(text)
    starts, listed = attachments(layout)
    second = issued(layout, starts) + collected(layout, starts)
    if second:
        starts = sorted([*starts, *second], key=lambda a: a.start)
    labels = [(a.start, a.end) for a in starts if a.label]
    label_starts = [start for start, _ in labels]
    every = candidates(layout)
    if numbered:
        every = with_labels(layout, every, numbered)
    if asides:
        every = _outside(layout, every, asides)
    noted = notes(layout, every, [a.start for a in starts])
    footer = footer_start(layout, starts[-1].start if starts else 0)
    end = len(text) if footer is None else footer
    found = [
        c
        for c in every
        if c.marker_start < end
        and c.marker_start >= listed.get(c.paragraph, -1)
        and not _in_label(labels, label_starts, c.marker_start)
        and c.marker_start not in noted
    ]
    restarts = [a.end for a in starts]
    contents = toc_titles(layout)
    if contents:
        entries, bodies = table_of_contents(layout, found, contents, marked_only=True)
        found = [c for c in found if c.marker_start not in entries]
        contents = sorted(contents + bodies)
    accepted = select(found, layout, restarts, contents)
    entries, bodies = table_of_contents(layout, accepted, contents)
    if entries:
        found = [c for c in found if c.marker_start not in entries]
        accepted = select(found, layout, restarts, contents + bodies)
    titles = unit_titles(layout, accepted)
    flat = items(layout, accepted, starts, speech_resumptions(layout), titles)
    front = read_front(layout, flat[0].start if flat else len(text))
    if styled:
        flat = with_levels(layout, flat, styled, front.title_line)
    return Document(
        text=text,
        nodes=nest(flat, layout),
        title=front.title,
        title_line=front.title_line,
        date=front.date,
        salutation=front.salutation,
    )


def _outside(layout: Layout, found: list[Candidate], lines: Collection[int]) -> list[Candidate]:
    """The candidates that stand on none of some 1-based lines."""
    skipped = set(lines)
    return [c for c in found if bisect_right(layout.line_starts, c.marker_start) not in skipped]


def _in_label(labels: list[tuple[int, int]], starts: list[int], offset: int) -> bool:
    """Whether an offset falls inside an attachment's own heading (附件二、…: its label and
    title, spans in order, `starts` their first offsets), where no other heading begins."""
    i = bisect_right(starts, offset) - 1
    return i >= 0 and offset < labels[i][1]
