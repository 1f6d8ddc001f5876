"""A forgiving HTML tree for reading pages: elements, text, and a small selector language.

The standard library's parser does the tokenising; `parse_html` builds a tree as browsers
would for the pages this reads (an end tag closes up to its open element; <p> and <li> close
their open sibling), and `select` finds elements by tag, #id and .class, nested with spaces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from outline.sources.model import SourceError

VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)
"""Elements without content or end tag."""
MAX_DEPTH = 256
"""Elements nested deeper are read as if they were not (old pages leave <font> unclosed)."""
SIMPLE = re.compile(r"([A-Za-z][A-Za-z0-9]*)?((?:[#.][A-Za-z0-9_\-]+)*)")
Step = tuple[str | None, str | None, frozenset[str]]
"""One part of a selector: a tag, an id and classes, each perhaps left open."""


@dataclass(slots=True)
class Element:
    """A node of the page: tag, attributes, and children (elements and text)."""

    tag: str
    attrs: dict[str, str]
    children: list[Element | str] = field(default_factory=list)
    parent: Element | None = None

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())


class _Builder(HTMLParser):
    """A forgiving tree builder: an end tag closes up to its open element, if one is open."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("p", "li") and self.stack[-1].tag == tag:
            self.stack.pop()  # <p>one<p>two: the second closes the first
        element = Element(tag, {k: v or "" for k, v in attrs}, parent=self.stack[-1])
        self.stack[-1].children.append(element)
        if tag not in VOID and len(self.stack) < MAX_DEPTH:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, parent=self.stack[-1])
        self.stack[-1].children.append(element)

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        """A malformed <![…: skipped to its > as a browser does, where the standard parser
        would stop with an AssertionError."""
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            end = self.rawdata.find(">", i + 3)
            return -1 if end < 0 else end + 1


def parse_html(markup: str) -> Element:
    """The tree of a page's markup, under a root element "#root"."""
    builder = _Builder()
    builder.feed(markup)
    builder.close()
    return builder.root


def select(root: Element, selector: str) -> list[Element]:
    """The elements a selector matches, outermost ones only, in document order."""
    steps = [_compound(part) for part in selector.split()]
    if not steps:
        return []
    found: list[Element] = []
    _select(root, steps, 0, found)
    return found


def _compound(part: str) -> Step:
    match = SIMPLE.fullmatch(part)
    if not match or not part:
        raise SourceError(f"--html-selector: cannot read {part!r} (use tag, #id, .class)")
    tag, rest = match.group(1), match.group(2)
    ids = re.findall(r"#([A-Za-z0-9_\-]+)", rest)
    classes = frozenset(re.findall(r"\.([A-Za-z0-9_\-]+)", rest))
    return (tag.lower() if tag else None), (ids[0] if ids else None), classes


def _matches(element: Element, step: Step) -> bool:
    tag, id_, classes = step
    return (
        (tag is None or element.tag == tag)
        and (id_ is None or element.attrs.get("id") == id_)
        and classes <= element.classes
    )


def _select(element: Element, steps: list[Step], done: int, found: list[Element]) -> None:
    """Walks the tree once, in document order. `done` counts the steps that ancestors have
    matched, each as early as it could (the earliest is always as good for a chain of
    descendants); an element that matches the last one is found, and its inside not searched."""
    for child in element.children:
        if not isinstance(child, Element):
            continue
        if not _matches(child, steps[done]):
            _select(child, steps, done, found)
        elif done == len(steps) - 1:
            found.append(child)
        else:
            _select(child, steps, done + 1, found)
