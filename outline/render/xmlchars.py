"""Characters that XML 1.0 cannot hold, for the formats built on it (OPML, HTML, docx)."""

from __future__ import annotations

import re

NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Control characters (tab and line ends aside), lone surrogates and the two non-characters:
a parser rejects them, so a stray one in a document would make the whole file unreadable."""
REPLACEMENT = "\ufffd"


def xml_safe(text: str) -> str:
    """The text with each character XML cannot hold shown as �, so that none goes unnoticed.

    >>> xml_safe("一、总体\\x0b要求\\t")
    '一、总体�要求\\t'
    """
    return NOT_XML.sub(REPLACEMENT, text)
