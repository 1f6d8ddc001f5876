"""`check --fix` in a .docx: each typed marker mended inside the runs that hold it.

`outline.check.fix.edits` says what to rewrite as offsets into the reader's text. Each offset is
followed back to the w:t it was read from (the reader's `pieces`), and only the text of those
w:t elements changes: the runs keep their properties, so the mended marker keeps its font,
size and colour, and a marker split across runs (一 in one, 、 in the next) is mended in each.
A marker that Word's numbering writes (w:numPr) is no text of the document: it is reported
with the list to change (numId, abstractNum and level), not rewritten.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass
from itertools import accumulate
from xml.sax.saxutils import escape

from outline.check.fix import Edit, apply, edits
from outline.docxedit.draft import Draft, EditError, line_starts, open_draft
from outline.docxedit.part import Element, Part, Splice
from outline.sources.docx import read
from outline.sources.docx_text import pieces, resolved
from outline.sources.numbering import W

XML_SPACE = "xml:space"


@dataclass(frozen=True, slots=True)
class Generated:
    """A marker written by Word's numbering, which mending leaves to its list definition."""

    line: int
    """1-based line (paragraph) of the marker."""
    column: int
    """1-based column of the part of the label that would change."""
    marker: str
    """The label as Word shows it, without what follows it (a tab, a space)."""
    wanted: str
    """What the label would read once mended."""
    num_id: str
    """The numbering instance that writes it (w:numId)."""
    abstract: str | None
    """Its abstract definition (w:abstractNumId), where the level's format and text are."""
    ilvl: int
    """The level of the list, 0-based (w:ilvl)."""


@dataclass(frozen=True, slots=True)
class Mending:
    """A .docx with its typed markers mended."""

    data: bytes
    """The package's bytes: those given when nothing was mended."""
    before: str
    """The reader's text of the document as given."""
    after: str
    """The reader's text once mended."""
    applied: tuple[Edit, ...]
    """The edits made, as offsets into `before`."""
    generated: tuple[Generated, ...]
    """Markers of Word's numbering that want mending, left as they are."""
    unplaced: tuple[Edit, ...]
    """Edits whose characters are not all in w:t text (a symbol, a field), left undone."""


def mend(data: bytes, *, renumber: bool = True, restyle: bool = True) -> Mending:
    """The .docx with its typed markers mended as `check --fix` mends a text. Raises
    `outline.sources.SourceError` for no readable .docx, EditError for one that cannot be
    edited in place."""
    draft = open_draft(data)
    text = draft.text
    starts = line_starts(text)
    lines = text.split("\n")
    changes: dict[Element, dict[int, str]] = defaultdict(dict)
    applied: list[Edit] = []
    generated: list[Generated] = []
    unplaced: list[Edit] = []
    for edit in edits(text, draft.doc, renumber=renumber, restyle=restyle):
        line = bisect_right(starts, edit.start) - 1
        numbered = _generated(draft, line, edit.start - starts[line], edit)
        if numbered is not None:
            generated.append(numbered)
            continue
        placed = _placed(draft, lines[line], line, edit.start - starts[line], edit)
        if placed is None:
            unplaced.append(edit)
            continue
        for element, offsets in placed.items():
            changes[element].update(offsets)
        applied.append(edit)
    after = apply(text, applied)
    result = draft.saved(_splice(draft.part, element, c) for element, c in changes.items())
    if applied:
        _confirm(result, after)
    return Mending(result, text, after, tuple(applied), tuple(generated), tuple(unplaced))


def _generated(draft: Draft, line: int, column: int, edit: Edit) -> Generated | None:
    """The marker an edit would change, if Word's numbering writes it."""
    origin = draft.reading.origins[line]
    if origin is None or column >= len(origin.label) or origin.num_id is None:
        return None
    label = origin.label
    end = min(column + edit.end - edit.start, len(label))
    wanted = label[:column] + edit.text + label[end:]
    instance = draft.reading.numbering.instances.get(origin.num_id)
    return Generated(
        line=line + 1,
        column=column + 1,
        marker=label.rstrip(),
        wanted=wanted.rstrip(),
        num_id=origin.num_id,
        abstract=instance.abstract if instance is not None else None,
        ilvl=origin.ilvl or 0,
    )


def _placed(
    draft: Draft, text: str, line: int, column: int, edit: Edit
) -> dict[Element, dict[int, str]] | None:
    """Where an edit's characters stand: for each w:t, the offsets in its text and what each
    becomes. The new text goes character for character into the old places; what it has more
    follows the last of them, and old characters it has no place for are dropped. None when a
    character is not in the text of a w:t of the line's paragraph (whose `text` is given)."""
    origin = draft.reading.origins[line]
    if origin is None:
        return None
    found = pieces(origin.paragraph)
    raw = "".join(piece for piece, _ in found)
    shown, where = resolved(raw)
    first = column - len(origin.label)
    last = first + edit.end - edit.start
    if origin.label + shown != text or not 0 <= first < last <= len(shown):
        return None
    starts = list(accumulate((len(piece) for piece, _ in found), initial=0))
    places: list[tuple[Element, int]] = []
    for position in (where[k] for k in range(first, last)):
        index = bisect_right(starts, position) - 1
        element = found[index][1]
        if element.tag != W + "t" or len(element):  # a tab, a symbol; a w:t holding entities
            return None
        places.append((element, position - starts[index]))
    written = list(edit.text[: len(places)])
    if len(edit.text) > len(places):
        written[-1] += edit.text[len(places) :]
    written += [""] * (len(places) - len(written))
    placed: dict[Element, dict[int, str]] = defaultdict(dict)
    for (element, offset), new in zip(places, written, strict=True):
        placed[element][offset] = new
    return placed


def _splice(part: Part, element: Element, changes: dict[int, str]) -> Splice:
    """A w:t written again with some of its characters replaced: its own start and end tags,
    and xml:space="preserve" added where the new text starts or ends with a space."""
    old = element.text or ""
    new = "".join(changes.get(i, char) for i, char in enumerate(old))
    span = part.span(element)
    opening = part.text[span.start : span.open_end]
    if new != new.strip() and XML_SPACE not in opening:
        opening = f'{opening[:-1].rstrip()} xml:space="preserve">'
    closing = part.text[span.close_start : span.end]
    return Splice(span.start, span.end, opening + escape(new) + closing)


def _confirm(data: bytes, expected: str) -> None:
    """Read the mended package back: its text must be the one mended, or nothing is written."""
    if read(data).text != expected:
        raise EditError("would not read back as mended: left unchanged")
