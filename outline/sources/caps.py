"""What no real document needs: the bounds every reader keeps, so that a hostile file is refused
with one line instead of hanging or filling memory.

Each bound is far above what the largest real documents reach (a 1,000-page report is about
2 MB of text, 30,000 paragraphs and 40 MB of XML), and each has its message. docs/inputs.md
lists them for users.
"""

from __future__ import annotations

from dataclasses import dataclass

MIB = 2**20


@dataclass(frozen=True, slots=True)
class Caps:
    """The bounds of reading one file."""

    members: int = 50_000
    """Entries of a zip package (.docx, .odt, .ofd): an OFD has a few per page."""
    part_bytes: int = 256 * MIB
    """Bytes one part of a package may inflate to, whatever its header declares: it is read
    as a stream and refused as soon as it passes this."""
    package_bytes: int = 512 * MIB
    """Bytes all the parts read from one package may inflate to, together."""
    text_chars: int = 20_000_000
    """Characters of text a reader returns (ten times the longest real documents)."""
    paragraphs: int = 1_000_000
    """Paragraphs of a .docx or .odt, and lines of a PDF or OFD."""
    pages: int = 10_000
    """Pages of a PDF or OFD."""
    label_chars: int = 2_000
    """Characters of one numbering label (Word's longest, the letter format at 32767, has
    1,261); a longer label is cut there, not refused."""
    convert_seconds: float = 120.0
    """Seconds LibreOffice may take to convert a .doc, .wps or .rtf file."""
    mime_parts: int = 10_000
    """Parts of a saved single-file page (.mht)."""


CAPS = Caps()
"""The bounds in force."""
