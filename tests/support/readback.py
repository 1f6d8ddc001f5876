"""Reading exports back with ordinary parsers (the stdlib, python-docx), as another program would,
into the outline they hold: (level, marker, title, line) for every heading in order."""

from __future__ import annotations

import csv
import io
from html.parser import HTMLParser
from xml.etree import ElementTree as ET

from outline import Document
from outline.render.csv import uncell
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


def from_csv(text: str, *, keep_guards: bool = False) -> list[list[str]]:
    """The cells of a CSV export, the header first, with the guards against formulas taken
    off as the documentation says a program reading it back should (unless `keep_guards`);
    it starts with a byte order mark."""
    assert text.startswith("\ufeff")
    rows = csv.reader(io.StringIO(text[1:], newline=""))
    return [[value if keep_guards else uncell(value) for value in row] for row in rows]


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


Topic = tuple[int, str]
"""A mind map's topic: its level (1 for a heading at the top) and its text (一、总体要求)."""


def topics_of(doc: Document, depth: int | None = None, xml: bool = True) -> list[Topic]:
    """What every mind map of a document must give back."""
    from outline.render.plain import heading_text

    clean = xml_safe if xml else str
    return [
        (v.level, clean(heading_text(v.node)))
        for v in doc.walk()
        if depth is None or v.level <= depth
    ]


def xmind_files(data: bytes) -> dict[str, bytes]:
    """The files of an .xmind zip by name."""
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        return {name: archive.read(name) for name in archive.namelist()}


def from_xmind_json(data: bytes) -> tuple[str, list[Topic], dict[str, str]]:
    """The central topic, the topics and the notes by topic text of an .xmind file's
    content.json, as the new XMind reads it."""
    import json

    sheets = json.loads(xmind_files(data)["content.json"])
    assert isinstance(sheets, list) and len(sheets) == 1
    sheet = sheets[0]
    assert sheet["class"] == "sheet"
    root = sheet["rootTopic"]
    found: list[Topic] = []
    notes: dict[str, str] = {}
    ids: set[str] = set()

    def visit(topic: dict[str, object], level: int) -> None:
        assert isinstance(topic["id"], str) and topic["id"] not in ids
        ids.add(topic["id"])
        children = topic.get("children", {})
        assert isinstance(children, dict)
        for child in children.get("attached", []):
            found.append((level, child["title"]))
            if "notes" in child:
                notes[child["title"]] = child["notes"]["plain"]["content"]
            visit(child, level + 1)

    visit(root, 1)
    return root["title"], found, notes


def from_xmind_xml(data: bytes) -> tuple[str, list[Topic], dict[str, str]]:
    """The same from XMind 8's content.xml, which META-INF/manifest.xml lists."""
    files = xmind_files(data)
    manifest = ET.fromstring(files["META-INF/manifest.xml"])
    ns = {"m": "urn:xmind:xmap:xmlns:manifest:1.0", "x": "urn:xmind:xmap:xmlns:content:2.0"}
    listed = {entry.get("full-path") for entry in manifest.findall("m:file-entry", ns)}
    assert "content.xml" in listed
    content = ET.fromstring(files["content.xml"])
    assert content.tag == "{urn:xmind:xmap:xmlns:content:2.0}xmap-content"
    root = content.find("x:sheet/x:topic", ns)
    assert root is not None
    found: list[Topic] = []
    notes: dict[str, str] = {}

    def visit(topic: ET.Element, level: int) -> None:
        for child in topic.findall("x:children/x:topics[@type='attached']/x:topic", ns):
            title = child.findtext("x:title", "", ns)
            found.append((level, title))
            note = child.findtext("x:notes/x:plain", None, ns)
            if note is not None:
                notes[title] = note
            visit(child, level + 1)

    visit(root, 1)
    return root.findtext("x:title", "", ns), found, notes


def from_freemind(text: str) -> tuple[str, list[Topic], dict[str, str]]:
    """The central topic, the topics and the notes (a line per paragraph) of a FreeMind map."""
    assert text.isascii()
    mind = ET.fromstring(text)
    assert mind.tag == "map" and mind.get("version") == "1.0.1"
    (root,) = mind.findall("node")
    found: list[Topic] = []
    notes: dict[str, str] = {}

    def visit(node: ET.Element, level: int) -> None:
        for child in node.findall("node"):
            found.append((level, child.get("TEXT", "")))
            rich = child.find("richcontent[@TYPE='NOTE']")
            if rich is not None:
                lines = [p.text or "" for p in rich.iterfind("html/body/p")]
                notes[child.get("TEXT", "")] = "\n".join(lines)
            visit(child, level + 1)

    visit(root, 1)
    return root.get("TEXT", ""), found, notes


def from_mermaid(text: str) -> tuple[str, list[Topic]]:
    """The root and the topics of a Mermaid mindmap, nested by indentation as Mermaid nests
    them, each label read as Mermaid shows it."""
    import re

    from outline.render.mermaid import unlabel

    lines = text.splitlines()
    assert lines[0] == "mindmap"
    found: list[tuple[int, str]] = []
    for line in lines[1:]:
        matched = re.fullmatch(r'( +)(\w+)\["([^"]*)"\]', line)
        assert matched, line
        found.append((len(matched[1]), unlabel(matched[3])))
    indents = sorted({indent for indent, _ in found})
    assert indents == list(range(2, 2 * len(indents) + 1, 2))
    (root_indent, root), *rest = found
    assert root_indent == 2 and all(indent > 2 for indent, _ in rest)
    return root, [(indent // 2 - 1, label) for indent, label in rest]


SVG = "{http://www.w3.org/2000/svg}"


def from_svg(text: str) -> tuple[str, list[Topic], list[str]]:
    """The central topic and the topics of an SVG mind map from each node's `<title>`, and
    each node's visible text (its lines joined); the picture holds no script."""
    svg = ET.fromstring(text)
    assert svg.tag == f"{SVG}svg"
    assert not list(svg.iter(f"{SVG}script"))
    assert not any(name.startswith("on") for e in svg.iter() for name in e.attrib)
    found: list[Topic] = []
    shown: list[str] = []
    for group in svg.iter(f"{SVG}g"):
        classes = (group.get("class") or "").split()
        if "node" not in classes:
            continue
        (level,) = [int(c.removeprefix("level-")) for c in classes if c.startswith("level-")]
        found.append((level, group.findtext(f"{SVG}title", "")))
        text_element = group.find(f"{SVG}text")
        assert text_element is not None
        shown.append("".join(text_element.itertext()))
    (root_level, root), *rest = found
    assert root_level == 0
    return root, rest, shown[1:]
