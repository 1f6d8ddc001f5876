"""Word .docx: one line a paragraph, in reading order, with Word's automatic numbering restored.

In most drafts the 一、 / （一） / 第一条 of a heading is not in its text but generated from
numbering.xml; each label is rebuilt as Word renders it (see `numbering`) and put before the
paragraph's text. Table cells are read row by row, text boxes after the paragraph that anchors
them (see `docx_text`). Line N of the text is the document's Nth paragraph, empty ones
included. Heading styles ("heading 2" in any language, 标题 2) and outline levels are kept as
evidence of a heading and its level.

The package is read as Word reads it (`ooxml`): parts found through relationships that may
dangle, styles and numbering optional, strict OOXML renamed; every part inflated within the
bounds of `package`, XML parsed without entities (`safexml`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from outline.sources import ooxml
from outline.sources.caps import CAPS
from outline.sources.docx_text import paragraph_text, paragraphs
from outline.sources.model import SourceError, SourceText, Styled
from outline.sources.numbering import (
    LEVELS,
    Counters,
    Definitions,
    Element,
    W,
    int_val,
    read_definitions,
    val,
)
from outline.sources.package import Package

HEADING_NAME = re.compile(
    r"(?:heading|标题|標題|überschrift|titre|titolo|título|encabezado|kop|заголовок|見出し|제목)"
    r"\s*([1-9])",
    re.IGNORECASE,
)
"""The name of a heading style in the languages Word and WPS write them in."""
CHUNK_DEPTH = 2
"""Documents inside documents (w:altChunk) read this deep."""


@dataclass(frozen=True, slots=True)
class ParagraphStyle:
    """What a paragraph style gives its paragraphs."""

    name: str
    """The style's name (w:name), its id when it has none."""
    based_on: str | None
    """The id of the style it is based on."""
    num_id: str | None
    """The list (w:numId) its paragraphs are numbered in."""
    ilvl: int | None
    """The list level its paragraphs are numbered at."""
    outline: int | None
    """Its outline level, 0-based (w:outlineLvl)."""


@dataclass(frozen=True, slots=True)
class Origin:
    """Where one line of the text comes from: for the tools that write into the file."""

    paragraph: Element
    """The w:p element whose text the line is."""
    label: str = ""
    """The label Word's numbering puts before the paragraph's text, suffix included: the
    line's first len(label) characters ("" when it has none)."""
    num_id: str | None = None
    """The numbering instance (w:numId) that makes the label."""
    ilvl: int | None = None
    """The level of that list the paragraph is numbered at, 0-based."""


@dataclass(frozen=True, slots=True)
class Reading:
    """A .docx as this reader reads it: the text, and the paragraph of each line."""

    text: SourceText
    """What `read` returns."""
    part: str
    """The name of the main document part in the package (word/document.xml)."""
    root: Element
    """That part's XML tree, as read; `origins` are elements of it."""
    origins: tuple[Origin | None, ...]
    """For each line of the text, the paragraph it comes from (None for a line that is no
    paragraph of the main document part: one that a w:altChunk brings in)."""
    numbering: Definitions
    """The numbering definitions the labels were made from."""


@dataclass(slots=True)
class _Lines:
    """The text being built: lines, where each comes from, heading evidence, how many were
    numbered."""

    lines: list[str]
    styled: list[Styled]
    numbered: int = 0
    labels: list[tuple[int, int]] = field(default_factory=list)
    origins: list[Origin | None] = field(default_factory=list)


def read(data: bytes) -> SourceText:
    """A .docx file as lines of text, one a paragraph, numbering labels restored."""
    return read_paragraphs(data).text


def read_paragraphs(data: bytes) -> Reading:
    """A .docx file read as `read` reads it, with the paragraph each line comes from."""
    package = Package(data, ".docx")
    out = _Lines([], [])
    part, root, definitions = _read_package(package, out, CHUNK_DEPTH)
    if not any(line.strip() for line in out.lines):
        raise SourceError("is a .docx with no text")
    text = SourceText(
        text="\n".join(out.lines),
        format="docx",
        encoding=None,
        line_unit="paragraph",
        styled=tuple(out.styled),
        numbered=out.numbered,
        labels=tuple(out.labels),
    )
    return Reading(text, part, root, tuple(out.origins), definitions)


def _read_package(
    package: Package, out: _Lines, depth: int, own: bool = True
) -> tuple[str, Element, Definitions]:
    """Read a package's lines into `out` (as lines of the document when `own`, else as lines
    another one brings in); its main part's name and tree, and its numbering."""
    parts = ooxml.locate(package)
    document = ooxml.transitional(package.xml(parts.document))
    body = document.find(W + "body")
    if body is None:
        raise SourceError("is a .docx without a document body")
    styles, default, lists = _styles(_optional(package, parts.styles))
    definitions = read_definitions(_optional(package, parts.numbering))
    counters = Counters(definitions, lists)
    for paragraph in paragraphs(body):
        if paragraph.tag == W + "altChunk":
            _chunk(package, parts, paragraph, out, depth)
            continue
        p_pr = paragraph.find(W + "pPr")
        style_id = val(p_pr.find(W + "pStyle")) if p_pr is not None else None
        chain = list(_chain(styles, style_id or default))
        text = paragraph_text(paragraph)
        label, num_id, ilvl = _label(counters, p_pr, chain, styles)
        if label:
            out.numbered += 1
            text = label + text
        _add(out, text, Origin(paragraph, label or "", num_id, ilvl) if own else None)
        if label:
            out.labels.append((len(out.lines), len(label)))
        evidence = _outline_level(p_pr, chain, styles)
        if evidence is not None and text.strip():
            out.styled.append(Styled(line=len(out.lines), level=evidence[0], style=evidence[1]))
    return parts.document, document, definitions


def _add(out: _Lines, text: str, origin: Origin | None = None) -> None:
    if len(out.lines) >= CAPS.paragraphs:
        raise SourceError(f"is a .docx of more than {CAPS.paragraphs} paragraphs: refused")
    out.lines.append(text)
    out.origins.append(origin)


def _optional(package: Package, name: str | None) -> Element | None:
    """A part that a document may do without, or None when it is absent or not XML."""
    if name is None:
        return None
    try:
        return ooxml.transitional(package.xml(name))
    except SourceError as e:
        if "inflate beyond" in str(e):
            raise
        return None


def _chunk(package: Package, parts: ooxml.Parts, chunk: Element, out: _Lines, depth: int) -> None:
    """The lines of a document that a w:altChunk brings in: a Word document, a web page or
    text; nothing when it cannot be read."""
    from outline.sources import html, text

    name = parts.chunks.get(chunk.get(ooxml.R + "id") or "")
    if name is None or depth <= 0:
        return
    data = package.read(name)
    try:
        if data.startswith(b"PK"):
            _read_package(Package(data, ".docx"), out, depth - 1, own=False)
            return
        lower = data[:1024].lower()
        page = b"<html" in lower or b"<body" in lower or b"mime-version" in lower
        got = html.read(data) if page else text.read(data)
    except SourceError:
        return
    for line in got.text.split("\n"):
        _add(out, line)


def _styles(root: Element | None) -> tuple[dict[str, ParagraphStyle], str | None, dict[str, str]]:
    """Paragraph styles by id, the id of the default paragraph style, and the list (numId) of
    every style that has one, numbering styles included (for w:numStyleLink)."""
    styles: dict[str, ParagraphStyle] = {}
    default = None
    lists: dict[str, str] = {}
    for node in root.iter(W + "style") if root is not None else ():
        key = node.get(W + "styleId") or ""
        p_pr = node.find(W + "pPr")
        num_pr = p_pr.find(W + "numPr") if p_pr is not None else None
        num_id = val(num_pr.find(W + "numId")) if num_pr is not None else None
        if num_id:
            lists[key] = num_id
        if node.get(W + "type", "paragraph") != "paragraph":
            continue
        styles[key] = ParagraphStyle(
            name=val(node.find(W + "name")) or key,
            based_on=val(node.find(W + "basedOn")),
            num_id=num_id,
            ilvl=int_val(num_pr.find(W + "ilvl")) if num_pr is not None else None,
            outline=int_val(p_pr.find(W + "outlineLvl")) if p_pr is not None else None,
        )
        if node.get(W + "default") in ("1", "true", "on"):
            default = key
    return styles, default, lists


def _chain(styles: dict[str, ParagraphStyle], style_id: str | None) -> Iterator[str]:
    """A style's id, then those it is based on, each once."""
    seen: set[str] = set()
    while style_id and style_id in styles and style_id not in seen:
        seen.add(style_id)
        yield style_id
        style_id = styles[style_id].based_on


def _label(
    counters: Counters, p_pr: Element | None, chain: list[str], styles: dict[str, ParagraphStyle]
) -> tuple[str | None, str | None, int | None]:
    """The numbering label of a paragraph, from its own numPr or its style's, with the list
    (numId) and level that make it."""
    num_pr = p_pr.find(W + "numPr") if p_pr is not None else None
    num_id = val(num_pr.find(W + "numId")) if num_pr is not None else None
    ilvl = int_val(num_pr.find(W + "ilvl")) if num_pr is not None else None
    owner = None
    if num_id is None:
        owner = next((key for key in chain if styles[key].num_id is not None), None)
        if owner is None:
            return None, None, None
        num_id = styles[owner].num_id
        ilvl = styles[owner].ilvl if ilvl is None else ilvl
    if not num_id or num_id == "0":
        return None, None, None
    if ilvl is None:
        levels = counters.levels(num_id) or ()
        ilvl = next((i for i, level in enumerate(levels) if owner and level.style == owner), 0)
    ilvl = min(max(ilvl, 0), LEVELS - 1)
    return counters.label(num_id, ilvl), num_id, ilvl


def _outline_level(
    p_pr: Element | None, chain: list[str], styles: dict[str, ParagraphStyle]
) -> tuple[int, str] | None:
    """A paragraph's heading level, 1–9, and where it comes from: its own outline level, or
    the outline level or heading name of its style (or a style that one is based on)."""
    direct = int_val(p_pr.find(W + "outlineLvl")) if p_pr is not None else None
    if direct is not None:
        return (direct + 1, "outline level") if 0 <= direct < LEVELS else None
    name = styles[chain[0]].name if chain else ""
    for key in chain:
        style = styles[key]
        if style.outline is not None:
            return (style.outline + 1, name) if 0 <= style.outline < LEVELS else None
        match = HEADING_NAME.fullmatch(style.name.strip())
        if match:
            return int(match.group(1)), name
    return None
