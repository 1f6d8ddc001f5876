"""Names as the user sees them: a path in a message on one line, whatever bytes it holds; a
path as data (JSON, CSV, a page's title) in valid Unicode.

A file name is bytes on Linux; Python keeps the bytes that are not UTF-8 as lone surrogates,
which no UTF-8 output can hold. They are shown as `\\xff`, as `ls -b` shows them.
"""

from __future__ import annotations

import os

from outline.render.controls import visible


def printable(name: str) -> str:
    """A name in valid Unicode: each byte that is not UTF-8 written as \\xNN."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        try:
            raw = os.fsencode(name)
        except UnicodeEncodeError:  # a surrogate that stands for no byte
            return name.encode("utf-8", "backslashreplace").decode("utf-8")
        return raw.decode("utf-8", "backslashreplace")
    return name


def shown(name: str) -> str:
    """A name for a message on one line of a terminal: printable, its control characters
    (a line break, an escape sequence) written as escapes."""
    return visible(printable(name))
