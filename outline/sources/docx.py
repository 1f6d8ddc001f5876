"""Word .docx: one line a paragraph, in reading order, with Word's automatic numbering restored.

In most drafts the 一、 / （一） / 第一条 of a heading is not in its text but generated from
numbering.xml; each label is rebuilt as Word renders it (see `numbering`) and put before the
paragraph's text. Table cells are read row by row. Line N of the text is the document's Nth
paragraph, empty ones included. Heading styles ("heading 2" in any language, 标题 2) and outline
levels are kept as evidence of a heading and its level.

The package is checked before it is opened, so that a zip bomb is refused without being
expanded: python-docx reads every part of a package into memory.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

from outline.sources.model import SourceError, SourceText, Styled
from outline.sources.numbering import (
    LEVELS,
    MC,
    Counters,
    Element,
    W,
    int_val,
    read_definitions,
    val,
)

MAX_MEMBERS = 10_000
MAX_EXPANDED = 256 * 1024 * 1024
"""Bytes the members of a package may expand to, all together."""
MAX_RATIO = 200
"""A member expanding more than this many times its stored size is a bomb, not a document
(Word's XML compresses about ten times)."""
RATIO_FLOOR = 4 * 1024 * 1024
"""Members smaller than this are not judged by their ratio."""
HEADING_NAME = re.compile(
    r"(?:heading|标题|標題|überschrift|titre|titolo|título|encabezado|kop|заголовок|見出し|제목)"
    r"\s*([1-9])",
    re.IGNORECASE,
)
"""The name of a heading style in the languages Word and WPS write them in."""
CONTAINERS = frozenset(
    W + tag for tag in ("body", "tbl", "tr", "tc", "sdt", "sdtContent", "customXml")
)
"""Elements whose paragraphs are read in order: the body, tables, content controls."""
SKIPPED = frozenset(
    [
        *(W + tag for tag in ("del", "moveFrom", "delText", "instrText", "rPr", "pPr")),
        *(W + tag for tag in ("drawing", "pict", "object", "fldChar", "footnoteReference")),
        MC + "AlternateContent",
    ]
)
"""Inside a paragraph: deleted text, field codes, properties and drawings are not its text."""
BREAK = "\n"
"""A line break inside a paragraph, until it is resolved to a space or nothing."""


@dataclass(frozen=True, slots=True)
class ParagraphStyle:
    """What a paragraph style gives its paragraphs."""

    name: str
    based_on: str | None
    num_id: str | None
    ilvl: int | None
    outline: int | None


def read(data: bytes) -> SourceText:
    """A .docx file as lines of text, one a paragraph, numbering labels restored."""
    check_package(data)
    document = _open(data)
    styles, default, lists = _styles(document)
    counters = Counters(read_definitions(_numbering_root(document)), lists)
    body = document.element.body
    if body is None:
        raise SourceError("is a .docx without a document body")
    lines: list[str] = []
    styled: list[Styled] = []
    numbered = 0
    for paragraph in _paragraphs(body):
        p_pr = paragraph.find(W + "pPr")
        style_id = val(p_pr.find(W + "pStyle")) if p_pr is not None else None
        chain = list(_chain(styles, style_id or default))
        text = paragraph_text(paragraph)
        label = _label(counters, p_pr, chain, styles)
        if label:
            numbered += 1
            text = label + text
        lines.append(text)
        evidence = _outline_level(p_pr, chain, styles)
        if evidence is not None and text.strip():
            styled.append(Styled(line=len(lines), level=evidence[0], style=evidence[1]))
    if not any(line.strip() for line in lines):
        raise SourceError("is a .docx with no text")
    return SourceText(
        text="\n".join(lines),
        format="docx",
        encoding=None,
        line_unit="paragraph",
        styled=tuple(styled),
        numbered=numbered,
    )


def check_package(
    data: bytes,
    max_members: int = MAX_MEMBERS,
    max_expanded: int = MAX_EXPANDED,
) -> None:
    """Refuse a package that is no .docx, or that would expand beyond bounds."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            names = {m.filename for m in members}
            mimetype = archive.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, zlib.error, ValueError):
        raise SourceError("is a damaged or truncated .docx (not a readable zip archive)") from None
    if b"opendocument" in mimetype:
        raise SourceError(
            "is an OpenDocument file, not a .docx: convert it with "
            "`soffice --headless --convert-to docx FILE`"
        )
    if "[Content_Types].xml" not in names or not any(n.startswith("word/") for n in names):
        kind = "an Excel workbook" if "xl/workbook.xml" in names else "a zip archive"
        raise SourceError(f"is {kind}, not a .docx")
    if len(members) > max_members:
        raise SourceError(f"is a .docx of more than {max_members} parts: refused")
    expanded = sum(m.file_size for m in members)
    bomb = any(
        m.file_size > RATIO_FLOOR and m.file_size > MAX_RATIO * max(m.compress_size, 1)
        for m in members
    )
    if expanded > max_expanded or bomb:
        raise SourceError(
            f"expands to {expanded // 2**20} MiB ({'a zip bomb' if bomb else 'too large'}): refused"
        )


def _open(data: bytes) -> Element:
    import docx  # costly import, needed for .docx only

    try:
        return docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, zlib.error, EOFError, SyntaxError):  # lxml's XMLSyntaxError
        raise SourceError("is a damaged .docx (its parts cannot be read)") from None
    except Exception:  # python-docx fails on malformed packages in many ways
        raise SourceError("is not a Word document (.docx), or a damaged one") from None


def _numbering_root(document: Element) -> Element | None:
    try:
        part = document.part.part_related_by(
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
        )
    except KeyError:
        return None
    return getattr(part, "element", None)


def _styles(document: Element) -> tuple[dict[str, ParagraphStyle], str | None, dict[str, str]]:
    """Paragraph styles by id, the id of the default paragraph style, and the list (numId) of
    every style that has one, numbering styles included (for w:numStyleLink)."""
    styles: dict[str, ParagraphStyle] = {}
    default = None
    lists: dict[str, str] = {}
    root = document.part.styles.element
    for node in root.findall(W + "style"):
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
) -> str | None:
    """The numbering label of a paragraph, from its own numPr or its style's."""
    num_pr = p_pr.find(W + "numPr") if p_pr is not None else None
    num_id = val(num_pr.find(W + "numId")) if num_pr is not None else None
    ilvl = int_val(num_pr.find(W + "ilvl")) if num_pr is not None else None
    owner = None
    if num_id is None:
        owner = next((key for key in chain if styles[key].num_id is not None), None)
        if owner is None:
            return None
        num_id = styles[owner].num_id
        ilvl = styles[owner].ilvl if ilvl is None else ilvl
    if not num_id or num_id == "0":
        return None
    if ilvl is None:
        levels = counters.levels(num_id) or ()
        ilvl = next((i for i, level in enumerate(levels) if owner and level.style == owner), 0)
    return counters.label(num_id, min(max(ilvl, 0), LEVELS - 1))


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


def _paragraphs(container: Element) -> Iterator[Element]:
    """The paragraphs of a container in reading order, table cells row by row."""
    for child in container:
        if child.tag == W + "p":
            yield child
        elif child.tag in CONTAINERS:
            yield from _paragraphs(child)


def paragraph_text(paragraph: Element) -> str:
    """The text of a paragraph as shown: tracked deletions, field codes, hidden runs left out;
    a line break becomes a space between Latin words and nothing between Chinese."""
    pieces: list[str] = []
    _collect(paragraph, pieces)
    text = "".join(pieces)
    if BREAK in text:
        parts = text.split(BREAK)
        text = parts[0]
        for part in parts[1:]:
            latin = text[-1:].isascii() and text[-1:].isalnum() and part[:1].isascii()
            text += (" " if latin else "") + part
    return text


def _collect(element: Element, pieces: list[str]) -> None:
    for child in element:
        tag = child.tag
        if tag in SKIPPED or not isinstance(tag, str):
            continue
        if tag == W + "t":
            pieces.append(child.text or "")
        elif tag in (W + "tab", W + "ptab"):
            pieces.append("\t")
        elif tag in (W + "br", W + "cr"):
            pieces.append(BREAK if child.get(W + "type") in (None, "textWrapping") else "")
        elif tag == W + "noBreakHyphen":
            pieces.append("-")
        elif tag == W + "sym":
            pieces.append(_symbol(child.get(W + "char") or ""))
        elif tag == W + "r" and _hidden(child):
            continue
        elif tag != W + "p":  # a paragraph inside a text box is not this one's text
            _collect(child, pieces)


def _hidden(run: Element) -> bool:
    vanish = run.find(f"{W}rPr/{W}vanish")
    return vanish is not None and val(vanish) not in ("0", "false", "off")


def _symbol(code: str) -> str:
    """A w:sym character, unless it is a private-use glyph of a symbol font."""
    try:
        char = chr(int(code, 16))
    except ValueError:
        return ""
    return "" if "\ue000" <= char <= "\uf8ff" else char
