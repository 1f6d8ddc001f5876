"""The values `parse` returns: a Document holding its text and a tree of Nodes."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Node:
    """One numbered heading of the skeleton, with the text that belongs to it."""

    kind: str
    """The kind of heading, a key of `outline.parser.markers.FAMILIES`: "cn-dun" for 一、,
    "cn-paren" for （一） and ㈠, "verb-shi" for 一是, "attachment" for 附件1 and its title."""
    marker: str
    """The marker exactly as written: "一、", "（一）", "1．", "第十二条", "一是"."""
    number: int
    """The value the marker counts: 1 for 一、, （1）, ① and 一是."""
    title: str
    """The heading text after the marker, up to the first 。！？； or the end of its paragraph."""
    line: int
    """1-based line of the marker; lines end at \\n, \\r\\n or \\r."""
    column: int
    """1-based column of the marker's first character on its line."""
    start: int
    """Offset in the document's text where this node's own text begins (its heading, with the
    indentation or stray Markdown before a marker that opens a paragraph)."""
    marker_start: int
    """Offset of the marker's first character."""
    body_start: int
    """Offset where the heading ends and the body begins."""
    end: int
    """Offset where this node's own text ends: where the next node begins, or the text ends."""
    inline: bool
    """True when the marker stands inside a paragraph (一是……。二是……) rather than opening one."""
    restart: bool = False
    """True when an attachment or a second document begins here or before it (附件2): its
    numbering, and the tree, start afresh."""
    sub: int = 0
    """The number of an inserted unit: 1 for 第十七条之一, which stands after 第十七条."""
    children: tuple[Node, ...] = ()
    """The nodes this one contains, in document order."""


@dataclass(frozen=True, slots=True)
class Visit:
    """A node met while walking a tree, with what lies above it."""

    node: Node
    """The node itself."""
    ancestors: tuple[Node, ...]
    """Its parent, grandparent … from the top down (empty for a top-level node)."""

    @property
    def level(self) -> int:
        """Depth in the tree, 1 for a top-level node."""
        return len(self.ancestors) + 1

    @property
    def parent(self) -> Node | None:
        """The node that contains this one, if any."""
        return self.ancestors[-1] if self.ancestors else None


@dataclass(frozen=True, slots=True)
class Document:
    """A parsed document: its text, what was found before the skeleton, and the skeleton."""

    text: str
    """The text that was parsed, unchanged."""
    nodes: tuple[Node, ...]
    """The top-level nodes of the skeleton."""
    title: str | None = None
    """The document's title: its first title-like line, past site noise."""
    title_line: int | None = None
    """1-based line of the title."""
    date: str | None = None
    """The document's date as YYYY-MM-DD, when its opening gives one."""
    salutation: str | None = None
    """The salutation of a speech (同志们：, 各位代表：), when it has one."""

    @property
    def preamble(self) -> str:
        """The text before the first heading."""
        return self.text[: self.nodes[0].start] if self.nodes else self.text

    def heading(self, node: Node) -> str:
        """The node's heading as it stands in the text, marker included."""
        return self.text[node.start : node.body_start]

    def body(self, node: Node) -> str:
        """The node's own text after its heading, up to the next node (children excluded)."""
        return self.text[node.body_start : node.end]

    def walk(self) -> Iterator[Visit]:
        """Every node in document order (depth first), with its ancestors."""
        stack: list[tuple[Node, tuple[Node, ...]]] = [(n, ()) for n in reversed(self.nodes)]
        while stack:
            node, ancestors = stack.pop()
            yield Visit(node, ancestors)
            below = (*ancestors, node)
            stack.extend((child, below) for child in reversed(node.children))
