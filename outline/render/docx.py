"""Word (.docx): the skeleton as a Word outline, or the whole draft laid out.

Without `body`, the document's title in the Title style and each heading (down to `depth`) in
the built-in style of its level, Heading 1 … Heading 9, so that Word's navigation pane, its
outline view and a table of contents show the skeleton. With `body`, every paragraph of the
draft, in order: headings in their styles, the rest as body text, title, salutation, signature
and date where GB/T 9704 places them (`docx_draft`). `layout` says how it all looks: `plain`,
or `gbt9704` for an official document (`docx_layout`). The package is written part by part,
the same bytes for the same document (`docx_package`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from outline.model import Document
from outline.render.docx_draft import WORD_HEADING_LEVELS, skeleton, whole
from outline.render.docx_layout import LAYOUTS, PLAIN
from outline.render.docx_package import package
from outline.render.xmlchars import xml_safe

if TYPE_CHECKING:
    from outline.render import Options

__all__ = ["LAYOUTS", "WORD_HEADING_LEVELS", "export", "render"]


def render(
    doc: Document,
    title: str = "",
    depth: int | None = None,
    body: bool = False,
    layout: str = PLAIN.name,
) -> bytes:
    """The document as the bytes of a .docx file; `title` stands in when it has none (for
    the skeleton, and the file's properties). `depth` leaves deeper headings out of the
    skeleton; the whole draft (`body`) keeps every paragraph."""
    paragraphs = whole(doc) if body else skeleton(doc, title, depth)
    return package(paragraphs, LAYOUTS[layout], xml_safe(doc.title or title))


def export(doc: Document, options: Options) -> bytes:
    """The .docx export: `render` as the CLI's options ask."""
    return render(
        doc,
        title=options.stem,
        depth=options.depth,
        body=options.body,
        layout=options.layout or PLAIN.name,
    )
