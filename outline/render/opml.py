"""OPML 2.0: the skeleton for outliners and mind maps (XMind, MindNode, OmniOutliner, WorkFlowy,
Logseq import it).

The document's title is the head's `<title>`; each heading is an `<outline>` whose `text` is the
heading as one reads it (一、总体要求) and which also carries `marker`, `number`, `title`, `line`
and `kind`. With `body`, a heading's own text is its `_note`, the attribute outliners show as a
note under the item.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING
from xml.etree import ElementTree as ET

from outline.model import Document, Node
from outline.render.plain import heading_text
from outline.render.xmlchars import xml_safe

if TYPE_CHECKING:
    from outline.render import Options

DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def render(doc: Document, title: str = "", depth: int | None = None, body: bool = False) -> str:
    """The document as an OPML 2.0 file; `title` stands in when the document has none."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = xml_safe(doc.title or title)
    created = rfc822(doc.date) if doc.date else None
    if created:
        ET.SubElement(head, "dateCreated").text = created
    outlines = ET.SubElement(root, "body")
    parents = [outlines]
    for visit in doc.walk():
        if depth is not None and visit.level > depth:
            continue
        del parents[visit.level :]
        parents.append(ET.SubElement(parents[-1], "outline", attributes(doc, visit.node, body)))
    ET.indent(root, space="  ")
    return DECLARATION + ET.tostring(root, encoding="unicode") + "\n"


def attributes(doc: Document, node: Node, body: bool) -> dict[str, str]:
    """The attributes of one heading's `<outline>`."""
    found = {
        "text": heading_text(node),
        "marker": node.marker,
        "number": str(node.number),
        "title": node.title,
        "line": str(node.line),
        "kind": node.kind,
    }
    note = doc.body(node).strip() if body else ""
    if note:
        found["_note"] = note
    return {name: xml_safe(value) for name, value in found.items()}


def rfc822(date: str) -> str | None:
    """An ISO date as OPML's dateCreated writes it (RFC 822); None for a day that does not exist.

    >>> rfc822("2026-03-01")
    'Sun, 01 Mar 2026 00:00:00 GMT'
    >>> rfc822("2026-02-30") is None
    True
    """
    try:
        day = datetime.date.fromisoformat(date)
    except ValueError:
        return None
    return f"{DAYS[day.weekday()]}, {day.day:02d} {MONTHS[day.month - 1]} {day.year} 00:00:00 GMT"


def export(doc: Document, options: Options) -> str:
    """The OPML export: `render` as the CLI's options ask."""
    return render(doc, title=options.stem, depth=options.depth, body=options.body)
