"""Headings that a file marks by style rather than by number (.docx): items for `nest`.

A paragraph styled "heading N" (标题 N) or given an outline level becomes a heading of kind
"styled", with an empty marker, unless a marker already opens it: then that heading carries the
level. In the tree, a heading with a level closes the open headings of that level or deeper — a
styled one by its level, a numbered one by its depth — and the headings after it nest under it
as their markers say.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from outline.parser.items import Item
from outline.parser.layout import SENTENCE_STOPS, SPACE, Layout
from outline.parser.markers import KINDS

TITLE_END = re.compile(f"[{SENTENCE_STOPS}]")
STYLED = KINDS["styled"]


def with_levels(
    layout: Layout, items: list[Item], levels: Mapping[int, int], title_line: int | None
) -> list[Item]:
    """The items with the style levels of their lines, and an item for each styled line that
    no marker opens (the document's title line and blank lines aside)."""
    if not levels:
        return items
    merged: list[Item] = []
    opened: set[int] = set()  # lines a block heading opens
    for item in items:
        line = layout.locate(item.marker_start)[0]
        if item.inline or line in opened:
            merged.append(item)
            continue
        opened.add(line)
        merged.append(item._replace(level=levels.get(line)))
    added = [
        _item(layout, line, level)
        for line, level in sorted(levels.items())
        if line not in opened
        and line != title_line
        and 1 <= line <= len(layout.line_starts)
        and layout.line_text(line - 1).strip(SPACE)
    ]
    if not added:
        return merged
    ordered = sorted([*merged, *added], key=lambda i: i.start)
    ends = [i.start for i in ordered[1:]] + [len(layout.text)]
    return [i._replace(end=end) for i, end in zip(ordered, ends, strict=True)]


def _item(layout: Layout, line: int, level: int) -> Item:
    """The heading a styled line makes: its text up to the first 。！？； is the title."""
    start, end = layout.line_starts[line - 1], layout.line_ends[line - 1]
    text = layout.text[start:end]
    first = start + len(text) - len(text.lstrip(SPACE))
    content = text.strip(SPACE)
    stop = TITLE_END.search(content)
    title = content[: stop.start()] if stop else content
    body_start = first + (stop.end() if stop else len(content))
    return Item(
        kind=STYLED,
        marker="",
        number=0,
        title=title.strip(SPACE),
        start=start,
        marker_start=first,
        body_start=body_start,
        end=len(layout.text),
        inline=False,
        paragraph=layout.paragraph_at(first),
        restart=False,
        resume=False,
        level=level,
    )
