"""Building .docx files for the tests with python-docx, numbering definitions written as XML."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

import docx
from docx.oxml import parse_xml

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = f'xmlns:w="{W_NS}"'


@dataclass(frozen=True)
class Para:
    """A paragraph to write: its text and how it is numbered or styled."""

    text: str
    style: str | None = None
    """A style id (Heading1, or one that `style_xml` defines)."""
    num: tuple[int, int] | None = None
    """(numId, ilvl) of its own numPr."""
    ilvl: int | None = None
    """A numPr with a level only, the list coming from the style."""
    outline: int | None = None
    """w:outlineLvl, 0-based."""
    table: tuple[tuple[str, ...], ...] | None = None
    """Write a table with these rows of cells instead of a paragraph."""


def lvl(
    ilvl: int,
    fmt: str,
    text: str,
    *,
    start: int = 1,
    suff: str | None = None,
    restart: int | None = None,
    pstyle: str | None = None,
    legal: bool = False,
) -> str:
    """One w:lvl of a list definition."""
    parts = [f'<w:start w:val="{start}"/>', f'<w:numFmt w:val="{fmt}"/>']
    if restart is not None:
        parts.append(f'<w:lvlRestart w:val="{restart}"/>')
    if pstyle:
        parts.append(f'<w:pStyle w:val="{pstyle}"/>')
    if legal:
        parts.append("<w:isLgl/>")
    if suff:
        parts.append(f'<w:suff w:val="{suff}"/>')
    parts.append(f'<w:lvlText w:val="{text}"/>')
    return f'<w:lvl w:ilvl="{ilvl}">{"".join(parts)}</w:lvl>'


def abstract(key: int, *levels: str, link: str | None = None, style_link: str | None = None) -> str:
    inner = "".join(levels)
    if link:
        inner = f'<w:numStyleLink w:val="{link}"/>' + inner
    if style_link:
        inner = f'<w:styleLink w:val="{style_link}"/>' + inner
    return f'<w:abstractNum w:abstractNumId="{key}">{inner}</w:abstractNum>'


def num(key: int, abstract_id: int, starts: dict[int, int] | None = None) -> str:
    overrides = "".join(
        f'<w:lvlOverride w:ilvl="{i}"><w:startOverride w:val="{v}"/></w:lvlOverride>'
        for i, v in (starts or {}).items()
    )
    return f'<w:num w:numId="{key}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'


def style(
    key: str,
    name: str,
    *,
    based_on: str | None = None,
    num_id: int | None = None,
    ilvl: int | None = None,
    outline: int | None = None,
    kind: str = "paragraph",
) -> str:
    """A w:style element for styles.xml."""
    p_pr = ""
    if num_id is not None:
        level = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
        p_pr += f'<w:numPr>{level}<w:numId w:val="{num_id}"/></w:numPr>'
    if outline is not None:
        p_pr += f'<w:outlineLvl w:val="{outline}"/>'
    base = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    return (
        f'<w:style {NS} w:type="{kind}" w:styleId="{key}"><w:name w:val="{name}"/>{base}'
        f"<w:pPr>{p_pr}</w:pPr></w:style>"
    )


def build(
    paragraphs: list[Para], numbering: list[str] | None = None, styles: list[str] | None = None
) -> bytes:
    """A .docx holding the paragraphs, with these list definitions and extra styles."""
    document = docx.Document()
    body = document.element.body
    for old in list(body):
        if old.tag != f"{{{W_NS}}}sectPr":
            body.remove(old)
    if numbering is not None:
        root = document.part.numbering_part.element
        for old in list(root):
            root.remove(old)
        for xml in numbering:
            root.append(parse_xml(f"<w:numbering {NS}>{xml}</w:numbering>")[0])
    styles_root = document.part.styles.element
    for xml in styles or []:
        styles_root.append(parse_xml(xml))
    for para in paragraphs:
        _add(document, para)
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def _add(document: Any, para: Para) -> None:
    if para.table is not None:
        rows = para.table
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                table.cell(r, c).text = cell
        return
    paragraph = document.add_paragraph(para.text)
    p_pr = paragraph._p.get_or_add_pPr()
    extra = f'<w:pStyle w:val="{para.style}"/>' if para.style else ""
    if para.num is not None or para.ilvl is not None:
        level = para.num[1] if para.num is not None else para.ilvl
        numbered = f'<w:numId w:val="{para.num[0]}"/>' if para.num is not None else ""
        extra += f'<w:numPr><w:ilvl w:val="{level}"/>{numbered}</w:numPr>'
    if para.outline is not None:
        extra += f'<w:outlineLvl w:val="{para.outline}"/>'
    for child in parse_xml(f"<w:pPr {NS}>{extra}</w:pPr>"):
        p_pr.append(child)
