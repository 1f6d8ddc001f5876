"""Readers: each turns a file's bytes into the same text-with-lines that `parse` takes.

`read` tells the format by the content (`kinds.detect`: the first bytes, the parts of a zip or
OLE2 file, the headers of a saved page), by the file's suffix only for formats that have no
signature (web pages), and hands the bytes to that format's reader. A file named .docx that is
something else is read as what it is. Readers are pure and import their libraries only when
called, so that `outline --help` stays fast.

| reader | formats |
| --- | --- |
| text | plain text in any encoding Chinese documents use |
| docx | Word .docx, .docm, .dotx (and WPS's) |
| odt | OpenDocument text .odt, .ott, flat .fodt |
| html | web pages |
| mht | single-file pages: .mht, .mhtml |
| pdf | PDF with a text layer |
| ofd | OFD (GB/T 33190) |
| doc, rtf | binary Word and WPS (.doc, .wps), Word 2003 XML, RTF: through LibreOffice |
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

PDF_WINDOW = 1024
"""A PDF header may follow some junk within the first kilobyte (in a file named .pdf)."""


def _text(data: bytes, options: ReadOptions) -> SourceText:
    from outline.sources import text

    return text.read(data, options.encoding, options.unwrap)


def _docx(data: bytes, options: ReadOptions) -> SourceText:
    from outline.sources import docx

    return docx.read(data)


def _odt(data: bytes, options: ReadOptions) -> SourceText:
    from outline.sources import odt

    return odt.read(data)


def _html(data: bytes, options: ReadOptions) -> SourceText:
    from outline.sources import html

    return html.read(data, options.encoding, options.html_selector)


def _mht(data: bytes, options: ReadOptions) -> SourceText:
    from outline.sources import mht

    return mht.read(data, options.encoding, options.html_selector)


def _pdf(data: bytes, options: ReadOptions) -> SourceText:
    if b"%PDF-" not in data[:PDF_WINDOW]:
        raise SourceError("is not a PDF (it has no %PDF- header)")
    from outline.sources import pdf

    return pdf.read(data)


def _ofd(data: bytes, options: ReadOptions) -> SourceText:
    from outline.sources import ofd

    return ofd.read(data)


def _doc(data: bytes, options: ReadOptions) -> SourceText:
    from outline.sources import office

    return office.read(data, "doc")


def _rtf(data: bytes, options: ReadOptions) -> SourceText:
    from outline.sources import office

    return office.read(data, "rtf")


READERS: Mapping[str, Callable[[bytes, ReadOptions], SourceText]] = MappingProxyType(
    {
        "text": _text,
        "docx": _docx,
        "odt": _odt,
        "html": _html,
        "mht": _mht,
        "pdf": _pdf,
        "ofd": _ofd,
        "doc": _doc,
        "rtf": _rtf,
    }
)
"""Readers by format name; each module is imported on first use."""

SUFFIXES: Mapping[str, str] = MappingProxyType(
    {
        ".html": "html",
        ".htm": "html",
        ".xhtml": "html",
        ".shtml": "html",
        ".mht": "mht",
        ".mhtml": "mht",
        ".pdf": "pdf",
        ".fodt": "odt",
    }
)
"""Formats by file suffix, when the first bytes do not tell: web pages, which have no
signature, single-file pages whose headers are damaged, and PDF, whose header may follow some
junk."""
SIGNED = frozenset(
    {".docx", ".docm", ".dotx", ".doc", ".dot", ".wps", ".wpt", ".odt", ".ott", ".ofd", ".rtf"}
)
"""Suffixes of formats that their first bytes prove: a file so named that is something else is
read by what it holds, and said to be misnamed if that fails too."""
CONTENT_PROVEN = frozenset({"docx", "odt", "pdf", "ofd", "doc", "rtf", "mht"})
"""Readers chosen by what a file's bytes prove, whatever its name says."""


def _suffix(name: str) -> str:
    """The suffix of a file name, lower case ("" for none)."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    return base[base.rfind(".") :].lower() if "." in base else ""


def detect(data: bytes, name: str = "") -> str:
    """The format of a file, a key of `READERS`, by its content first; raises SourceError
    naming the kind of a file that no reader takes.

    >>> detect("一、总体要求".encode(), "plan.docx"), detect(b"%PDF-1.7", "plan.docx")
    ('text', 'pdf')
    """
    from outline.sources.kinds import detect as by_content

    return by_content(data, SUFFIXES, _suffix(name))


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
        if claimed not in SIGNED or format_ in CONTENT_PROVEN:
            raise
        message = f"is named {claimed} but does not begin as one; read as {format_}, it {e}"
        raise SourceError(message) from None
