"""Control characters in text for a terminal: shown as escapes (`\\x1b`), never acted on.

Kept apart from the renderers so that the command line's messages can use it without loading
the parser.
"""

from __future__ import annotations

import re

CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""Characters a terminal acts on rather than shows: C0 and C1 controls (an escape sequence can
clear the screen or write to the clipboard), DEL, and the bidirectional overrides and isolates
that reorder what is shown."""


NAMED_ESCAPES = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}
"""Control characters with an escape of their own, as Python writes them."""


def visible(text: str, keep: str = "") -> str:
    r"""A text with its control characters (but those in `keep`) written as escapes, so that a
    terminal shows them instead of acting on them.

    >>> visible("一、\x1b]52;c;aGk=\x07目标\u202e"), visible("a\tb\n", keep="\n")
    ('一、\\x1b]52;c;aGk=\\x07目标\\u202e', 'a\\tb\n')
    """
    if CONTROLS.search(text) is None:
        return text
    return CONTROLS.sub(lambda m: _escape(m.group(), keep), text)


def _escape(char: str, keep: str) -> str:
    if char in keep:
        return char
    if char in NAMED_ESCAPES:
        return NAMED_ESCAPES[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
