"""What the mind-map exports share (XMind, FreeMind, Mermaid, SVG): the document as one tree
under a central topic, cut at a depth, each heading with the text one reads and its own body.

>>> from outline import parse
>>> tree = branches(parse("一、目标\\n（一）甲\\n二、任务\\n"))
>>> [(b.level, b.text, [c.text for c in b.children]) for b in tree]
[(1, '一、目标', ['（一）甲']), (1, '二、任务', [])]
"""

from __future__ import annotations

from dataclasses import dataclass

from outline.model import Document, Node
from outline.render.plain import heading_text

UNTITLED = "文稿"
"""The central topic of a document with neither a title nor a file name (standard input)."""


@dataclass(frozen=True, slots=True)
class Branch:
    """One heading of a mind map and the branches under it."""

    node: Node
    """The heading."""
    level: int
    """Its depth in the skeleton, 1 for a top-level heading (the central topic is 0)."""
    index: int
    """Its place among all the headings of the map, in document order from 0: a stable name."""
    children: tuple[Branch, ...]
    """The headings under it that the depth keeps."""

    @property
    def text(self) -> str:
        """The heading as one reads it: 一、总体要求."""
        return heading_text(self.node)


def central_topic(doc: Document, stem: str) -> str:
    """What the map is about: the document's title, or else its file name without extension."""
    return doc.title or stem or UNTITLED


def branches(doc: Document, depth: int | None = None) -> tuple[Branch, ...]:
    """The skeleton as branches, levels below `depth` left out."""
    count = 0

    def grow(node: Node, level: int) -> Branch:
        nonlocal count
        index = count
        count += 1
        below = () if depth is not None and level >= depth else node.children
        return Branch(node, level, index, tuple(grow(child, level + 1) for child in below))

    return tuple(grow(node, 1) for node in doc.nodes)


def note(doc: Document, node: Node) -> str:
    """A heading's own text as a note: its lines without the blank ones, "" for none."""
    lines = (line.strip() for line in doc.body(node).splitlines())
    return "\n".join(line for line in lines if line)
