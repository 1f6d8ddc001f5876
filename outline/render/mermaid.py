"""Mermaid: the skeleton as a `mindmap` block, which GitHub, GitLab, Typora and Obsidian draw.

The first line is `mindmap`; then the document's title (or file name) as the root, and each
heading one line deeper, indented two spaces a level — Mermaid nests by indentation. Every
label is a quoted node, `n12["一、总体要求"]`, whose id is the heading's place: inside the
quotes Mermaid's grammar ends a label only at `"`, so brackets and parentheses are text.

What Mermaid would still read as something else is written as its entity code (`#quot;`,
`#35;`), which Mermaid turns back into the character only in the picture it draws: `"` (the
label's end), `#` (an entity), `%` (a directive or comment), `:` and `@` (icons, styles and
links), `<` `>` `&` (HTML), `` ` `` `*` `_` `~` `[` `]` `\\` `|` `$` (Markdown, which Mermaid
applies to labels), a leading `-` `+` or `1.` (a Markdown list) and the line breaks.

>>> from outline import parse
>>> print(render(parse("关于<b>试点</b>的方案\\n一、总体要求\\n1.目标\\n"), title="x"), end="")
mindmap
  root["关于#60;b#62;试点#60;/b#62;的方案"]
    n0["一、总体要求"]
      n1["1.目标"]
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from outline.model import Document
from outline.render.mindmap import Branch, branches, central_topic

if TYPE_CHECKING:
    from outline.render import Options

INDENT = "  "
ENTITIES = {'"': "#quot;", "\n": "#10;", "\r": "#13;"}
"""Characters written as a named entity or as one of the line ends."""
SPECIAL = re.compile(r"""["#%:@<>&`*_~\[\]\\|$\r\n]""")
"""Characters that Mermaid or its Markdown would read as syntax, anywhere in a label."""
LIST_START = re.compile(r"^(\s*)(?:([-+])|(\d+)([.)]))(?=\s|$)")
"""A label that Markdown would take for a list item: - a, + a, 1. a, 1) a."""


def label(text: str) -> str:
    """Text as the inside of a quoted Mermaid label, showing as it is.

    >>> label('"]] <script>')
    '#quot;#93;#93; #60;script#62;'
    >>> label("1. 2024年")
    '1#46; 2024年'
    """
    escaped = SPECIAL.sub(lambda m: ENTITIES.get(m[0], f"#{ord(m[0])};"), text)
    return LIST_START.sub(_list_start, escaped, count=1)


def _list_start(match: re.Match[str]) -> str:
    space, sign, digits, stop = match.groups()
    if sign:
        return f"{space}#{ord(sign)};"
    return f"{space}{digits}#{ord(stop)};"


def unlabel(text: str) -> str:
    """A label's text as Mermaid shows it: its entity codes turned back into characters.

    >>> unlabel(label('a"#b\\n'))
    'a"#b\\n'
    """
    named = {code: char for char, code in ENTITIES.items()}
    return re.sub(r"#(\w+);", lambda m: named.get(m[0]) or chr(int(m[1])), text)


def render(doc: Document, depth: int | None = None, title: str = "") -> str:
    """The document as a Mermaid mindmap; `title` stands in when it has none."""
    lines = ["mindmap", f'{INDENT}root["{label(central_topic(doc, title))}"]']

    def grow(branch: Branch) -> None:
        indent = INDENT * (branch.level + 1)
        lines.append(f'{indent}n{branch.index}["{label(branch.text)}"]')
        for child in branch.children:
            grow(child)

    for branch in branches(doc, depth):
        grow(branch)
    return "".join(line + "\n" for line in lines)


def export(doc: Document, options: Options) -> str:
    """The Mermaid export: `render` as the CLI's options ask."""
    return render(doc, depth=options.depth, title=options.stem)
