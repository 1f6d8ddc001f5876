"""`mark`: the skeleton put into the user's own .docx as outline levels, and nothing else.

Each block heading found gets its level as w:outlineLvl in its paragraph's properties (w:pPr),
which Word's navigation pane, WPS's 导航窗格 and LibreOffice's Navigator all show. A paragraph
style is not changed: Heading 1…9 would bring their fonts, sizes, spacing and numbering with
them, and the writer's own formatting is to stay as it is. A heading that its style or its own
outline level already puts at the right level is left alone; one at another level gets its own
w:outlineLvl, which overrides its style's. Inline enumerations (一是…二是… inside a paragraph)
are not paragraphs of their own and get no level; nor does the title.

Only the w:pPr of the paragraphs marked changes in word/document.xml, spliced into its text;
every other part of the package is copied as it was.
"""

from __future__ import annotations

from dataclasses import dataclass

from outline.docxedit.draft import Draft, EditError, open_draft
from outline.docxedit.part import Element, Part, PartError, Splice
from outline.sources.docx import read_paragraphs
from outline.sources.numbering import LEVELS, W

AFTER_OUTLINE_LEVEL = frozenset({"divId", "cnfStyle", "rPr", "sectPr", "pPrChange"})
"""The children of w:pPr that the schema puts after w:outlineLvl (Word refuses others)."""


@dataclass(frozen=True, slots=True)
class Marked:
    """One heading whose paragraph got an outline level."""

    line: int
    """1-based line of the heading: its paragraph, counted as the reader counts them."""
    level: int
    """The level it got, 1–9 (w:outlineLvl one less)."""
    was: int | None
    """The level its style or outline level gave it before; None for body text."""
    heading: str
    """The heading as the text has it, marker included."""


@dataclass(frozen=True, slots=True)
class Marking:
    """A .docx with its skeleton marked."""

    data: bytes
    """The package's bytes: those given when nothing needed marking."""
    marked: tuple[Marked, ...]
    """The headings whose outline level was set, in document order."""
    kept: int
    """Headings already at their level, left alone."""


def mark(data: bytes, depth: int | None = None) -> Marking:
    """The .docx with each block heading (down to `depth`) at its level in the outline. Raises
    `outline.sources.SourceError` for no readable .docx, EditError for one that cannot be
    edited in place."""
    draft = open_draft(data)
    wanted = headings(draft, depth)
    before = {s.line: s.level for s in draft.reading.text.styled}
    marked = [
        Marked(line, level, before.get(line), heading)
        for line, (level, heading) in wanted.items()
        if before.get(line) != level
    ]
    try:
        splices = [_outline_level(draft, m.line, m.level) for m in marked]
    except PartError as e:
        raise EditError(str(e)) from None
    result = draft.saved(splices)
    if marked:
        _confirm(draft, result, {m.line: m.level for m in marked})
    return Marking(result, tuple(marked), len(wanted) - len(marked))


def headings(draft: Draft, depth: int | None = None) -> dict[int, tuple[int, str]]:
    """The level (1–9) and heading text of each line that opens a block heading, down to
    `depth`; the first heading of a line gives it its level."""
    found: dict[int, tuple[int, str]] = {}
    for visit in draft.doc.walk():
        node = visit.node
        if node.inline or (depth is not None and visit.level > depth) or node.line in found:
            continue
        if draft.reading.origins[node.line - 1] is None:
            continue  # a line brought in from elsewhere: no paragraph of this document
        heading = draft.doc.heading(node).strip()
        found[node.line] = (min(visit.level, LEVELS), heading)
    return dict(sorted(found.items()))


def _outline_level(draft: Draft, line: int, level: int) -> Splice:
    """The edit that gives one paragraph its outline level."""
    origin = draft.reading.origins[line - 1]
    assert origin is not None
    return outline_splice(draft.part, origin.paragraph, level - 1)


def outline_splice(part: Part, paragraph: Element, value: int) -> Splice:
    """The edit that sets w:outlineLvl to `value` in a paragraph's w:pPr, where the schema
    wants it: in place of one it has, else before the children that follow it, else last;
    a paragraph without properties gets a w:pPr of its own, first."""
    p = part.span(paragraph)
    q = f"{p.prefix}:" if p.prefix else ""
    if not q:
        raise PartError(f"its part {part.name} names paragraphs without a prefix")
    element = f'<{q}outlineLvl {q}val="{value}"/>'
    properties = paragraph.find(W + "pPr")
    if properties is None:
        if p.empty:
            return Splice(
                p.start,
                p.end,
                f"{_opened(part, p.start, p.end)}<{q}pPr>{element}</{q}pPr></{p.name}>",
            )
        return Splice(p.open_end, p.open_end, f"<{q}pPr>{element}</{q}pPr>")
    own = properties.find(W + "outlineLvl")
    if own is not None:
        span = part.span(own)
        return Splice(span.start, span.end, element)
    after = next((c for c in properties if _local(c.tag) in AFTER_OUTLINE_LEVEL), None)
    if after is not None:
        at = part.span(after).start
        return Splice(at, at, element)
    span = part.span(properties)
    if span.empty:
        return Splice(
            span.start, span.end, f"{_opened(part, span.start, span.end)}{element}</{span.name}>"
        )
    return Splice(span.close_start, span.close_start, element)


def _opened(part: Part, start: int, end: int) -> str:
    """An empty element's tag (<w:pPr/>) as a start tag (<w:pPr>)."""
    return part.text[start:end].removesuffix("/>").rstrip() + ">"


def _local(tag: object) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _confirm(draft: Draft, data: bytes, levels: dict[int, int]) -> None:
    """Read the marked package back: its text must be the same and each heading at its level,
    or nothing is written."""
    again = read_paragraphs(data).text
    got = {s.line: s.level for s in again.styled}
    if again.text != draft.text or any(got.get(line) != level for line, level in levels.items()):
        raise EditError("would not read back as marked: left unchanged")
