"""`parse`: from a text to its Document."""

from __future__ import annotations

from collections.abc import Mapping

from outline.model import Document
from outline.parser.front import read_front
from outline.parser.layout import Layout
from outline.parser.scan import scan
from outline.parser.style_levels import with_levels
from outline.parser.tree import nest


def parse(text: str, styled: Mapping[int, int] | None = None) -> Document:
    """The skeleton of a document's text. Pure; never raises on any string.

    `styled` gives the outline level of the lines that the document's file marks as headings by
    style rather than by number (1-based line → level 1…9), as a .docx reader finds them.

    >>> doc = parse("一、总体要求\\n（一）指导思想。坚持……\\n二、主要任务\\n")
    >>> [(v.level, v.node.marker, v.node.title) for v in doc.walk()]
    [(1, '一、', '总体要求'), (2, '（一）', '指导思想'), (1, '二、', '主要任务')]
    """
    layout = Layout(text)
    items = scan(layout)
    front = read_front(layout, items[0].start if items else len(text))
    if styled:
        items = with_levels(layout, items, styled, front.title_line)
    nodes = nest(items, layout)
    return Document(
        text=text,
        nodes=nodes,
        title=front.title,
        title_line=front.title_line,
        date=front.date,
        salutation=front.salutation,
    )
