"""Word (.docx): the skeleton as a Word outline, for writers who build on it.

The document's title is in the Title style and each heading in the built-in style of its level
(Heading 1 … Heading 9; deeper levels stay at 9), so Word's navigation pane, its outline view
and a table of contents show the skeleton. With `body`, each heading's own text follows it, one
Normal paragraph per line. python-docx, which the .docx reader uses too, is imported only when
a document is rendered.
"""

from __future__ import annotations

import datetime
import io
from typing import TYPE_CHECKING

from outline.model import Document
from outline.render.plain import heading_text
from outline.render.xmlchars import xml_safe

if TYPE_CHECKING:
    from outline.render import Options

if TYPE_CHECKING:
    from docx.document import Document as WordDocument

WORD_HEADING_LEVELS = 9
"""Word's built-in heading styles go down to Heading 9."""


def render(doc: Document, title: str = "", depth: int | None = None, body: bool = False) -> bytes:
    """The document as the bytes of a .docx file; `title` stands in when it has none."""
    word = build(doc, title, depth, body)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def build(
    doc: Document, title: str = "", depth: int | None = None, body: bool = False
) -> WordDocument:
    """The Word document, before it is saved."""
    import docx  # optional and heavy: only a docx export pays for it

    word = docx.Document()
    heading = xml_safe(doc.title or title)
    properties = word.core_properties
    properties.title = heading
    properties.author = properties.last_modified_by = ""
    properties.created = properties.modified = datetime.datetime.now(datetime.UTC)
    properties.revision = 1
    if heading:
        word.add_heading(heading, level=0)
    for visit in doc.walk():
        if depth is not None and visit.level > depth:
            continue
        level = min(visit.level, WORD_HEADING_LEVELS)
        word.add_heading(xml_safe(heading_text(visit.node)), level=level)
        if body:
            for line in doc.body(visit.node).splitlines():
                if line.strip():
                    word.add_paragraph(xml_safe(line.strip()))
    return word


def export(doc: Document, options: Options) -> bytes:
    """The .docx export: `render` as the CLI's options ask."""
    return render(doc, title=options.stem, depth=options.depth, body=options.body)
