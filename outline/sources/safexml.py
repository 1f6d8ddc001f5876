"""XML from untrusted packages, parsed without entities, DTDs or the network.

An entity is never expanded (no billion laughs, no file or URL read through one): lxml keeps
it as a node of its own, and the text on either side of it stays (`text` joins them), so
`一、总体&xxe;要求` reads `一、总体要求`. Damaged XML is read as far as it goes, as Word and
LibreOffice read what they can.
"""

from __future__ import annotations

from typing import Any

from outline.sources.model import SourceError

Element = Any
"""An lxml element (lxml ships no type information)."""


def parse(data: bytes, refusal: str = "is damaged XML") -> Element:
    """The root element of an XML document; SourceError with `refusal` if nothing of it can be
    read."""
    from lxml import etree  # heavy: imported by the readers that need it

    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        recover=True,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError):
        root = None
    if root is None:
        raise SourceError(refusal)
    return root


def local(tag: object) -> str:
    """An element's name without its namespace or prefix ("" for an entity or comment)."""
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].rsplit(":", 1)[-1]


def text(element: Element) -> str:
    """An element's own text: before, between and after the entities left in it."""
    pieces = [element.text or ""]
    for child in element:
        if not isinstance(child.tag, str):  # an entity, comment or processing instruction
            pieces.append(child.tail or "")
    return "".join(pieces)
