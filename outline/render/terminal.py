"""The skeleton as a rich tree for the terminal: colour by level, line numbers dim.

User text reaches rich only as `Text`, never as markup: a speech may contain `[...]`.
"""

from __future__ import annotations

from rich.text import Text
from rich.tree import Tree

from outline.model import Document, Node
from outline.render.plain import excerpt, heading_text

LEVEL_STYLES = ("bold red", "bold yellow", "green", "cyan", "magenta", "blue")


def tree(doc: Document, label: str, depth: int | None = None, body: int = 0) -> Tree:
    """A rich Tree of the document, under a label (its title, or its path)."""
    root = Tree(Text(label, style="bold"), guide_style="dim")
    branches: list[Tree] = [root]
    for visit in doc.walk():
        if depth is not None and visit.level > depth:
            continue
        del branches[visit.level :]
        branch = branches[-1].add(_label(doc, visit.node, visit.level, body))
        branches.append(branch)
    return root


def _label(doc: Document, node: Node, level: int, body: int) -> Text:
    style = LEVEL_STYLES[(level - 1) % len(LEVEL_STYLES)]
    label = Text()
    label.append(node.marker, style=style)
    label.append(heading_text(node)[len(node.marker) :], style=style if level == 1 else "")
    label.append(f"  {node.line}", style="dim")
    if body:
        text = excerpt(doc.body(node), body)
        if text:
            label.append("\n" + text, style="dim italic")
    return label
