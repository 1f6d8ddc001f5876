"""What a file is, told by its content: the first bytes, the parts of a zip or OLE2 file, the
headers of a saved page. A file's name is asked only when its bytes do not tell (a web page).

`detect` answers with a key of `outline.sources.READERS`, or raises SourceError naming the
kind of a file that no reader takes ("is a PNG image", "is an Excel workbook").
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

from outline.sources.model import SourceError

if TYPE_CHECKING:
    import zipfile

ZIP = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
RTF = b"{\\rtf"
PDF = b"%PDF-"
PDF_WINDOW = 1024
"""A PDF header may follow some junk within the first kilobyte."""
LEADING = b"\xef\xbb\xbf \t\r\n\f"
"""What may stand before a signature: a UTF-8 byte order mark, white space."""
HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<meta", b"<body", b"<?xml", b"<!--")
BINARY: tuple[tuple[bytes, int, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", 0, "a PNG image"),
    (b"\xff\xd8\xff", 0, "a JPEG image"),
    (b"GIF87a", 0, "a GIF image"),
    (b"GIF89a", 0, "a GIF image"),
    (b"II*\x00", 0, "a TIFF image"),
    (b"MM\x00*", 0, "a TIFF image"),
    (b"WEBP", 8, "a WebP image"),
    (b"ftyp", 4, "a video or audio file (MP4)"),
    (b"ID3", 0, "an audio file (MP3)"),
    (b"\x1f\x8b", 0, "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", 0, "a 7-Zip archive"),
    (b"Rar!\x1a\x07", 0, "a RAR archive"),
    (b"\xfd7zXZ\x00", 0, "an xz archive"),
    (b"\x7fELF", 0, "a program (ELF)"),
    (b"SQLite format 3\x00", 0, "an SQLite database"),
    (b"CAJ", 0, "a CAJ file (CNKI's reader format)"),
    (b"AT&TFORM", 0, "a DjVu document"),
    (b"\x00\x00\x01\x00", 0, "an icon"),
)
"""Signatures of kinds that are never a document: (bytes, offset, what it is)."""
OLE2_STREAMS: tuple[tuple[str, str], ...] = (
    ("EncryptedPackage", "encrypted"),
    ("WordDocument", "doc"),  # before the others: a Word file's text may name them
    ("Workbook", "an Excel workbook (.xls)"),
    ("Book", "an Excel workbook (.xls)"),
    ("PowerPoint Document", "a PowerPoint presentation (.ppt)"),
    ("__substg1.0_", "an Outlook message (.msg)"),
)
"""Streams that tell what an OLE2 compound file holds, by their names in its directory."""
ENCRYPTED = (
    "is an encrypted (password-protected) Office document: open it in Word or WPS, remove the "
    "password and save it again"
)
ODF_TEXT = "application/vnd.oasis.opendocument.text"
ODF_KINDS = {"spreadsheet": "a spreadsheet", "presentation": "a presentation"}
ZIP_KINDS: Mapping[str, str] = MappingProxyType(
    {
        "xl/": "an Excel workbook (.xlsx)",
        "ppt/": "a PowerPoint presentation (.pptx)",
        "visio/": "a Visio drawing",
        "meta-inf/container.xml": "an EPUB book",
    }
)
"""Zip packages of other kinds, by a part they hold."""
MIME_HEADER = re.compile(rb"[!-9;-~]+:")
"""The start of a MIME header line ("Content-Type:")."""
MIME_WINDOW = 8192
WORD_XML = (b'<?mso-application progid="word.document"?>', b"<w:worddocument")
"""Word 2003 XML (WordprocessingML), a single XML file."""
FLAT_ODT = b"<office:document "
"""A flat OpenDocument text (.fodt): the whole package as one XML file."""


def detect(data: bytes, suffixes: Mapping[str, str], name_suffix: str) -> str:
    """The reader of a file's bytes; `suffixes` maps the suffixes that decide when the bytes
    do not (web pages) to readers, and `name_suffix` is the file's."""
    found = signed(data, name_suffix) or marked(data)
    if found:
        return found
    if name_suffix in suffixes:
        return suffixes[name_suffix]
    lower = data[:PDF_WINDOW].lstrip(LEADING).lower()
    if lower.startswith(HTML_STARTS) and any(t in lower for t in (b"<html", b"<body", b"<head")):
        return "html"
    return "text"


def signed(data: bytes, name_suffix: str) -> str | None:
    """The reader of a file that its first bytes prove (None if they prove nothing);
    SourceError for the kinds no reader takes."""
    stripped = data[:PDF_WINDOW].lstrip(LEADING)
    if data.startswith(OLE2):
        return ole2(data)
    if data.startswith(ZIP):
        return zip_kind(data, name_suffix)
    if stripped.startswith(RTF):
        return "rtf"
    if stripped.startswith(PDF):
        return "pdf"
    binary = binary_kind(data)
    if binary:
        raise SourceError(f"is {binary}, not a document")
    return None


def marked(data: bytes) -> str | None:
    """The reader of a text file that says what it is: MIME headers of a saved page, Word 2003
    XML, a flat OpenDocument text."""
    if is_mime(data):
        return "mht"
    lower = data[:PDF_WINDOW].lstrip(LEADING).lower()
    if not lower.startswith((b"<?xml", WORD_XML[1])):
        return None
    if any(mark in lower for mark in WORD_XML):
        return "doc"
    return "odt" if FLAT_ODT in lower else None


def ole2(data: bytes) -> str:
    """The reader of an OLE2 compound file: "doc" for Word and WPS (and what LibreOffice may
    know); SourceError for an encrypted package or another Office kind."""
    for stream, kind in OLE2_STREAMS:
        if stream.encode("utf-16-le") in data:
            if kind == "encrypted":
                raise SourceError(ENCRYPTED)
            if kind != "doc":
                raise SourceError(f"is {kind}, not a Word document")
            return "doc"
    return "doc"


def zip_kind(data: bytes, name_suffix: str) -> str:
    """The reader of a zip package by the parts it holds: "docx", "odt" or "ofd"."""
    import zipfile  # only for zip packages: a text file does without it

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = [n.replace("\\", "/").lstrip("/") for n in archive.namelist()]
            lower = {n.lower() for n in names}
            mimetype = _mimetype(archive, names)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
        what = name_suffix if name_suffix in (".docx", ".odt", ".ofd") else "zip file"
        raise SourceError(f"is a damaged or truncated {what} (not a readable zip)") from None
    if mimetype.startswith(ODF_TEXT) or (not mimetype and "content.xml" in lower):
        return "odt"
    if mimetype.startswith("application/vnd.oasis.opendocument."):
        kind = mimetype.rsplit(".", 1)[-1].split("-")[0]
        what = ODF_KINDS.get(kind, f"an OpenDocument {kind}")
        raise SourceError(f"is {what} (OpenDocument), not a text document")
    other = any(n.startswith(prefix) for n in lower for prefix in ZIP_KINDS)
    if not other and (any(n.startswith("word/") for n in lower) or "[content_types].xml" in lower):
        return "docx"
    if "ofd.xml" in lower:
        return "ofd"
    for part, kind in ZIP_KINDS.items():
        if any(n.startswith(part) for n in lower):
            raise SourceError(f"is {kind}, not a document this reads")
    raise SourceError("is a ZIP archive but not a Word, OpenDocument or OFD file")


def _mimetype(archive: zipfile.ZipFile, names: list[str]) -> str:
    """The first bytes of an OpenDocument package's mimetype part (never more, however large
    it claims or turns out to be)."""
    import zipfile

    if "mimetype" not in names:
        return ""
    try:
        with archive.open(archive.infolist()[names.index("mimetype")]) as stream:
            return stream.read(100).decode("ascii", "replace").strip()
    except (RuntimeError, zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError):
        return ""


def binary_kind(data: bytes) -> str | None:
    """What a file of a kind that is never a document is, by its signature."""
    for signature, offset, kind in BINARY:
        if data[offset : offset + len(signature)] == signature:
            return kind
    return None


def is_mime(data: bytes) -> bool:
    """Whether a file begins with the MIME headers of a saved single-file page (.mht, .mhtml):
    header lines up to a blank one, among them MIME-Version or a multipart Content-Type."""
    head = data[:MIME_WINDOW].lstrip(LEADING)
    block = re.split(rb"\r?\n\r?\n", head, maxsplit=1)[0]
    lines = block.splitlines()
    if not lines or not all(MIME_HEADER.match(x) or x[:1] in (b" ", b"\t") for x in lines):
        return False
    lower = block.lower()
    return b"mime-version:" in lower or b"content-type: multipart/" in lower
