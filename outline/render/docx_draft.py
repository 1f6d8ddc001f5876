"""What a Word export holds, paragraph by paragraph, before it is laid out: the skeleton alone,
or the whole draft with each paragraph given its part (title, heading, body, salutation …).

The whole draft keeps every paragraph of the text, in order and as written but for the spaces
around it (the layout indents): a line of the text is a paragraph, as a .docx reads one
paragraph a line. A line that opens a block heading is a heading at its level in the tree;
whatever follows the heading on its line (1.落实责任。各单位要……) stays in the paragraph, as
body text. Around the skeleton, the parts GB/T 9704 places: the title the parser found; short
lines under it (the speaker, the date of a speech); the salutation; an attachment's label
(附件1); and a closing date, last, with the short line above it that signs.

Keeping a heading with the next paragraph holds it to its text across a page break, but a
chain of headings with no text between them would be carried to the next page whole, leaving
the page before it empty. A heading keeps with the next paragraph only when text follows
within `KEPT_CHAIN` headings; the skeleton alone, which has no text, keeps none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Literal

from outline.model import Document, Node
from outline.parser.layout import LINE_BREAK, SPACE
from outline.render.plain import heading_text
from outline.render.xmlchars import xml_safe

Role = Literal[
    "title", "heading", "body", "byline", "salutation", "signature", "date", "attachment"
]
"""The part a paragraph plays in the document."""
WORD_HEADING_LEVELS = 9
"""Word's built-in heading styles go down to Heading 9."""
KEPT_CHAIN = 3
"""Headings in a row that keep with the text after them; a longer chain keeps none."""
BYLINES = 3
"""Lines under the title that may name the speaker and the date."""
SHORT = 30
"""A line up to this long, not ending a sentence, may be a byline or a signature."""
SENTENCE_END = "。；;！!？?：:，,"
DATE = re.compile(r"[（(]?\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[）)]?")
OPENING = "#*>-+_"
"""Stray Markdown that may stand before a heading's marker on its line."""
ATTACHMENT = re.compile(r"附\s*件\s*[0-9０-９一二三四五六七八九十]*")
"""An attachment's label standing alone on its line."""


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of a Word export."""

    role: Role
    """Its part in the document."""
    text: str
    """Its text, which XML can hold."""
    level: int = 0
    """A heading's level, 1–9 (deeper headings stay at 9); 0 for other parts."""
    heading: int = 0
    """How many characters of `text` are a heading's marker and title; the rest, body text."""
    keep_next: bool = False
    """Kept on the page of the paragraph after it."""
    centred_over: float = 0
    """A signature: characters further in from the right than its look says, which centre it
    over the (longer) date below it, as GB/T 9704 places the signer."""


def skeleton(doc: Document, title: str = "", depth: int | None = None) -> list[Paragraph]:
    """The title (`title` when the document has none) and every heading down to `depth`, inline
    ones included, each as marker and title; nothing keeps with the next."""
    heading = xml_safe(doc.title or title)
    found = [Paragraph("title", heading, heading=len(heading))] if heading else []
    for visit in doc.walk():
        if depth is None or visit.level <= depth:
            text = xml_safe(heading_text(visit.node))
            level = min(visit.level, WORD_HEADING_LEVELS)
            found.append(Paragraph("heading", text, level, len(text)))
    return found


def whole(doc: Document) -> list[Paragraph]:
    """Every paragraph of the document, each with its part; headings keep with their text."""
    lines = LINE_BREAK.split(doc.text)
    starts = [0] + [m.end() for m in LINE_BREAK.finditer(doc.text)]
    headings = _headings(doc, starts)
    first = min(headings, default=len(lines) + 1)
    closing = _closing(lines, max(headings, default=0))
    found: list[Paragraph] = []
    bylines = 0
    for number, line in enumerate(lines, start=1):
        text = xml_safe(line.strip(SPACE))
        if not text:
            continue
        if number in headings:
            level, node = headings[number]
            lead = len(line) - len(line.lstrip(SPACE))
            heading = node.body_start - starts[number - 1] - lead
            heading = len(text) if heading >= len(text.rstrip(SPACE)) else heading
            found.append(Paragraph("heading", text, level, heading))
            continue
        role = closing.get(number) or _front(doc, number, text, first)
        if role == "byline":
            bylines += 1
            role = "byline" if bylines <= BYLINES else "body"
        found.append(Paragraph(role, text))
    return _signed(_kept(found))


def _headings(doc: Document, starts: list[int]) -> dict[int, tuple[int, Node]]:
    """The line of each block heading that opens its line, with its level; the first heading of
    a line gives it its level."""
    found: dict[int, tuple[int, Node]] = {}
    for visit in doc.walk():
        node = visit.node
        if node.inline or node.line in found:
            continue
        if doc.text[starts[node.line - 1] : node.marker_start].strip(SPACE + OPENING):
            continue
        found[node.line] = (min(visit.level, WORD_HEADING_LEVELS), node)
    return found


def _front(doc: Document, number: int, text: str, first: int) -> Role:
    """The part of a line that is no heading: title, byline, salutation or body."""
    if number == doc.title_line:
        return "title"
    if ATTACHMENT.fullmatch(text):
        return "attachment"
    if number >= first:
        return "body"
    if doc.salutation and text.startswith(doc.salutation):
        return "salutation"
    follows_title = (
        doc.title_line is not None and doc.title_line < number <= doc.title_line + BYLINES
    )
    if follows_title and (DATE.fullmatch(text) or _short(text)):
        return "byline"
    return "body"


def _closing(lines: list[str], last_heading: int) -> dict[int, Role]:
    """The closing date, when the last line is one, and the short line above it that signs."""
    filled = [i for i, line in enumerate(lines, start=1) if line.strip(SPACE)]
    if not filled or filled[-1] <= last_heading:
        return {}
    last = filled[-1]
    if not DATE.fullmatch(lines[last - 1].strip(SPACE)):
        return {}
    found: dict[int, Role] = {last: "date"}
    above = filled[-2] if len(filled) > 1 else 0
    if above > last_heading and _short(lines[above - 1].strip(SPACE)):
        found[above] = "signature"
    return found


def _signed(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """The paragraphs with a signature centred over the date that follows it."""
    found = list(paragraphs)
    for i, (signature, date) in enumerate(pairwise(found)):
        if signature.role == "signature" and date.role == "date":
            over = (_width(date.text) - _width(signature.text)) / 2
            found[i] = replace(signature, centred_over=max(over, 0))
    return found


def _width(text: str) -> float:
    """A line's width in characters: Latin letters, digits and spaces take half of one."""
    return sum(0.5 if char.isascii() else 1 for char in text)


def _short(text: str) -> bool:
    """A line short enough, and not ending a sentence, to name someone or something."""
    return len(text) <= SHORT and text[-1] not in SENTENCE_END


def _kept(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """The paragraphs with each heading kept with the next when text follows its chain of
    headings soon enough (a heading with text of its own ends a chain)."""
    found = list(paragraphs)
    for i, paragraph in enumerate(found):
        if paragraph.role != "heading" or paragraph.heading < len(paragraph.text):
            continue
        chain = i
        while (
            chain < len(found)
            and found[chain].role == "heading"
            and found[chain].heading == len(found[chain].text)
        ):
            chain += 1
        if chain < len(found) and chain - i <= KEPT_CHAIN and found[chain].role != "title":
            found[i] = replace(paragraph, keep_next=True)
    return found
