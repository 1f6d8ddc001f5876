"""Readers: each turns a file's bytes into the same text-with-lines that `parse` takes.

`read` tells the format by the first bytes where it can (a zip package is a .docx, %PDF a PDF,
an OLE2 compound file a binary .doc or .wps), else by the file's suffix for formats that have
no such signature (web pages), else by the content (markup or text); and hands the bytes to
that format's reader. A file named .docx that does not begin as one is read by what it holds.
Readers are pure and import their libraries only when called, so that `outline --help`
stays fast.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

from outline.sources.model import ReadOptions, SourceError, SourceText, Styled
from outline.sources.text import decode

__all__ = [
    "READERS",
    "ReadOptions",
    "SourceError",
    "SourceText",
    "Styled",
    "decode",
    "detect",
    "read",
]


def _text(data: bytes, options: ReadOptions) -> SourceText:
    from outline.sources import text

    return text.read(data, options.encoding, options.unwrap)


def _docx(data: bytes, options: ReadOptions) -> SourceText:
    from outline.sources import docx

    return docx.read(data)


def _html(data: bytes, options: ReadOptions) -> SourceText:
    from outline.sources import html

    return html.read(data, options.encoding, options.html_selector)


def _pdf(data: bytes, options: ReadOptions) -> SourceText:
    if PDF not in data[:PDF_WINDOW]:
        raise SourceError("is not a PDF (it has no %PDF- header)")
    from outline.sources import pdf

    return pdf.read(data)


READERS: Mapping[str, Callable[[bytes, ReadOptions], SourceText]] = MappingProxyType(
    {"text": _text, "docx": _docx, "html": _html, "pdf": _pdf}
)
"""Readers by format name; each module is imported on first use."""

SUFFIXES: Mapping[str, str] = MappingProxyType(
    {".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html", ".pdf": "pdf"}
)
"""Formats by file suffix, when the first bytes do not tell: web pages, which have no
signature, and PDF, whose header may follow some junk."""
SIGNED = frozenset({".docx", ".docm", ".doc", ".wps"})
"""Suffixes of formats that their first bytes prove: a file so named that does not begin as
one is read by what it holds, and said to be misnamed if that fails too."""

ZIP = b"PK\x03\x04"
EMPTY_ZIP = b"PK\x05\x06"
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
RTF = b"{\\rtf"
PDF = b"%PDF-"
PDF_WINDOW = 1024
"""A PDF header may follow some junk within the first kilobyte (in a file named .pdf)."""
LEADING = b"\xef\xbb\xbf \t\r\n\f"
"""What may stand before a signature: a UTF-8 byte order mark, white space."""
HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<meta", b"<body", b"<?xml")
CONVERT = "convert it first: soffice --headless --convert-to docx FILE"


def _suffix(name: str) -> str:
    """The suffix of a file name, lower case ("" for none)."""
    base = name.rsplit("/", 1)[-1]
    return base[base.rfind(".") :].lower() if "." in base else ""


def detect(data: bytes, name: str = "") -> str:
    """The format of a file, a key of `READERS`; raises SourceError for known formats that
    cannot be read (binary Word and WPS files, RTF).

    >>> detect("一、总体要求".encode(), "plan.docx"), detect(b"%PDF-1.7", "plan.docx")
    ('text', 'pdf')
    """
    if data.startswith(OLE2):
        raise SourceError(f"is a binary Word or WPS file (.doc, .wps): {CONVERT}")
    if data.startswith(RTF):
        raise SourceError(f"is an RTF file: {CONVERT}")
    if data.startswith((ZIP, EMPTY_ZIP)):
        return "docx"
    head = data[:PDF_WINDOW]
    if head.lstrip(LEADING).startswith(PDF):
        return "pdf"
    if _suffix(name) in SUFFIXES:
        return SUFFIXES[_suffix(name)]
    head = head.lstrip(LEADING).lower()
    if head.startswith(HTML_STARTS) and (b"<html" in head or b"<body" in head or b"<head" in head):
        return "html"
    return "text"


def read(data: bytes, name: str = "", options: ReadOptions | None = None) -> SourceText:
    """A file's bytes as text for the parser, by the reader of its format; `name` (a path)
    tells the format when the first bytes do not.

    >>> read("一、总体要求\\n".encode("gbk")).encoding
    'gb18030'
    """
    options = options or ReadOptions()
    format_ = detect(data, name)
    try:
        return READERS[format_](data, options)
    except SourceError as e:
        claimed = _suffix(name)
        if claimed not in SIGNED or format_ in ("docx", "pdf"):
            raise
        message = f"is named {claimed} but does not begin as one; read as {format_}, it {e}"
        raise SourceError(message) from None
