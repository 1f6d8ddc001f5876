"""The numbers a browser shows before the items of an ordered list (<ol>), which are no text of
the page: 1. 2. 3., or 一、 二、 for `list-style-type: cjk-ideographic`, from `start`, an item's
`value`, counting down in a `reversed` list (below 0 in digits, as no other system writes
it). The list's style is read from its `type` attribute and its own style attribute (a style
sheet's rules are not followed: such a list is numbered 1. 2. 3., as most are).
"""

from __future__ import annotations

import re
from typing import Any

from outline.parser.markers import marker_at
from outline.sources.numfmt import FORMATS

Node = Any
"""A selectolax (Lexbor) node."""

STYLES = {
    "decimal": ("decimal", ". "),
    "decimal-leading-zero": ("decimalZero", ". "),
    "lower-alpha": ("lowerLetter", ". "),
    "lower-latin": ("lowerLetter", ". "),
    "upper-alpha": ("upperLetter", ". "),
    "upper-latin": ("upperLetter", ". "),
    "lower-roman": ("lowerRoman", ". "),
    "upper-roman": ("upperRoman", ". "),
    "cjk-ideographic": ("chineseCounting", "、"),
    "simp-chinese-informal": ("chineseCounting", "、"),
    "trad-chinese-informal": ("chineseCounting", "、"),
    "cjk-decimal": ("ideographDigital", "、"),
    "simp-chinese-formal": ("chineseLegalSimplified", "、"),
    "cjk-heavenly-stem": ("ideographTraditional", "、"),
    "cjk-earthly-branch": ("ideographZodiac", "、"),
}
"""CSS list styles: the number format that writes the counter, and what follows it."""
TYPES = {
    "1": "decimal",
    "a": "lower-alpha",
    "A": "upper-alpha",
    "i": "lower-roman",
    "I": "upper-roman",
}
"""The `type` attribute of <ol>, as a CSS list style."""
LIST_STYLE = re.compile(r"list-style(?:-type)?\s*:\s*([^;]*)", re.IGNORECASE)
FIRST_TEXT_WITHIN = 20
"""Nodes into an item within which its first text is looked for."""
MAX_COUNTER = 99999
"""Counters are kept to this size: a crafted `start` makes no huge label."""


def list_labels(ol: Node, children: list[Node]) -> dict[int, str]:
    """For the item elements among an <ol>'s children (by index), the label shown before
    each; none for a list styled without numbers (none, disc …)."""
    style = _style(ol)
    if style is None:
        return {}
    write, suffix = FORMATS[style[0]], style[1]
    items = [i for i, child in enumerate(children) if child.tag == "li"]
    attrs = ol.attributes or {}
    down = "reversed" in attrs
    number = _int(attrs.get("start"), len(items) if down else 1)
    labels: dict[int, str] = {}
    for i in items:
        number = _int((children[i].attributes or {}).get("value"), number)
        if not _numbered(children[i]):
            labels[i] = (write(number) if number >= 0 else str(number)) + suffix
        number += -1 if down else 1
    return labels


def _numbered(item: Node) -> bool:
    """Whether an item's text begins with a number of its own (<li>一、总体要求</li>): a list
    whose numbers a style sheet hides, as such lists have. Only its first text is read."""
    for seen, node in enumerate(item.traverse(include_text=True)):
        if seen > FIRST_TEXT_WITHIN:
            return False
        if node.tag == "-text":
            text = (node.text_content or "").strip()
            if text:
                return marker_at(text) is not None
    return False


def _style(ol: Node) -> tuple[str, str] | None:
    """The number format and suffix of a list; None when it shows no numbers."""
    attrs = ol.attributes or {}
    name = TYPES.get((attrs.get("type") or "").strip(), "decimal")
    declared = LIST_STYLE.search(attrs.get("style") or "")
    if declared:
        words = declared.group(1).lower().split()
        known = [w for w in words if w in STYLES or w in ("none", "disc", "circle", "square")]
        if known:
            name = known[0]
    return STYLES.get(name)


def _int(value: str | None, default: int) -> int:
    """An attribute's integer, kept to the counters' range; `default` when it is none."""
    try:
        number = int((value or "").strip())
    except ValueError:
        return default
    return max(-MAX_COUNTER, min(MAX_COUNTER, number))
