"""FreeMind and Freeplane (.mm): the skeleton as a mind map in their XML.

`<map version="1.0.1">` holds one `<node>` for the document — its title, or its file name —
and under it a `<node>` per heading, whose TEXT is the heading as one reads it (一、总体要求).
With `body`, a heading's own text is its note: a `<richcontent TYPE="NOTE">` holding a small
HTML page, one paragraph per line. Every character beyond ASCII is written as a character
reference (&#19968;), as FreeMind itself writes them, so that the file reads the same whatever
encoding a program assumes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from xml.etree import ElementTree as ET

from outline.model import Document
from outline.render.mindmap import Branch, branches, central_topic, note
from outline.render.xmlchars import xml_safe

if TYPE_CHECKING:
    from outline.render import Options

VERSION = "1.0.1"
"""The FreeMind file version; Freeplane opens it too."""


def render(doc: Document, title: str = "", depth: int | None = None, body: bool = False) -> str:
    """The document as a FreeMind map; `title` stands in when it has none."""
    mind = ET.Element("map", version=VERSION)
    root = ET.SubElement(mind, "node", ID="ID_root", TEXT=xml_safe(central_topic(doc, title)))

    def grow(parent: ET.Element, branch: Branch) -> None:
        attributes = {"ID": f"ID_{branch.index + 1}", "TEXT": xml_safe(branch.text)}
        if branch.level == 1:
            attributes["POSITION"] = "right"
        node = ET.SubElement(parent, "node", attributes)
        text = note(doc, branch.node) if body else ""
        if text:
            node.append(_note(text))
        for child in branch.children:
            grow(node, child)

    for branch in branches(doc, depth):
        grow(root, branch)
    ET.indent(mind, space="  ")
    written: bytes = ET.tostring(mind, encoding="us-ascii")
    return written.decode("ascii") + "\n"


def _note(text: str) -> ET.Element:
    """A note as FreeMind keeps it: an HTML page inside `<richcontent TYPE="NOTE">`."""
    rich = ET.Element("richcontent", TYPE="NOTE")
    page = ET.SubElement(rich, "html")
    ET.SubElement(page, "head")
    content = ET.SubElement(page, "body")
    for line in text.splitlines():
        ET.SubElement(content, "p").text = xml_safe(line)
    return rich


def export(doc: Document, options: Options) -> str:
    """The FreeMind export: `render` as the CLI's options ask."""
    return render(doc, title=options.stem, depth=options.depth, body=options.body)
