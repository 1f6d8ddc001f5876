"""The parts of an exported .docx, and the zip that holds them.

The package is written here, part by part, rather than from a template: it holds what the
layout needs and nothing else, and the same document gives the same bytes every time — every
member is dated 1980-01-01 (zip's first day), and no part records when it was made — so that
an export can be compared with an earlier one, and a golden file kept.
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

from outline.render.docx_draft import Paragraph
from outline.render.docx_layout import Layout
from outline.render.docx_styles import (
    DECLARATION,
    INLINE_BODY,
    R_NS,
    W_NS,
    font_table,
    settings,
    style_id,
    styles,
)

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
"""The time stamp of every member: the earliest a zip archive can hold."""
PACKAGE_NS = "http://schemas.openxmlformats.org/package/2006"
DOCUMENT_TYPES = "application/vnd.openxmlformats-officedocument"
RELATIONSHIP_TYPES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WORD_PARTS = {
    "styles.xml": "styles",
    "settings.xml": "settings",
    "fontTable.xml": "fontTable",
}
"""Parts of word/ that the document relates to, by their relationship's type."""
FOOTERS = ("footer1.xml", "footer2.xml")
"""The footers of odd and of even pages."""
OUTER_SPACE = 1
"""Characters between a page number and the outer edge of its line."""


def package(paragraphs: list[Paragraph], layout: Layout, title: str) -> bytes:
    """The .docx file holding the paragraphs laid out."""
    parts = {
        "[Content_Types].xml": _content_types(layout),
        "_rels/.rels": _package_relationships(),
        "docProps/core.xml": _core(title),
        "docProps/app.xml": _app(),
        "word/document.xml": document(paragraphs, layout),
        "word/_rels/document.xml.rels": _document_relationships(layout),
        "word/styles.xml": styles(layout),
        "word/settings.xml": settings(layout),
        "word/fontTable.xml": font_table(layout),
    }
    if layout.page_number is not None:
        parts["word/footer1.xml"] = footer(layout, odd=True)
        parts["word/footer2.xml"] = footer(layout, odd=False)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, xml in parts.items():
            info = zipfile.ZipInfo(name, ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, xml.encode("utf-8"))
    return out.getvalue()


def document(paragraphs: list[Paragraph], layout: Layout) -> str:
    """word/document.xml: the paragraphs, then the section's page, margins and grid; a line
    each, so that two exports compare line by line (white space between paragraphs is not
    text)."""
    body = "".join(f"{_paragraph(p, layout)}\n" for p in paragraphs)
    return (
        f'{DECLARATION}<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>\n'
        f"{body}{_section(layout)}\n</w:body></w:document>\n"
    )


def _paragraph(paragraph: Paragraph, layout: Layout) -> str:
    key = style_id(paragraph.role, paragraph.level)
    properties = f'<w:pStyle w:val="{key}"/>' if key else ""
    properties += "<w:keepNext/>" if paragraph.keep_next else ""
    if paragraph.centred_over:
        look = layout.signature
        chars = look.right + paragraph.centred_over
        twips = round(chars * look.font.size * 20)
        properties += f'<w:ind w:right="{twips}" w:rightChars="{round(chars * 100)}"/>'
    cut = paragraph.heading if paragraph.role == "heading" else len(paragraph.text)
    runs = _runs(paragraph.text[:cut]) + _runs(paragraph.text[cut:], INLINE_BODY)
    return f"<w:p>{f'<w:pPr>{properties}</w:pPr>' if properties else ''}{runs}</w:p>"


def _runs(text: str, character_style: str | None = None) -> str:
    """Text as runs, a tab as w:tab; in a character style if one is given."""
    if not text:
        return ""
    style = f'<w:rPr><w:rStyle w:val="{character_style}"/></w:rPr>' if character_style else ""
    pieces = [
        f'<w:t xml:space="preserve">{escape(piece)}</w:t>' if piece else ""
        for piece in text.split("\t")
    ]
    return f"<w:r>{style}{'<w:tab/>'.join(pieces)}</w:r>"


def _section(layout: Layout) -> str:
    """The section's properties: footers, page size, margins and grid, in the schema's order."""
    page = layout.page
    width, height, top, bottom, left, right = page.twips()
    footers = ""
    if layout.page_number is not None:
        footers = (
            '<w:footerReference w:type="default" r:id="rIdFooterOdd"/>'
            '<w:footerReference w:type="even" r:id="rIdFooterEven"/>'
        )
    margins = (
        f'<w:pgMar w:top="{top}" w:right="{right}" w:bottom="{bottom}" w:left="{left}"'
        f' w:header="851" w:footer="{round(page.footer * 1440 / 25.4)}" w:gutter="0"/>'
    )
    pitch = page.line_pitch()
    grid = ""
    if pitch is not None:  # the character grid goes with a switch to "lines and characters"
        space = page.char_space(layout.body.font.size)
        spaced = f' w:charSpace="{space}"' if space is not None else ""
        grid = f'<w:docGrid w:type="lines" w:linePitch="{pitch}"{spaced}/>'
    return (
        f'<w:sectPr>{footers}<w:pgSz w:w="{width}" w:h="{height}"/>{margins}'
        f'<w:cols w:space="425"/>{grid}</w:sectPr>'
    )


def footer(layout: Layout, *, odd: bool) -> str:
    """A footer with the page number between two dashes (— 1 —), one character in from the
    outer edge: the right on odd pages, the left on even ones."""
    font = layout.page_number
    space = round((font.size if font else 14) * 20) * OUTER_SPACE
    side = "right" if odd else "left"
    number = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    return (
        f'{DECLARATION}<w:ftr xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:p><w:pPr>'
        f'<w:pStyle w:val="Footer"/><w:ind w:{side}="{space}"/><w:jc w:val="{side}"/></w:pPr>'
        f'<w:r><w:t xml:space="preserve">— </w:t></w:r>{number}'
        f'<w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>'
    )


def _content_types(layout: Layout) -> str:
    overrides = {
        "/word/document.xml": "wordprocessingml.document.main+xml",
        "/word/styles.xml": "wordprocessingml.styles+xml",
        "/word/settings.xml": "wordprocessingml.settings+xml",
        "/word/fontTable.xml": "wordprocessingml.fontTable+xml",
        "/docProps/app.xml": "extended-properties+xml",
    }
    if layout.page_number is not None:
        overrides.update({f"/word/{name}": "wordprocessingml.footer+xml" for name in FOOTERS})
    listed = "".join(
        f'<Override PartName="{name}" ContentType="{DOCUMENT_TYPES}.{kind}"/>'
        for name, kind in overrides.items()
    )
    return (
        f'{DECLARATION}<Types xmlns="{PACKAGE_NS}/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'{listed}<Override PartName="/docProps/core.xml" '
        'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>'
    )


def _relationships(rows: list[tuple[str, str, str]]) -> str:
    listed = "".join(
        f'<Relationship Id="{key}" Type="{kind}" Target="{target}"/>' for key, kind, target in rows
    )
    return (
        f'{DECLARATION}<Relationships xmlns="{PACKAGE_NS}/relationships">{listed}</Relationships>'
    )


def _package_relationships() -> str:
    return _relationships(
        [
            ("rId1", f"{RELATIONSHIP_TYPES}/officeDocument", "word/document.xml"),
            ("rId2", f"{PACKAGE_NS}/relationships/metadata/core-properties", "docProps/core.xml"),
            ("rId3", f"{RELATIONSHIP_TYPES}/extended-properties", "docProps/app.xml"),
        ]
    )


def _document_relationships(layout: Layout) -> str:
    rows = [
        (f"rId{kind}", f"{RELATIONSHIP_TYPES}/{kind}", name) for name, kind in WORD_PARTS.items()
    ]
    if layout.page_number is not None:
        rows += [
            ("rIdFooterOdd", f"{RELATIONSHIP_TYPES}/footer", FOOTERS[0]),
            ("rIdFooterEven", f"{RELATIONSHIP_TYPES}/footer", FOOTERS[1]),
        ]
    return _relationships(rows)


def _core(title: str) -> str:
    return (
        f"{DECLARATION}<cp:coreProperties "
        f'xmlns:cp="{PACKAGE_NS}/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">'
        f"<dc:title>{escape(title)}</dc:title><cp:revision>1</cp:revision></cp:coreProperties>"
    )


def _app() -> str:
    return (
        f"{DECLARATION}<Properties "
        'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        "<Application>outline</Application></Properties>"
    )
