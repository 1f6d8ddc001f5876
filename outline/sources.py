"""Turning a file's bytes into text: encoding detection that is right for Chinese documents."""

from __future__ import annotations

import codecs
import re

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
GUESSES = ("utf-8", "gb18030", "big5")
"""Tried in this order when there is no byte order mark."""
SUSPICIOUS = re.compile("[\ufffd\ue000-\uf8ff]|[\x00-\x08\x0e-\x1f]")
"""Replacement, private-use and control characters: signs that a guess was wrong."""
BINARY_SAMPLE = 8192


class SourceError(Exception):
    """A file that cannot be read as a document; the message is one line for the user."""


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """The text of a document's bytes, and the encoding it was read with.

    `encoding` forces one; otherwise a byte order mark decides, then strict UTF-8, then strict
    GB18030 (which covers GBK and GB2312), then Big5; a guess whose result holds private-use or
    replacement characters is passed over.
    """
    if encoding:
        return _forced(data, encoding), encoding
    for bom, name in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as e:
                message = f"starts as {name} but is not ({e.reason} at byte {e.start})"
                raise SourceError(message) from None
    if not data.strip():
        raise SourceError("is empty")
    if b"\x00" in data[:BINARY_SAMPLE]:
        raise SourceError("is a binary file, not text")
    for name in GUESSES:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if name == "utf-8" or not SUSPICIOUS.search(text):
            return text, name
    raise SourceError("is not text in UTF-8, UTF-16, GB18030/GBK or Big5 (try --encoding)")


def _forced(data: bytes, encoding: str) -> str:
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise SourceError(f"unknown encoding {encoding!r}") from None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as e:
        raise SourceError(f"is not {encoding} ({e.reason} at byte {e.start})") from None
