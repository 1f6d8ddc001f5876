"""Nesting a flat stream of headings into a tree, with levels taken from the document itself.

A marker kind already open on the current branch closes back to it and continues its run; a new
kind opens a child. Ranks from the marker table settle what the order of appearance cannot:
a 第一节 closes the 第一条 above it, and a block heading closes an 一是 run. Inline enumerations
nest only among themselves, under the block heading whose paragraph holds them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from outline.model import Node
from outline.parser.layout import Layout
from outline.parser.scan import Item


@dataclass(slots=True)
class _Open:
    item: Item
    children: list[_Open] = field(default_factory=list)


def nest(items: list[Item], layout: Layout) -> tuple[Node, ...]:
    """The tree of a document's headings, given in document order."""
    roots: list[_Open] = []
    stack: list[_Open] = []
    for item in items:
        if item.restart:
            stack.clear()
        elif item.resume:
            del stack[1:]
        # An enumeration at the start of a paragraph (一是……) holds that paragraph only.
        while (
            stack
            and stack[-1].item.kind.paragraph_scoped
            and not stack[-1].item.inline
            and stack[-1].item.paragraph != item.paragraph
            and not _continues(stack[-1].item, item)
        ):
            stack.pop()
        if not item.inline:
            while stack and stack[-1].item.inline:
                stack.pop()
        if item.level is not None:
            _close_levels(stack, item.level)
        else:
            _close_back(stack, item)
        entry = _Open(item)
        (stack[-1].children if stack else roots).append(entry)
        stack.append(entry)
    return _freeze_all(roots, layout)


def _close_back(stack: list[_Open], item: Item) -> None:
    """Pop the open headings that the new one closes."""
    # An inline item looks only at the inline run it may continue, never at block headings.
    floor = len(stack)
    while floor and (stack[floor - 1].item.inline or not item.inline):
        floor -= 1
    # … unless the run began at the start of a paragraph (一是…… then 。二是……).
    if item.inline and floor and _continues(stack[floor - 1].item, item):
        floor -= 1
    for i in range(len(stack) - 1, floor - 1, -1):
        if stack[i].item.kind.name == item.kind.name:
            del stack[i:]
            return
    while len(stack) > floor and stack[-1].item.kind.rank > item.kind.rank:
        stack.pop()


def _close_levels(stack: list[_Open], level: int) -> None:
    """Pop the open headings at a style level or deeper: a styled one by its level, a numbered
    one by its depth in the tree."""
    while stack and (stack[-1].item.level or len(stack)) >= level:
        stack.pop()


def _continues(open_item: Item, item: Item) -> bool:
    return open_item.kind.name == item.kind.name and open_item.number == item.number - 1


def _freeze_all(entries: list[_Open], layout: Layout) -> tuple[Node, ...]:
    """Nodes from open entries; a styled heading, which has no numeral, counts its place
    among the styled headings beside it."""
    styled = 0
    nodes = []
    for entry in entries:
        number = entry.item.number
        if entry.item.kind.name == "styled":
            styled += 1
            number = styled
        nodes.append(_freeze(entry, layout, number))
    return tuple(nodes)


def _freeze(entry: _Open, layout: Layout, number: int) -> Node:
    item = entry.item
    line, column = layout.locate(item.marker_start)
    return Node(
        kind=item.kind.name,
        marker=item.marker,
        number=number,
        title=item.title,
        line=line,
        column=column,
        start=item.start,
        marker_start=item.marker_start,
        body_start=item.body_start,
        end=item.end,
        inline=item.inline,
        restart=item.restart,
        children=_freeze_all(entry.children, layout),
    )
