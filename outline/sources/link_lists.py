"""Lists of links on a page that no known container marks: the menus, 热点文章 and 友情链接 of
an old site laid out in tables, whose numbers (1.县委常委会研究部署春耕工作) are no headings.

A list of links is an element holding three links or more, whose text is mostly theirs and
little else, none of it a stretch of prose: an article quoting a link or two keeps its text,
and so does a short notice beside a menu. Every element's text is counted
once, from the leaves up, so a page of any depth is read in time linear in its size.
"""

from __future__ import annotations

from typing import Any

Node = Any
"""A selectolax (Lexbor) node."""

MIN_LINKS = 3
LINK_SHARE = 0.6
"""A list of links has at least this share of its text in links …"""
OWN_TEXT = 200
"""… and fewer characters than this outside them."""
PROSE = 20
"""Characters of text outside links, in one piece, that make an element more than a list of
links (a notice beside a menu), whatever else it holds."""
SKIPPED = frozenset({"script", "style", "noscript", "template", "head", "-comment"})


def link_lists(root: Node) -> set[int]:
    """The elements (by `mem_id`) that are lists of links, outermost ones and those inside
    them alike."""
    order = [n for n in root.traverse(include_text=True) if n.tag not in SKIPPED]
    top = root.mem_id
    text: dict[int, int] = {}
    links: dict[int, int] = {}
    count: dict[int, int] = {}
    prose: set[int] = set()  # elements holding a stretch of text outside any link
    found: set[int] = set()
    for node in reversed(order):
        key = node.mem_id
        if node.tag == "-text":
            size = len("".join((node.text_content or "").split()))
            own, linked, n, written = size, 0, 0, size >= PROSE
        else:
            own, linked, n = text.get(key, 0), links.get(key, 0), count.get(key, 0)
            written = key in prose
            if node.tag == "a":
                linked, n, written = own, n + 1, False
            elif (
                n >= MIN_LINKS
                and not written
                and linked >= LINK_SHARE * own
                and own - linked < OWN_TEXT
            ):
                found.add(key)
        parent = node.parent
        if parent is not None and key != top:
            up = parent.mem_id
            text[up] = text.get(up, 0) + own
            links[up] = links.get(up, 0) + linked
            count[up] = count.get(up, 0) + n
            if written:
                prose.add(up)
    return found
