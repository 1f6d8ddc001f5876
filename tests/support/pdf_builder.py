"""A tiny PDF writer for the tests: pages of positioned lines of Chinese text.

The font is a Type 0 font with Identity-H encoding whose character ids are the characters'
code points, and a ToUnicode map that says so; the font itself is not embedded, which is all a
text extractor needs.
"""

from __future__ import annotations

from dataclasses import dataclass

PAGE_WIDTH, PAGE_HEIGHT = 595, 842
SIZE = 16
"""Font size in points: a CJK character is SIZE wide."""
LEFT = 80
"""Left edge of the text block."""
TOP = 760
LEADING = 28


@dataclass(frozen=True)
class Line:
    """A line of text at an indent (in characters) from the block's left edge."""

    text: str
    indent: float = 0
    x: float | None = None
    """An absolute x position instead (a centred title, a page number)."""
    size: float = SIZE
    """Font size in points (a footnote's type is smaller)."""


def _hex(text: str) -> str:
    return "".join(f"{ord(c):04X}" for c in text)


def _content(lines: list[Line]) -> bytes:
    ops = []
    for index, line in enumerate(lines):
        x = line.x if line.x is not None else LEFT + line.indent * SIZE
        y = TOP - index * LEADING
        ops.append(f"BT /F1 {line.size} Tf 1 0 0 1 {x:.1f} {y} Tm <{_hex(line.text)}> Tj ET")
    return "\n".join(ops).encode("ascii")


def _to_unicode(chars: set[str]) -> bytes:
    entries = "\n".join(f"<{ord(c):04X}> <{ord(c):04X}>" for c in sorted(chars))
    body = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        f"{len(chars)} beginbfchar\n{entries}\nendbfchar\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end"
    )
    return body.encode("ascii")


def build(pages: list[list[Line]]) -> bytes:
    """A PDF of these pages; a page without lines has no text layer (a drawn box instead)."""
    chars = {c for page in pages for line in page for c in line.text} or {" "}
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    def stream(data: bytes, extra: str = "") -> bytes:
        return f"<< /Length {len(data)} {extra}>>\nstream\n".encode() + data + b"\nendstream"

    catalog = add(b"")
    tree = add(b"")
    unicode_map = add(stream(_to_unicode(chars)))
    descendant = add(
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun"
        b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"
        b" /FontDescriptor << /Type /FontDescriptor /FontName /SimSun /Flags 4"
        b" /FontBBox [0 -141 1000 859] /ItalicAngle 0 /Ascent 859 /Descent -141"
        b" /CapHeight 859 /StemV 80 >> /DW 1000 /CIDToGIDMap /Identity >>"
    )
    font = add(
        f"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H"
        f" /DescendantFonts [{descendant} 0 R] /ToUnicode {unicode_map} 0 R >>".encode()
    )
    kids = []
    for page in pages:
        content = _content(page) if page else b"0.5 g 100 100 200 200 re f"
        contents = add(stream(content))
        kids.append(
            add(
                f"<< /Type /Page /Parent {tree} 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}]"
                f" /Resources << /Font << /F1 {font} 0 R >> >> /Contents {contents} 0 R >>".encode()
            )
        )
    objects[catalog - 1] = f"<< /Type /Catalog /Pages {tree} 0 R >>".encode()
    refs = " ".join(f"{k} 0 R" for k in kids)
    objects[tree - 1] = f"<< /Type /Pages /Kids [{refs}] /Count {len(kids)} >>".encode()
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root {catalog} 0 R >>\n".encode()
    out += f"startxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


WRAP = 26
"""Characters a line of the text block holds."""
PAGE_LINES = 24


def typeset(text: str) -> list[list[Line]]:
    """A text as a PDF would lay it out: the title centred, every paragraph indented by two
    characters and hard-wrapped at the block's width, pages with numbers at their foot."""
    title, *paragraphs = text.split("\n")
    lines = [Line(title.strip(), x=(PAGE_WIDTH - len(title.strip()) * SIZE) / 2)]
    for paragraph in paragraphs:
        rest = paragraph.strip(" \u3000")
        if not rest:
            continue
        first = True
        while rest:
            room = WRAP - 2 if first else WRAP
            lines.append(Line(rest[:room], indent=2 if first else 0))
            rest, first = rest[room:], False
    pages = [lines[i : i + PAGE_LINES] for i in range(0, len(lines), PAGE_LINES)]
    for number, page in enumerate(pages, 1):
        page.append(Line(f"- {number} -", x=PAGE_WIDTH / 2 - 2 * SIZE))
    return pages
