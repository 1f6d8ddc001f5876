"""`parse`: from a text to its Document."""

from __future__ import annotations

from outline.front import read_front
from outline.layout import Layout
from outline.model import Document
from outline.scan import scan
from outline.tree import nest


def parse(text: str) -> Document:
    """The skeleton of a document's text. Pure; never raises on any string.

    >>> doc = parse("一、总体要求\\n（一）指导思想。坚持……\\n二、主要任务\\n")
    >>> [(v.level, v.node.marker, v.node.title) for v in doc.walk()]
    [(1, '一、', '总体要求'), (2, '（一）', '指导思想'), (1, '二、', '主要任务')]
    """
    layout = Layout(text)
    items = scan(layout)
    nodes = nest(items, layout)
    front = read_front(layout, items[0].start if items else len(text))
    return Document(
        text=text,
        nodes=nodes,
        title=front.title,
        title_line=front.title_line,
        date=front.date,
        salutation=front.salutation,
    )
