"""XMind: the skeleton as a mind map that XMind opens as it is, the new XMind (2020 and later,
XMind Zen) and XMind 8 alike.

An .xmind file is a zip. The new XMind reads `content.json` — a list of sheets, each with a
`rootTopic` whose subtopics are `children.attached` — with `metadata.json` and `manifest.json`
beside it; XMind 8 reads `content.xml` (namespace urn:xmind:xmap:xmlns:content:2.0, topics in
`<children><topics type="attached">`) listed by `META-INF/manifest.xml`. Both hold the same
tree: the central topic is the document's title (or its file name), each topic a heading as
one reads it, marker first; with `body`, a heading's own text is the topic's note (plain text).

Ids are derived from the place of each topic, not drawn at random, and the zip's dates are
fixed, so that the same document always gives the same bytes.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from typing import TYPE_CHECKING, Any
from xml.etree import ElementTree as ET

from outline.model import Document
from outline.render.mindmap import Branch, branches, central_topic, note
from outline.render.xmlchars import xml_safe

if TYPE_CHECKING:
    from outline.render import Options

CONTENT_NS = "urn:xmind:xmap:xmlns:content:2.0"
MANIFEST_NS = "urn:xmind:xmap:xmlns:manifest:1.0"
STRUCTURE = "org.xmind.ui.logic.right"
"""The layout of the map: a logic chart growing to the right, as an outline reads."""
CREATOR = {"name": "outline", "version": "0.1.0"}
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
"""The date every file of the zip carries: the earliest a zip can hold."""
XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'


def render(doc: Document, title: str = "", depth: int | None = None, body: bool = False) -> bytes:
    """The document as the bytes of an .xmind file; `title` stands in when it has none."""
    root = central_topic(doc, title)
    tree = branches(doc, depth)
    seed = hashlib.sha256(root.encode("utf-8", "surrogatepass")).hexdigest()
    files = {
        "content.json": _json(content_json(doc, root, tree, body, seed)),
        "content.xml": content_xml(doc, root, tree, body, seed),
        "metadata.json": _json({"creator": CREATOR}),
        "manifest.json": _json(
            {"file-entries": {"content.json": {}, "content.xml": {}, "metadata.json": {}}}
        ),
        "META-INF/manifest.xml": manifest_xml(),
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in files.items():
            archive.writestr(zipfile.ZipInfo(name, ZIP_DATE), text.encode("utf-8"))
    return out.getvalue()


def topic_id(seed: str, index: int) -> str:
    """A topic's id, 26 characters as XMind's own: the same place, the same id.

    >>> topic_id("a", 0) == topic_id("a", 0) != topic_id("a", 1)
    True
    """
    digest = hashlib.sha256(f"{seed}:{index}".encode()).hexdigest()
    return digest[:26]


def content_json(
    doc: Document, root: str, tree: tuple[Branch, ...], body: bool, seed: str
) -> list[dict[str, Any]]:
    """The sheets of the new XMind: one sheet whose root topic is the document."""

    def topic(branch: Branch) -> dict[str, Any]:
        found: dict[str, Any] = {
            "id": topic_id(seed, branch.index),
            "class": "topic",
            "title": xml_safe(branch.text),
        }
        text = note(doc, branch.node) if body else ""
        if text:
            found["notes"] = {"plain": {"content": xml_safe(text)}}
        if branch.children:
            found["children"] = {"attached": [topic(child) for child in branch.children]}
        return found

    root_topic: dict[str, Any] = {
        "id": topic_id(seed, -1),
        "class": "topic",
        "title": xml_safe(root),
        "structureClass": STRUCTURE,
    }
    if tree:
        root_topic["children"] = {"attached": [topic(branch) for branch in tree]}
    sheet = {
        "id": topic_id(seed, -2),
        "class": "sheet",
        "title": xml_safe(root),
        "rootTopic": root_topic,
        "topicPositioning": "fixed",
    }
    return [sheet]


def content_xml(doc: Document, root: str, tree: tuple[Branch, ...], body: bool, seed: str) -> str:
    """The same tree as XMind 8's content.xml."""

    def element(parent: ET.Element, tag: str, **attributes: str) -> ET.Element:
        return ET.SubElement(parent, tag, attributes)

    def topic(parent: ET.Element, branch: Branch) -> None:
        found = element(parent, "topic", id=topic_id(seed, branch.index))
        element(found, "title").text = xml_safe(branch.text)
        text = note(doc, branch.node) if body else ""
        if text:
            element(element(found, "notes"), "plain").text = xml_safe(text)
        attach(found, branch.children)

    def attach(parent: ET.Element, below: tuple[Branch, ...]) -> None:
        if below:
            topics = element(element(parent, "children"), "topics", type="attached")
            for branch in below:
                topic(topics, branch)

    content = ET.Element("xmap-content", {"xmlns": CONTENT_NS, "version": "2.0"})
    sheet = element(content, "sheet", id=topic_id(seed, -2))
    central = element(sheet, "topic", id=topic_id(seed, -1))
    central.set("structure-class", STRUCTURE)
    element(central, "title").text = xml_safe(root)
    attach(central, tree)
    element(sheet, "title").text = xml_safe(root)
    return XML_DECLARATION + ET.tostring(content, encoding="unicode")


def manifest_xml() -> str:
    """XMind 8's list of the files in the zip."""
    manifest = ET.Element("manifest", {"xmlns": MANIFEST_NS, "password-hint": ""})
    for path, media in (
        ("content.xml", "text/xml"),
        ("META-INF/", ""),
        ("META-INF/manifest.xml", "text/xml"),
    ):
        ET.SubElement(manifest, "file-entry", {"full-path": path, "media-type": media})
    return XML_DECLARATION + ET.tostring(manifest, encoding="unicode")


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False)


def export(doc: Document, options: Options) -> bytes:
    """The XMind export: `render` as the CLI's options ask."""
    return render(doc, title=options.stem, depth=options.depth, body=options.body)
