"""Reading exports back with ordinary parsers (the stdlib, python-docx), as another program would,
into the outline they hold: (level, marker, title, line) for every heading in order."""

from __future__ import annotations

import csv
import io
from html.parser import HTMLParser
from xml.etree import ElementTree as ET

from outline import Document
from outline.render.xmlchars import xml_safe

Heading = tuple[int, str, str, int]


def outline_of(doc: Document, depth: int | None = None, xml: bool = False) -> list[Heading]:
    """What every export of a document must give back; `xml` for the formats built on XML,
    which show the characters XML cannot hold as �."""
    clean = xml_safe if xml else str
    return [
        (v.level, clean(v.node.marker), clean(v.node.title), v.node.line)
        for v in doc.walk()
        if depth is None or v.level <= depth
    ]


def from_opml(text: str) -> tuple[str, list[Heading]]:
    """The head's title and the outline of an OPML file."""
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == "opml"
    assert root.get("version") == "2.0"
    found: list[Heading] = []

    def visit(element: ET.Element, level: int) -> None:
        for child in element.findall("outline"):
            attributes = child.attrib
            text = attributes["text"]
            assert text.startswith(attributes["marker"])
            assert text.endswith(attributes["title"])
            found.append(
                (level, attributes["marker"], attributes["title"], int(attributes["line"]))
            )
            visit(child, level + 1)

    body = root.find("body")
    assert body is not None
    visit(body, 1)
    return root.findtext("head/title") or "", found


class _HtmlOutline(HTMLParser):
    """Follows the elements of class `node` and the marker, title and line spans inside them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, bool]] = []  # each element open: its tag, whether a node
        self.nodes: list[dict[str, str]] = []
        self.field: str | None = None
        self.title = ""
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        self.scripts += tag == "script"
        if tag == "meta":  # a void element: no end tag
            return
        is_node = "node" in classes
        self.open.append((tag, is_node))
        if is_node:
            level = sum(1 for _, node in self.open if node)
            assert f"level-{level}" in classes
            self.nodes.append({"level": str(level), "marker": "", "title": "", "line": ""})
        if tag == "title" or (tag == "span" and self.nodes and classes[0] in self.nodes[-1]):
            self.field = tag if tag == "title" else classes[0]

    def handle_endtag(self, tag: str) -> None:
        self.field = None
        popped, _ = self.open.pop()
        assert popped == tag, f"</{tag}> closes <{popped}>"

    def handle_data(self, data: str) -> None:
        if self.field == "title" and not self.nodes:
            self.title += data
        elif self.field is not None:
            self.nodes[-1][self.field] += data


def from_html(text: str) -> tuple[str, list[Heading]]:
    """The page's title and the outline of an HTML export; it holds no script."""
    parser = _HtmlOutline()
    parser.feed(text)
    parser.close()
    assert parser.open == []
    assert parser.scripts == 0
    found = [(int(n["level"]), n["marker"], n["title"], int(n["line"])) for n in parser.nodes]
    return parser.title, found


def from_csv(text: str) -> list[list[str]]:
    """The rows of a CSV export, the header first; it starts with a byte order mark."""
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:], newline="")))


def csv_outline(rows: list[list[str]]) -> list[Heading]:
    header = rows[0]
    at = {name: i for i, name in enumerate(header)}
    return [
        (int(r[at["level"]]), r[at["marker"]], r[at["title"]], int(r[at["line"]]))
        for r in rows[1:]
        if r[at["level"]] != "0"
    ]


def docx_paragraphs(data: bytes) -> list[tuple[str, str]]:
    """(style, text) of every paragraph of a .docx file."""
    import docx

    word = docx.Document(io.BytesIO(data))
    return [(p.style.name if p.style is not None else "", p.text) for p in word.paragraphs]


def docx_listing(data: bytes) -> str:
    """A .docx file as text for a golden file: each paragraph after its style."""
    return "".join(f"{style}: {text}\n" for style, text in docx_paragraphs(data))
