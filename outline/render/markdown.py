"""Markdown: the title as `#`, levels 1–5 as `##`…`######`, deeper levels as nested lists.

Markers are kept and text is escaped, so that a title such as `1.` or `*` never changes the
structure. The output renders as a mind map in markmap as it is.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from outline.model import Document
from outline.render.plain import heading_text

if TYPE_CHECKING:
    from outline.render import Options

HEADING_LEVELS = 5
"""Levels 1..5 become ## … ######; deeper ones become list items."""
INDENT = "  "
BREAK = "---"
"""Where an attachment or a second document begins: its numbering starts afresh."""
_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")
_LIST_START = re.compile(r"^([0-9]+)([.)])|^([-+])(?=\s|$)")


def escape(text: str) -> str:
    """Text that Markdown shows as it is, wherever it stands."""
    return _SPECIAL.sub(r"\\\1", text)


def _list_item(text: str) -> str:
    """Escape what would otherwise start a nested list inside a list item (1. or -)."""
    return _LIST_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", text, count=1)


def render(
    doc: Document, depth: int | None = None, style: str = "headings", title: str = ""
) -> str:
    """The skeleton as Markdown; `style` "list" gives one nested list under the title."""
    heading = doc.title or title
    lines = [f"# {escape(heading)}", ""] if heading else []
    deepest_heading = 0 if style == "list" else HEADING_LEVELS
    for visit in doc.walk():
        if depth is not None and visit.level > depth:
            continue
        text = escape(heading_text(visit.node))
        if visit.node.restart and visit.node.kind != "attachment":
            lines.extend(["", BREAK, ""])  # an attachment's own heading says it begins
        if visit.level <= deepest_heading:
            lines.append(f"{'#' * (visit.level + 1)} {text}")
        else:
            indent = INDENT * (visit.level - deepest_heading - 1)
            lines.append(f"{indent}- {_list_item(text)}")
    return "".join(line + "\n" for line in lines)


def export(doc: Document, options: Options) -> str:
    """The Markdown export: `render` as the CLI's options ask."""
    return render(doc, depth=options.depth, style=options.md_style, title=options.stem)
