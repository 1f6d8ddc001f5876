"""Nesting a flat stream of headings into a tree, with levels taken from the document itself.

A marker kind already open on the current branch closes back to it and continues its run; a new
kind opens a child. Ranks from the marker table settle what the order of appearance cannot:
a 第一节 closes the 第一条 above it, and a block heading closes an 一是 run. Inline enumerations
nest only among themselves, under the block heading whose paragraph holds them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from outline.model import Node
from outline.parser.items import Item
from outline.parser.layout import Layout
from outline.parser.markers import KINDS

OPENING_BRACKETS = "（(［[〔【"
ATTACHMENT = KINDS["attachment"]
STYLED = KINDS["styled"]
UNIT_TITLE = KINDS["unit-title"]


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
            if item.kind is ATTACHMENT:
                entry = _Open(item)
                roots.append(entry)
                stack.append(entry)
                continue
        elif item.resume:
            del stack[1:]
        _close_paragraphs(stack, item)
        floor = 1 if stack and stack[0].item.kind is ATTACHMENT else 0
        if item.kind is UNIT_TITLE:
            while len(stack) > floor and stack[-1].item.kind.unit:
                stack.pop()
        elif item.level is not None:
            _close_levels(stack, item.level, floor)
        else:
            _close_back(stack, item, floor)
        entry = _Open(item)
        (stack[-1].children if stack else roots).append(entry)
        stack.append(entry)
    return _freeze_all(roots, layout)


def _close_paragraphs(stack: list[_Open], item: Item) -> None:
    """Pop the open headings whose scope is a paragraph that the new one stands after."""
    # An enumeration at the start of a paragraph (一是……) holds that paragraph only; an item
    # inside a paragraph holds the rest of it only: a run in a later paragraph is no child of
    # it (……四是……。 then 一要……。二要……), unless it goes on.
    while (
        stack
        and (stack[-1].item.kind.paragraph_scoped or stack[-1].item.inline)
        and stack[-1].item.paragraph != item.paragraph
        and not _continues(stack[-1].item, item)
    ):
        stack.pop()
    # A block heading closes every item inside a paragraph.
    if not item.inline:
        while stack and stack[-1].item.inline:
            stack.pop()


def _close_back(stack: list[_Open], item: Item, bottom: int) -> None:
    """Pop the open headings that the new one closes, never those below `bottom` (an
    attachment's own node)."""
    # An inline item looks only at the inline run it may continue, never at block headings.
    floor = len(stack)
    while floor > bottom and (stack[floor - 1].item.inline or not item.inline):
        floor -= 1
    # … unless the run began at the start of a paragraph (一是…… then 。二是……).
    if item.inline and floor > bottom and _continues(stack[floor - 1].item, item):
        floor -= 1
    # A marker closes back to the open heading of its family whose number it continues: one
    # bracketed as it is first (（3） to （2）, past the 2) under it), then however written (⒉
    # after ⒈); failing that, to the one written the same way (（2） to （1）, ⑵ to ⑴, not 1)
    # to （1）); failing that, to one of its family written otherwise, unless it starts a list
    # of its own there (（1） then ⑴ opens a child).
    for rule in _RULES:
        for i in range(len(stack) - 1, floor - 1, -1):
            if _closes_back_to(stack[i].item, item, rule):
                del stack[i:]
                return
    # Ranks order the units among themselves (第一节 closes 第一条) and before lists and
    # enumerations — but the top-level sections of a text may hold its articles (一、管辖 第一条),
    # where a unit is their first child or follows units.
    while len(stack) > floor and stack[-1].item.kind.rank > item.kind.rank:
        if item.kind.unit and len(stack) == bottom + 1 and _holds_units(stack[-1]):
            break
        stack.pop()


_CONTINUES_ALIKE, _CONTINUES, _WRITTEN_ALIKE, _SAME_FAMILY = _RULES = range(4)


def _closes_back_to(open_item: Item, item: Item, rule: int) -> bool:
    """Whether a heading closes back to an open one, by one of the rules of `_close_back`."""
    if open_item.kind.kind != item.kind.kind:
        return False
    if rule in (_CONTINUES_ALIKE, _CONTINUES):
        continues = open_item.number == item.number - 1 and not item.sub
        return continues and (rule == _CONTINUES or _shape(open_item.marker) == _shape(item.marker))
    if rule == _WRITTEN_ALIKE:
        return _alike(open_item, item)
    return item.number != 1


def _alike(open_item: Item, item: Item) -> bool:
    """Whether a heading is written the way an open one is: in its row of the table, and not
    without the bracket the open one opens with (1) under （1） begins a list of its own, as
    in standards; （1） after 1) is that list's way of writing, a bracket lost or not)."""
    return open_item.kind is item.kind and (_shape(item.marker) or not _shape(open_item.marker))


def _shape(marker: str) -> bool:
    """How a marker is written, as far as it tells levels apart: whether it opens a bracket
    (（1） and (2) alike, 1) otherwise; 1. 1． 1、 alike)."""
    return marker.lstrip(" \t\u3000")[:1] in OPENING_BRACKETS


def _holds_units(entry: _Open) -> bool:
    """Whether a heading that is no unit may take a unit as its child: it has none but units."""
    return not entry.item.kind.unit and all(c.item.kind.unit for c in entry.children)


def _close_levels(stack: list[_Open], level: int, bottom: int) -> None:
    """Pop the open headings at a style level or deeper: a styled one by its level, a numbered
    one by its depth in the tree."""
    while len(stack) > bottom and (stack[-1].item.level or len(stack) - bottom) >= level:
        stack.pop()


def _continues(open_item: Item, item: Item) -> bool:
    return open_item.kind.kind == item.kind.kind and open_item.number == item.number - 1


def _freeze_all(entries: list[_Open], layout: Layout) -> tuple[Node, ...]:
    """Nodes from open entries; a styled heading, which has no numeral, counts its place
    among the styled headings beside it."""
    styled = 0
    nodes = []
    for entry in entries:
        number = entry.item.number
        if entry.item.kind is STYLED:
            styled += 1
            number = styled
        nodes.append(_freeze(entry, layout, number))
    return tuple(nodes)


def _freeze(entry: _Open, layout: Layout, number: int) -> Node:
    item = entry.item
    line, column = layout.locate(item.marker_start)
    return Node(
        kind=item.kind.kind,
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
        sub=item.sub,
        children=_freeze_all(entry.children, layout),
    )
