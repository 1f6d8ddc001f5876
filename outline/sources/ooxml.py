"""Finding the parts of a Word package as Word does, and forgiving what Word forgives.

The main document is what the package's relationships name, else what [Content_Types].xml
says is one, else word/document.xml. Its styles and numbering are what the document's
relationships name; a relationship whose target is missing ("NULL", a part never written) is
passed over as Word passes over it, and the usual part (word/styles.xml) is taken if it is
there. Strict OOXML (ISO 29500 strict) names its elements in other namespaces; they are renamed
to the transitional ones, which the readers use.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from outline.sources import safexml
from outline.sources.model import SourceError
from outline.sources.package import Package

W_URI = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STRICT = {
    "http://purl.oclc.org/ooxml/wordprocessingml/main": W_URI,
    "http://purl.oclc.org/ooxml/officeDocument/relationships": (
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    ),
}
"""Strict OOXML namespaces and the transitional ones they stand for."""
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
MAIN_TYPES = (
    "wordprocessingml.document.main+xml",
    "wordprocessingml.template.main+xml",
    "document.macroenabled.main+xml",
    "template.macroenabled.main+xml",
)
"""Content types of a main document part (ends of them, in lower case)."""


@dataclass(frozen=True, slots=True)
class Parts:
    """The parts of a Word package that hold its text, numbering and styles."""

    document: str
    """The main document part."""
    styles: str | None
    """The style definitions, if the package has them."""
    numbering: str | None
    """The numbering definitions, if the package has them."""
    chunks: dict[str, str]
    """Parts that w:altChunk elements bring in, by relationship id."""


def locate(package: Package) -> Parts:
    """The parts of a Word package; SourceError if it has no main document."""
    document = _main_document(package)
    if document is None:
        raise SourceError("is a .docx without its document part (word/document.xml)")
    related = relationships(package, document)
    folder = posixpath.dirname(document)

    def part(kind: str, usual: str) -> str | None:
        found = next((t for _, k, t in related if k == kind), None)
        return found or package.find(posixpath.join(folder, usual))

    chunks = {key: target for key, kind, target in related if kind == "afchunk"}
    return Parts(document, part("styles", "styles.xml"), part("numbering", "numbering.xml"), chunks)


def relationships(package: Package, source: str) -> list[tuple[str, str, str]]:
    """(id, kind, part) of each relationship of a part whose target exists; the kind is the
    last word of its type, in lower case ("styles", "numbering", "officedocument")."""
    folder, base = posixpath.split(source)
    rels = package.find(posixpath.join(folder, "_rels", base + ".rels"))
    if rels is None:
        return []
    try:
        root = package.xml(rels)
    except SourceError:
        return []  # Word rebuilds what it can of a package whose relationships are damaged
    found = []
    for node in root.iter():
        if safexml.local(node.tag) != "Relationship" or node.get("TargetMode") == "External":
            continue
        kind = (node.get("Type") or "").rstrip("/").rsplit("/", 1)[-1].lower()
        target = package.resolve(source, node.get("Target") or "")
        if target is not None:
            found.append((node.get("Id") or "", kind, target))
    return found


def _main_document(package: Package) -> str | None:
    for _, kind, target in relationships(package, ""):
        if kind == "officedocument":
            return target
    types = package.find("[Content_Types].xml")
    if types is not None:
        try:
            root = package.xml(types)
        except SourceError:
            root = None
        for node in root.iter() if root is not None else ():
            content = (node.get("ContentType") or "").lower()
            if safexml.local(node.tag) == "Override" and content.endswith(MAIN_TYPES):
                found = package.resolve("", node.get("PartName") or "")
                if found is not None:
                    return found
    usual = package.find("word/document.xml")
    if usual is not None:
        return usual
    return next((n for n in package.names if n.lower().endswith("/document.xml")), None)


def transitional(root: safexml.Element) -> safexml.Element:
    """A part's tree with strict OOXML names renamed to transitional ones (unchanged when it
    has none)."""
    if not any(uri in (root.tag or "") for uri in STRICT) and not _mentions_strict(root):
        return root
    for element in root.iter():
        if isinstance(element.tag, str):
            element.tag = _renamed(element.tag)
            for name in [n for n in element.attrib if n.startswith("{")]:
                new = _renamed(name)
                if new != name:
                    element.attrib[new] = element.attrib.pop(name)
    return root


def _mentions_strict(root: safexml.Element) -> bool:
    return any(uri in STRICT for uri in (root.nsmap or {}).values())


def _renamed(name: str) -> str:
    if not name.startswith("{"):
        return name
    uri, _, rest = name[1:].partition("}")
    return f"{{{STRICT.get(uri, uri)}}}{rest}"
