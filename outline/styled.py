"""Headings that a file marks by style rather than by number, merged into a parsed skeleton.

A .docx may say that a paragraph is a heading of level N (style "heading N", 标题 N, an outline
level) while its text has no marker. Such a paragraph becomes a node of kind "styled", with an
empty marker. A styled heading of level N closes the open headings of level N or deeper (a
numbered heading's level is its depth in the tree, a styled one's its style level) and nests
under the heading still open. Numbered headings keep the ancestors the parser gave them; those
that follow a styled heading nest under it, until one closes it by closing an ancestor of it.
A numbered heading whose paragraph is styled also counts as a styled heading of its level.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from outline.model import Document, Node
from outline.sources.model import Styled

KIND = "styled"
"""The kind of a node that only a style makes a heading."""
TITLE_END = re.compile("[。！？；!?;]")
SPACE = " \t\u3000\u00a0"


@dataclass(slots=True)
class _Frame:
    node: Node
    parser_id: int | None
    """Index of a parsed node in document order; None for a styled one."""
    level: int | None
    """Its style level, if its paragraph has one."""
    children: list[_Frame] = field(default_factory=list)


def with_styled(doc: Document, styled: Sequence[Styled]) -> Document:
    """The document with its styled, unnumbered paragraphs as headings.

    >>> from outline import parse
    >>> doc = parse("总则\\n一、目的\\n二、范围\\n附则\\n一、施行\\n")
    >>> merged = with_styled(doc, [Styled(1, 1, "heading 1"), Styled(4, 1, "heading 1")])
    >>> [(v.level, v.node.marker + v.node.title) for v in merged.walk()]
    [(1, '总则'), (2, '一、目的'), (2, '二、范围'), (1, '附则'), (2, '一、施行')]
    """
    visits = list(doc.walk())
    marked = {v.node.line for v in visits if not v.node.inline}
    starts = _line_starts(doc.text)
    extra = [
        s
        for s in styled
        if s.line not in marked
        and s.line != doc.title_line
        and 1 <= s.line < len(starts)
        and doc.text[starts[s.line - 1] : starts[s.line]].strip()
    ]
    if not extra:
        return doc
    level_of = {s.line: s.level for s in styled}
    index = {id(v.node): i for i, v in enumerate(visits)}
    entries: list[tuple[int, _Frame, frozenset[int]]] = []
    for i, visit in enumerate(visits):
        node = visit.node
        level = None if node.inline else level_of.get(node.line)
        ancestors = frozenset(index[id(a)] for a in visit.ancestors)
        entries.append((node.start, _Frame(replace(node, children=()), i, level), ancestors))
    for s in extra:
        node = _styled_node(doc.text, s, starts)
        entries.append((node.start, _Frame(node, None, s.level), frozenset()))
    entries.sort(key=lambda entry: entry[0])
    roots = _nest(entries)
    return replace(doc, nodes=_freeze(roots, len(doc.text)))


def _nest(entries: list[tuple[int, _Frame, frozenset[int]]]) -> list[_Frame]:
    roots: list[_Frame] = []
    stack: list[_Frame] = []
    for _, frame, ancestors in entries:
        if frame.parser_id is not None:
            # A parsed node closes every parsed node that is not its ancestor, and all above.
            cut = next(
                (
                    j
                    for j, f in enumerate(stack)
                    if f.parser_id is not None and f.parser_id not in ancestors
                ),
                len(stack),
            )
            del stack[cut:]
        if frame.level is not None:
            _close_levels(stack, frame.level)
        (stack[-1].children if stack else roots).append(frame)
        stack.append(frame)
    return roots


def _close_levels(stack: list[_Frame], level: int) -> None:
    """Pop the open headings at this level or deeper: a styled one by its style level, a
    numbered one by its depth in the tree."""
    while stack:
        top = stack[-1]
        if (top.level if top.level is not None else len(stack)) < level:
            return
        stack.pop()


def _freeze(roots: list[_Frame], length: int) -> tuple[Node, ...]:
    """Nodes from frames: ends recomputed in document order, styled ones numbered."""
    order: list[_Frame] = []

    def visit(frames: list[_Frame]) -> None:
        for frame in frames:
            order.append(frame)
            visit(frame.children)

    visit(roots)
    ends = {
        id(f): (order[k + 1].node.start if k + 1 < len(order) else length)
        for k, f in enumerate(order)
    }

    def build(frames: list[_Frame]) -> tuple[Node, ...]:
        built = []
        count = 0
        for frame in frames:
            node = frame.node
            if node.kind == KIND:
                count += 1
                node = replace(node, number=count)
            built.append(replace(node, end=ends[id(frame)], children=build(frame.children)))
        return tuple(built)

    return build(roots)


def _styled_node(text: str, styled: Styled, starts: list[int]) -> Node:
    start = starts[styled.line - 1]
    line_end = starts[styled.line] - 1 if styled.line < len(starts) - 1 else len(text)
    line = text[start:line_end].rstrip("\r\n")
    first = start + len(line) - len(line.lstrip(SPACE))
    content = line.strip(SPACE)
    stop = TITLE_END.search(content)
    title = content[: stop.start()] if stop else content
    body_start = first + (stop.end() if stop else len(content))
    return Node(
        kind=KIND,
        marker="",
        number=0,
        title=title.strip(SPACE),
        line=styled.line,
        column=first - start + 1,
        start=start,
        marker_start=first,
        body_start=body_start,
        end=len(text),
        inline=False,
    )


def _line_starts(text: str) -> list[int]:
    """Offsets where each line begins, then one past the end (as if a line followed)."""
    starts = [0]
    starts.extend(m.end() for m in re.finditer(r"\r\n|\r|\n", text))
    starts.append(len(text) + 1)
    return starts
