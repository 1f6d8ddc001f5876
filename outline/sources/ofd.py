"""OFD (GB/T 33190), China's fixed-layout format: the text of its pages, in reading order.

Read natively, with no library: an OFD is a zip in which OFD.xml names the document
(DocBody/DocRoot), whose Document.xml lists the pages (Pages/Page BaseLoc) and their templates;
each page's Content.xml places text objects (TextObject Boundary, CTM) holding runs of text
(TextCode X, Y, DeltaX). Every character is placed, the characters are ordered into lines by
their baselines, and the lines join into paragraphs as a PDF's do (`unwrap.join`), the spaces
layout puts beside Chinese removed. Names are matched without their namespace or prefix, since
producers write several (or none), and paths as producers write them (`package`).
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterator
from dataclasses import dataclass

from outline.sources import safexml
from outline.sources.caps import CAPS
from outline.sources.model import SourceError, SourceText
from outline.sources.package import Package
from outline.sources.unwrap import PAGE_NUMBER, Line, join, pulled, tighten

EDGE = 1.5
"""Within this many characters of the block's right edge a line is full (as for PDF)."""
GAP = 2.5
"""A gap of this many characters' sizes between two characters is a space."""
NUMBER = re.compile(r"-?\d+(?:\.\d*)?(?:[eE]-?\d+)?|-?\.\d+")


@dataclass(frozen=True, slots=True)
class Glyph:
    """One character where the page shows it."""

    char: str
    x: float
    y: float
    """The baseline, down the page."""
    size: float


def read(data: bytes) -> SourceText:
    """An OFD file's text as paragraphs, one a line; `pages` says where each page begins."""
    package = Package(data, "OFD file")
    document = _document(package)
    pages: list[list[Line]] = []
    for index, (page, templates) in enumerate(_pages(package, document)):
        if index >= CAPS.pages:
            raise SourceError(f"is an OFD file of more than {CAPS.pages} pages: refused")
        glyphs = [g for part in (*templates, page) for g in _glyphs(package, part)]
        pages.append(_without_folio(_lines(glyphs)))
    lines = [line for page_lines in pages for line in page_lines]
    if not any(line.text.strip() for line in lines):
        raise SourceError("is an OFD file without text (a scan?): run OCR on it first")
    paragraphs, where = join(lines)
    firsts, count = [], 0
    for page_lines in pages:
        firsts.append(where[count] if count < len(where) else len(paragraphs))
        count += len(page_lines)
    return SourceText(
        text="\n".join(paragraphs),
        format="ofd",
        encoding=None,
        line_unit="paragraph",
        pages=tuple(firsts),
    )


def _document(package: Package) -> str:
    entry = package.find("OFD.xml")
    if entry is None:
        raise SourceError("is a zip without OFD.xml, not an OFD file")
    for node in package.xml(entry).iter():
        if safexml.local(node.tag) == "DocRoot":
            found = package.resolve(entry, safexml.text(node))
            if found is not None:
                return found
    raise SourceError("is an OFD file whose document (DocRoot) is missing")


def _pages(package: Package, document: str) -> Iterator[tuple[str, list[str]]]:
    """Each page's content part and its templates' parts, in order."""
    root = package.xml(document)
    templates: dict[str, str] = {}
    pages: list[tuple[str, list[str]]] = []
    for node in root.iter():
        name = safexml.local(node.tag)
        base = node.get("BaseLoc") or ""
        part = package.resolve(document, base) if base else None
        if name == "TemplatePage" and part:
            templates[node.get("ID") or ""] = part
        elif name == "Page" and part:
            pages.append((part, []))
    for part, used in pages:
        for node in package.xml(part).iter():
            if safexml.local(node.tag) == "Template":
                template = templates.get(node.get("TemplateID") or "")
                if template:
                    used.append(template)
        yield part, used


def _glyphs(package: Package, part: str) -> Iterator[Glyph]:
    """The characters a content part places, in page coordinates (millimetres)."""
    for obj in package.xml(part).iter():
        if safexml.local(obj.tag) != "TextObject":
            continue
        box = _numbers(obj.get("Boundary"))
        ox, oy = (box[0], box[1]) if len(box) >= 2 else (0.0, 0.0)
        ctm = _numbers(obj.get("CTM"))
        size = _numbers(obj.get("Size"))
        em = size[0] if size else 3.5
        scale = abs(ctm[0]) if len(ctm) == 6 and ctm[0] else 1.0
        for code in obj:
            if safexml.local(code.tag) == "TextCode":
                yield from _code(code, (ox, oy), em * scale, ctm if len(ctm) == 6 else None)


def _code(
    code: safexml.Element, origin: tuple[float, float], em: float, ctm: list[float] | None
) -> Iterator[Glyph]:
    """The characters of one TextCode, from the origin of its text object."""
    ox, oy = origin
    text = safexml.text(code)
    x = _float(code.get("X"))
    y = _float(code.get("Y"))
    steps = _deltas(code.get("DeltaX"), len(text) - 1)
    for index, char in enumerate(text):
        px, py = (x, y) if ctm is None else _apply(ctm, x, y)
        if char not in "\r\n\t":
            yield Glyph(char, ox + px, oy + py, em)
        x += steps[index] if index < len(steps) else em


def _apply(ctm: list[float], x: float, y: float) -> tuple[float, float]:
    """A point through a transformation matrix (a b c d e f)."""
    return x * ctm[0] + y * ctm[2] + ctm[4], x * ctm[1] + y * ctm[3] + ctm[5]


def _deltas(spec: str | None, count: int) -> list[float]:
    """The advances of a DeltaX ("g 3 4.2" is 4.2 three times), at most `count`."""
    tokens = (spec or "").split()
    found: list[float] = []
    i = 0
    while i < len(tokens) and len(found) < count:
        if tokens[i] == "g" and i + 2 < len(tokens):
            times = min(int(_float(tokens[i + 1])), count - len(found))
            found += [_float(tokens[i + 2])] * max(times, 0)
            i += 3
        else:
            found.append(_float(tokens[i]))
            i += 1
    return found


def _lines(glyphs: list[Glyph]) -> list[Line]:
    """Characters grouped into lines by their baselines, top down, each left to right."""
    rows: list[list[Glyph]] = []
    for glyph in sorted(glyphs, key=lambda g: (g.y, g.x)):
        if rows and abs(rows[-1][0].y - glyph.y) <= 0.4 * max(glyph.size, rows[-1][0].size):
            rows[-1].append(glyph)
        else:
            rows.append([glyph])
    if not rows:
        return []
    if len(rows) > CAPS.paragraphs:
        raise SourceError(f"is an OFD file of more than {CAPS.paragraphs} lines: refused")
    inked = [[g for g in row if not g.char.isspace()] or row for row in rows]
    char = statistics.median(g.size for row in inked for g in row)
    texts = [_row_text(sorted(row, key=lambda g: g.x)) for row in rows]
    left = min(min(g.x for g in row) for row in inked)
    right = max(max(g.x + g.size for g in row) for row in inked)
    lines = []
    for index, (text, row) in enumerate(zip(texts, inked, strict=True)):
        after = texts[index + 1] if index + 1 < len(texts) else ""
        end = max(g.x + g.size for g in row)
        slack = EDGE * char + (char if pulled(after) else 0)
        start = min(g.x for g in row)
        lines.append(Line(text, full=end >= right - slack, indented=start >= left + EDGE * char))
    return lines


def _row_text(row: list[Glyph]) -> str:
    """A line's characters, with a space where a wide gap shows one (the spaces of its text
    are characters of their own)."""
    out = ""
    for before, glyph in zip([None, *row], row, strict=False):
        if before is not None and glyph.x - before.x > GAP * before.size and out[-1:] != " ":
            out += " "
        out += glyph.char
    return tighten(out).strip()


def _without_folio(lines: list[Line]) -> list[Line]:
    while lines and PAGE_NUMBER.fullmatch(lines[-1].text):
        lines.pop()
    while lines and PAGE_NUMBER.fullmatch(lines[0].text):
        lines.pop(0)
    return lines


def _numbers(value: str | None) -> list[float]:
    return [float(n) for n in NUMBER.findall(value or "")]


def _float(value: str | None) -> float:
    found = _numbers(value)
    return found[0] if found else 0.0
