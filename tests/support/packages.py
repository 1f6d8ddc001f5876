"""Small builders of files as producers other than python-docx write them: Word packages put
together part by part (as converters and WPS do), OpenDocument text, OFD, single-file pages
and RTF, all with the standard library."""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Mapping, Sequence
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText

from tests.support.pdf_builder import Line

W_URI = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_URI = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def zip_bytes(members: Mapping[str, bytes | str], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A zip archive of these members, in this order."""
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data.encode() if isinstance(data, str) else data)
    return stream.getvalue()


def lying_sizes(data: bytes, size: int, crc: int | None = None) -> bytes:
    """A zip whose every header declares `size` (and `crc`) for every member."""
    out = bytearray(data)
    for signature, size_at, crc_at in ((b"PK\x03\x04", 22, 14), (b"PK\x01\x02", 24, 16)):
        start = 0
        while (start := out.find(signature, start)) >= 0:
            struct.pack_into("<I", out, start + size_at, size)
            if crc is not None:
                struct.pack_into("<I", out, start + crc_at, crc)
            start += 4
    return bytes(out)


def paragraph(text: str, props: str = "") -> str:
    """A w:p of one run."""
    return f"<w:p><w:pPr>{props}</w:pPr><w:r><w:t xml:space='preserve'>{text}</w:t></w:r></w:p>"


def document_xml(body: str, w_uri: str = W_URI, extra_ns: str = "") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{w_uri}"'
        f' xmlns:r="{R_URI}" {extra_ns}><w:body>{body}</w:body></w:document>'
    )


def rels(*relations: tuple[str, str, str]) -> str:
    """A relationships part: (id, type's last word, target) each."""
    items = "".join(
        f'<Relationship Id="{key}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'relationships/{kind}" Target="{target}"/>'
        for key, kind, target in relations
    )
    return f'<Relationships xmlns="{PKG_RELS}">{items}</Relationships>'


def word_package(
    body: str,
    *,
    parts: Mapping[str, str] | None = None,
    document_rels: str | None = None,
    package_rels: str | None = None,
    content_types: bool = True,
    document_name: str = "word/document.xml",
) -> bytes:
    """A Word package with this body, as a converter might write it: only the parts given."""
    members: dict[str, bytes | str] = {}
    if content_types:
        members["[Content_Types].xml"] = (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            f'<Override PartName="/{document_name}" ContentType="{MAIN}"/></Types>'
        )
    if package_rels is not None:
        members["_rels/.rels"] = package_rels
    members[document_name] = document_xml(body)
    if document_rels is not None:
        folder, _, base = document_name.rpartition("/")
        members[f"{folder}/_rels/{base}.rels"] = document_rels
    members.update(parts or {})
    return zip_bytes(members)


def numbering_xml(*items: str) -> str:
    return f'<w:numbering xmlns:w="{W_URI}">{"".join(items)}</w:numbering>'


ODF_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"'
)


def list_style(name: str, *levels: str, outline: bool = False) -> str:
    """A text:list-style (or the outline style) of these level styles."""
    tag = "text:outline-style" if outline else "text:list-style"
    return f'<{tag} style:name="{name}">{"".join(levels)}</{tag}>'


def number_level(
    level: int, fmt: str, prefix: str = "", suffix: str = "", follow: str = "space", **extra: str
) -> str:
    """A numbered level of a list style, its label followed by `follow` (listtab, space,
    nothing); `extra` adds attributes (text__display_levels=…)."""
    attrs = "".join(f' {k.replace("__", ":").replace("_", "-")}="{v}"' for k, v in extra.items())
    return (
        f'<text:list-level-style-number text:level="{level}" style:num-format="{fmt}"'
        f' style:num-prefix="{prefix}" style:num-suffix="{suffix}"{attrs}>'
        "<style:list-level-properties><style:list-level-label-alignment"
        f' text:label-followed-by="{follow}"/></style:list-level-properties>'
        "</text:list-level-style-number>"
    )


def odt(body: str, styles: str = "", automatic: str = "", flat: bool = False) -> bytes:
    """An OpenDocument text: content.xml with this body, styles.xml with these styles."""
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODF_NS}>'
        f"<office:automatic-styles>{automatic}</office:automatic-styles>"
        f"<office:body><office:text>{body}</office:text></office:body></office:document-content>"
    )
    shared = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {ODF_NS}>'
        f"<office:styles>{styles}</office:styles></office:document-styles>"
    )
    if flat:
        return (
            f'<?xml version="1.0" encoding="UTF-8"?><office:document {ODF_NS} '
            'office:mimetype="application/vnd.oasis.opendocument.text">'
            f"<office:styles>{styles}</office:styles>"
            f"<office:automatic-styles>{automatic}</office:automatic-styles>"
            f"<office:body><office:text>{body}</office:text></office:body></office:document>"
        ).encode()
    mimetype = "application/vnd.oasis.opendocument.text"
    return zip_bytes(
        {"mimetype": mimetype, "content.xml": content, "styles.xml": shared},
    )


def mht(page: str, charset: str = "utf-8", encoding: str = "quoted-printable") -> bytes:
    """A single-file page as browsers and Word save it: the page, then an image."""
    root = MIMEMultipart("related", type="text/html")
    root["Subject"] = "saved page"
    part = MIMEText(page, "html", charset)
    if encoding == "base64":
        del part["Content-Transfer-Encoding"]
        part.set_payload(page.encode(charset))
        from email import encoders

        encoders.encode_base64(part)
    else:
        del part["Content-Transfer-Encoding"]
        import quopri

        part.set_payload(quopri.encodestring(page.encode(charset)).decode("ascii"))
        part["Content-Transfer-Encoding"] = "quoted-printable"
    part["Content-Location"] = "file:///C:/page.htm"
    root.attach(part)
    image = MIMEBase("image", "png")
    image.set_payload(b"\x89PNG\r\n\x1a\n")
    from email import encoders

    encoders.encode_base64(image)
    root.attach(image)
    return root.as_bytes()


def rtf(lines: list[str]) -> bytes:
    """An RTF document of these paragraphs, Chinese as \\uN escapes."""
    body = "".join(
        "".join(
            c if ord(c) < 128 else f"\\u{ord(c) if ord(c) < 32768 else ord(c) - 65536}?"
            for c in line
        )
        + "\\par\n"
        for line in lines
    )
    return (
        "{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0 SimSun;}}\\f0\\fs24 " + body + "}"
    ).encode()


OFD_NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'
PT = 0.3528
"""Millimetres a point: OFD places text in millimetres."""


def ofd(
    pages: Sequence[Sequence[tuple[str, float, float]]], size: float = 16, prefix: str = "ofd:"
) -> bytes:
    """An OFD file whose pages hold lines of text: (text, x, y) in points, y down the page,
    each character `size` wide."""
    n = prefix
    members: dict[str, bytes | str] = {
        "OFD.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><{n}OFD {OFD_NS} Version="1.1" DocType="OFD">'
            f"<{n}DocBody><{n}DocRoot>Doc_0/Document.xml</{n}DocRoot></{n}DocBody></{n}OFD>"
        )
    }
    listed = "".join(
        f'<{n}Page ID="{i + 1}" BaseLoc="Pages/Page_{i}/Content.xml"/>' for i in range(len(pages))
    )
    members["Doc_0/Document.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><{n}Document {OFD_NS}><{n}CommonData>'
        f"<{n}PageArea><{n}PhysicalBox>0 0 210 297</{n}PhysicalBox></{n}PageArea>"
        f"</{n}CommonData><{n}Pages>{listed}</{n}Pages></{n}Document>"
    )
    for index, lines in enumerate(pages):
        objects = "".join(
            f'<{n}TextObject ID="{k + 10}" Boundary="{x * PT:.2f} {y * PT:.2f} 180 {size * PT:.2f}"'
            f' Font="1" Size="{size * PT:.3f}"><{n}TextCode X="0" Y="{size * PT * 0.86:.3f}"'
            f' DeltaX="g {max(len(text) - 1, 0)} {size * PT:.3f}">{text}</{n}TextCode>'
            f"</{n}TextObject>"
            for k, (text, x, y) in enumerate(lines)
        )
        members[f"Doc_0/Pages/Page_{index}/Content.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8"?><{n}Page {OFD_NS}><{n}Content>'
            f'<{n}Layer ID="2">{objects}</{n}Layer></{n}Content></{n}Page>'
        )
    return zip_bytes(members)


def ofd_typeset(pages: Sequence[Sequence[Line]]) -> bytes:
    """The pages that `pdf_builder.typeset` lays out, as an OFD file (lines in a shuffled
    order, as producers write objects in any order)."""
    from tests.support.pdf_builder import LEADING, LEFT, SIZE

    out = []
    for page in pages:
        placed: list[tuple[str, float, float]] = []
        for index, line in enumerate(page):
            x = line.x if line.x is not None else LEFT + line.indent * SIZE
            placed.append((line.text, x, 60 + index * LEADING))
        out.append(placed[1::2] + placed[::2])
    return ofd(out, SIZE)
